import { Heading } from '../../components/nlds.tsx';
import { ListTable, ScreenLink, useLoad } from '../../components/ui.tsx';
import type { Schemas } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { getTasks } from './api.ts';

/** Where each kind of task is done. */
function linkOf(task: Schemas['Task']): string {
  if (task.kind === 'triage' && task.intakeId) return `/aanmeldingen/${task.intakeId}/triage`;
  if (task.kind === 'signal_outreach' && task.signalId) return `/signalen/${task.signalId}`;
  if ((task.kind === 'plan_action' || task.kind === 'plan_evaluation' || task.kind === 'plan_agreement') && task.householdId)
    return `/huishoudens/${task.householdId}/plan`;
  if (task.escalationId) return `/doorbraken/${task.escalationId}`;
  return task.householdId ? `/huishoudens/${task.householdId}` : '/';
}

/** The home screen: the caller's tasks, overdue first (GET /me/tasks, one call). */
export function Worklist() {
  const tasks = useLoad(getTasks, '');
  return (
    <>
      <Heading level={1}>{t.worklist.title}</Heading>
      <ListTable
        state={{ ...tasks, data: tasks.data?.items }}
        columns={[t.worklist.task, t.worklist.household, t.worklist.due]}
        empty={t.worklist.empty}
        rowKey={(task) => `${task.kind}-${task.id}-${task.householdId ?? task.signalId}`}
        cells={(task) => [
          <ScreenLink key="link" to={linkOf(task)}>
            {task.kind === 'plan_action' ? task.title : (t.worklist.kinds[task.kind] ?? task.title)}
          </ScreenLink>,
          // The household as a person recognises it (the API names it where the reader may see it).
          task.householdName ?? '—',
          <>
            {t.date(task.dueDate)}
            {task.overdue && <span className="wt-overdue"> ({t.worklist.overdue})</span>}
          </>,
        ]}
      />
    </>
  );
}
