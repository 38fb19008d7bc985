import * as z from 'zod';
import { isDutchPostcode } from '#shared/domain/address.ts';
import { isValidBsn } from '#shared/domain/bsn.ts';

/** Schemas shared by several routes. Their names become OpenAPI component names. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be an id as the API returns it');

/** A date `YYYY-MM-DD` that exists in the calendar. */
export const CalendarDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

/** A date that has come: a birth date, the start of a legal relation. */
export const DateNotInFuture = CalendarDate.refine((date) => date <= new Date().toISOString().slice(0, 10), 'must not be in the future');

export const Timestamp = z.iso.datetime({ error: 'must be an ISO 8601 UTC timestamp' });

/**
 * A registered schema (one with a component id) that may be null. `.nullable()` on such a
 * schema makes zod-to-openapi publish the component itself as nullable, or an `allOf` with a
 * null branch that generated clients read as an intersection; a union is published as
 * `anyOf: [{ $ref }, { type: 'null' }]`, which they read as `T | null`.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    invalidParams: z.array(z.object({ name: z.string(), code: z.string(), reason: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'An error, as RFC 9457 problem details.' });

export const Unauthorized = z
  .object({ message: z.literal('Unauthorized') })
  .meta({ id: 'Unauthorized', description: 'The fixed answer of the JWT authorizer to a missing or invalid token.' });

export const GatewayForbidden = z
  .object({ message: z.literal('Forbidden') })
  .meta({ id: 'GatewayForbidden', description: "The JWT authorizer's fixed answer to a token without the scope a route requires." });

export const ListQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(1024).optional(),
};

/** A BSN: nine digits passing the 11-proef (domain.md). */
export const Bsn = z.string().refine(isValidBsn, 'must be nine digits that pass the 11-proef');
export const Postcode = z.string().refine(isDutchPostcode, 'must be a Dutch postcode such as 1234AB');
export const HouseNumber = z.string().regex(/^[1-9]\d{0,4}$/, 'must be a house number such as 12');
export const HouseNumberAddition = z.string().regex(/^[A-Za-z0-9-]{1,6}$/, 'must be up to six letters or digits');

/** The `{id}` of a household route. */
export const HouseholdParams = z.object({ id: z.string().min(1).max(100) });
