import * as z from 'zod/mini';
import { HOUSE_NUMBER, isDutchPostcode } from '#shared/domain/address.ts';
import { isValidBsn } from '#shared/domain/bsn.ts';
import { DATA_KINDS } from '#shared/domain/consent.ts';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { PROCESSING_ACTIVITY_IDS } from '#shared/processing-activities.ts';

/** Schemas of what the routes are sent, shared by several routes (what they answer: answer-schemas.ts). Their ids become OpenAPI component names. */
export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'must be an id as the API returns it'));

/** A date `YYYY-MM-DD` that exists in the calendar. */
export const CalendarDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

/** A date that has come: a birth date, the start of a legal relation. */
export const DateNotInFuture = CalendarDate.check(
  z.refine((date) => date <= new Date().toISOString().slice(0, 10), 'must not be in the future'),
);

export const Timestamp = z.iso.datetime({ error: 'must be an ISO 8601 UTC timestamp' });

export const ListQuery = {
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
};

/** A BSN: nine digits passing the 11-proef (domain.md). */
export const Bsn = z.string().check(z.refine(isValidBsn, 'must be nine digits that pass the 11-proef'));
export const Postcode = z.string().check(z.refine(isDutchPostcode, 'must be a Dutch postcode such as 1234AB'));
export const HouseNumber = z.string().check(z.regex(HOUSE_NUMBER, 'must be a house number such as 12'));
export const HouseNumberAddition = z.string().check(z.regex(/^[A-Za-z0-9-]{1,6}$/, 'must be up to six letters or digits'));

/** The `{id}` of a household route. */
export const HouseholdParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) });

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .optional(z.string().check(z.minLength(1), z.maxLength(255), z.regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')))
    .register(z.globalRegistry, {
      description: "A key of the client's choosing: a retry with the same key and body replays the first answer.",
    }),
});

export const Money = z
  .strictObject({ amount: z.number().check(z.gte(0), z.lte(10_000_000), z.multipleOf(0.01)), currency: z.literal('EUR') })
  .register(z.globalRegistry, { id: 'Money', description: 'An amount in euros.' });

/** Who referred an intake: an organisation, with its own reference. */
export const Source = z.strictObject({
  organisation: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  reference: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
});

export const ActionStatus = z.enum(['open', 'done']);

export const Address = z.object({
  postcode: z.string(),
  houseNumber: z.string(),
  houseNumberAddition: z.optional(z.string()),
});

export const ScoreMap = z.partialRecord(z.enum(LIFE_DOMAINS), z.int().check(z.gte(1), z.lte(5)));

export const DataKind = z.enum(DATA_KINDS).register(z.globalRegistry, {
  id: 'DataKind',
  description:
    'A part of the dossier a consent may cover and a disclosure hand over: the plan, the ZRM assessments, the members, the journal.',
});

export const DisclosureBasis = z
  .union([
    z.strictObject({ consentIds: z.array(Id).check(z.minLength(1), z.maxLength(50)) }),
    z.strictObject({ processingActivityId: z.enum(PROCESSING_ACTIVITY_IDS) }),
  ])
  .register(z.globalRegistry, {
    id: 'DisclosureBasis',
    description: 'The consents that cover every part of the disclosure, or an entry of the register whose legal basis allows disclosure.',
  });
