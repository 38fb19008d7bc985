import * as z from 'zod';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { defineRoute } from '../http/contract.ts';
import { ActionStatus, CalendarDate, Consent, DataKind, DisclosureBasis, ListQuery, orNull, Timestamp } from '../http/schemas.ts';

/**
 * The resident's own view (v1.2 rule 18, "The resident's own view"): a resident signed in with
 * DigiD through the city's broker reaches their own household only. These routes take no
 * professional's token (403), and no professional's route takes a resident's.
 */
const MyPlan = z
  .object({
    status: z.enum(['draft', 'active', 'closed']),
    version: z.number().int().meta({ description: 'Send it back when you agree, so you agree to what you read.' }),
    evaluationDate: CalendarDate,
    goals: z.array(
      z.object({
        domain: z.enum(LIFE_DOMAINS),
        description: z.string(),
        actions: z.array(
          z.object({
            id: z.string(),
            description: z.string(),
            who: z.string().meta({ description: "The team member's name, or the involved party's name and organisation." }),
            dueDate: CalendarDate,
            status: ActionStatus,
          }),
        ),
      }),
    ),
    agreedBy: z.string().optional(),
    agreedAt: Timestamp.optional(),
    agreedVia: z.literal('digid').optional().meta({ description: '`digid`: you agreed yourself, signed in with DigiD.' }),
    changedSinceAgreement: z
      .literal(true)
      .optional()
      .meta({ description: 'The plan changed since it was agreed: it asks your agreement again.' }),
  })
  .meta({ id: 'MyPlan', description: 'Your household’s plan: the goals, and who does what by when.' });

const MyHousehold = z
  .object({
    me: z.object({ memberId: z.string(), name: z.string() }).meta({ description: 'You, as a member of the household.' }),
    address: z.object({ postcode: z.string(), houseNumber: z.string(), houseNumberAddition: z.string().optional() }),
    members: z.array(z.object({ memberId: z.string(), name: z.string(), birthDate: CalendarDate })),
    team: z.object({ id: z.string(), name: z.string() }),
    regisseur: orNull(z.object({ name: z.string().nullable() })),
    plan: orNull(MyPlan),
    involved: z.array(z.object({ name: z.string(), organisation: z.string().optional(), role: z.string().optional() })),
    consents: z
      .array(Consent.omit({ recordedBy: true, withdrawnBy: true }).meta({ id: 'MyConsent', description: 'A consent you gave.' }))
      .meta({ description: 'Your own consents only (who recorded them is not said: a professional is named by organisation only).' }),
    disclosures: z
      .array(z.object({ at: Timestamp, to: z.object({ organisation: z.string() }), dataKinds: z.array(DataKind), basis: DisclosureBasis }))
      .meta({ description: 'What of your data was handed to whom, on which basis.' }),
  })
  .meta({
    id: 'MyHousehold',
    description: 'Your own household as you may see it: never a BSN, a restricted note, a signal or a doorbraak.',
  });

export const myHouseholdRoute = defineRoute({
  operationId: 'getMyHousehold',
  method: 'GET',
  path: '/me/household',
  fn: 'resident',
  summary: 'Your own household: plan, network, your consents and the disclosures of your data (residents signed in with DigiD)',
  tag: 'Resident',
  auth: 'jwt',
  callers: 'residents',
  purpose: 'resident access',
  processingActivity: 'resident-access',
  success: { status: 200, description: 'Your household.', schema: MyHousehold },
  errors: ['forbidden', 'not_found'],
});

export const messageRegisseurRoute = defineRoute({
  operationId: 'messageMyRegisseur',
  method: 'POST',
  path: '/me/household/messages',
  fn: 'resident',
  summary: 'Write to your regisseur: the message lands in your household’s journal, and the regisseur is told (residents)',
  tag: 'Resident',
  auth: 'jwt',
  callers: 'residents',
  purpose: 'message to the regisseur',
  processingActivity: 'journal',
  body: z
    .strictObject({ text: z.string().trim().min(1).max(5000) })
    .meta({ id: 'ResidentMessage', description: 'What you want to tell your regisseur.' }),
  success: {
    status: 201,
    description: 'The message, received.',
    schema: z
      .object({ id: z.string(), at: Timestamp })
      .meta({ id: 'ResidentMessageReceived', description: 'Your message, as it is kept.' }),
  },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'],
});

const ResidentLogLine = z
  .object({
    at: Timestamp,
    activity: orNull(z.object({ id: z.string(), name: z.string(), purpose: z.string(), legalBasis: z.string() })).meta({
      description: 'The entry of the register of processing activities, in the version the line was written under.',
    }),
    action: z.enum(['read', 'create', 'update', 'delete', 'export', 'disclose']),
    organisation: z.string().meta({ description: 'The organisation that processed the data (never a person).' }),
    role: z.string().meta({
      description:
        'The role it was done in: a professional role, `resident` (you, or another adult of your household signed in with DigiD), or `system` (the doorbraak flow).',
    }),
  })
  .meta({ id: 'ResidentLogLine', description: 'What was done with your data, when, why and by which organisation and role.' });

export const myProcessingLogRoute = defineRoute({
  operationId: 'getMyProcessingLog',
  method: 'GET',
  path: '/me/processing-log',
  fn: 'resident',
  summary: 'Who processed your data and why: the lines about you, newest first (residents)',
  tag: 'Resident',
  auth: 'jwt',
  callers: 'residents',
  purpose: 'resident access',
  processingActivity: 'resident-access',
  query: z.object({ ...ListQuery }),
  success: {
    status: 200,
    description: 'A page of your processing log.',
    schema: z
      .object({ items: z.array(ResidentLogLine), nextCursor: z.string().nullable() })
      .meta({ id: 'ResidentLogPage', description: 'A page of your processing log.' }),
  },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const agreeToMyPlanRoute = defineRoute({
  operationId: 'agreeToMyPlan',
  method: 'POST',
  path: '/me/household/plan/agreement',
  fn: 'resident',
  summary: 'Agree to your household’s plan yourself, in the version you read (residents)',
  tag: 'Resident',
  auth: 'jwt',
  callers: 'residents',
  purpose: 'care planning',
  processingActivity: 'care-planning',
  body: z
    .strictObject({ version: z.number().int().min(1) })
    .meta({ id: 'MyPlanAgreement', description: 'The version of the plan you read and agree to.' }),
  success: { status: 200, description: 'The plan, agreed by you.', schema: MyPlan },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'],
});

export const withdrawMyConsentRoute = defineRoute({
  operationId: 'withdrawMyConsent',
  method: 'POST',
  path: '/me/consents/{consentId}/withdrawal',
  fn: 'resident',
  summary: 'Withdraw a consent you gave (residents)',
  tag: 'Resident',
  auth: 'jwt',
  callers: 'residents',
  purpose: 'recording consent',
  processingActivity: 'consent',
  params: z.object({ consentId: z.string().min(1).max(100) }),
  body: z
    .strictObject({ reason: z.string().trim().min(1).max(1000).optional() })
    .meta({ id: 'MyConsentWithdrawal', description: 'Why you withdraw it, if you want to say.' }),
  success: {
    status: 200,
    description: 'The consent, now withdrawn.',
    schema: Consent.omit({ recordedBy: true, withdrawnBy: true }),
  },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'],
});

export const residentRoutes = [myHouseholdRoute, agreeToMyPlanRoute, messageRegisseurRoute, myProcessingLogRoute, withdrawMyConsentRoute];
