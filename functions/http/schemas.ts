import * as z from 'zod';

/** Schemas shared by several routes. Their names become OpenAPI component names. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be an id as the API returns it');

/** A date `YYYY-MM-DD` that exists in the calendar. */
export const CalendarDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

export const Timestamp = z.iso.datetime({ error: 'must be an ISO 8601 UTC timestamp' });

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

export const ListQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(1024).optional(),
};

/** The `{id}` of a household route. */
export const HouseholdParams = z.object({ id: z.string().min(1).max(100) });
