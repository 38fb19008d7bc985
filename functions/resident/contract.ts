import * as z from 'zod/mini';
import { defineRoute } from '../http/contract.ts';
import { ListQuery } from '../http/schemas.ts';

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
  success: { status: 200, description: 'Your household.' },
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
    .strictObject({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)) })
    .register(z.globalRegistry, { id: 'ResidentMessage', description: 'What you want to tell your regisseur.' }),
  success: {
    status: 201,
    description: 'The message, received.',
  },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'],
});

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
    .strictObject({ version: z.int().check(z.gte(1)) })
    .register(z.globalRegistry, { id: 'MyPlanAgreement', description: 'The version of the plan you read and agree to.' }),
  success: { status: 200, description: 'The plan, agreed by you.' },
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
  params: z.object({ consentId: z.string().check(z.minLength(1), z.maxLength(100)) }),
  body: z
    .strictObject({ reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(1000))) })
    .register(z.globalRegistry, { id: 'MyConsentWithdrawal', description: 'Why you withdraw it, if you want to say.' }),
  success: {
    status: 200,
    description: 'The consent, now withdrawn.',
  },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'],
});

export const residentRoutes = [myHouseholdRoute, agreeToMyPlanRoute, messageRegisseurRoute, myProcessingLogRoute, withdrawMyConsentRoute];
