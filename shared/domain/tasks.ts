import type { CITY_WIDE } from './access.ts';
import type { Escalation } from './escalation.ts';
import type { Household } from './household.ts';
import type { Plan } from './plan.ts';

/**
 * The work list (api.md 1.1): everything a professional must do, with a due date. Tasks are
 * not computed when someone asks: each is written with the change that creates, moves or ends
 * it, so reading a work list is a Query per assignee, never a scan of households.
 */
export const TASK_KINDS = [
  'plan_action',
  'plan_evaluation',
  'triage',
  'escalation_decision',
  'budget_approval',
  'escalation_information',
  'escalation_evaluation',
  'signal_outreach',
  'regisseur_appointment',
  'plan_agreement',
  'first_contact',
  'break_glass_review',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Whom a task waits for: one professional, everyone of a team who triages, a team's team leaders, or everyone holding a city-wide role. */
export type Assignee = { user: string } | { team: string } | { leaders: string } | { role: (typeof CITY_WIDE)[number] };

export interface Task {
  /** Unique within the household; also the task's sort key there. */
  id: string;
  kind: TaskKind;
  dueDate: string;
  /** The household the task is about; a signal's outreach has none (the signal is not part of a household until help is accepted). */
  householdId?: string;
  signalId?: string;
  /** The household's team: the team leader's view of the team's work. Undefined for the city-wide roles' tasks. */
  teamId?: string;
  assignee: Assignee;
  /** Separation of duties (rule 6): the one person of the role who may not answer (the submitter, or the deciding member). */
  excludedUserId?: string;
  title: string;
  intakeId?: string;
  escalationId?: string;
  /** A break-glass review's grant. */
  grantId?: string;
}

let amsterdamDateFormat: Intl.DateTimeFormat | undefined;

/**
 * The calendar date in Europe/Amsterdam of a UTC timestamp. The format is made at its first use,
 * not at import: Intl's first time-zone format loads ICU's zone data, measured at some 6 ms of a
 * function's cold start, which most requests never need (docs/performance.md).
 */
export function amsterdamDate(at: string): string {
  if (amsterdamDateFormat === undefined)
    amsterdamDateFormat = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  return amsterdamDateFormat.format(new Date(at));
}

/** The next working day (Monday to Friday, no holiday calendar) after the Amsterdam date of `at`. */
export function nextWorkingDay(at: string): string {
  const date = new Date(`${amsterdamDate(at)}T12:00:00Z`);
  do date.setUTCDate(date.getUTCDate() + 1);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6);
  return date.toISOString().slice(0, 10);
}

/** Overdue: due before today (Europe/Amsterdam). A task due today is not yet overdue. */
export const isOverdue = (dueDate: string, now: string): boolean => dueDate < amsterdamDate(now);

/** An open intake waits for triage by each team that handles it (the household's, and the interventieteam when urgent). */
export function triageTasks(
  intake: { id: string; householdId: string; createdAt: string; visibleToTeams: string[] },
  householdTeamId: string,
): Task[] {
  const dueDate = nextWorkingDay(intake.createdAt);
  return intake.visibleToTeams.map((team) => ({
    id: `triage.${intake.id}.${team}`,
    kind: 'triage',
    dueDate,
    householdId: intake.householdId,
    teamId: householdTeamId,
    assignee: { team },
    title: 'Triage the intake',
    intakeId: intake.id,
  }));
}

/**
 * An active plan's open actions wait for their owners, and its evaluation for the regisseur
 * (or, between regisseurs, for the team). An action without an owner is the regisseur's too
 * (v1.2: it must be on someone's work list). A draft is not yet agreed: nothing is due from it.
 */
export function planTasks(plan: Plan, household: Pick<Household, 'teamId' | 'regisseur'>): Task[] {
  if (plan.status !== 'active') return [];
  const base = { householdId: plan.householdId, teamId: household.teamId };
  const regisseurs: Assignee = household.regisseur ? { user: household.regisseur.userId } : { team: household.teamId };
  const actions: Task[] = plan.goals.flatMap((goal) =>
    goal.actions.flatMap((action) =>
      action.status !== 'done'
        ? [
            {
              ...base,
              id: `action.${action.id}`,
              kind: 'plan_action' as const,
              dueDate: action.dueDate,
              assignee: action.ownerId ? { user: action.ownerId } : regisseurs,
              title: action.description,
            },
          ]
        : [],
    ),
  );
  return [
    ...actions,
    {
      ...base,
      id: `evaluation.${plan.id}`,
      kind: 'plan_evaluation',
      dueDate: plan.evaluationDate,
      assignee: regisseurs,
      title: 'Evaluate the plan with the household',
    },
    ...(plan.changedSinceAgreement
      ? [
          {
            ...base,
            id: `agreement.${plan.id}`,
            kind: 'plan_agreement' as const,
            dueDate: nextWorkingDay(plan.updatedAt),
            assignee: regisseurs,
            title: 'Agree the changed plan with the household',
          },
        ]
      : []),
  ];
}

/** The plan's tasks that wait for whoever is regisseur (its evaluation, its actions without owner): they move with an appointment. */
export function regisseursTasks(plan: Plan, household: Pick<Household, 'teamId' | 'regisseur'>): Task[] {
  const unowned = new Set(plan.goals.flatMap((goal) => goal.actions.flatMap((action) => (action.ownerId ? [] : [`action.${action.id}`]))));
  return planTasks(plan, household).filter(
    (task) => task.kind === 'plan_evaluation' || task.kind === 'plan_agreement' || unowned.has(task.id),
  );
}

