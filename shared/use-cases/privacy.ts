import { decodeCursor, encodeCursor, type Page } from '../cursor.ts';
import { escalationView } from '../domain/escalation.ts';
import { householdSummary, membersForDisplay } from '../domain/household.ts';
import { notFound } from '../errors.ts';
import { processingLogLine, type RequestContext } from '../processing-log.ts';
import { visibleHousehold } from './households.ts';
import { intakeView } from './intakes.ts';
import type { PrivacyStore } from './ports.ts';

export interface PrivacyPorts {
  store: PrivacyStore;
}

/** A processing-log line as the team leader reads it: who, in which roles, did what, why, when. */
export interface ProcessingLogEntry {
  at: string;
  actor: string;
  roles: string[];
  action: string;
  resource: string;
  purpose: string;
}

const isLogCursor = (value: unknown): value is { after: string } =>
  typeof value === 'object' && value !== null && typeof (value as { after: unknown }).after === 'string';

export async function readProcessingLog(
  ports: PrivacyPorts,
  context: RequestContext,
  householdId: string,
  query: { limit: number; cursor?: string },
): Promise<Page<ProcessingLogEntry>> {
  const after = decodeCursor(query.cursor, isLogCursor)?.after;
  const [household, page] = await Promise.all([
    ports.store.getHousehold(householdId),
    ports.store.processingLog(householdId, query.limit, after),
  ]);
  visibleHousehold(context, household);
  return {
    items: page.items.map(({ at, actor, roles, action, resource, purpose }) => ({ at, actor, roles, action, resource, purpose })),
    nextCursor: page.next ? encodeCursor({ after: page.next }) : null,
  };
}

/** A subject access request (AVG art. 15): everything held on the household, itself logged as an export. */
export async function exportHousehold(ports: PrivacyPorts, context: RequestContext, householdId: string) {
  const { records, planVersions, processingLog } = await ports.store.everything(householdId);
  if (!records) throw notFound('Household');
  const household = visibleHousehold(context, records.household);
  await ports.store.appendProcessingLog([processingLogLine(context, householdId, 'export', `/households/${householdId}/export`)]);
  return {
    exportedAt: context.now,
    exportedBy: context.principal.userId,
    household: {
      ...householdSummary(household),
      members: membersForDisplay(household),
      formerMembers: household.formerMembers ?? [],
      ...(household.closedAt ? { closedAt: household.closedAt, closeReason: household.closeReason } : {}),
    },
    intakes: records.intakes.map((intake) => intakeView(intake, true)),
    plan: records.plan ?? null,
    planVersions: planVersions.sort((a, b) => a.version - b.version),
    assessments: records.assessments,
    escalations: records.escalations.map(escalationView),
    corrections: records.corrections
      .sort((a, b) => a.at.localeCompare(b.at))
      .map(({ at, by, kind, memberId, fields, reason }) => ({
        at,
        by,
        kind,
        ...(memberId ? { memberId } : {}),
        fields,
        ...(reason ? { reason } : {}),
      })),
    processingLog: processingLog.map(({ at, actor, roles, action, resource, purpose }) => ({
      at,
      actor,
      roles,
      action,
      resource,
      purpose,
    })),
  };
}
