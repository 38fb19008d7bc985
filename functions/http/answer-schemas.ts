import * as z from 'zod/mini';
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
export const orNull = <T extends z.ZodMiniType>(schema: T) => z.union([schema, z.null()]);

export const Problem = z
  .object({
    type: z
      .enum(PROBLEM_TYPES as [string, ...string[]])
      .register(z.globalRegistry, { description: 'One URI per kind of problem; a client says it in its own words.' }),
    title: z.string(),
    status: z.int(),
    detail: z
      .string()
      .register(z.globalRegistry, { description: 'For developers, in English: a client shows its own words for `type` instead.' }),
    instance: z.string(),
    invalidParams: z.optional(
      z.array(
        z.object({
          name: z.string(),
          code: z
            .enum(INVALID_PARAM_CODES)
            .register(z.globalRegistry, { description: 'What is wrong with the field; a client says it in its own words.' }),
          reason: z.string().register(z.globalRegistry, { description: 'For developers, in English.' }),
        }),
      ),
    ),
  })
  .register(z.globalRegistry, { id: 'Problem', description: 'An error, as RFC 9457 problem details.' });

export const Unauthorized = z
  .object({ message: z.literal('Unauthorized') })
  .register(z.globalRegistry, { id: 'Unauthorized', description: 'The fixed answer of the JWT authorizer to a missing or invalid token.' });

export const GatewayForbidden = z.object({ message: z.literal('Forbidden') }).register(z.globalRegistry, {
  id: 'GatewayForbidden',
  description: "The JWT authorizer's fixed answer to a token without the scope a route requires.",
});

export const ProcessingActivity = z
  .object({
    id: z.enum(PROCESSING_ACTIVITY_IDS),
    name: z.string(),
    purpose: z.string(),
    legalBasis: z.string().register(z.globalRegistry, { description: 'The grondslag: the law and article, and the AVG basis.' }),
    retention: z.string(),
    version: z.int().register(z.globalRegistry, { description: 'A change of purpose or legal basis is a new version.' }),
    disclosure: z.boolean().register(z.globalRegistry, {
      description:
        'Whether its legal basis allows handing data to another organisation without consent: a disclosure may name it as its basis (v1.2).',
    }),
  })
  .register(z.globalRegistry, {
    id: 'ProcessingActivity',
    description: 'An entry of the register of processing activities (verwerkingsregister).',
  });

export const Triage = z.object({
  outcome: z.enum(TRIAGE_OUTCOMES),
  resolution: z.optional(z.string()),
  coachId: z.optional(z.string()),
  complexity: z.optional(z.enum(['simple', 'complex'])),
  triagedAt: Timestamp,
  triagedBy: z.string(),
});

export const Intake = z
  .object({
    id: z.string(),
    householdId: z.nullable(z.string()).register(z.globalRegistry, {
      description: 'The household, for its own team; null for anyone else, such as the sender of an intake routed to another team.',
    }),
    matchedExistingHousehold: z.boolean(),
    routedToTeamId: z.optional(z.string()).register(z.globalRegistry, {
      description: 'The team that holds the household this intake matched, when that is not the registering team: it triages the intake.',
    }),
    teamId: z.string().register(z.globalRegistry, { description: 'The team that registered the intake.' }),
    channel: z.enum(CHANNELS),
    urgency: z.enum(URGENCIES),
    question: z.string(),
    domains: z.array(z.enum(LIFE_DOMAINS)),
    source: z.optional(Source),
    status: z.enum(['open', 'triaged']),
    createdAt: Timestamp,
    createdBy: z.string(),
    triage: z.optional(Triage),
  })
  .register(z.globalRegistry, { id: 'Intake', description: 'An intake (aanmelding) and its triage.' });

