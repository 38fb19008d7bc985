import * as z from 'zod';
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

export const Notification = z
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

/** The answers of the worklist function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const worklistAnswers = {
  listMyTasks: TaskPage,
  listTeamTasks: TeamTaskPage,
  listMyNotifications: z
    .object({ items: z.array(Notification), unreadCount: z.number().int().min(0), nextCursor: z.string().nullable() })
    .meta({ id: 'NotificationPage', description: 'A page of the caller’s notifications, newest first.' }),
  markNotificationsRead: null,
} satisfies AnswersOf<(typeof worklistRoutes)[number]>;