/** A complex household without a regisseur waits for its team's leaders to appoint one (v1.2: the coach cannot write its plan before). */
export const REGISSEUR_APPOINTMENT_TASK = 'regisseur-appointment';

export function regisseurAppointmentTask(householdId: string, teamId: string, now: string): Task {
  return {
    id: REGISSEUR_APPOINTMENT_TASK,
    kind: 'regisseur_appointment',
    dueDate: nextWorkingDay(now),
    householdId,
    teamId,
    assignee: { leaders: teamId },
    title: "Appoint the household's regisseur",
  };
}

/** A referral to a coach asks the coach to make first contact with the household (v1.2); a contact in the journal ends it. */
export const FIRST_CONTACT_TASK = 'first-contact';

/** Working days a coach has for the first contact after a referral. */
const FIRST_CONTACT_WORKING_DAYS = 3;

export function firstContactTask(householdId: string, teamId: string, coachId: string, now: string): Task {
  let dueDate = nextWorkingDay(now);
  for (let day = 1; day < FIRST_CONTACT_WORKING_DAYS; day++) dueDate = nextWorkingDay(`${dueDate}T12:00:00Z`);
  return {
    id: FIRST_CONTACT_TASK,
    kind: 'first_contact',
    dueDate,
    householdId,
    teamId,
    assignee: { user: coachId },
    title: 'Make first contact with the household',
  };
}

/** An escalation's one task (the flow waits for one answer at a time). */
export const escalationTaskId = (escalation: Pick<Escalation, 'id'>): string =>
  `escalation.${escalation.id.split('.')[1] ?? escalation.id}`;

/** The answer the doorbraak flow waits for, as a task. One per escalation: the flow waits for one answer at a time. */
export function escalationTask(escalation: Escalation, householdTeamId: string, dueAt: string): Task | undefined {
  const { awaiting } = escalation;
  if (!awaiting) return undefined;
  const base = {
    id: escalationTaskId(escalation),
    householdId: escalation.householdId,
    dueDate: amsterdamDate(dueAt),
    escalationId: escalation.id,
  };
  switch (awaiting) {
    case 'decision':
      return {
        ...base,
        kind: 'escalation_decision',
        assignee: { role: 'doorbraakteam' },
        excludedUserId: escalation.submittedBy,
        title: 'Decide on the doorbraak',
      };
    case 'budget_approval':
      return {
        ...base,
        kind: 'budget_approval',
        assignee: { role: 'budgethouder' },
        ...(escalation.decidedBy ? { excludedUserId: escalation.decidedBy } : {}),
        title: 'Approve the cost of the doorbraak',
      };
    case 'information':
      return {
        ...base,
        kind: 'escalation_information',
        teamId: householdTeamId,
        assignee: { user: escalation.submittedBy },
        title: 'Give the doorbraakteam the information it asked for',
      };
    case 'evaluation':
      return {
        ...base,
        kind: 'escalation_evaluation',
        teamId: householdTeamId,
        assignee: { user: escalation.submittedBy },
        title: 'Evaluate whether the doorbraak resolved the problem',
      };
  }
}

/** What changes between two sets of a household's tasks: the ones to write (new or changed) and the ids to delete. */
export function taskChanges(before: Task[], after: Task[]): { put: Task[]; remove: string[] } {
  const old = new Map(before.map((task) => [task.id, task]));
  const now = new Set(after.map((task) => task.id));
  return {
    put: after.filter((task) => JSON.stringify(old.get(task.id)) !== JSON.stringify(task)),
    remove: before.filter((task) => !now.has(task.id)).map((task) => task.id),
  };
}

/**
 * A household moved to another team. Everything that waited for the old team or one of its
 * people now waits for the new team (need to know: the old team no longer sees the household,
 * and could not act on it); what waits for another team (the interventieteam's triage of an
 * acute intake) or a city-wide role stays. A triage that would then be the new team's twice
 * (a household moved to the interventieteam) is kept once.
 */
export function tasksAfterTransfer(tasks: Task[], fromTeamId: string, toTeamId: string): { put: Task[]; remove: string[] } {
  const moved = tasks.map((task) => {
    // A break-glass review stays with the leaders of the team whose household was opened: the grant was on their watch.
    if (task.kind === 'break_glass_review') return task;
    const staysWith = 'role' in task.assignee || ('team' in task.assignee && task.assignee.team !== fromTeamId);
    const assignee: Assignee = 'leaders' in task.assignee ? { leaders: toTeamId } : staysWith ? task.assignee : { team: toTeamId };
    return { ...task, ...(task.teamId ? { teamId: toTeamId } : {}), assignee };
  });
  const seen = new Set<string>();
  const put: Task[] = [];
  const remove: string[] = [];
  for (const task of moved) {
    const waitsFor = task.kind === 'triage' ? `${task.intakeId}|${JSON.stringify(task.assignee)}` : task.id;
    if (seen.has(waitsFor)) remove.push(task.id);
    else {
      seen.add(waitsFor);
      put.push(task);
    }
  }
  return { put, remove };
}