export const Escalation = z
  .object({
    id: z.string(),
    householdId: z.string(),
    teamId: z.string(),
    submittedBy: z.string(),
    blockage: z.string(),
    organisations: z.array(z.string()),
    proposal: z.string(),
    cost: z.optional(Money),
    urgency: z.enum(['normal', 'high']),
    status: z.enum(ESCALATION_STATUSES),
    overdue: z.boolean(),
    awaiting: z.optional(z.enum(['decision', 'information', 'budget_approval', 'evaluation'])),
    decision: z.optional(z.enum(['approve', 'reject', 'request_info'])),
    decidedBy: z.optional(z.string()),
    approvedCost: z.optional(Money),
    evaluateAt: z.optional(Timestamp),
    budgetApprovedBy: z.optional(z.string()),
    history: z.array(z.object({ at: Timestamp, by: z.string(), event: z.string(), note: z.nullable(z.string()) })),
    pendingAnswer: z
      .optional(z.object({ kind: z.enum(['decision', 'information', 'budget_approval', 'evaluation']), at: Timestamp, by: z.string() }))
      .register(z.globalRegistry, {
        description: 'An answer handed to the flow that it has not recorded yet; a second answer meanwhile is 409.',
      }),
    submittedAt: Timestamp,
    updatedAt: Timestamp,
    precedentId: z
      .optional(z.string())
      .register(z.globalRegistry, { description: 'The precedent the doorbraakteam published from this doorbraak.' }),
  })
  .register(z.globalRegistry, {
    id: 'Escalation',
    description: 'A doorbraak escalation, with its status in the approval flow and its history.',
  });

export const PlanAction = z
  .object({
    id: z.string(),
    status: ActionStatus,
    doneAt: z.optional(Timestamp),
    doneBy: z.optional(z.string()),
    description: z.string(),
    ownerId: z.optional(z.string()),
    organisation: z.string(),
    involvedId: z.optional(z.string()).register(z.globalRegistry, { description: 'Who of the household’s network does it (v1.2).' }),
    dueDate: CalendarDate,
  })
  .register(z.globalRegistry, { id: 'PlanAction', description: 'An action of the plan: who does what, by when, and whether it is done.' });

export const PlanGoal = z
  .object({ domain: z.enum(LIFE_DOMAINS), description: z.string(), actions: z.array(PlanAction) })
  .register(z.globalRegistry, { id: 'PlanGoal', description: 'A goal in one life domain with its actions.' });

export const Doorbraak = z
  .object({
    escalationId: z.string(),
    proposal: z.string(),
    organisations: z.array(z.string()),
    approvedCost: z.optional(Money),
    approvedAt: Timestamp,
    evaluateAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'PlanDoorbraak', description: 'An approved doorbraak, written on the plan by the doorbraak flow.' });

export const Plan = z
  .object({
    id: z.string(),
    householdId: z.string(),
    status: z.enum(PLAN_STATUSES),
    version: z.int(),
    goals: z.array(PlanGoal),
    evaluationDate: CalendarDate,
    createdAt: Timestamp,
    createdBy: z.string(),
    updatedAt: Timestamp,
    updatedBy: z.string(),
    agreedBy: z.optional(z.string()),
    agreedAt: z.optional(Timestamp),
    agreedVia: z.optional(z.literal('digid')).register(z.globalRegistry, {
      description: '`digid`: the resident agreed themself, signed in with DigiD; absent when a professional recorded it.',
    }),
    agreement: z
      .optional(z.object({ by: z.string(), at: Timestamp, version: z.int() }))
      .register(z.globalRegistry, { description: 'The household’s last agreement: who agreed, when, to which version.' }),
    changedSinceAgreement: z.optional(z.boolean()).register(z.globalRegistry, {
      description: 'true: the goals or actions changed since the household agreed; the plan is to be agreed again.',
    }),
    closedAt: z.optional(Timestamp),
    outcome: z.optional(z.string()),
    doorbraken: z.optional(z.array(Doorbraak)),
  })
  .register(z.globalRegistry, { id: 'Plan', description: "The household's one plan, at one version." });

export const Regisseur = z
  .object({ userId: z.string(), name: z.optional(z.string()), appointedAt: Timestamp, appointedBy: z.string() })
  .register(z.globalRegistry, { id: 'Regisseur', description: "The professional who directs the household's plan." });

export const PlanStatus = z.enum(['draft', 'active', 'closed']);

export const HouseholdSummary = z
  .object({
    id: z.string(),
    teamId: z.string(),
    status: z.enum(['open', 'closed']),
    address: Address,
    members: z.array(z.object({ name: z.string(), role: z.enum(MEMBER_ROLES) })),
    needsPlan: z.boolean(),
    regisseur: z.optional(Regisseur),
    planStatus: z.optional(PlanStatus),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'HouseholdSummary', description: 'A household without its BSNs, stories or plan: what a list shows.' });

