/**
 * `make` once, on the first call, and keep it for the instance's life: what a function needs
 * but need not build at import (the look-up key, the ports made with it, the Step Functions
 * client, the OpenAPI document). A failure is not kept, so the next request tries again.
 */
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
