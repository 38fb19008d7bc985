/**
 * The structured logs never hold personal data. Our code logs only ids, routes, statuses and
 * error names; this is the net under that rule: fields that carry a resident's data are
 * replaced wherever they appear, and so is any run of nine digits (a BSN's shape).
 */
const PERSONAL_FIELDS = new Set([
  'question',
  'story',
  'name',
  'bsn',
  'birthDate',
  'members',
  'address',
  'postcode',
  'houseNumber',
  'houseNumberAddition',
  'resolution',
  'note',
  'motivation',
  'information',
  'blockage',
  'proposal',
  'outcome',
  'reason',
  'agreedBy',
  'description',
  'body',
  'authorization',
  'token',
  'taskToken',
]);

const NINE_DIGITS = /(?<!\d)\d{9}(?!\d)/g;

export const REDACTED = '[redacted]';

export function redactPersonalData(key: string, value: unknown): unknown {
  if (PERSONAL_FIELDS.has(key)) return REDACTED;
  if (typeof value === 'string') return value.replace(NINE_DIGITS, REDACTED);
  return value;
}
