import * as z from 'zod';
import { CASE_WORKERS, DOSSIER_READERS, TEAM_LEADERS, TEAM_WORKERS } from '#shared/domain/access.ts';
import { LEGAL_RELATION_KINDS, MEMBER_ROLES } from '#shared/domain/household.ts';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { Escalation } from '../escalations/contract.ts';
import { defineRoute } from '../http/contract.ts';
import { CalendarDate, HouseholdParams, ListQuery, orNull, Timestamp } from '../http/schemas.ts';
import { Intake } from '../intakes/contract.ts';

const Address = z.object({
  postcode: z.string(),
  houseNumber: z.string(),
  houseNumberAddition: z.string().optional(),
});

export const Regisseur = z
  .object({ userId: z.string(), name: z.string().optional(), appointedAt: Timestamp, appointedBy: z.string() })
  .meta({ id: 'Regisseur', description: "The professional who directs the household's plan." });

const PlanStatus = z.enum(['draft', 'active', 'closed']);

export const HouseholdSummary = z
  .object({
    id: z.string(),
    teamId: z.string(),
    status: z.enum(['open', 'closed']),
    address: Address,
    members: z.array(z.object({ name: z.string(), role: z.enum(MEMBER_ROLES) })),
    needsPlan: z.boolean(),
    regisseur: Regisseur.optional(),
    planStatus: PlanStatus.optional(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'HouseholdSummary', description: 'A household without its BSNs, stories or plan: what a list shows.' });

export const HouseholdPage = z
  .object({ items: z.array(HouseholdSummary), nextCursor: z.string().nullable() })
  .meta({ id: 'HouseholdPage', description: 'A page of households, newest first.' });

const ScoreMap = z.partialRecord(z.enum(LIFE_DOMAINS), z.number().int().min(1).max(5));

export const Assessment = z
  .object({
    id: z.string(),
    householdId: z.string(),
    scores: ScoreMap,
    note: z.string().optional(),
    assessedAt: Timestamp,
    assessedBy: z.string(),
    changeSinceFirst: z.partialRecord(z.enum(LIFE_DOMAINS), z.number().int()),
  })
  .meta({ id: 'Assessment', description: 'ZRM scores, with the change per domain since the first assessment.' });

export const AssessmentPage = z
  .object({ items: z.array(Assessment), nextCursor: z.string().nullable() })
  .meta({ id: 'AssessmentPage', description: 'A page of assessments, newest first.' });

export const LegalRelation = z
  .object({
    kind: z.enum(LEGAL_RELATION_KINDS),
    holderName: z.string(),
    holderOrganisation: z.string().optional(),
    since: CalendarDate,
  })
  .meta({ id: 'LegalRelation', description: "A member's legal representative: gezag, bewind, curatele or mentorschap, with its holder." });

export const DossierMember = z
  .object({
    id: z.string(),
    name: z.string(),
    birthDate: CalendarDate,
    role: z.enum(MEMBER_ROLES),
    bsnMasked: z.string().optional().meta({ description: 'The BSN with all but its last three digits hidden.' }),
    legalRelations: z.array(LegalRelation).optional(),
  })
  .meta({ id: 'DossierMember', description: 'A member of the household, the BSN masked.' });

export const FormerMember = z
  .object({
    id: z.string(),
    name: z.string(),
    birthDate: CalendarDate,
    role: z.enum(MEMBER_ROLES),
    bsnMasked: z.string().optional(),
    leftAt: Timestamp,
    reason: z.string(),
  })
  .meta({ id: 'FormerMember', description: 'A member who moved out: no longer found by BSN, kept for the history.' });

export const Dossier = z
  .object({
    id: z.string(),
    teamId: z.string(),
    status: z.enum(['open', 'closed']),
    address: Address,
    members: z.array(DossierMember),
    formerMembers: z.array(FormerMember),
    needsPlan: z.boolean(),
    intakes: z.array(Intake),
    regisseur: orNull(
      Regisseur.extend({
        onRoster: z.boolean().meta({ description: "false once a team leader took the regisseur off the team's roster: appoint another." }),
      }).meta({ id: 'DossierRegisseur', description: "The household's regisseur, and whether they are still on the team's roster." }),
    ),
    planStatus: PlanStatus.optional(),
    plan: z
      .object({
        id: z.string(),
        status: PlanStatus,
        version: z.number().int(),
        evaluationDate: CalendarDate,
        goals: z.array(z.object({ domain: z.enum(LIFE_DOMAINS), description: z.string(), actions: z.number().int() })),
        updatedAt: Timestamp,
      })
      .nullable(),
    latestAssessment: orNull(Assessment),
    escalations: z.array(Escalation),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    closedAt: Timestamp.optional(),
    closeReason: z.string().optional(),
  })
  .meta({ id: 'Dossier', description: 'Everything on one household, in one answer.' });

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
    teamId: z.string().min(1).max(100).optional(),
    status: z.enum(['open', 'closed']).default('open'),
    ...ListQuery,
  }),
  success: { status: 200, description: 'A page of household summaries (no BSN).', schema: HouseholdPage },
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
  success: { status: 200, description: 'The dossier.', schema: Dossier },
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
  body: z.strictObject({ userId: z.string().min(1).max(200) }).meta({
    id: 'RegisseurAppointment',
    description: 'Who becomes the regisseur: a wijkcoach or team leader on the roster of the household team.',
  }),
  success: { status: 200, description: 'The household with its regisseur.', schema: HouseholdSummary },
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
  body: z.strictObject({ teamId: z.string().min(1).max(100) }).meta({ id: 'Transfer', description: 'The team the household moves to.' }),
  success: { status: 200, description: 'The household, now with the other team.', schema: HouseholdSummary },
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
      scores: ScoreMap.refine((scores) => Object.keys(scores).length > 0, 'must score at least one domain'),
      note: z.string().trim().min(1).max(5000).optional(),
    })
    .meta({ id: 'NewAssessment', description: 'ZRM scores 1-5 for one or more life domains.' }),
  success: {
    status: 201,
    description: 'The assessment, with the change since the first.',
    schema: Assessment,
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
  success: { status: 200, description: 'A page of assessments.', schema: AssessmentPage },
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
    .strictObject({ reason: z.string().trim().min(1).max(2000) })
    .meta({ id: 'HouseholdClosing', description: 'Why the household is closed.' }),
  success: { status: 200, description: 'The closed household.', schema: HouseholdSummary },
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
