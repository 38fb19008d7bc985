import * as z from 'zod/mini';
import { TEAM_LEADERS } from '#shared/domain/access.ts';
import { TASK_KINDS } from '#shared/domain/tasks.ts';
import { defineRoute } from '../http/contract.ts';
import { ListQuery } from '../http/schemas.ts';

const TaskQuery = z.object({
  kind: z.optional(z.enum(TASK_KINDS)),
  overdue: z
    .pipe(
      z._default(z.enum(['true', 'false']), 'false'),
      z.transform((value) => value === 'true'),
    )
    .register(z.globalRegistry, { description: 'true: only the tasks that are overdue.' }),
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
  params: z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }),
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
      .pipe(
        z._default(z.enum(['true', 'false']), 'false'),
        z.transform((value) => value === 'true'),
      )
      .register(z.globalRegistry, { description: 'true: only the unread ones.' }),
    ...ListQuery,
  }),
  headers: z.object({
    'if-none-match': z
      .optional(z.string().check(z.maxLength(200)))
      .register(z.globalRegistry, { description: 'The ETag of the answer you hold: 304 while nothing changed.' }),
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
        ids: z.array(z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/))).check(z.minLength(1), z.maxLength(100)),
      }),
      z.strictObject({ all: z.literal(true) }),
    ])
    .register(z.globalRegistry, { id: 'NotificationsRead', description: 'The ids of the notifications read, or all of them.' }),
  success: { status: 204, description: 'Marked read (ids that are not the caller’s or already read change nothing).' },
  errors: ['invalid_input', 'unsupported_media_type', 'payload_too_large'],
});

export const worklistRoutes = [myTasksRoute, teamTasksRoute, myNotificationsRoute, markNotificationsReadRoute];
