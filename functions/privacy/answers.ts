import * as z from 'zod/mini';
import { LOG_ROLES } from '#shared/domain/access.ts';
import { CORRECTION_KINDS } from '#shared/domain/household.ts';
import { PROCESSING_ACTIVITY_IDS } from '#shared/processing-activities.ts';
import { PROCESSING_ACTIONS } from '#shared/processing-log.ts';
import {
  Assessment,
  Consent,
  Disclosure,
  DossierMember,
  Escalation,
  FormerInvolvedParty,
  FormerMember,
  Grant,
  HouseholdSummary,
  Intake,
  InvolvedParty,
  JournalEntry,
  orNull,
  Plan,
  ProcessingActivity,
} from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import { DisclosureBasis, Timestamp } from '../http/schemas.ts';
import type { privacyRoutes } from './contract.ts';

export const ProcessingLogEntry = z
  .object({
    at: Timestamp,
    actor: z.string(),
    roles: z.array(z.enum(LOG_ROLES)),
    action: z.enum(PROCESSING_ACTIONS),
    resource: z.string(),
    purpose: z.string(),
    traceId: z.string().register(z.globalRegistry, {
      description: 'The W3C trace id of the request (the same in every line and log line of that request).',
    }),
    spanId: z
      .nullable(z.string())
      .register(z.globalRegistry, { description: 'The span of the request; null on lines written before 1.1.' }),
    processingActivityId: z.nullable(z.enum(PROCESSING_ACTIVITY_IDS)).register(z.globalRegistry, {
      description: 'The entry of the register of processing activities (GET /processing-activities); null before 1.1.',
    }),
    processingActivityVersion: z.nullable(z.int()),
    dataSubjects: z
      .array(z.string())
      .register(z.globalRegistry, { description: 'The members whose data was processed (member ids, never a BSN).' }),
    status: z.enum(['ok', 'error']).register(z.globalRegistry, { description: '`error` when the processing did not complete.' }),
    receiver: z
      .optional(z.string())
      .register(z.globalRegistry, { description: 'On a disclosure (`disclose`): the organisation that received the data (v1.2).' }),
    basis: z
      .optional(DisclosureBasis)
      .register(z.globalRegistry, { description: 'On a disclosure: the consents or the register entry it was given on.' }),
    grantId: z
      .optional(z.string())
      .register(z.globalRegistry, { description: 'On a processing under a break-glass grant: the grant (v1.2 rule 17).' }),
  })
  .register(z.globalRegistry, {
    id: 'ProcessingLogEntry',
    description: "One processing of the household's data (Logboek Dataverwerkingen).",
  });

export const Correction = z
  .object({
    at: Timestamp,
    by: z.string(),
    kind: z.enum(CORRECTION_KINDS),
    memberId: z.optional(z.string()),
    involvedId: z.optional(z.string()),
    fields: z.array(z.string()).register(z.globalRegistry, { description: 'What was corrected (the values before are not kept).' }),
    reason: z.optional(z.string()),
  })
  .register(z.globalRegistry, {
    id: 'Correction',
    description: "A correction of the household's address or members: what, by whom, when.",
  });

export const ProcessingLogPage = z
  .object({ items: z.array(ProcessingLogEntry), nextCursor: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'ProcessingLogPage', description: "A page of the household's processing log, oldest first." });

/** An assessment as it is stored: the scores of one moment, without the change since the first. */
export const StoredAssessment = z.omit(Assessment, { changeSinceFirst: true }).register(z.globalRegistry, {
  id: 'StoredAssessment',
  description: 'ZRM scores 1–5 per domain at one moment, as stored.',
});

export const HouseholdExport = z
  .object({
    exportedAt: Timestamp,
    exportedBy: z.string(),
    household: z
      .extend(z.omit(HouseholdSummary, { members: true }), {
        members: z.array(DossierMember),
        formerMembers: z.array(FormerMember),
        involved: z.array(InvolvedParty),
        formerInvolved: z.array(FormerInvolvedParty),
        closedAt: z.optional(Timestamp),
        closeReason: z.optional(z.string()),
      })
      .register(z.globalRegistry, {
        id: 'ExportedHousehold',
        description: 'The household: its address and members (BSN masked), team and regisseur.',
      }),
    intakes: z.array(Intake),
    plan: orNull(Plan),
    planVersions: z.array(Plan).register(z.globalRegistry, { description: 'Every version of every plan, oldest first.' }),
    assessments: z.array(StoredAssessment),
    escalations: z.array(Escalation),
    consents: z.array(Consent).register(z.globalRegistry, { description: 'Every consent, newest first, withdrawn and expired ones too.' }),
    disclosures: z
      .array(Disclosure)
      .register(z.globalRegistry, { description: 'Every disclosure, newest first: to whom, what, on which basis.' }),
    breakGlass: z
      .array(Grant)
      .register(z.globalRegistry, { description: 'Every break-glass grant on the household, oldest first, with its reason and review.' }),
    journal: z
      .array(JournalEntry)
      .register(z.globalRegistry, { description: 'Every journal entry with its corrections, restricted ones too, newest first.' }),
    corrections: z
      .array(Correction)
      .register(z.globalRegistry, { description: "Every correction of the household's address and members, oldest first." }),
    processingLog: z
      .array(ProcessingLogEntry)
      .register(z.globalRegistry, { description: 'Who read, changed or exported the data, when and why.' }),
    processingActivities: z.array(ProcessingActivity).register(z.globalRegistry, {
      description: 'The entries of the register of processing activities the lines name, in the versions they name.',
    }),
  })
  .register(z.globalRegistry, {
    id: 'HouseholdExport',
    description: 'Everything held on one household, for a subject access request (AVG art. 15).',
  });

/** The answers of the privacy function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const privacyAnswers = {
  getProcessingLog: ProcessingLogPage,
  exportHousehold: HouseholdExport,
} satisfies AnswersOf<(typeof privacyRoutes)[number]>;
