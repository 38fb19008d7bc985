import * as z from 'zod';
import { TEAM_LEADERS } from '#shared/domain/access.ts';
import { NOTIFICATION_KINDS } from '#shared/domain/notifications.ts';
import { TASK_KINDS } from '#shared/domain/tasks.ts';
import { defineRoute } from '../http/contract.ts';
import { CalendarDate, ListQuery, Timestamp } from '../http/schemas.ts';

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
    grantId: z.string().optional().meta({ description: 'The break-glass grant a review is about.' }),
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

const Notification = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    at: Timestamp,
    read: z.boolean(),
    title: z
      .string()
      .meta({ description: 'What happened, in Dutch, naming no one: the client names the household through its own reach.' }),
    householdId: z.string().optional(),
    escalationId: z.string().optional(),
    signalId: z.string().optional(),
    intakeId: z.string().optional(),
    grantId: z.string().optional(),
  })
  .meta({ id: 'Notification', description: 'Something that changed for the caller (v1.2 signaleringen).' });

export const myNotificationsRoute = defineRoute({
  operationId: 'listMyNotifications',
  method: 'GET',
  path: '/me/notifications',
  fn: 'worklist',
  summary: "The caller's notifications, newest first; If-None-Match with the ETag answers 304 while nothing changed",
  tag: 'Work list',
  auth: 'jwt',
  query: z.object({
    unread: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true')
      .meta({ description: 'true: only the unread ones.' }),
    ...ListQuery,
  }),
  headers: z.object({
    'if-none-match': z.string().max(200).optional().meta({ description: 'The ETag of the answer you hold: 304 while nothing changed.' }),
  }),
  success: {
    status: 200,
    description: 'A page of notifications and the unread count.',
    schema: z
      .object({ items: z.array(Notification), unreadCount: z.number().int().min(0), nextCursor: z.string().nullable() })
      .meta({ id: 'NotificationPage', description: 'A page of the caller’s notifications, newest first.' }),
    headers: { ETag: 'The version of this answer: send it back as If-None-Match.' },
  },
  notModified: 'Nothing changed since the ETag sent as If-None-Match.',
  errors: ['invalid_input'],
});

export const markNotificationsReadRoute = defineRoute({
  operationId: 'markNotificationsRead',
  method: 'POST',
  path: '/me/notifications/read',
  fn: 'worklist',
  summary: 'Mark some of the caller’s notifications read, or all of them',
  tag: 'Work list',
  auth: 'jwt',
  body: z
    .union([
      z.strictObject({
        ids: z
          .array(z.string().regex(/^[A-Za-z0-9_-]{22}$/))
          .min(1)
          .max(100),
      }),
      z.strictObject({ all: z.literal(true) }),
    ])
    .meta({ id: 'NotificationsRead', description: 'The ids of the notifications read, or all of them.' }),
  success: { status: 204, description: 'Marked read (ids that are not the caller’s or already read change nothing).' },
  errors: ['invalid_input', 'unsupported_media_type', 'payload_too_large'],
});

export const worklistRoutes = [myTasksRoute, teamTasksRoute, myNotificationsRoute, markNotificationsReadRoute];
