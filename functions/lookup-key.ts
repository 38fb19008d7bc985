/**
 * The city's look-up key (HMAC key of the BSN and address look-ups, and of the sealed intake
 * ids), as a function gets it: fetched on the first request that needs it and kept for the
 * instance's life (`onFirstUse`), so that importing a function makes no AWS call.
 */
export type LookupKeySource = () => Promise<Uint8Array>;
