import type { CityRuntimeConfig } from '../city.ts';
import { AfterCursor, decodeCursor, encodeCursor, type Page } from '../cursor.ts';
import { teamHousehold } from '../domain/access.ts';
import { grantView } from '../domain/break-glass.ts';
import { escalationView } from '../domain/escalation.ts';
import { householdSummary, membersForDisplay } from '../domain/household.ts';
import { journalEntryView } from '../domain/journal.ts';
import { notFound } from '../errors.ts';
import { membersOf, processingLogLine, type RequestContext, type StoredProcessingLogLine } from '../processing-log.ts';
import { registerOf } from '../processing-register.ts';
import { consentView, disclosureView } from './consents.ts';
import { intakeView } from './intakes.ts';
import type { PrivacyStore } from './ports.ts';

export interface PrivacyPorts {
  store: PrivacyStore;
  city: CityRuntimeConfig;
}

/** A processing-log line as the team leader reads it: who, in which roles, did what, why, when, to whom, in which trace. */
export interface ProcessingLogEntry {
  at: string;
  actor: string;
  roles: string[];
  action: string;
  resource: string;
  purpose: string;
  traceId: string;
  spanId: string | null;
  processingActivityId: string | null;
  processingActivityVersion: number | null;
  dataSubjects: string[];
  status: 'ok' | 'error';
  receiver?: string;
  basis?: StoredProcessingLogLine['basis'];
  grantId?: string;
}

/** One field order for every line; lines from before 1.1 have no span or activity (null). */
const entryOf = (line: StoredProcessingLogLine): ProcessingLogEntry => ({
  at: line.at,
  actor: line.actor,
  roles: line.roles,
  action: line.action,
  resource: line.resource,
  purpose: line.purpose,
  traceId: line.traceId,
  spanId: line.spanId ?? null,
  processingActivityId: line.processingActivityId ?? null,
  processingActivityVersion: line.processingActivityVersion ?? null,
  dataSubjects: line.dataSubjects,
  status: line.status,
  ...(line.receiver ? { receiver: line.receiver } : {}),
  ...(line.basis ? { basis: line.basis } : {}),
  ...(line.grantId ? { grantId: line.grantId } : {}),
});

export async function readProcessingLog(
  ports: PrivacyPorts,
  context: RequestContext,
  householdId: string,
  query: { limit: number; cursor?: string; member?: string },
): Promise<Page<ProcessingLogEntry>> {
  const after = decodeCursor(query.cursor, AfterCursor)?.after;
  const [household, page] = await Promise.all([
    ports.store.getHousehold(householdId),
    ports.store.processingLog(householdId, query.limit, after, query.member),
  ]);
  teamHousehold(context.principal, household);
  return {
    items: page.items.map(entryOf),
    nextCursor: page.next ? encodeCursor({ after: page.next }) : null,
  };
}

/** A subject access request (AVG art. 15): everything held on the household, itself logged as an export. */
export async function exportHousehold(ports: PrivacyPorts, context: RequestContext, householdId: string) {
  const { records, planVersions, journal, processingLog } = await ports.store.everything(householdId);
  if (!records) throw notFound('Household');
  const household = teamHousehold(context.principal, records.household);
  await ports.store.appendProcessingLog([
    processingLogLine(context, householdId, 'export', `/households/${householdId}/export`, [
      ...membersOf(household),
      ...(household.formerMembers ?? []).map((m) => m.id),
    ]),
  ]);
  return {
    exportedAt: context.now,
    exportedBy: context.principal.userId,
    household: {
      ...householdSummary(household),
      members: membersForDisplay(household),
      formerMembers: household.formerMembers ?? [],
      involved: household.involved ?? [],
      formerInvolved: household.formerInvolved ?? [],
      ...(household.closedAt ? { closedAt: household.closedAt, closeReason: household.closeReason } : {}),
    },
    intakes: records.intakes.map((intake) => intakeView(intake, true)),
    plan: records.plan ?? null,
    planVersions: planVersions.sort((a, b) => a.version - b.version),
    assessments: records.assessments,
    escalations: records.escalations.map(escalationView),
    consents: records.consents.map((consent) => consentView(consent, context.now.slice(0, 10))),
    disclosures: records.disclosures.map(disclosureView),
    breakGlass: records.grants.map(grantView),
    // Restricted entries too: the team leader decides what to hand over (v1.2 precisions).
    journal: journal.map(journalEntryView),
    corrections: records.corrections
      .sort((a, b) => a.at.localeCompare(b.at))
      .map(({ at, by, kind, memberId, involvedId, fields, reason }) => ({
        at,
        by,
        kind,
        ...(memberId ? { memberId } : {}),
        ...(involvedId ? { involvedId } : {}),
        fields,
        ...(reason ? { reason } : {}),
      })),
    processingLog: processingLog.map(entryOf),
    // The register entries its lines name, in the version each line was written under.
    processingActivities: registerOf(ports.city).filter((activity) =>
      processingLog.some((line) => line.processingActivityId === activity.id && line.processingActivityVersion === activity.version),
    ),
  };
}
