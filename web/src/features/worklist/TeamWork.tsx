import { Heading, Paragraph } from '../../components/nlds.tsx';
import { ErrorAlert, ListTable, Loading, ScreenLink, useLoad } from '../../components/ui.tsx';
import type { Schemas } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { getRoster, getTeams, getTeamTasks } from './api.ts';
import { DueDate } from './components/DueDate.tsx';
import { MoreTasks, TaskLink } from './components/MoreTasks.tsx';
import { OverdueFilter, useOnlyOverdue } from './components/OverdueFilter.tsx';
import { nameOfMember, Roster } from './components/Roster.tsx';
import { useTaskPages } from './pages.ts';
import { groupBy, linkOf, rowKeyOf } from './tasks.ts';

type TeamTask = Schemas['TeamTask'];

/** A task as the team's view lists it: its kind, and for a plan action the action's own words. */
const taskText = (task: TeamTask) => {
  const kind = t.worklist.kinds[task.kind] ?? task.title;
  return task.kind === 'plan_action' ? `${kind}: ${task.title}` : kind;
};

/**
 * The team leader's view of the team's work (GET /teams/{id}/tasks, a page at a time: "Meer
 * laden" appends the next): its open tasks grouped by the person they wait for, named from the
 * team's roster (GET /teams/{id}/members), and "Het team" for what waits for the team or its
 * leaders. Never a user id: someone no longer on the roster is said to be so. The tasks, the
 * roster and the team's name are asked side by side. Under the work, the roster ("Teamleden"),
 * from which the leader takes someone who left the team.
 */
export function TeamWork({ teamId }: { teamId: string }) {
  const overdue = useOnlyOverdue();
  const tasks = useTaskPages((cursor) => getTeamTasks(teamId, overdue, cursor), `${teamId}/${overdue}`);
  const roster = useLoad(async () => (await getRoster(teamId)).items, teamId);
  const teams = useLoad(async () => (await getTeams()).items, '');
  const team = teams.data?.find((one) => one.id === teamId)?.name ?? '';
  const nameOf = (userId: string | null) => {
    if (userId === null) return t.teamWork.theTeam;
    const member = roster.data?.find((m) => m.userId === userId);
    return member ? nameOfMember(member) : t.teamWork.offRoster;
  };
  // Someone off the roster is one group whoever they were: their id is not for the screen.
  const onRoster = (userId: string | null) => userId === null || roster.data?.some((m) => m.userId === userId) === true;
  const groups = groupBy(tasks.data ?? [], (task) => (onRoster(task.assigneeId) ? task.assigneeId : 'buiten-rooster'));
  const ready = tasks.data !== undefined && roster.data !== undefined;
  return (
    <>
      <Heading level={1}>{t.teamWork.title(team)}</Heading>
      <Paragraph>
        <ScreenLink to="/">{t.teamWork.back}</ScreenLink>
      </Paragraph>
      <Paragraph>{t.teamWork.intro}</Paragraph>
      <OverdueFilter path={`/team/${teamId}/werk`} />
      {!ready && (tasks.loading || roster.loading) ? (
        <Loading />
      ) : !ready ? (
        <ErrorAlert error={tasks.error ?? roster.error} />
      ) : groups.length === 0 ? (
        <Paragraph>{overdue ? t.worklist.noneOverdue : t.teamWork.empty}</Paragraph>
      ) : (
        groups.map((group, n) => {
          const name = group.key === 'buiten-rooster' ? t.teamWork.offRoster : nameOf(group.key);
          return (
            <section key={group.key ?? 'team'} className="wt-stack" aria-labelledby={`persoon-${n}`}>
              <Heading level={2} id={`persoon-${n}`}>
                {t.teamWork.person(name, group.tasks.length, group.overdue)}
              </Heading>
              <ListTable
                state={{ data: group.tasks, loading: false }}
                caption={name}
                columns={[t.worklist.task, t.worklist.household, t.worklist.due]}
                empty={t.teamWork.empty}
                rowKey={rowKeyOf}
                cells={(task) => [
                  <TaskLink key="link" to={linkOf(task)} isNew={tasks.isNew(task)}>
                    {taskText(task)}
                  </TaskLink>,
                  task.householdName ?? '—',
                  <DueDate key="due" task={task} />,
                ]}
              />
            </section>
          );
        })
      )}
      {ready && <MoreTasks more={tasks.more} loaded={tasks.loaded} />}
      <Roster teamId={teamId} roster={roster} onChanged={roster.reload} />
    </>
  );
}
