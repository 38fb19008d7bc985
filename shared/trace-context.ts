import { randomBytes } from 'node:crypto';

/**
 * W3C Trace Context (`traceparent: 00-<trace-id>-<parent-id>-<flags>`), as the Logboek
 * Dataverwerkingen asks: a request keeps the caller's trace id, or starts a trace; each request
 * is a span of its own. An unreadable header is ignored, as the standard says, never refused.
 */
export interface TraceContext {
  traceId: string;
  spanId: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function traceContextOf(traceparent: string | undefined): TraceContext {
  const match = TRACEPARENT.exec(traceparent?.trim() ?? '');
  const version = match?.[1];
  const traceId = match?.[2];
  const valid = match && version !== 'ff' && traceId && !/^0+$/.test(traceId) && !/^0+$/.test(match[3] ?? '');
  return { traceId: valid && traceId ? traceId : newTraceId(), spanId: newSpanId() };
}

export const newTraceId = (): string => randomBytes(16).toString('hex');
export const newSpanId = (): string => randomBytes(8).toString('hex');

/** The header sent back: the same trace, this request's span as the parent of what follows, sampled. */
export const traceparentOf = (trace: TraceContext): string => `00-${trace.traceId}-${trace.spanId}-01`;

export const isTraceId = (value: string): boolean => /^[0-9a-f]{32}$/.test(value) && !/^0+$/.test(value);
