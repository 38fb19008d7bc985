import * as z from 'zod';
import { VERDICTS } from '#shared/domain/break-glass.ts';
import { CONSENT_FORMS } from '#shared/domain/consent.ts';
import { ESCALATION_STATUSES } from '#shared/domain/escalation.ts';
import { LEGAL_RELATION_KINDS, MEMBER_ROLES } from '#shared/domain/household.ts';
import { CHANNELS, TRIAGE_OUTCOMES, URGENCIES } from '#shared/domain/intake.ts';
import { INVOLVED_KINDS } from '#shared/domain/involved.ts';
import { STORED_JOURNAL_KINDS } from '#shared/domain/journal.ts';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { PLAN_STATUSES } from '#shared/domain/plan.ts';
import { INVALID_PARAM_CODES, PROBLEM_TYPES } from '#shared/errors.ts';
import { PROCESSING_ACTIVITY_IDS } from '#shared/processing-activities.ts';
import { ActionStatus, Address, CalendarDate, DataKind, DisclosureBasis, Id, Money, ScoreMap, Source, Timestamp } from './schemas.ts';

/**
 * The schemas of what the API answers, shared by several routes, for the OpenAPI document only
 * (each function's answers.ts names its routes' answers). A function validates what it is sent,
 * never what it answers, so no function's bundle builds these (test/architecture). Their ids
 * become OpenAPI component names.
 */
