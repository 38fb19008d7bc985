import * as z from 'zod/mini';
import { CASE_WORKERS, DOSSIER_READERS, TEAM_LEADERS, TEAM_WORKERS } from '#shared/domain/access.ts';
import { defineRoute } from '../http/contract.ts';
import { HouseholdParams, ListQuery, ScoreMap } from '../http/schemas.ts';

export const listHouseholdsRoute = defineRoute({
  operationId: 'listHouseholds',
  method: 'GET',
  path: '/households',
  fn: 'households',
  summary: "The caseload: the households of the caller's teams, newest first",
  tag: 'Households',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'caseload overview',
  processingActivity: 'case-management',
  query: z.object({
    teamId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    status: z._default(z.enum(['open', 'closed']), 'open'),
    ...ListQuery,
  }),
  success: { status: 200, description: 'A page of household summaries (no BSN).' },
  errors: ['invalid_input', 'forbidden'],
});

export const readDossierRoute = defineRoute({
  operationId: 'getHousehold',
  method: 'GET',
  path: '/households/{id}',
  fn: 'households',
  summary: 'The dossier of a household',
  tag: 'Households',
  auth: 'jwt',
  roles: DOSSIER_READERS,
  purpose: 'case work on a household',
  processingActivity: 'case-management',
  params: HouseholdParams,
  success: { status: 200, description: 'The dossier.' },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const appointRegisseurRoute = defineRoute({
  operationId: 'appointRegisseur',
  method: 'PUT',
  path: '/households/{id}/regisseur',
  fn: 'households',
  summary: "Appoint the household's one regisseur",
  tag: 'Households',
  auth: 'jwt',
  roles: TEAM_LEADERS,
  purpose: 'appointing the regisseur',
  processingActivity: 'case-management',
  params: HouseholdParams,
  body: z.strictObject({ userId: z.string().check(z.minLength(1), z.maxLength(200)) }).register(z.globalRegistry, {
    id: 'RegisseurAppointment',
    description: 'Who becomes the regisseur: a wijkcoach or team leader on the roster of the household team.',
  }),
  success: { status: 200, description: 'The household with its regisseur.' },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'],
});

export const transferRoute = defineRoute({
  operationId: 'transferHousehold',
  method: 'POST',
  path: '/households/{id}/transfer',
  fn: 'households',
  summary: 'Move a household to another team',
  tag: 'Households',
  auth: 'jwt',
  roles: TEAM_LEADERS,
  purpose: 'transfer between teams',
  processingActivity: 'case-management',
  params: HouseholdParams,
  body: z
    .strictObject({ teamId: z.string().check(z.minLength(1), z.maxLength(100)) })
    .register(z.globalRegistry, { id: 'Transfer', description: 'The team the household moves to.' }),
  success: { status: 200, description: 'The household, now with the other team.' },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'],
});

export const recordAssessmentRoute = defineRoute({
  operationId: 'recordAssessment',
  method: 'POST',
  path: '/households/{id}/assessments',
  fn: 'households',
  summary: 'Record a ZRM assessment',
  tag: 'Households',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'assessment of self-reliance',
  processingActivity: 'assessment',
  params: HouseholdParams,
  body: z
    .strictObject({
      scores: ScoreMap.check(z.refine((scores) => Object.keys(scores).length > 0, 'must score at least one domain')),
      note: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(5000))),
    })
    .register(z.globalRegistry, { id: 'NewAssessment', description: 'ZRM scores 1-5 for one or more life domains.' }),
  success: {
    status: 201,
    description: 'The assessment, with the change since the first.',
    // Assessments have no route of their own: they are read in the household's list.
    headers: { Location: "The household's assessments, where the new one is listed first." },
  },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'],
});

export const listAssessmentsRoute = defineRoute({
  operationId: 'listAssessments',
  method: 'GET',
  path: '/households/{id}/assessments',
  fn: 'households',
  summary: "A household's assessments, newest first",
  tag: 'Households',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'case work on a household',
  processingActivity: 'assessment',
  params: HouseholdParams,
  query: z.object(ListQuery),
  success: { status: 200, description: 'A page of assessments.' },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const closeHouseholdRoute = defineRoute({
  operationId: 'closeHousehold',
  method: 'POST',
  path: '/households/{id}/close',
  fn: 'households',
  summary: 'Close a household whose plan is closed',
  tag: 'Households',
  auth: 'jwt',
  roles: CASE_WORKERS,
  purpose: 'closing a case',
  processingActivity: 'case-management',
  params: HouseholdParams,
  body: z
    .strictObject({ reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)) })
    .register(z.globalRegistry, { id: 'HouseholdClosing', description: 'Why the household is closed.' }),
  success: { status: 200, description: 'The closed household.' },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'],
});

export const householdRoutes = [
  listHouseholdsRoute,
  readDossierRoute,
  appointRegisseurRoute,
  transferRoute,
  recordAssessmentRoute,
  listAssessmentsRoute,
  closeHouseholdRoute,
];