export const Assessment = z
  .object({
    id: z.string(),
    householdId: z.string(),
    scores: ScoreMap,
    note: z.optional(z.string()),
    assessedAt: Timestamp,
    assessedBy: z.string(),
    changeSinceFirst: z.partialRecord(z.enum(LIFE_DOMAINS), z.int()),
  })
  .register(z.globalRegistry, { id: 'Assessment', description: 'ZRM scores, with the change per domain since the first assessment.' });

export const LegalRelation = z
  .object({
    kind: z.enum(LEGAL_RELATION_KINDS),
    holderName: z.string(),
    holderOrganisation: z.optional(z.string()),
    since: CalendarDate,
  })
  .register(z.globalRegistry, {
    id: 'LegalRelation',
    description: "A member's legal representative: gezag, bewind, curatele or mentorschap, with its holder.",
  });

export const DossierMember = z
  .object({
    id: z.string(),
    name: z.string(),
    birthDate: CalendarDate,
    role: z.enum(MEMBER_ROLES),
    bsnMasked: z.optional(z.string()).register(z.globalRegistry, { description: 'The BSN with all but its last three digits hidden.' }),
    legalRelations: z.optional(z.array(LegalRelation)),
  })
  .register(z.globalRegistry, { id: 'DossierMember', description: 'A member of the household, the BSN masked.' });

export const FormerMember = z
  .object({
    id: z.string(),
    name: z.string(),
    birthDate: CalendarDate,
    role: z.enum(MEMBER_ROLES),
    bsnMasked: z.optional(z.string()),
    leftAt: Timestamp,
    reason: z.string(),
  })
  .register(z.globalRegistry, { id: 'FormerMember', description: 'A member who moved out: no longer found by BSN, kept for the history.' });

export const InvolvedFields = {
  id: z.string(),
  kind: z.enum(INVOLVED_KINDS),
  name: z.string(),
  organisation: z.optional(z.string()),
  role: z.optional(z.string()),
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
  about: z
    .array(z.string())
    .register(z.globalRegistry, { description: 'The members it is involved with; none: the household as a whole.' }),
  domains: z.array(z.enum(LIFE_DOMAINS)),
  since: z.optional(CalendarDate),
  addedAt: Timestamp,
  addedBy: z.string(),
};

export const InvolvedParty = z.object(InvolvedFields).register(z.globalRegistry, {
  id: 'InvolvedParty',
  description: 'Someone of another organisation or of the household’s own circle who is involved (v1.2).',
});

export const FormerInvolvedParty = z
  .object({ ...InvolvedFields, until: CalendarDate, endReason: z.string(), endedAt: Timestamp, endedBy: z.string() })
  .register(z.globalRegistry, {
    id: 'FormerInvolvedParty',
    description: 'An involved party whose involvement ended: kept, with until when and why.',
  });

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
      z
        .extend(Regisseur, {
          onRoster: z.boolean().register(z.globalRegistry, {
            description: "false once a team leader took the regisseur off the team's roster: appoint another.",
          }),
        })
        .register(z.globalRegistry, {
          id: 'DossierRegisseur',
          description: "The household's regisseur, and whether they are still on the team's roster.",
        }),
    ),
    planStatus: z.optional(PlanStatus),
    plan: z.nullable(
      z.object({
        id: z.string(),
        status: PlanStatus,
        version: z.int(),
        evaluationDate: CalendarDate,
        goals: z.array(z.object({ domain: z.enum(LIFE_DOMAINS), description: z.string(), actions: z.int() })),
        byNetwork: z
          .array(z.object({ involvedId: z.string(), description: z.string(), dueDate: CalendarDate, status: ActionStatus }))
          .register(z.globalRegistry, { description: 'The actions an involved party does (v1.2).' }),
        updatedAt: Timestamp,
      }),
    ),
    latestAssessment: orNull(Assessment),
    escalations: z.array(Escalation),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    closedAt: z.optional(Timestamp),
    closeReason: z.optional(z.string()),
    breakGlass: z.optional(z.object({ grantId: z.string(), expiresAt: Timestamp, reason: z.string() })).register(z.globalRegistry, {
      description: 'Only when you read the household under a break-glass grant (v1.2): until when, and why.',
    }),
  })
  .register(z.globalRegistry, { id: 'Dossier', description: 'Everything on one household, in one answer.' });

export const Author = z
  .object({ userId: z.string(), name: z.string() })
  .register(z.globalRegistry, { id: 'Author', description: 'Who wrote or corrected it, by name (their user id for reference).' });

