import * as z from 'zod/mini';
import { CASE_WORKERS, TEAM_LEADERS } from '#shared/domain/access.ts';
import { REASON_LENGTH, REVIEW_NOTE_MAX, VERDICTS } from '#shared/domain/break-glass.ts';
import { defineRoute } from '../http/contract.ts';
import { Bsn, HouseNumber, HouseNumberAddition, ListQuery, Postcode } from '../http/schemas.ts';

/**
 * Break-glass for acute situations (v1.2 rule 17, "Break-glass for acute situations"): the
 * interventieteam opens a household outside its reach for eight hours; the household's team
 * leaders review it. What the grant then reaches is served by the household routes themselves.
 */
const Reason = z
  .string()
  .check(
    z.trim(),
    z.minLength(REASON_LENGTH.min, `must be at least ${REASON_LENGTH.min} characters: say what is acute`),
    z.maxLength(REASON_LENGTH.max),
  );

const ByBsn = z.strictObject({ bsn: Bsn, reason: Reason });
const ByAddress = z.strictObject({
  postcode: Postcode,
  houseNumber: HouseNumber,
  houseNumberAddition: z.optional(HouseNumberAddition),
  reason: Reason,
});

export const breakGlassRoute = defineRoute({
  operationId: 'breakGlass',
  method: 'POST',
  path: '/break-glass',
  fn: 'breakglass',
  summary: "Break the glass: read an open household outside your reach for 8 hours (the interventieteam's wijkcoaches and teamleiders)",
  tag: 'Break-glass',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'break_glass',
  processingActivity: 'break-glass',
  body: z.union([ByBsn, ByAddress]).register(z.globalRegistry, {
    id: 'BreakGlassRequest',
    description: 'The household by a member’s BSN or by its address, and why it is acute.',
  }),
  success: {
    status: 201,
    description: 'The grant: until when it lasts.',
    headers: { Location: 'The household opened.' },
  },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'],
});

export const reviewGrantRoute = defineRoute({
  operationId: 'reviewBreakGlassGrant',
  method: 'POST',
  path: '/break-glass/{id}/review',
  fn: 'breakglass',
  summary: 'Review a break-glass grant on one of your team’s households, once (a second review: 409)',
  tag: 'Break-glass',
  auth: 'jwt',
  roles: TEAM_LEADERS,
  purpose: 'break_glass',
  processingActivity: 'break-glass',
  params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }),
  body: z
    .strictObject({ verdict: z.enum(VERDICTS), note: z.string().check(z.trim(), z.minLength(1), z.maxLength(REVIEW_NOTE_MAX)) })
    .register(z.globalRegistry, { id: 'BreakGlassReview', description: 'Whether the access was justified, and why.' }),
  success: { status: 200, description: 'The grant, reviewed.' },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'],
});

export const listGrantsRoute = defineRoute({
  operationId: 'listBreakGlassGrants',
  method: 'GET',
  path: '/break-glass',
  fn: 'breakglass',
  summary: "The break-glass grants on a team's households, newest first (that team's team leaders)",
  tag: 'Break-glass',
  auth: 'jwt',
  roles: TEAM_LEADERS,
  purpose: 'break_glass',
  processingActivity: 'break-glass',
  query: z.object({
    teamId: z.string().check(z.minLength(1), z.maxLength(100)),
    reviewed: z
      .pipe(
        z.optional(z.enum(['true', 'false'])),
        z.transform((value) => (value === undefined ? undefined : value === 'true')),
      )
      .register(z.globalRegistry, { description: 'false: only those still to review; true: only the reviewed; left out: all.' }),
    ...ListQuery,
  }),
  success: {
    status: 200,
    description: 'A page of grants.',
  },
  errors: ['invalid_input', 'forbidden'],
});

export const breakGlassRoutes = [breakGlassRoute, reviewGrantRoute, listGrantsRoute];
