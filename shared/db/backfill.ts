import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CityRuntimeConfig } from '../city.ts';
import { escalationTask, planTasks, type Task, triageTasks } from '../domain/tasks.ts';
import { isTimelineChange } from '../domain/timeline.ts';
import { batchPut, queryAll } from './client.ts';
import { caseloadPartition, householdPartition, processingLogPartition, TASK_PREFIX, timelineIndexKeys } from './keys.ts';
import { ESCALATION, EscalationRecord } from './records/escalation.ts';
import { HOUSEHOLD, HouseholdRecord } from './records/household.ts';
import { INTAKE, IntakeRecord } from './records/intake.ts';
import { nameEntryItem } from './records/name-entry.ts';
import { PLAN, parsePlan } from './records/plan.ts';
import { PROCESSING_LOG, ProcessingLogRecord } from './records/processing-log.ts';
import { recordsOf } from './records/record.ts';
import { taskItem } from './records/task.ts';
import { CASELOAD_INDEX } from './table-schema.ts';

/** The index keys a name entry is found by. */
const INDEX_KEYS = ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'];
const sameIndexKeys = (a: Record<string, unknown>, b: Record<string, unknown>) => INDEX_KEYS.every((key) => a[key] === b[key]);

/**
 * Version 1.1 keeps a name index and a work list that 1.0 did not write; version 1.2 a timeline
 * index of each household's changes (their processing-log lines on gsi2), which 1.0 and 1.1 did
 * not. This puts in what an
 * open household of 1.0 lacks (a name entry per member; the tasks of its open intakes, its agreed
 * plan and what its doorbraak flow waits for), as 1.1 would have written them. It walks each
 * team's open caseload (an index Query, no scan) and reads each household's partition once; what
 * exists is left alone, so it can run again at any time. Local mode runs it when it adds the
 * index to a table kept from 1.0; `npm run migrate` runs it on a deployed city's table.
 */
export async function backfillDailyWork(db: DynamoDBDocumentClient, table: string, city: CityRuntimeConfig, now: string) {
  let households = 0;
  let written = 0;
  let timeline = 0;
  for (const team of city.teams) {
    const caseload = await queryAll(db, {
      TableName: table,
      IndexName: CASELOAD_INDEX,
      KeyConditionExpression: 'gsi1pk = :team',
      ExpressionAttributeValues: { ':team': caseloadPartition(team.id, 'open') },
      ProjectionExpression: 'id',
    });
    for (const { id } of caseload) {
      if (typeof id !== 'string') continue;
      const items = await queryAll(db, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': householdPartition(id) },
      });
      const [household] = recordsOf(HOUSEHOLD, HouseholdRecord, items);
      if (household?.status !== 'open') continue;
      households++;
      const present = new Set(items.map((item) => String(item.sk)));
      const plan = parsePlan(items.find((item) => item.type === PLAN));
      const tasks: Task[] = [
        ...recordsOf(INTAKE, IntakeRecord, items)
          .filter((intake) => intake.status === 'open')
          .flatMap((intake) => triageTasks(intake, household.teamId)),
        ...(plan ? planTasks(plan, household) : []),
        ...recordsOf(ESCALATION, EscalationRecord, items).flatMap((escalation) => {
          const dueAt = escalation.answerDueAt ?? new Date(Date.parse(now) + city.decisionSlaHours * 3_600_000).toISOString();
          const task = escalationTask(
            escalation,
            household.teamId,
            escalation.awaiting === 'evaluation' && escalation.evaluateAt ? escalation.evaluateAt : dueAt,
          );
          return task ? [task] : [];
        }),
      ];
      const missing = [
        // A member's name entry that is missing, or indexed by words the name is no longer found by (1.2 reads "O'Brien" as obrien).
        ...household.members
          .map((m) => nameEntryItem(household.teamId, household.id, m))
          .filter((entry) => {
            const stored = items.find((item) => item.sk === entry.sk);
            return !stored || !sameIndexKeys(stored, entry);
          }),
        ...tasks.filter((task) => !present.has(`${TASK_PREFIX}${task.id}`)).map(taskItem),
      ];
      if (missing.length > 0) await batchPut(db, table, missing);
      written += missing.length;
      const untimed = await changesOffTimeline(db, table, household.id);
      if (untimed.length > 0) await batchPut(db, table, untimed);
      timeline += untimed.length;
    }
  }
  return { households, written, timeline };
}

/** The household's logged changes that are not yet on its timeline index, as items that are (the same line, the index keys added). */
async function changesOffTimeline(db: DynamoDBDocumentClient, table: string, householdId: string) {
  const lines = await queryAll(db, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': processingLogPartition(householdId) },
  });
  return lines.flatMap((item) => {
    if (item.type !== PROCESSING_LOG || item.gsi2pk !== undefined) return [];
    const line = ProcessingLogRecord.safeParse(item);
    if (!line.success || !isTimelineChange(line.data)) return [];
    return [{ ...item, ...timelineIndexKeys(householdId, line.data.at, line.data.id) }];
  });
}
