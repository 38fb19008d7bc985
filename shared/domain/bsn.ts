const BSN_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/** The 11-proef for a burgerservicenummer: nine digits, weighted sum divisible by 11. */
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(bsn[i]) * (BSN_WEIGHTS[i] ?? 0);
  // An all-zero number passes the arithmetic but is never issued.
  return sum % 11 === 0 && sum !== 0;
}

/** What professionals see of a BSN: only the last three digits. */
export function maskBsn(bsn: string): string {
  return `******${bsn.slice(-3)}`;
}
