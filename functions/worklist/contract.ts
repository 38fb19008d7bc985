import * as z from 'zod';
import { TEAM_LEADERS } from '#shared/domain/access.ts';
import { TASK_KINDS } from '#shared/domain/tasks.ts';
import { defineRoute } from '../http/contract.ts';
import { ListQuery } from '../http/schemas.ts';

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
  success: { status: 200, description: 'A page of tasks, overdue first.' },
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
  success: { status: 200, description: "A page of the team's tasks, overdue first." },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

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
