/**
 * The structured logs never hold personal data. Our code logs only ids, routes, statuses and
 * error names; this is the net under that rule, by field: fields that carry a resident's data
 * are replaced wherever they appear, and in any other text a run of nine digits (a BSN's
 * shape) is cut out. Id fields are left whole: a request id or trace id often holds nine
 * digits in a row, and cutting them would break following one request through the logs.
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

/** Ids of requests, traces and records: random or opaque, never personal, and needed whole. */
const ID_FIELDS = new Set([
  'requestId',
  'traceId',
  'spanId',
  'xray_trace_id',
  'function_request_id',
  'correlation_id',
  'function_arn',
  'escalationId',
  'householdId',
  'intakeId',
  'teamId',
]);

const NINE_DIGITS = /(?<!\d)\d{9}(?!\d)/g;

export const REDACTED = '[redacted]';

export function redactPersonalData(key: string, value: unknown): unknown {
  if (PERSONAL_FIELDS.has(key)) return REDACTED;
  if (ID_FIELDS.has(key)) return value;
  if (typeof value === 'string') return value.replace(NINE_DIGITS, REDACTED);
  return value;
}
