import * as z from 'zod/mini';
import { type CityRuntimeConfig, findTeam } from '../city.ts';
import { decodeCursor, encodeCursor, invalidCursor, type Page } from '../cursor.ts';
import {
  BUDGET_HOLDERS,
  DOORBRAAKTEAM,
  hasAnyRole,
  namesHouseholdOfTask,
  ownTeams,
  requireOwnTeam,
  TEAM_LEADERS,
  TEAM_WORKERS,
} from '../domain/access.ts';
import type { Household } from '../domain/household.ts';
import { householdName } from '../domain/names.ts';
import { type Assignee, amsterdamDate, isOverdue, type Task, type TaskKind } from '../domain/tasks.ts';
import { notFound } from '../errors.ts';
import { processingLogLine, type RequestContext } from '../processing-log.ts';
import type { TaskPosition, TaskStore } from './ports.ts';

export interface WorklistPorts {
  store: TaskStore;
  city: CityRuntimeConfig;
}

/** A task as the work list shows it. */
export interface TaskView {
  id: string;
  kind: TaskKind;
  dueDate: string;
  overdue: boolean;
  householdId?: string;
  /** The household as a person recognises it, where the reader may see it ("Smit · 7545 KL 4"). */
  householdName?: string;
  signalId?: string;
  intakeId?: string;
  escalationId?: string;
  grantId?: string;
  title: string;
}

export interface WorklistQuery {
  kind?: TaskKind;
  overdue: boolean;
  limit: number;
  cursor?: string;
}

/** Whose tasks are the caller's: their own, their teams' (for those who triage), and their city-wide roles'. */
function assigneesOf(context: RequestContext, city: CityRuntimeConfig): Assignee[] {
  const { principal } = context;
  const assignees: Assignee[] = [{ user: principal.userId }];
  const teams = ownTeams(principal, (id) => findTeam(city, id) !== undefined);
  if (hasAnyRole(principal, TEAM_WORKERS)) for (const team of teams) assignees.push({ team });
  if (hasAnyRole(principal, TEAM_LEADERS)) for (const team of teams) assignees.push({ leaders: team });
  if (hasAnyRole(principal, DOORBRAAKTEAM)) assignees.push({ role: 'doorbraakteam' });
  if (hasAnyRole(principal, BUDGET_HOLDERS)) assignees.push({ role: 'budgethouder' });
  return assignees;
}

const view = (task: Task, now: string, name: string | undefined): TaskView => ({
  id: task.id,
  kind: task.kind,
  dueDate: task.dueDate,
  overdue: isOverdue(task.dueDate, now),
  ...(task.householdId ? { householdId: task.householdId } : {}),
  ...(name ? { householdName: name } : {}),
  ...(task.signalId ? { signalId: task.signalId } : {}),
  ...(task.intakeId ? { intakeId: task.intakeId } : {}),
  ...(task.escalationId ? { escalationId: task.escalationId } : {}),
  ...(task.grantId ? { grantId: task.grantId } : {}),
  title: task.title,
});

/** The filters the page was read with, and the store's position (which the store checks: it knows its keys). */
const WorklistCursor = z.object({ kind: z.nullable(z.string()), overdue: z.boolean(), position: z.unknown() });
type WorklistCursor = z.infer<typeof WorklistCursor>;

/** The cursor's position, checked to belong to the same list (same filters, same partitions). */
function positionOf(query: WorklistQuery, fits: (position: unknown) => position is TaskPosition): TaskPosition | undefined {
  const cursor = decodeCursor(query.cursor, WorklistCursor);
  if (!cursor) return undefined;
  if (cursor.kind !== (query.kind ?? null) || cursor.overdue !== query.overdue || !fits(cursor.position)) {
    throw invalidCursor('use it with the same kind and overdue', 'The cursor belongs to another list.');
  }
  return cursor.position;
}

const cursorOf = (query: WorklistQuery, next: TaskPosition | undefined) =>
  next ? encodeCursor({ kind: query.kind ?? null, overdue: query.overdue, position: next } satisfies WorklistCursor) : null;

/**
 * The tasks listed name their households (v1.2): the page's households are read in one request,
 * and each household shown writes a processing-log line, as a caseload page does, naming the
 * members whose names the answer shows (the adults', or everyone's in a household without one). An
 * outreach task shows a signal's id and no one's data: no line. Returns each task's household name
 * where the caller may see it.
 */
async function namedAndLogged(ports: WorklistPorts, context: RequestContext, tasks: Task[], resource: string) {
  const ids = [...new Set(tasks.flatMap((task) => (task.householdId ? [task.householdId] : [])))];
  if (ids.length === 0) return () => undefined;
  const households = new Map((await ports.store.households(ids)).map((household) => [household.id, household]));
  const shown = (task: Task): Household | undefined => {
    const household = task.householdId ? households.get(task.householdId) : undefined;
    return household && namesHouseholdOfTask(context.principal, task, household) ? household : undefined;
  };
  const named = new Map<string, Household>();
  for (const task of tasks) {
    const household = shown(task);
    if (household) named.set(household.id, household);
  }
  const subjectsOf = (household: Household) => {
    const adults = household.members.filter((m) => m.role === 'adult');
    return (adults.length > 0 ? adults : household.members).map((m) => m.id);
  };
  await ports.store.appendProcessingLog(
    ids.map((id) => {
      const household = named.get(id);
      return processingLogLine(context, id, 'read', resource, household ? subjectsOf(household) : []);
    }),
  );
  return (task: Task) => {
    const household = shown(task);
    return household ? householdName(household) : undefined;
  };
}

/** `GET /me/tasks`: the caller's tasks, overdue first, then by due date. */
export async function myTasks(ports: WorklistPorts, context: RequestContext, query: WorklistQuery): Promise<Page<TaskView>> {
  const assignees = assigneesOf(context, ports.city);
  const after = positionOf(query, (p): p is TaskPosition => ports.store.isAssigneePosition(p, assignees));
  const { tasks, next } = await ports.store.forAssignees(
    assignees,
    {
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.overdue ? { dueBefore: amsterdamDate(context.now) } : {}),
      limit: query.limit,
      ...(after ? { after } : {}),
    },
    context.principal.userId,
  );
  const nameOf = await namedAndLogged(ports, context, tasks, '/me/tasks');
  return { items: tasks.map((task) => view(task, context.now, nameOf(task))), nextCursor: cursorOf(query, next) };
}

/** `GET /teams/{id}/tasks`: the team leader's view of the team's work, by person. */
export async function teamTasks(
  ports: WorklistPorts,
  context: RequestContext,
  teamId: string,
  query: WorklistQuery,
): Promise<Page<TaskView & { assigneeId: string | null }>> {
  if (!findTeam(ports.city, teamId)) throw notFound('Team');
  requireOwnTeam(context.principal, teamId, "Only the team's own team leader sees its work.");
  const after = positionOf(query, (p): p is TaskPosition => ports.store.isTeamPosition(p, teamId));
  const { tasks, next } = await ports.store.forTeam(teamId, {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.overdue ? { dueBefore: amsterdamDate(context.now) } : {}),
    limit: query.limit,
    ...(after ? { after } : {}),
  });
  const nameOf = await namedAndLogged(ports, context, tasks, `/teams/${teamId}/tasks`);
  return {
    items: tasks.map((task) => ({
      ...view(task, context.now, nameOf(task)),
      assigneeId: 'user' in task.assignee ? task.assignee.user : null,
    })),
    nextCursor: cursorOf(query, next),
  };
}
