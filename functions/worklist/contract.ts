import * as z from 'zod';
import { TEAM_LEADERS } from '#shared/domain/access.ts';
import { TASK_KINDS } from '#shared/domain/tasks.ts';
import { defineRoute } from '../http/contract.ts';
import { CalendarDate, ListQuery } from '../http/schemas.ts';

export const Task = z
  .object({
    id: z.string(),
    kind: z.enum(TASK_KINDS),
    dueDate: CalendarDate,
    overdue: z.boolean().meta({ description: 'Due before today (Europe/Amsterdam).' }),
    householdId: z
      .string()
      .optional()
      .meta({ description: "The household the task is about; absent on a signal's outreach (no household until help is accepted)." }),
    householdName: z.string().optional().meta({
      description:
        'The household as a person recognises it, its adults’ surnames and address (“Smit · 7545 KL 4”), where the reader may see it.',
    }),
    intakeId: z.string().optional(),
    escalationId: z.string().optional(),
    signalId: z.string().optional().meta({ description: 'The signal of an outreach task.' }),
    title: z.string().meta({ description: "What is to be done: for a plan action, the action's own words." }),
  })
  .meta({ id: 'Task', description: 'Something a professional must do, with its due date.' });

export const TaskPage = z
  .object({ items: z.array(Task), nextCursor: z.string().nullable() })
  .meta({ id: 'TaskPage', description: 'A page of tasks, overdue first, then by due date.' });

export const TeamTask = Task.extend({
  assigneeId: z
    .string()
    .nullable()
    .meta({ description: 'The professional the task waits for; null when it waits for the team (a triage).' }),
}).meta({ id: 'TeamTask', description: "A task of the team's work, with whom it waits for." });

export const TeamTaskPage = z
  .object({ items: z.array(TeamTask), nextCursor: z.string().nullable() })
  .meta({ id: 'TeamTaskPage', description: "A page of the team's tasks, overdue first, then by due date." });

const TaskQuery = z.object({
  kind: z.enum(TASK_KINDS).optional(),
  overdue: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .meta({ description: 'true: only the tasks that are overdue.' }),
  ...ListQuery,
});

export const myTasksRoute = defineRoute({
  operationId: 'listMyTasks',
  method: 'GET',
  path: '/me/tasks',
  fn: 'worklist',
  summary: "The caller's work list: their tasks, their teams' triages and what the doorbraak flow waits for from them",
  tag: 'Work list',
  auth: 'jwt',
  purpose: 'work list',
  processingActivity: 'work-list',
  query: TaskQuery,
  success: { status: 200, description: 'A page of tasks, overdue first.', schema: TaskPage },
  errors: ['invalid_input'],
});

export const teamTasksRoute = defineRoute({
  operationId: 'listTeamTasks',
  method: 'GET',
  path: '/teams/{id}/tasks',
  fn: 'worklist',
  summary: "The team's work by person (team leader of that team)",
  tag: 'Work list',
  auth: 'jwt',
  roles: TEAM_LEADERS,
  purpose: 'work list',
  processingActivity: 'work-list',
  params: z.object({ id: z.string().min(1).max(100) }),
  query: TaskQuery,
  success: { status: 200, description: "A page of the team's tasks, overdue first.", schema: TeamTaskPage },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const worklistRoutes = [myTasksRoute, teamTasksRoute];
