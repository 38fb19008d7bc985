import { Heading, Paragraph } from '../../components/nlds.tsx';
import { ErrorAlert, ListTable, Loading, ScreenLink, useLoad } from '../../components/ui.tsx';
import type { Schemas } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { getRoster, getTeams, getTeamTasks } from './api.ts';
import { DueDate } from './components/DueDate.tsx';
import { OverdueFilter, useOnlyOverdue } from './components/OverdueFilter.tsx';
import { groupBy, linkOf, rowKeyOf } from './tasks.ts';

type TeamTask = Schemas['TeamTask'];

/** A task as the team's view lists it: its kind, and for a plan action the action's own words. */
const taskText = (task: TeamTask) => {
  const kind = t.worklist.kinds[task.kind] ?? task.title;
  return task.kind === 'plan_action' ? `${kind}: ${task.title}` : kind;
};

/**
 * The team leader's view of the team's work (GET /teams/{id}/tasks): its open tasks grouped by
 * the person they wait for, named from the team's roster (GET /teams/{id}/members), and "Het
 * team" for what waits for the team or its leaders. Never a user id: someone no longer on the
 * roster is said to be so. One round trip: the tasks, the roster and the team's name side by side.
 */
export function TeamWork({ teamId }: { teamId: string }) {
  const overdue = useOnlyOverdue();
  const loaded = useLoad(async () => {
    const [tasks, roster, teams] = await Promise.all([getTeamTasks(teamId, overdue), getRoster(teamId), getTeams()]);
    return { tasks: tasks.items, roster: roster.items, team: teams.items.find((team) => team.id === teamId) };
  }, `${teamId}/${overdue}`);
  const team = loaded.data?.team?.name ?? '';
  const nameOf = (userId: string | null) => {
    if (userId === null) return t.teamWork.theTeam;
    const member = loaded.data?.roster.find((m) => m.userId === userId);
    return member ? (member.name ?? t.unnamed) : t.teamWork.offRoster;
  };
  // Someone off the roster is one group whoever they were: their id is not for the screen.
  const onRoster = (userId: string | null) => userId === null || loaded.data?.roster.some((m) => m.userId === userId) === true;
  const groups = groupBy(loaded.data?.tasks ?? [], (task) => (onRoster(task.assigneeId) ? task.assigneeId : 'buiten-rooster'));
  return (
    <>
      <Heading level={1}>{t.teamWork.title(team)}</Heading>
      <Paragraph>
        <ScreenLink to="/">{t.teamWork.back}</ScreenLink>
      </Paragraph>
      <Paragraph>{t.teamWork.intro}</Paragraph>
      <OverdueFilter path={`/team/${teamId}/werk`} />
      {loaded.loading && !loaded.data ? (
        <Loading />
      ) : !loaded.data ? (
        <ErrorAlert error={loaded.error} />
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
                  <ScreenLink key="link" to={linkOf(task)}>
                    {taskText(task)}
                  </ScreenLink>,
                  task.householdName ?? '—',
                  <DueDate key="due" task={task} />,
                ]}
              />
            </section>
          );
        })
      )}
    </>
  );
}
