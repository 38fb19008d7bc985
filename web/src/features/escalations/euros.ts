/**
 * An amount in euros as a person types it in a Dutch form (issue 26): `1.950,75`, `1950,75`,
 * `€ 1.950`, `2500`, and as a plain decimal `1950.75`. A comma is the decimal mark, dots then
 * group thousands; without a comma, dots that group three digits are thousands (`1.950` is
 * 1950, as a Dutch reader means it) and a single dot before one or two digits is a decimal mark.
 * Empty: no amount (`undefined`); anything else that is no amount of euros: `null`.
 */
export function euros(text: string): { amount: number; currency: 'EUR' } | undefined | null {
  const typed = text.replace(/€|eur(o)?/gi, '').replace(/\s/g, '');
  if (!typed) return undefined;
  let plain: string | undefined;
  if (/^\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(typed) || /^\d+(,\d{1,2})?$/.test(typed)) plain = typed.replaceAll('.', '').replace(',', '.');
  else if (/^\d+\.\d{1,2}$/.test(typed)) plain = typed;
  const amount = plain === undefined ? Number.NaN : Number(plain);
  return Number.isFinite(amount) ? { amount, currency: 'EUR' } : null;
}
