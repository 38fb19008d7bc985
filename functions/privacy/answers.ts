import * as z from 'zod';
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
    traceId: z.string().meta({ description: 'The W3C trace id of the request (the same in every line and log line of that request).' }),
    spanId: z.string().nullable().meta({ description: 'The span of the request; null on lines written before 1.1.' }),
    processingActivityId: z
      .enum(PROCESSING_ACTIVITY_IDS)
      .nullable()
      .meta({ description: 'The entry of the register of processing activities (GET /processing-activities); null before 1.1.' }),
    processingActivityVersion: z.number().int().nullable(),
    dataSubjects: z.array(z.string()).meta({ description: 'The members whose data was processed (member ids, never a BSN).' }),
    status: z.enum(['ok', 'error']).meta({ description: '`error` when the processing did not complete.' }),
    receiver: z.string().optional().meta({ description: 'On a disclosure (`disclose`): the organisation that received the data (v1.2).' }),
    basis: DisclosureBasis.optional().meta({ description: 'On a disclosure: the consents or the register entry it was given on.' }),
    grantId: z.string().optional().meta({ description: 'On a processing under a break-glass grant: the grant (v1.2 rule 17).' }),
  })
  .meta({ id: 'ProcessingLogEntry', description: "One processing of the household's data (Logboek Dataverwerkingen)." });

export const Correction = z
  .object({
    at: Timestamp,
    by: z.string(),
    kind: z.enum(CORRECTION_KINDS),
    memberId: z.string().optional(),
    involvedId: z.string().optional(),
    fields: z.array(z.string()).meta({ description: 'What was corrected (the values before are not kept).' }),
    reason: z.string().optional(),
  })
  .meta({ id: 'Correction', description: "A correction of the household's address or members: what, by whom, when." });

export const ProcessingLogPage = z
  .object({ items: z.array(ProcessingLogEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'ProcessingLogPage', description: "A page of the household's processing log, oldest first." });

/** An assessment as it is stored: the scores of one moment, without the change since the first. */
export const StoredAssessment = Assessment.omit({ changeSinceFirst: true }).meta({
  id: 'StoredAssessment',
  description: 'ZRM scores 1–5 per domain at one moment, as stored.',
});

export const HouseholdExport = z
  .object({
    exportedAt: Timestamp,
    exportedBy: z.string(),
    household: HouseholdSummary.omit({ members: true })
      .extend({
        members: z.array(DossierMember),
        formerMembers: z.array(FormerMember),
        involved: z.array(InvolvedParty),
        formerInvolved: z.array(FormerInvolvedParty),
        closedAt: Timestamp.optional(),
        closeReason: z.string().optional(),
      })
      .meta({ id: 'ExportedHousehold', description: 'The household: its address and members (BSN masked), team and regisseur.' }),
    intakes: z.array(Intake),
    plan: orNull(Plan),
    planVersions: z.array(Plan).meta({ description: 'Every version of every plan, oldest first.' }),
    assessments: z.array(StoredAssessment),
    escalations: z.array(Escalation),
    consents: z.array(Consent).meta({ description: 'Every consent, newest first, withdrawn and expired ones too.' }),
    disclosures: z.array(Disclosure).meta({ description: 'Every disclosure, newest first: to whom, what, on which basis.' }),
    breakGlass: z.array(Grant).meta({ description: 'Every break-glass grant on the household, oldest first, with its reason and review.' }),
    journal: z.array(JournalEntry).meta({ description: 'Every journal entry with its corrections, restricted ones too, newest first.' }),
    corrections: z.array(Correction).meta({ description: "Every correction of the household's address and members, oldest first." }),
    processingLog: z.array(ProcessingLogEntry).meta({ description: 'Who read, changed or exported the data, when and why.' }),
    processingActivities: z
      .array(ProcessingActivity)
      .meta({ description: 'The entries of the register of processing activities the lines name, in the versions they name.' }),
  })
  .meta({ id: 'HouseholdExport', description: 'Everything held on one household, for a subject access request (AVG art. 15).' });

/** The answers of the privacy function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const privacyAnswers = {
  getProcessingLog: ProcessingLogPage,
  exportHousehold: HouseholdExport,
} satisfies AnswersOf<(typeof privacyRoutes)[number]>;
