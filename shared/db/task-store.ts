import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Assignee, Task } from '../domain/tasks.ts';
import type { TaskPosition, TaskQuery, TaskStore } from '../use-cases/ports.ts';
import { batchGet } from './client.ts';
import {
  householdKey,
  isHouseholdPartition,
  isSignalPartition,
  isTaskSortKey,
  TASK_PREFIX,
  taskAssigneePartition,
  teamTaskPartition,
} from './keys.ts';
import { checkedPosition, isMergedPosition, mergedPage } from './merged-page.ts';
import { appendProcessingLog } from './processing-log-store.ts';
import { HOUSEHOLD, HouseholdRecord } from './records/household.ts';
import { recordsOf } from './records/record.ts';
import { parseTask } from './records/task.ts';
import { TASK_INDEX, TEAM_TASK_INDEX } from './table-schema.ts';

const BY_ASSIGNEE = { indexName: TASK_INDEX, pk: 'gsi1pk', sk: 'gsi1sk', keyAttributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'] } as const;
const BY_TEAM = { indexName: TEAM_TASK_INDEX, pk: 'gsi2pk', sk: 'gsi2sk', keyAttributes: ['pk', 'sk', 'gsi2pk', 'gsi2sk'] } as const;

/** A task lives in its household's partition, or in its signal's (an outreach). */
const isTaskKey = (sortKeyName: string) => (key: Record<string, string>) =>
  key.pk !== undefined &&
  (isHouseholdPartition(key.pk) || isSignalPartition(key.pk)) &&
  key.sk?.startsWith(TASK_PREFIX) === true &&
  isTaskSortKey(key[sortKeyName] ?? '');

export function dynamoTaskStore(db: DynamoDBDocumentClient, table: string): TaskStore {
  const page = async (
    index: typeof BY_ASSIGNEE | typeof BY_TEAM,
    partitions: string[],
    query: TaskQuery,
    excludedUserId?: string,
  ): Promise<{ tasks: Task[]; next?: TaskPosition }> => {
    const after = checkedPosition(query.after, partitions, index, isTaskKey(index.sk));
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    if (query.kind) {
      conditions.push('#kind = :kind');
      names['#kind'] = 'kind';
      values[':kind'] = query.kind;
    }
    if (excludedUserId) {
      // Rule 6: the submitter never sees the decision on their own escalation as a task, nor the decider its budget approval.
      conditions.push('(attribute_not_exists(excludedUserId) OR excludedUserId <> :me)');
      values[':me'] = excludedUserId;
    }
    const { items, next } = await mergedPage(db, {
      table,
      ...index,
      partitions,
      limit: query.limit,
      ...(query.dueBefore ? { sortKeyBelow: query.dueBefore } : {}),
      ...(conditions.length > 0 ? { filter: { expression: conditions.join(' AND '), names, values } } : {}),
      ...(after ? { after } : {}),
    });
    const tasks = items.flatMap((item) => parseTask(item) ?? []);
    return next ? { tasks, next } : { tasks };
  };

  return {
    isAssigneePosition: (value: unknown, assignees: Assignee[]): value is TaskPosition =>
      isMergedPosition(value, assignees.map(taskAssigneePartition), BY_ASSIGNEE, isTaskKey(BY_ASSIGNEE.sk)),
    isTeamPosition: (value: unknown, teamId: string): value is TaskPosition =>
      isMergedPosition(value, [teamTaskPartition(teamId)], BY_TEAM, isTaskKey(BY_TEAM.sk)),

    forAssignees: (assignees, query, excludedUserId) => page(BY_ASSIGNEE, assignees.map(taskAssigneePartition), query, excludedUserId),
    forTeam: (teamId, query) => page(BY_TEAM, [teamTaskPartition(teamId)], query),
    async households(householdIds) {
      const items = await batchGet(db, table, householdIds.map(householdKey));
      return recordsOf(HOUSEHOLD, HouseholdRecord, items);
    },
    appendProcessingLog: (lines) => appendProcessingLog(db, table, lines),
  };
}
