import * as z from 'zod/mini';
import { CASE_WORKERS, TEAM_WORKERS } from '#shared/domain/access.ts';
import { CONSENT_FORMS } from '#shared/domain/consent.ts';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { defineRoute } from '../http/contract.ts';
import { CalendarDate, DataKind, DateNotInFuture, DisclosureBasis, HouseholdParams, Id, ListQuery } from '../http/schemas.ts';

/**
 * Consents and disclosures (v1.2 "The network around the household", rule 16). The involved
 * parties themselves are household records (functions/registry/contract.ts); this function holds
 * what may be shared with them, and shares it.
 */
const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const Kinds = z.array(DataKind).check(z.minLength(1), z.maxLength(4));
const Domains = z.array(z.enum(LIFE_DOMAINS)).check(z.minLength(1), z.maxLength(LIFE_DOMAINS.length));

const writeErrors = ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'] as const;

const ConsentParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  consentId: z.string().check(z.minLength(1), z.maxLength(100)),
});

export const recordConsentRoute = defineRoute({
  operationId: 'recordConsent',
  method: 'POST',
  path: '/households/{id}/consents',
  fn: 'network',
  summary: "Record a member's consent to share named kinds of their data with one organisation",
  tag: 'Network',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'recording consent',
  processingActivity: 'consent',
  params: HouseholdParams,
  body: z
    .strictObject({
      memberId: Id,
      organisation: Text(200),
      purpose: Text(1000),
      dataKinds: Kinds,
      domains: z.optional(Domains).register(z.globalRegistry, { description: 'Left out: every domain.' }),
      form: z.enum(CONSENT_FORMS),
      givenAt: DateNotInFuture,
      givenBy: z
        .optional(z.strictObject({ name: Text(200) }))
        .register(z.globalRegistry, { description: 'For a member under 16 at givenAt: the holder of gezag recorded on them, by name.' }),
      validUntil: z.optional(CalendarDate),
    })
    .register(z.globalRegistry, { id: 'ConsentInput', description: 'A consent as it was given.' }),
  success: { status: 201, description: 'The consent, given.', headers: { Location: "The household's consents." } },
  errors: [...writeErrors],
});

export const withdrawConsentRoute = defineRoute({
  operationId: 'withdrawConsent',
  method: 'POST',
  path: '/households/{id}/consents/{consentId}/withdrawal',
  fn: 'network',
  summary: 'Withdraw a consent (a second withdrawal, or one of an expired consent: 409)',
  tag: 'Network',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'recording consent',
  processingActivity: 'consent',
  params: ConsentParams,
  body: z
    .strictObject({ reason: z.optional(Text(1000)) })
    .register(z.globalRegistry, { id: 'ConsentWithdrawal', description: 'Why, if the member said.' }),
  success: { status: 200, description: 'The consent, withdrawn.' },
  errors: [...writeErrors],
});

export const listConsentsRoute = defineRoute({
  operationId: 'listConsents',
  method: 'GET',
  path: '/households/{id}/consents',
  fn: 'network',
  summary: "The household's consents, newest first",
  tag: 'Network',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'recording consent',
  processingActivity: 'consent',
  params: HouseholdParams,
  query: z.object(ListQuery),
  success: {
    status: 200,
    description: 'A page of consents.',
  },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const discloseRoute = defineRoute({
  operationId: 'disclose',
  method: 'POST',
  path: '/households/{id}/disclosures',
  fn: 'network',
  summary: "Hand data of the household to an involved party's organisation, on a basis (none: 409 no_basis, nothing disclosed)",
  tag: 'Network',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'disclosure to an involved party',
  processingActivity: 'disclosure',
  params: HouseholdParams,
  body: z
    .strictObject({
      involvedId: Id,
      dataKinds: Kinds,
      memberIds: z.array(Id).check(z.minLength(1), z.maxLength(40)),
      domains: z.optional(Domains).register(z.globalRegistry, { description: 'Left out: every domain.' }),
      basis: DisclosureBasis,
      note: z.optional(Text(2000)),
    })
    .register(z.globalRegistry, { id: 'DisclosureInput', description: 'What to hand over, to whom, and on which basis.' }),
  success: {
    status: 201,
    description: 'The disclosure, with the package handed over.',
    headers: { Location: "The household's disclosures." },
  },
  errors: [...writeErrors, 'no_basis'],
});

export const listDisclosuresRoute = defineRoute({
  operationId: 'listDisclosures',
  method: 'GET',
  path: '/households/{id}/disclosures',
  fn: 'network',
  summary: 'What of the household was handed to whom, on which basis, newest first',
  tag: 'Network',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'disclosure to an involved party',
  processingActivity: 'disclosure',
  params: HouseholdParams,
  query: z.object(ListQuery),
  success: {
    status: 200,
    description: 'A page of disclosures (what was handed over is named; the package itself went to its receiver).',
  },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const networkRoutes = [recordConsentRoute, withdrawConsentRoute, listConsentsRoute, discloseRoute, listDisclosuresRoute];
