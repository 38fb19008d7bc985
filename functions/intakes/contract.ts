import * as z from 'zod/mini';
import { TEAM_WORKERS } from '#shared/domain/access.ts';
import { MEMBER_ROLES } from '#shared/domain/household.ts';
import { CHANNELS, TRIAGE_OUTCOMES, URGENCIES } from '#shared/domain/intake.ts';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { defineRoute } from '../http/contract.ts';
import { Bsn, DateNotInFuture, HouseNumber, HouseNumberAddition, IdempotencyHeaders, Postcode, Source } from '../http/schemas.ts';

const Member = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  birthDate: DateNotInFuture,
  bsn: z.optional(Bsn),
  role: z.enum(MEMBER_ROLES),
});

const Address = z.strictObject({ postcode: Postcode, houseNumber: HouseNumber, houseNumberAddition: z.optional(HouseNumberAddition) });

export const NewIntake = z
  .strictObject({
    teamId: z.string().check(z.minLength(1), z.maxLength(100)),
    channel: z.enum(CHANNELS),
    urgency: z.enum(URGENCIES),
    question: z
      .string()
      .check(z.trim(), z.minLength(1), z.maxLength(10000))
      .register(z.globalRegistry, { description: "The resident's story, in their own words." }),
    domains: z.array(z.enum(LIFE_DOMAINS)).check(z.minLength(1), z.maxLength(LIFE_DOMAINS.length)),
    household: z.strictObject({
      address: Address,
      members: z.array(Member).check(
        z.minLength(1),
        z.maxLength(30),
        z.refine((members) => {
          const bsns = members.flatMap((m) => (m.bsn ? [m.bsn] : []));
          return new Set(bsns).size === bsns.length;
        }, 'each member has a BSN of their own'),
      ),
    }),
    source: z.optional(Source),
  })
  .register(z.globalRegistry, { id: 'NewIntake', description: "A question for help, registered once with the resident's own story." });

export const TriageRequest = z
  .strictObject({
    outcome: z.enum(TRIAGE_OUTCOMES),
    resolution: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(10000))),
    coachId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    complexity: z.optional(z.enum(['simple', 'complex'])),
  })
  .register(z.globalRegistry, { id: 'TriageRequest', description: 'The outcome of the triage: resolved at once, or referred.' });

const IntakeParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) });

export const registerIntakeRoute = defineRoute({
  operationId: 'registerIntake',
  method: 'POST',
  path: '/intakes',
  fn: 'intakes',
  summary: "Register an intake with the resident's story",
  tag: 'Intakes',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'registration of a request for help',
  processingActivity: 'intake-registration',
  body: NewIntake,
  headers: IdempotencyHeaders,
  success: {
    status: 201,
    description: 'The intake, linked to a new or an existing household.',
    headers: { Location: 'The new intake.' },
  },
  errors: ['invalid_input', 'forbidden', 'conflict', 'payload_too_large', 'unsupported_media_type'],
});

export const readIntakeRoute = defineRoute({
  operationId: 'getIntake',
  method: 'GET',
  path: '/intakes/{id}',
  fn: 'intakes',
  summary: 'Read an intake',
  tag: 'Intakes',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'handling a request for help',
  processingActivity: 'triage',
  params: IntakeParams,
  success: { status: 200, description: 'The intake.' },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const triageIntakeRoute = defineRoute({
  operationId: 'triageIntake',
  method: 'POST',
  path: '/intakes/{id}/triage',
  fn: 'intakes',
  summary: 'Triage an intake: resolve it or route it',
  tag: 'Intakes',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'triage of a request for help',
  processingActivity: 'triage',
  params: IntakeParams,
  body: TriageRequest,
  success: { status: 200, description: 'The triaged intake.' },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'payload_too_large', 'unsupported_media_type'],
});

export const intakeRoutes = [registerIntakeRoute, readIntakeRoute, triageIntakeRoute];
