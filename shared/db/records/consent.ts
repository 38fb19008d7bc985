import * as z from 'zod/mini';
import { CONSENT_FORMS, type Consent, DATA_KINDS, type Disclosure } from '../../domain/consent.ts';
import { LIFE_DOMAINS } from '../../domain/life-domains.ts';
import { consentKey, disclosureKey } from '../keys.ts';
import { parseRecord } from './record.ts';

/**
 * A member's consent (v1.2): `HH#<householdId>` / `CONSENT#<consentId>`. Its status is only ever
 * changed by a withdrawal, conditioned on it being given; a disclosure on it counts itself on it
 * in the same transaction, under the same condition (shared/db/network-store.ts).
 */
export const CONSENT = 'consent';

export const ConsentRecord = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    householdId: z.string(),
    memberId: z.string(),
    organisation: z.string(),
    purpose: z.string(),
    dataKinds: z.array(z.enum(DATA_KINDS)),
    domains: z.optional(z.array(z.enum(LIFE_DOMAINS))),
    form: z.enum(CONSENT_FORMS),
    givenAt: z.string(),
    givenBy: z.optional(z.object({ name: z.string() })),
    validUntil: z.optional(z.string()),
    status: z.enum(['given', 'withdrawn']),
    recordedBy: z.string(),
    recordedAt: z.string(),
    withdrawnAt: z.optional(z.string()),
    withdrawnBy: z.optional(z.string()),
    withdrawalReason: z.optional(z.string()),
    disclosureCount: z._default(z.int(), 0),
    disclosuresBeforeWithdrawal: z.optional(z.int()),
  }),
);

export const parseConsent = (item: Record<string, unknown> | undefined): Consent | undefined => parseRecord(CONSENT, ConsentRecord, item);

export const consentItem = (consent: Consent) => ({ ...consentKey(consent.householdId, consent.id), type: CONSENT, ...consent });

/** A disclosure (v1.2): `HH#<householdId>` / `DISCLOSURE#<disclosureId>`. What was handed over is named, not kept: the package went to its receiver. */
export const DISCLOSURE = 'disclosure';

export const DisclosureRecord = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    householdId: z.string(),
    at: z.string(),
    by: z.string(),
    to: z.object({ involvedId: z.string(), name: z.string(), organisation: z.string() }),
    dataKinds: z.array(z.enum(DATA_KINDS)),
    memberIds: z.array(z.string()),
    domains: z.optional(z.array(z.enum(LIFE_DOMAINS))),
    basis: z.union([z.object({ consentIds: z.array(z.string()) }), z.object({ processingActivityId: z.string() })]),
    note: z.optional(z.string()),
  }),
);

export const parseDisclosure = (item: Record<string, unknown> | undefined): Disclosure | undefined =>
  parseRecord(DISCLOSURE, DisclosureRecord, item);

export const disclosureItem = (disclosure: Disclosure) => ({
  ...disclosureKey(disclosure.householdId, disclosure.id),
  type: DISCLOSURE,
  ...disclosure,
});
