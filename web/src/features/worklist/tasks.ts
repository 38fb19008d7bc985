import type { Schemas } from '../../lib/api.ts';

type Task = Schemas['Task'];

/** The plan action a task is about (its id is `action.<actionId>`), for the anchor of that action in the plan. */
const actionIdOf = (task: Task) => (task.id.startsWith('action.') ? task.id.slice('action.'.length) : undefined);

/**
 * Where each kind of task is done: the screen, and on it (`#…`, focused when the screen opens)
 * the place: the action in the plan, the agreement's field, the regisseur's select in the
 * dossier, the journal's form for a first contact.
 */
export function linkOf(task: Task): string {
  const household = task.householdId ? `/huishoudens/${task.householdId}` : undefined;
  switch (task.kind) {
    case 'triage':
      if (task.intakeId) return `/aanmeldingen/${task.intakeId}/triage`;
      break;
    case 'signal_outreach':
      if (task.signalId) return `/signalen/${task.signalId}`;
      break;
    case 'plan_action': {
      const actionId = actionIdOf(task);
      if (household) return `${household}/plan${actionId ? `#actie-${actionId}` : ''}`;
      break;
    }
    case 'break_glass_review':
      if (task.grantId) return `/noodtoegang/beoordelen#noodtoegang-${task.grantId}`;
      break;
    case 'plan_evaluation':
      if (household) return `${household}/plan#veld-evaluationDate`;
      break;
    case 'plan_agreement':
      if (household) return `${household}/plan#veld-agreedBy`;
      break;
    case 'regisseur_appointment':
      if (household) return `${household}#veld-userId`;
      break;
    case 'first_contact':
      if (household) return `${household}#veld-journal-kind`;
      break;
    default:
      if (task.escalationId) return `/doorbraken/${task.escalationId}`;
  }
  if (task.escalationId) return `/doorbraken/${task.escalationId}`;
  return household ?? '/';
}

export const rowKeyOf = (task: Task) => `${task.kind}-${task.id}-${task.householdId ?? task.signalId}`;

/**
 * Tasks in groups, in the order of their most urgent task (the list comes overdue first, then by
 * due date, and stays in that order within each group).
 */
export function groupBy<T extends Task, K>(tasks: T[], keyOf: (task: T) => K): { key: K; tasks: T[]; overdue: number }[] {
  const groups = new Map<K, T[]>();
  for (const task of tasks) {
    const key = keyOf(task);
    groups.set(key, [...(groups.get(key) ?? []), task]);
  }
  return [...groups].map(([key, grouped]) => ({ key, tasks: grouped, overdue: grouped.filter((task) => task.overdue).length }));
}
