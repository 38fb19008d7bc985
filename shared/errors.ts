/**
 * Every error the domain and the HTTP pipeline raise, and the one place where each maps to
 * its HTTP status and title. Every one is answered as problem+json (RFC 9457) but
 * `unauthenticated`: the pipeline answers that 401 with the JWT authorizer's own fixed body, so a
 * client sees one 401 whether the gateway or a function refused the token. Details never carry
 * personal data: they name fields and states, never values.
 */
export interface InvalidParam {
  name: string;
  code: InvalidParamCode;
  /** For developers, in English; a client says the `code` in its own words (the web client: `t.problems.params`). */
  reason: string;
}

/** zod 4's issue codes (`z.ZodIssueCode`): the pipeline passes a request's issues on by them. */
const ZOD_ISSUE_CODES = [
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
] as const;

/** What a rule of the domain finds wrong with a field, beyond what the schema checks. */
const RULE_CODES = [
  'malformed_json',
  'required',
  'not_allowed',
  'unknown_team',
  'not_on_roster',
  'owner_not_on_roster',
  'unknown_action',
  'unknown_domain',
  'unknown_member',
  'unknown_involved',
  'unknown_consent',
  'not_gezag_holder',
  'in_the_past',
  'in_future',
  'too_early',
  'too_late',
  'before_receipt',
  'invalid_cursor',
  'criterion_required',
  'one_criterion_only',
  'too_short',
  'too_many_matches',
  'contains_bsn',
  'contains_name',
] as const;

/**
 * Every `invalidParams[].code` the API can answer: one list, published as an enum in the OpenAPI
 * document, so that a client can say each in its own language (issue 26) and a code added in a
 * rule without being listed here fails the type check.
 */
export const INVALID_PARAM_CODES = [...ZOD_ISSUE_CODES, ...RULE_CODES] as const;
export type InvalidParamCode = (typeof INVALID_PARAM_CODES)[number];

const PROBLEMS = {
  invalid_input: { status: 400, title: 'Invalid input' },
  unauthenticated: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  /** Rule 16: a disclosure without a consent or legal basis that covers every part of it. */
  no_basis: { status: 409, title: 'No basis for disclosure' },
  precondition_failed: { status: 412, title: 'Precondition failed' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  precondition_required: { status: 428, title: 'Precondition required' },
  service_unavailable: { status: 503, title: 'Service unavailable' },
  /** v1.2: the city's BRP is down, slow, refusing or not configured; an intake by hand still works. */
  brp_unavailable: { status: 503, title: 'BRP unavailable' },
  internal: { status: 500, title: 'Internal server error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

/** A problem's `type`: a URI per code (`https://wijkteams.nl/problems/invalid-input`). */
export const problemType = (code: ProblemCode) => `https://wijkteams.nl/problems/${code.replaceAll('_', '-')}`;
/** Every problem `type` the API can answer, for the OpenAPI document's enum. */
export const PROBLEM_TYPES = (Object.keys(PROBLEMS) as ProblemCode[]).map(problemType);

export class DomainError extends Error {
  readonly code: ProblemCode;
  readonly invalidParams: InvalidParam[];
  constructor(code: ProblemCode, detail: string, invalidParams: InvalidParam[] = []) {
    super(detail);
    this.name = 'DomainError';
    this.code = code;
    this.invalidParams = invalidParams;
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }
}

/** No valid token: the pipeline raises it when the claims name no one it knows. */
export const unauthenticated = () => new DomainError('unauthenticated', 'Unauthorized');
export const invalidInput = (detail: string, invalidParams: InvalidParam[] = []) => new DomainError('invalid_input', detail, invalidParams);
export const forbidden = (detail: string) => new DomainError('forbidden', detail);
export const notFound = (resource: string) => new DomainError('not_found', `${resource} not found`);
export const conflict = (detail: string) => new DomainError('conflict', detail);
export const noBasis = (detail: string) => new DomainError('no_basis', detail);
export const brpUnavailable = () =>
  new DomainError('brp_unavailable', 'The BRP could not be reached: fill in the members by hand, or try again later.');
export const preconditionFailed = (detail: string) => new DomainError('precondition_failed', detail);
export const preconditionRequired = (detail: string) => new DomainError('precondition_required', detail);
export const unsupportedMediaType = (detail: string) => new DomainError('unsupported_media_type', detail);
export const payloadTooLarge = (detail: string) => new DomainError('payload_too_large', detail);
/** `cause`: what made the service unavailable, kept for the log (never shown to the client). */
export const serviceUnavailable = (detail: string, cause?: unknown) =>
  Object.assign(new DomainError('service_unavailable', detail), cause === undefined ? {} : { cause });

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  invalidParams?: InvalidParam[];
}

const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionInProgressException',
]);
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

/**
 * The name of a thrown error: the AWS SDK throws each service error as an Error whose name is
 * the service's error code (`ConditionalCheckFailedException`), but types what it throws as
 * unknown; undefined for anything thrown without a name.
 */
export function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : undefined;
}

/** A dependency that is down, throttling or unreachable: the client may retry, so 503 rather than 500. */
export function isTransient(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const name = errorName(error);
  // Node's system errors carry their code (ECONNRESET); an AggregateError (a failed connect to each address) its errors.
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if ((name && TRANSIENT_NAMES.has(name)) || (code && TRANSIENT_CODES.has(code))) return true;
  return 'errors' in error && Array.isArray(error.errors) && error.errors.some(isTransient);
}

/** Anything that is not a DomainError is our fault: a 500 that says nothing about the cause. */
export function toProblem(error: unknown, instance: string): Problem {
  const known =
    error instanceof DomainError
      ? error
      : isTransient(error)
        ? serviceUnavailable('A service this API depends on is unavailable for a moment. Try again shortly.')
        : undefined;
  const code: ProblemCode = known?.code ?? 'internal';
  const { status, title } = PROBLEMS[code];
  const problem: Problem = {
    type: problemType(code),
    title,
    status,
    detail: known?.message ?? 'The request could not be completed. It has been logged with its trace id.',
    instance,
  };
  if (known && known.invalidParams.length > 0) problem.invalidParams = known.invalidParams;
  return problem;
}

/** Each error's status and title, for the OpenAPI document. */
export const problemStatuses: Readonly<Record<ProblemCode, { readonly status: number; readonly title: string }>> = PROBLEMS;
