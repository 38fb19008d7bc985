/**
 * Notifications (v1.2 "Notifications (signaleringen)"): what changed for someone, without
 * their looking. Each is written in the transaction of the change that causes it, to the people
 * concerned and never to the one who caused it. A title says what happened in Dutch words and
 * never whom it is about (no name, no BSN, no story): the client names the household through its
 * own reach. These are the rules, as plain functions.
 */
import type { Task, TaskKind } from './tasks.ts';

export const NOTIFICATION_KINDS = [
  'task_assigned',
  'signal_received',
  'escalation_answered',
  'plan_changed',
  'resident_message',
  'consent_withdrawn',
  'break_glass',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A notification lives this long (DynamoDB TTL), read or not. */
export const NOTIFICATION_DAYS = 90;

export interface NotificationRefs {
  householdId?: string;
  escalationId?: string;
  signalId?: string;
  intakeId?: string;
  grantId?: string;
}

export interface Notification extends NotificationRefs {
  id: string;
  /** The one it is for. */
  userId: string;
  kind: NotificationKind;
  at: string;
  read: boolean;
  title: string;
}

/** What a task given to someone is, in a title that names no one. */
const TASK_TITLES: Record<TaskKind, string> = {
  plan_action: 'Een actie uit een plan is aan u gegeven',
  plan_evaluation: 'U evalueert een plan met het huishouden',
  triage: 'Een aanmelding wacht op triage',
  escalation_decision: 'Een doorbraak wacht op een besluit',
  budget_approval: 'De kosten van een doorbraak wachten op uw goedkeuring',
  escalation_information: 'Het doorbraakteam vraagt u om informatie',
  escalation_evaluation: 'Evalueer of de doorbraak het probleem oploste',
  signal_outreach: 'Een signaal wacht op contact',
  regisseur_appointment: 'Een huishouden wacht op een regisseur',
  plan_agreement: 'Een gewijzigd plan wacht op het akkoord van het huishouden',
  first_contact: 'Een huishouden is naar u doorverwezen: maak eerste contact',
  break_glass_review: 'Beoordeel een noodtoegang tot een huishouden van uw team',
};

export const NOTIFICATION_TITLES = {
  regisseur: 'U bent regisseur van een huishouden geworden',
  planChanged: 'Een collega heeft het plan gewijzigd waarvan u regisseur bent',
  actionDone: 'Een collega heeft een actie afgerond in het plan waarvan u regisseur bent',
  consentWithdrawn: 'Een toestemming is ingetrokken in een huishouden waarvan u regisseur bent',
  signalReceived: 'Een nieuw signaal van betalingsachterstand voor uw team',
  approved: 'Het doorbraakteam keurde een doorbraak goed die u aanvroeg',
  rejected: 'Het doorbraakteam wees een doorbraak af die u aanvroeg',
  informationAsked: 'Het doorbraakteam vraagt informatie over een doorbraak die u aanvroeg',
  budgetApproved: 'De kosten van een doorbraak die u aanvroeg zijn goedgekeurd',
  budgetRejected: 'De kosten van een doorbraak die u aanvroeg zijn afgewezen',
  breakGlass: 'Het interventieteam heeft noodtoegang genomen tot een huishouden van uw team',
  residentMessage: 'Een bericht van het huishouden waarvan u regisseur bent',
  residentAgreed: 'Het huishouden waarvan u regisseur bent heeft zelf ingestemd met het plan',
} as const;

/** A transaction holds at most 100 items and a notification takes two: a team-wide one reaches at most this many people. */
export const MAX_RECIPIENTS = 40;

/** One notification per person (the one who caused it left out), each with its own id. */
export function notify(
  kind: NotificationKind,
  recipients: readonly string[],
  cause: { actor: string; at: string },
  what: { title: string } & NotificationRefs,
  idFor: (at: string) => string,
): Notification[] {
  return [...new Set(recipients)]
    .filter((userId) => userId !== cause.actor)
    .map((userId) => ({ id: idFor(cause.at), userId, kind, at: cause.at, read: false, ...what }));
}

/**
 * A task newly waiting for one person is a `task_assigned` notification to them; a task that was
 * theirs already (the same task, the same person) is not news, nor is one for a team or a role.
 */
export function taskNotifications(
  put: readonly Task[],
  before: readonly Task[],
  cause: { actor: string; at: string },
  idFor: (at: string) => string,
): Notification[] {
  const had = new Set(before.flatMap((task) => ('user' in task.assignee ? [`${task.id}/${task.assignee.user}`] : [])));
  return put.flatMap((task) =>
    'user' in task.assignee && !had.has(`${task.id}/${task.assignee.user}`)
      ? notify(
          'task_assigned',
          [task.assignee.user],
          cause,
          {
            title: TASK_TITLES[task.kind],
            ...(task.householdId ? { householdId: task.householdId } : {}),
            ...(task.intakeId ? { intakeId: task.intakeId } : {}),
            ...(task.escalationId ? { escalationId: task.escalationId } : {}),
            ...(task.signalId ? { signalId: task.signalId } : {}),
          },
          idFor,
        )
      : [],
  );
}

/** When a notification written at `at` expires (epoch seconds, for DynamoDB TTL). */
export const notificationExpiry = (at: string): number => Math.floor(Date.parse(at) / 1000) + NOTIFICATION_DAYS * 86_400;
