import * as z from 'zod/mini';
import { CITY_WIDE } from '../../domain/access.ts';
import { TASK_KINDS, type Task } from '../../domain/tasks.ts';
import { signalTaskKey, taskAssigneePartition, taskKey, taskSortKey, teamTaskPartition } from '../keys.ts';
import { parseRecord } from './record.ts';

/** A task of the work list: `HH#<householdId>` / `TASK#<taskId>`, by assignee in gsi1 and by team in gsi2. */
export const TASK = 'task';

export const TaskRecord = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    kind: z.enum(TASK_KINDS),
    dueDate: z.string(),
    householdId: z.optional(z.string()),
    signalId: z.optional(z.string()),
    teamId: z.optional(z.string()),
    assignee: z.union([
      z.looseObject({ user: z.string() }),
      z.looseObject({ team: z.string() }),
      z.looseObject({ leaders: z.string() }),
      z.looseObject({ role: z.enum(CITY_WIDE) }),
    ]),
    excludedUserId: z.optional(z.string()),
    title: z.string(),
    intakeId: z.optional(z.string()),
    escalationId: z.optional(z.string()),
    grantId: z.optional(z.string()),
  }),
);

export const parseTask = (item: Record<string, unknown> | undefined): Task | undefined => parseRecord(TASK, TaskRecord, item);

/** A task lives with what it is about: its household, or the signal of an outreach. */
export function keyOfTask(task: Pick<Task, 'id' | 'householdId' | 'signalId'>) {
  if (task.householdId) return taskKey(task.householdId, task.id);
  if (task.signalId) return signalTaskKey(task.signalId, task.id);
  throw new Error(`task ${task.id} names neither a household nor a signal`);
}

export const taskItem = (task: Task, expiresAt?: number) => ({
  ...keyOfTask(task),
  gsi1pk: taskAssigneePartition(task.assignee),
  gsi1sk: taskSortKey(task.dueDate, task.id),
  // The team leader's view holds the work of the team's people and of the team itself, not the city-wide roles'.
  ...(task.teamId ? { gsi2pk: teamTaskPartition(task.teamId), gsi2sk: taskSortKey(task.dueDate, task.id) } : {}),
  type: TASK,
  ...task,
  ...(expiresAt ? { expiresAt } : {}),
});

/** The transaction items that bring a household's tasks from one set to the other. */
export const taskWrites = (table: string, householdId: string, changes: { put: Task[]; remove: string[] }) => [
  ...changes.put.map((task) => ({ Put: { TableName: table, Item: taskItem(task) } })),
  ...changes.remove.map((id) => ({ Delete: { TableName: table, Key: taskKey(householdId, id) } })),
];
