import * as z from 'zod/mini';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { Consent, orNull } from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import { ActionStatus, CalendarDate, DataKind, DisclosureBasis, Timestamp } from '../http/schemas.ts';
import type { residentRoutes } from './contract.ts';

/**
 * The resident's own view (v1.2 rule 18, "The resident's own view"): a resident signed in with
 * DigiD through the city's broker reaches their own household only. These routes take no
 * professional's token (403), and no professional's route takes a resident's.
 */
export const MyPlan = z
  .object({
    status: z.enum(['draft', 'active', 'closed']),
    version: z.int().register(z.globalRegistry, { description: 'Send it back when you agree, so you agree to what you read.' }),
    evaluationDate: CalendarDate,
    goals: z.array(
      z.object({
        domain: z.enum(LIFE_DOMAINS),
        description: z.string(),
        actions: z.array(
          z.object({
            id: z.string(),
            description: z.string(),
            who: z
              .string()
              .register(z.globalRegistry, { description: "The team member's name, or the involved party's name and organisation." }),
            dueDate: CalendarDate,
            status: ActionStatus,
          }),
        ),
      }),
    ),
    agreedBy: z.optional(z.string()),
    agreedAt: z.optional(Timestamp),
    agreedVia: z
      .optional(z.literal('digid'))
      .register(z.globalRegistry, { description: '`digid`: you agreed yourself, signed in with DigiD.' }),
    changedSinceAgreement: z
      .optional(z.literal(true))
      .register(z.globalRegistry, { description: 'The plan changed since it was agreed: it asks your agreement again.' }),
  })
  .register(z.globalRegistry, { id: 'MyPlan', description: 'Your household’s plan: the goals, and who does what by when.' });

export const MyHousehold = z
  .object({
    me: z
      .object({ memberId: z.string(), name: z.string() })
      .register(z.globalRegistry, { description: 'You, as a member of the household.' }),
    address: z.object({ postcode: z.string(), houseNumber: z.string(), houseNumberAddition: z.optional(z.string()) }),
    members: z.array(z.object({ memberId: z.string(), name: z.string(), birthDate: CalendarDate })),
    team: z.object({ id: z.string(), name: z.string() }),
    regisseur: orNull(z.object({ name: z.nullable(z.string()) })),
    plan: orNull(MyPlan),
    involved: z.array(z.object({ name: z.string(), organisation: z.optional(z.string()), role: z.optional(z.string()) })),
    consents: z
      .array(
        z
          .omit(Consent, { recordedBy: true, withdrawnBy: true })
          .register(z.globalRegistry, { id: 'MyConsent', description: 'A consent you gave.' }),
      )
      .register(z.globalRegistry, {
        description: 'Your own consents only (who recorded them is not said: a professional is named by organisation only).',
      }),
    disclosures: z
      .array(z.object({ at: Timestamp, to: z.object({ organisation: z.string() }), dataKinds: z.array(DataKind), basis: DisclosureBasis }))
      .register(z.globalRegistry, { description: 'What of your data was handed to whom, on which basis.' }),
  })
  .register(z.globalRegistry, {
    id: 'MyHousehold',
    description: 'Your own household as you may see it: never a BSN, a restricted note, a signal or a doorbraak.',
  });

export const ResidentLogLine = z
  .object({
    at: Timestamp,
    activity: orNull(z.object({ id: z.string(), name: z.string(), purpose: z.string(), legalBasis: z.string() })).register(
      z.globalRegistry,
      {
        description: 'The entry of the register of processing activities, in the version the line was written under.',
      },
    ),
    action: z.enum(['read', 'create', 'update', 'delete', 'export', 'disclose']),
    organisation: z.string().register(z.globalRegistry, { description: 'The organisation that processed the data (never a person).' }),
    role: z.string().register(z.globalRegistry, {
      description:
        'The role it was done in: a professional role, `resident` (you, or another adult of your household signed in with DigiD), or `system` (the doorbraak flow).',
    }),
  })
  .register(z.globalRegistry, {
    id: 'ResidentLogLine',
    description: 'What was done with your data, when, why and by which organisation and role.',
  });

/** The answers of the resident function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const residentAnswers = {
  getMyHousehold: MyHousehold,
  messageMyRegisseur: z
    .object({ id: z.string(), at: Timestamp })
    .register(z.globalRegistry, { id: 'ResidentMessageReceived', description: 'Your message, as it is kept.' }),
  getMyProcessingLog: z
    .object({ items: z.array(ResidentLogLine), nextCursor: z.nullable(z.string()) })
    .register(z.globalRegistry, { id: 'ResidentLogPage', description: 'A page of your processing log.' }),
  agreeToMyPlan: MyPlan,
  withdrawMyConsent: z.omit(Consent, { recordedBy: true, withdrawnBy: true }),
} satisfies AnswersOf<(typeof residentRoutes)[number]>;
