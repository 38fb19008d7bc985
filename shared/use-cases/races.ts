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
