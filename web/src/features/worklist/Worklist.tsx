import { type Actor, hasAnyRole, isOnTeam, TEAM_LEADERS } from '#shared/domain/access.ts';
import { Heading, Paragraph } from '../../components/nlds.tsx';
import { ErrorAlert, ListTable, Loading, ScreenLink, useLoad } from '../../components/ui.tsx';
import type { Schemas } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { getTasks, getTeams } from './api.ts';
import { DueDate } from './components/DueDate.tsx';
import { MoreTasks, TaskLink } from './components/MoreTasks.tsx';
import { OverdueFilter, useOnlyOverdue } from './components/OverdueFilter.tsx';
import { useTaskPages } from './pages.ts';
import { groupBy, linkOf, rowKeyOf } from './tasks.ts';

type Task = Schemas['Task'];

/** What a task says it is: a plan action in its own words, anything else by its kind. */
const taskText = (task: Task) => (task.kind === 'plan_action' ? task.title : (t.worklist.kinds[task.kind] ?? task.title));

/**
 * The home screen: the caller's tasks (GET /me/tasks, a page at a time: "Meer laden" appends the
 * next), grouped by kind under a heading per kind, the kind with the most urgent task first; each
 * names its household and opens where its work is done. "Alleen te laat" asks the API for the overdue ones. A team leader reaches the
 * team's work by person from here.
 */
export function Worklist({ actor }: { actor: Actor }) {
  const overdue = useOnlyOverdue();
  const tasks = useTaskPages((cursor) => getTasks(overdue, cursor), String(overdue));
  const leader = hasAnyRole(actor, TEAM_LEADERS);
  const teams = useLoad(async () => (leader ? (await getTeams()).items.filter((team) => isOnTeam(actor, team.id)) : []), '');
  const groups = groupBy(tasks.data ?? [], (task) => task.kind);
  return (
    <>
      <Heading level={1}>{t.worklist.title}</Heading>
      {leader && (
        <ul>
          {(teams.data ?? []).map((team) => (
            <li key={team.id}>
              <ScreenLink to={`/team/${team.id}/werk`}>{t.worklist.teamWork(team.name)}</ScreenLink>
            </li>
          ))}
        </ul>
      )}
      <OverdueFilter path="/" />
      {tasks.loading && !tasks.data ? (
        <Loading />
      ) : !tasks.data ? (
        <ErrorAlert error={tasks.error} />
      ) : groups.length === 0 ? (
        <Paragraph>{overdue ? t.worklist.noneOverdue : t.worklist.empty}</Paragraph>
      ) : (
        groups.map((group) => {
          const kind = t.worklist.kinds[group.key] ?? group.key;
          return (
            <section key={group.key} className="wt-stack" aria-labelledby={`soort-${group.key}`}>
              <Heading level={2} id={`soort-${group.key}`}>
                {t.worklist.group(kind, group.tasks.length, group.overdue)}
              </Heading>
              <ListTable
                state={{ data: group.tasks, loading: false }}
                caption={kind}
                columns={[t.worklist.task, t.worklist.household, t.worklist.due]}
                empty={t.worklist.empty}
                rowKey={rowKeyOf}
                cells={(task) => [
                  <TaskLink key="link" to={linkOf(task)} isNew={tasks.isNew(task)}>
                    {taskText(task)}
                  </TaskLink>,
                  // The household as a person recognises it (the API names it where the reader may see it).
                  task.householdName ?? '—',
                  <DueDate key="due" task={task} />,
                ]}
              />
            </section>
          );
        })
      )}
      {tasks.data && <MoreTasks more={tasks.more} loaded={tasks.loaded} />}
    </>
  );
}
