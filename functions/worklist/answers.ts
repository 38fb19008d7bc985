import * as z from 'zod/mini';
import { NOTIFICATION_KINDS } from '#shared/domain/notifications.ts';
import { TASK_KINDS } from '#shared/domain/tasks.ts';
import type { AnswersOf } from '../http/contract.ts';
import { CalendarDate, Timestamp } from '../http/schemas.ts';
import type { worklistRoutes } from './contract.ts';

export const Task = z
  .object({
    id: z.string(),
    kind: z.enum(TASK_KINDS),
    dueDate: CalendarDate,
    overdue: z.boolean().register(z.globalRegistry, { description: 'Due before today (Europe/Amsterdam).' }),
    householdId: z.optional(z.string()).register(z.globalRegistry, {
      description: "The household the task is about; absent on a signal's outreach (no household until help is accepted).",
    }),
    householdName: z.optional(z.string()).register(z.globalRegistry, {
      description:
        'The household as a person recognises it, its adults’ surnames and address (“Smit · 7545 KL 4”), where the reader may see it.',
    }),
    intakeId: z.optional(z.string()),
    escalationId: z.optional(z.string()),
    signalId: z.optional(z.string()).register(z.globalRegistry, { description: 'The signal of an outreach task.' }),
    grantId: z.optional(z.string()).register(z.globalRegistry, { description: 'The break-glass grant a review is about.' }),
    title: z.string().register(z.globalRegistry, { description: "What is to be done: for a plan action, the action's own words." }),
  })
  .register(z.globalRegistry, { id: 'Task', description: 'Something a professional must do, with its due date.' });

export const TaskPage = z
  .object({ items: z.array(Task), nextCursor: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'TaskPage', description: 'A page of tasks, overdue first, then by due date.' });

export const TeamTask = z
  .extend(Task, {
    assigneeId: z
      .nullable(z.string())
      .register(z.globalRegistry, { description: 'The professional the task waits for; null when it waits for the team (a triage).' }),
  })
  .register(z.globalRegistry, { id: 'TeamTask', description: "A task of the team's work, with whom it waits for." });

export const TeamTaskPage = z
  .object({ items: z.array(TeamTask), nextCursor: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'TeamTaskPage', description: "A page of the team's tasks, overdue first, then by due date." });

export const Notification = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    at: Timestamp,
    read: z.boolean(),
    title: z.string().register(z.globalRegistry, {
      description: 'What happened, in Dutch, naming no one: the client names the household through its own reach.',
    }),
    householdId: z.optional(z.string()),
    escalationId: z.optional(z.string()),
    signalId: z.optional(z.string()),
    intakeId: z.optional(z.string()),
    grantId: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: 'Notification', description: 'Something that changed for the caller (v1.2 signaleringen).' });

/** The answers of the worklist function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const worklistAnswers = {
  listMyTasks: TaskPage,
  listTeamTasks: TeamTaskPage,
  listMyNotifications: z
    .object({ items: z.array(Notification), unreadCount: z.int().check(z.gte(0)), nextCursor: z.nullable(z.string()) })
    .register(z.globalRegistry, { id: 'NotificationPage', description: 'A page of the caller’s notifications, newest first.' }),
  markNotificationsRead: null,
} satisfies AnswersOf<(typeof worklistRoutes)[number]>;