/**
 * A registered schema (one with a component id) that may be null. `.nullable()` on such a
 * schema would make the component itself nullable wherever it is used; a union is published as
 * `anyOf: [{ $ref }, { type: 'null' }]`, which they read as `T | null`.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export const Problem = z
  .object({
    type: z
      .enum(PROBLEM_TYPES as [string, ...string[]])
      .meta({ description: 'One URI per kind of problem; a client says it in its own words.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: 'For developers, in English: a client shows its own words for `type` instead.' }),
    instance: z.string(),
    invalidParams: z
      .array(
        z.object({
          name: z.string(),
          code: z.enum(INVALID_PARAM_CODES).meta({ description: 'What is wrong with the field; a client says it in its own words.' }),
          reason: z.string().meta({ description: 'For developers, in English.' }),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem', description: 'An error, as RFC 9457 problem details.' });

export const Unauthorized = z
  .object({ message: z.literal('Unauthorized') })
  .meta({ id: 'Unauthorized', description: 'The fixed answer of the JWT authorizer to a missing or invalid token.' });

export const GatewayForbidden = z
  .object({ message: z.literal('Forbidden') })
  .meta({ id: 'GatewayForbidden', description: "The JWT authorizer's fixed answer to a token without the scope a route requires." });

export const ProcessingActivity = z
  .object({
    id: z.enum(PROCESSING_ACTIVITY_IDS),
    name: z.string(),
    purpose: z.string(),
    legalBasis: z.string().meta({ description: 'The grondslag: the law and article, and the AVG basis.' }),
    retention: z.string(),
    version: z.number().int().meta({ description: 'A change of purpose or legal basis is a new version.' }),
    disclosure: z.boolean().meta({
      description:
        'Whether its legal basis allows handing data to another organisation without consent: a disclosure may name it as its basis (v1.2).',
    }),
  })
  .meta({ id: 'ProcessingActivity', description: 'An entry of the register of processing activities (verwerkingsregister).' });

export const Triage = z.object({
  outcome: z.enum(TRIAGE_OUTCOMES),
  resolution: z.string().optional(),
  coachId: z.string().optional(),
  complexity: z.enum(['simple', 'complex']).optional(),
  triagedAt: Timestamp,
  triagedBy: z.string(),
});

export const Intake = z
  .object({
    id: z.string(),
    householdId: z.string().nullable().meta({
      description: 'The household, for its own team; null for anyone else, such as the sender of an intake routed to another team.',
    }),
    matchedExistingHousehold: z.boolean(),
    routedToTeamId: z.string().optional().meta({
      description: 'The team that holds the household this intake matched, when that is not the registering team: it triages the intake.',
    }),
    teamId: z.string().meta({ description: 'The team that registered the intake.' }),
    channel: z.enum(CHANNELS),
    urgency: z.enum(URGENCIES),
    question: z.string(),
    domains: z.array(z.enum(LIFE_DOMAINS)),
    source: Source.optional(),
    status: z.enum(['open', 'triaged']),
    createdAt: Timestamp,
    createdBy: z.string(),
    triage: Triage.optional(),
  })
  .meta({ id: 'Intake', description: 'An intake (aanmelding) and its triage.' });

export const Escalation = z
  .object({
    id: z.string(),
    householdId: z.string(),
    teamId: z.string(),
    submittedBy: z.string(),
    blockage: z.string(),
    organisations: z.array(z.string()),
    proposal: z.string(),
    cost: Money.optional(),
    urgency: z.enum(['normal', 'high']),
    status: z.enum(ESCALATION_STATUSES),
    overdue: z.boolean(),
    awaiting: z.enum(['decision', 'information', 'budget_approval', 'evaluation']).optional(),
    decision: z.enum(['approve', 'reject', 'request_info']).optional(),
    decidedBy: z.string().optional(),
    approvedCost: Money.optional(),
    evaluateAt: Timestamp.optional(),
    budgetApprovedBy: z.string().optional(),
    history: z.array(z.object({ at: Timestamp, by: z.string(), event: z.string(), note: z.string().nullable() })),
    pendingAnswer: z
      .object({ kind: z.enum(['decision', 'information', 'budget_approval', 'evaluation']), at: Timestamp, by: z.string() })
      .optional()
      .meta({ description: 'An answer handed to the flow that it has not recorded yet; a second answer meanwhile is 409.' }),
    submittedAt: Timestamp,
    updatedAt: Timestamp,
    precedentId: z.string().optional().meta({ description: 'The precedent the doorbraakteam published from this doorbraak.' }),
  })
  .meta({ id: 'Escalation', description: 'A doorbraak escalation, with its status in the approval flow and its history.' });

export const PlanAction = z
  .object({
    id: z.string(),
    status: ActionStatus,
    doneAt: Timestamp.optional(),
    doneBy: z.string().optional(),
    description: z.string(),
    ownerId: z.string().optional(),
    organisation: z.string(),
    involvedId: z.string().optional().meta({ description: 'Who of the household’s network does it (v1.2).' }),
    dueDate: CalendarDate,
  })
  .meta({ id: 'PlanAction', description: 'An action of the plan: who does what, by when, and whether it is done.' });

export const PlanGoal = z
  .object({ domain: z.enum(LIFE_DOMAINS), description: z.string(), actions: z.array(PlanAction) })
  .meta({ id: 'PlanGoal', description: 'A goal in one life domain with its actions.' });

export const Doorbraak = z
  .object({
    escalationId: z.string(),
    proposal: z.string(),
    organisations: z.array(z.string()),
    approvedCost: Money.optional(),
    approvedAt: Timestamp,
    evaluateAt: Timestamp,
  })
  .meta({ id: 'PlanDoorbraak', description: 'An approved doorbraak, written on the plan by the doorbraak flow.' });

export const Plan = z
  .object({
    id: z.string(),
    householdId: z.string(),
    status: z.enum(PLAN_STATUSES),
    version: z.number().int(),
    goals: z.array(PlanGoal),
    evaluationDate: CalendarDate,
    createdAt: Timestamp,
    createdBy: z.string(),
    updatedAt: Timestamp,
    updatedBy: z.string(),
    agreedBy: z.string().optional(),
    agreedAt: Timestamp.optional(),
    agreedVia: z
      .literal('digid')
      .optional()
      .meta({ description: '`digid`: the resident agreed themself, signed in with DigiD; absent when a professional recorded it.' }),
    agreement: z
      .object({ by: z.string(), at: Timestamp, version: z.number().int() })
      .optional()
      .meta({ description: 'The household’s last agreement: who agreed, when, to which version.' }),
    changedSinceAgreement: z
      .boolean()
      .optional()
      .meta({ description: 'true: the goals or actions changed since the household agreed; the plan is to be agreed again.' }),
    closedAt: Timestamp.optional(),
    outcome: z.string().optional(),
    doorbraken: z.array(Doorbraak).optional(),
  })
  .meta({ id: 'Plan', description: "The household's one plan, at one version." });

export const Regisseur = z
  .object({ userId: z.string(), name: z.string().optional(), appointedAt: Timestamp, appointedBy: z.string() })
  .meta({ id: 'Regisseur', description: "The professional who directs the household's plan." });

export const PlanStatus = z.enum(['draft', 'active', 'closed']);

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

export const InvolvedFields = {
  id: z.string(),
  kind: z.enum(INVOLVED_KINDS),
  name: z.string(),
  organisation: z.string().optional(),
  role: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  about: z.array(z.string()).meta({ description: 'The members it is involved with; none: the household as a whole.' }),
  domains: z.array(z.enum(LIFE_DOMAINS)),
  since: CalendarDate.optional(),
  addedAt: Timestamp,
  addedBy: z.string(),
};

export const InvolvedParty = z
  .object(InvolvedFields)
  .meta({ id: 'InvolvedParty', description: 'Someone of another organisation or of the household’s own circle who is involved (v1.2).' });

export const FormerInvolvedParty = z
  .object({ ...InvolvedFields, until: CalendarDate, endReason: z.string(), endedAt: Timestamp, endedBy: z.string() })
  .meta({ id: 'FormerInvolvedParty', description: 'An involved party whose involvement ended: kept, with until when and why.' });

export const Dossier = z
  .object({
    id: z.string(),
    teamId: z.string(),
    status: z.enum(['open', 'closed']),
    address: Address,
    members: z.array(DossierMember),
    formerMembers: z.array(FormerMember),
    involved: z.array(InvolvedParty),
    formerInvolved: z.array(FormerInvolvedParty),
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
        byNetwork: z
          .array(z.object({ involvedId: z.string(), description: z.string(), dueDate: CalendarDate, status: ActionStatus }))
          .meta({ description: 'The actions an involved party does (v1.2).' }),
        updatedAt: Timestamp,
      })
      .nullable(),
    latestAssessment: orNull(Assessment),
    escalations: z.array(Escalation),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    closedAt: Timestamp.optional(),
    closeReason: z.string().optional(),
    breakGlass: z
      .object({ grantId: z.string(), expiresAt: Timestamp, reason: z.string() })
      .optional()
      .meta({ description: 'Only when you read the household under a break-glass grant (v1.2): until when, and why.' }),
  })
  .meta({ id: 'Dossier', description: 'Everything on one household, in one answer.' });

export const Author = z
  .object({ userId: z.string(), name: z.string() })
  .meta({ id: 'Author', description: 'Who wrote or corrected it, by name (their user id for reference).' });

export const JournalEntry = z
  .object({
    id: Id,
    kind: z.enum(STORED_JOURNAL_KINDS),
    text: z.string(),
    at: Timestamp,
    about: z.array(Id).meta({ description: 'The members the entry is about.' }),
    domains: z.array(z.enum(LIFE_DOMAINS)),
    involvedIds: z.array(Id),
    restricted: z.boolean(),
    by: Author,
    createdAt: Timestamp,
    corrections: z
      .array(z.object({ at: Timestamp, by: Author, previousText: z.string(), reason: z.string() }))
      .meta({ description: 'Every correction, oldest first, with the text it replaced.' }),
  })
  .meta({ id: 'JournalEntry', description: 'What happened, in the professional’s words; never deleted, only corrected.' });

export const Consent = z
  .object({
    id: Id,
    memberId: Id,
    organisation: z.string(),
    purpose: z.string(),
    dataKinds: z.array(DataKind),
    domains: z.array(z.enum(LIFE_DOMAINS)).optional().meta({ description: 'Left out: every domain.' }),
    form: z.enum(CONSENT_FORMS),
    givenAt: CalendarDate,
    givenBy: z.object({ name: z.string() }).optional().meta({ description: 'For a child under 16: the holder of gezag who consented.' }),
    validUntil: CalendarDate.optional(),
    status: z
      .enum(['given', 'withdrawn', 'expired'])
      .meta({ description: 'Only ever given → withdrawn or expired; a new consent is a new record.' }),
    recordedBy: z.string(),
    recordedAt: Timestamp,
    withdrawnAt: Timestamp.optional(),
    withdrawnBy: z.string().optional(),
    withdrawalReason: z.string().optional(),
    disclosureCount: z.number().int().min(0).meta({ description: 'How many disclosures were made on it.' }),
  })
  .meta({
    id: 'Consent',
    description: "A member's permission to share named kinds of their data with one organisation, for a purpose (v1.2).",
  });

export const Disclosure = z
  .object({
    id: Id,
    at: Timestamp,
    by: z.string(),
    to: z.object({ involvedId: Id, name: z.string(), organisation: z.string() }),
    dataKinds: z.array(DataKind),
    memberIds: z.array(Id),
    domains: z.array(z.enum(LIFE_DOMAINS)).optional().meta({ description: 'Left out: every domain.' }),
    basis: DisclosureBasis,
    note: z.string().optional(),
  })
  .meta({ id: 'Disclosure', description: 'Data of the household handed to an involved party’s organisation, on a basis (v1.2).' });

/** What a disclosure hands over, shaped as the export shapes it, of the asked kinds, members and domains only. */
export const DisclosurePackage = z
  .object({
    members: z.array(DossierMember).optional(),
    plan: orNull(
      z
        .object({
          status: z.enum(PLAN_STATUSES),
          version: z.number().int(),
          evaluationDate: CalendarDate,
          goals: z.array(
            z.object({
              domain: z.enum(LIFE_DOMAINS),
              description: z.string(),
              actions: z.array(
                z.object({
                  description: z.string(),
                  organisation: z.string(),
                  dueDate: CalendarDate,
                  status: ActionStatus,
                  doneAt: Timestamp.optional(),
                }),
              ),
            }),
          ),
        })
        .meta({ id: 'DisclosedPlan', description: 'The plan’s goals and actions of the asked domains: not who of the team does what.' }),
    ).optional(),
    assessments: z.array(z.object({ assessedAt: Timestamp, scores: ScoreMap, note: z.string().optional() })).optional(),
    journal: z.array(JournalEntry).optional().meta({ description: 'Never a restricted entry; only entries about asked members alone.' }),
  })
  .meta({ id: 'DisclosurePackage', description: 'The data handed over: only the kinds, members and domains asked.' });

/** A break-glass grant (v1.2 rule 17): its own routes answer it, and the export holds every grant on the household. */
export const GrantPerson = z.object({ userId: z.string(), name: z.string().optional() });

export const Grant = z
  .object({
    id: z.string(),
    householdId: z.string(),
    teamId: z.string().meta({ description: 'The team whose household was opened.' }),
    holder: GrantPerson,
    reason: z.string(),
    grantedAt: Timestamp,
    expiresAt: Timestamp,
    review: z
      .object({ verdict: z.enum(VERDICTS), note: z.string(), by: GrantPerson, at: Timestamp })
      .nullable()
      .meta({ description: 'null until a team leader of the team reviewed it.' }),
  })
  .meta({ id: 'BreakGlassGrant', description: 'A break-glass grant: who opened which household, why, until when, and its review.' });