export const JournalEntry = z
  .object({
    id: Id,
    kind: z.enum(STORED_JOURNAL_KINDS),
    text: z.string(),
    at: Timestamp,
    about: z.array(Id).register(z.globalRegistry, { description: 'The members the entry is about.' }),
    domains: z.array(z.enum(LIFE_DOMAINS)),
    involvedIds: z.array(Id),
    restricted: z.boolean(),
    by: Author,
    createdAt: Timestamp,
    corrections: z
      .array(z.object({ at: Timestamp, by: Author, previousText: z.string(), reason: z.string() }))
      .register(z.globalRegistry, { description: 'Every correction, oldest first, with the text it replaced.' }),
  })
  .register(z.globalRegistry, {
    id: 'JournalEntry',
    description: 'What happened, in the professional’s words; never deleted, only corrected.',
  });

export const Consent = z
  .object({
    id: Id,
    memberId: Id,
    organisation: z.string(),
    purpose: z.string(),
    dataKinds: z.array(DataKind),
    domains: z.optional(z.array(z.enum(LIFE_DOMAINS))).register(z.globalRegistry, { description: 'Left out: every domain.' }),
    form: z.enum(CONSENT_FORMS),
    givenAt: CalendarDate,
    givenBy: z
      .optional(z.object({ name: z.string() }))
      .register(z.globalRegistry, { description: 'For a child under 16: the holder of gezag who consented.' }),
    validUntil: z.optional(CalendarDate),
    status: z
      .enum(['given', 'withdrawn', 'expired'])
      .register(z.globalRegistry, { description: 'Only ever given → withdrawn or expired; a new consent is a new record.' }),
    recordedBy: z.string(),
    recordedAt: Timestamp,
    withdrawnAt: z.optional(Timestamp),
    withdrawnBy: z.optional(z.string()),
    withdrawalReason: z.optional(z.string()),
    disclosureCount: z.int().check(z.gte(0)).register(z.globalRegistry, { description: 'How many disclosures were made on it.' }),
  })
  .register(z.globalRegistry, {
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
    domains: z.optional(z.array(z.enum(LIFE_DOMAINS))).register(z.globalRegistry, { description: 'Left out: every domain.' }),
    basis: DisclosureBasis,
    note: z.optional(z.string()),
  })
  .register(z.globalRegistry, {
    id: 'Disclosure',
    description: 'Data of the household handed to an involved party’s organisation, on a basis (v1.2).',
  });

/** What a disclosure hands over, shaped as the export shapes it, of the asked kinds, members and domains only. */
export const DisclosurePackage = z
  .object({
    members: z.optional(z.array(DossierMember)),
    plan: z.optional(
      orNull(
        z
          .object({
            status: z.enum(PLAN_STATUSES),
            version: z.int(),
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
                    doneAt: z.optional(Timestamp),
                  }),
                ),
              }),
            ),
          })
          .register(z.globalRegistry, {
            id: 'DisclosedPlan',
            description: 'The plan’s goals and actions of the asked domains: not who of the team does what.',
          }),
      ),
    ),
    assessments: z.optional(z.array(z.object({ assessedAt: Timestamp, scores: ScoreMap, note: z.optional(z.string()) }))),
    journal: z
      .optional(z.array(JournalEntry))
      .register(z.globalRegistry, { description: 'Never a restricted entry; only entries about asked members alone.' }),
  })
  .register(z.globalRegistry, { id: 'DisclosurePackage', description: 'The data handed over: only the kinds, members and domains asked.' });

/** A break-glass grant (v1.2 rule 17): its own routes answer it, and the export holds every grant on the household. */
export const GrantPerson = z.object({ userId: z.string(), name: z.optional(z.string()) });

export const Grant = z
  .object({
    id: z.string(),
    householdId: z.string(),
    teamId: z.string().register(z.globalRegistry, { description: 'The team whose household was opened.' }),
    holder: GrantPerson,
    reason: z.string(),
    grantedAt: Timestamp,
    expiresAt: Timestamp,
    review: z
      .nullable(z.object({ verdict: z.enum(VERDICTS), note: z.string(), by: GrantPerson, at: Timestamp }))
      .register(z.globalRegistry, { description: 'null until a team leader of the team reviewed it.' }),
  })
  .register(z.globalRegistry, {
    id: 'BreakGlassGrant',
    description: 'A break-glass grant: who opened which household, why, until when, and its review.',
  });
