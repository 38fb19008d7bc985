import type { IncomingMessage } from 'node:http';

/**
 * Reads a request's whole body, also past the limit (keeping nothing beyond it): leaving the
 * rest unread would make Node parse it as the next request on a keep-alive connection.
 */
export async function readPayload(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return size > maxBytes ? 'too_large' : Buffer.concat(chunks);
}

/** A small JSON body (the local sign-in forms, the BRP stand-in's search): `undefined` when too large or not JSON. */
export async function readJson(req: IncomingMessage, maxBytes = 10_000): Promise<unknown> {
  const payload = await readPayload(req, maxBytes);
  if (payload === 'too_large') return undefined;
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch {
    return undefined;
  }
}
