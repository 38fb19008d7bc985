import * as z from 'zod/mini';
import { TEAM_WORKERS } from '#shared/domain/access.ts';
import { defineRoute } from '../http/contract.ts';
import { HouseNumber, HouseNumberAddition, Postcode } from '../http/schemas.ts';

/**
 * v1.2 "BRP look-up through Haal Centraal": who is registered at an address, for Aanmelden to
 * fill its members. The intake route itself never calls the BRP: its slowness never holds an intake.
 */
export const brpResidentsRoute = defineRoute({
  operationId: 'getBrpResidents',
  method: 'GET',
  path: '/brp/residents',
  fn: 'brp',
  summary: "The people registered at an address, from the city's BRP (Haal Centraal BRP Personen Bevragen 2)",
  tag: 'Intake',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'brp look-up',
  processingActivity: 'brp-lookup',
  query: z.object({ postcode: Postcode, houseNumber: HouseNumber, houseNumberAddition: z.optional(HouseNumberAddition) }),
  success: {
    status: 200,
    description: 'The people registered at the address (none: an empty list).',
  },
  errors: ['invalid_input', 'forbidden', 'brp_unavailable'],
});

export const brpRoutes = [brpResidentsRoute];
