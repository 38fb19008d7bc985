import type { DomainError } from '../errors.ts';

/** Raised by a store when a conditional write lost a race; the use case reads again and retries. */
export class ConcurrentChange extends Error {
  constructor(what: string) {
    super(`concurrent change: ${what}`);
    this.name = 'ConcurrentChange';
  }
}

/**
 * For `.catch()` on a conditional write: a lost race becomes the problem the caller sees
 * (409, 412 …); any other error passes through unchanged.
 */
export const raceLostAs =
  (problem: () => DomainError) =>
  (error: unknown): never => {
    if (error instanceof ConcurrentChange) throw problem();
    throw error;
  };

/**
 * Waits a random part of `baseMs × 2^attempt` (the exponent capped at `maxExponent`): spreads the
 * retries of writers that lost the same race, so they do not collide again.
 */
export const jitter = (attempt: number, baseMs: number, maxExponent = Number.POSITIVE_INFINITY) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * baseMs * 2 ** Math.min(attempt, maxExponent)));

/**
 * Runs `attemptOnce` (which reads afresh each time) again while it loses a race to another
 * writer, at most `attempts` times, with jittered waits between; when every attempt lost, the
 * caller's problem (409). Any other error passes through at once.
 */
export async function retryLostRaces<T>(
  retry: { attempts: number; baseMs: number; maxExponent?: number; exhausted: () => DomainError },
  attemptOnce: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce();
    } catch (error) {
      if (!(error instanceof ConcurrentChange)) throw error;
      if (attempt >= retry.attempts) throw retry.exhausted();
      await jitter(attempt, retry.baseMs, retry.maxExponent);
    }
  }
}
