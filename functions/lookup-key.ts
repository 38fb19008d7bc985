/**
 * The city's look-up key (HMAC key of the BSN and address look-ups, and of the sealed intake
 * ids), as a function gets it: fetched on the first request that needs it and kept for the
 * instance's life, so that importing a function makes no AWS call (issue: what deploys starts fast).
 */
export type LookupKeySource = () => Promise<Uint8Array>;

/** `make` once, on the first call (the look-up key, a function's ports, the OpenAPI document); a failure is not kept, so the next request tries again. */
export function onFirstUse<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= make().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
