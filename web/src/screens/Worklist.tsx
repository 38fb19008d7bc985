import { api, ok, type Schemas } from '../api.ts';
import { Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../nlds.tsx';
import { t } from '../texts.ts';
import { ErrorAlert, Loading, ScreenLink, useLoad } from '../ui.tsx';

/** Where each kind of task is done. */
function linkOf(task: Schemas['Task']): string {
  if (task.kind === 'triage' && task.intakeId) return `/aanmeldingen/${task.intakeId}/triage`;
  if (task.kind === 'signal_outreach' && task.signalId) return `/signalen/${task.signalId}`;
  if ((task.kind === 'plan_action' || task.kind === 'plan_evaluation') && task.householdId) return `/huishoudens/${task.householdId}/plan`;
  if (task.escalationId) return `/doorbraken/${task.escalationId}`;
  return task.householdId ? `/huishoudens/${task.householdId}` : '/';
}

/** The home screen: the caller's tasks, overdue first (GET /me/tasks, one call). */
export function Worklist() {
  const tasks = useLoad(async () => ok(await api.GET('/me/tasks', { params: { query: { limit: 100 } } })), '');
  return (
    <>
      <Heading level={1}>{t.worklist.title}</Heading>
      {tasks.loading && !tasks.data && <Loading />}
      <ErrorAlert error={tasks.error} />
      {tasks.data && tasks.data.items.length === 0 && <Paragraph>{t.worklist.empty}</Paragraph>}
      {tasks.data && tasks.data.items.length > 0 && (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.worklist.task}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.worklist.kind}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.worklist.due}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {tasks.data.items.map((task) => (
              <TableRow key={`${task.kind}-${task.id}-${task.householdId ?? task.signalId}`}>
                <TableCell>
                  <ScreenLink to={linkOf(task)}>
                    {task.kind === 'plan_action' ? task.title : (t.worklist.kinds[task.kind] ?? task.title)}
                  </ScreenLink>
                </TableCell>
                <TableCell>{t.worklist.kinds[task.kind] ?? task.kind}</TableCell>
                <TableCell>
                  {t.date(task.dueDate)}
                  {task.overdue && <span className="wt-overdue"> ({t.worklist.overdue})</span>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
