import { createHmac } from 'node:crypto';
import type { LookupHasher } from './use-cases/ports.ts';

/**
 * HMAC-SHA256 with a secret key per city: the same BSN always gives the same look-up key,
 * yet nobody holding only the table can turn a key back into a BSN by trying all
 * billion numbers, as they could with a plain hash.
 */
export function hmacLookupHasher(key: Uint8Array): LookupHasher {
  if (key.byteLength < 32) throw new Error('the look-up key must be at least 256 bits');
  const mac = (kind: string, value: string) => createHmac('sha256', key).update(`${kind}:${value}`).digest('base64url');
  return {
    bsn: (bsn) => mac('bsn', bsn),
    address: (address) => mac('address', address),
    digest: (value) => mac('digest', value),
  };
}
