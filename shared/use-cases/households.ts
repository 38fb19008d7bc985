import * as z from 'zod/mini';
import { type CityRuntimeConfig, findTeam } from '../city.ts';
import { AfterCursor, decodeCursor, encodeCursor, invalidCursor, type Page } from '../cursor.ts';
import {
  directsCase,
  grantOn,
  mayCarryCases,
  ownTeams,
  reachableHousehold,
  requireOwnTeam,
  teamHousehold,
  teamOrGrantHousehold,
} from '../domain/access.ts';
import { type AssessmentWithProgress, withProgress, zrmScores } from '../domain/assessment.ts';
import { escalationView } from '../domain/escalation.ts';
import { openHouseholds } from '../domain/figures.ts';
import { type Household, type HouseholdSummary, householdSummary, membersForDisplay } from '../domain/household.ts';
import type { LifeDomain } from '../domain/life-domains.ts';
import { NOTIFICATION_TITLES, notify } from '../domain/notifications.ts';
import { REGISSEUR_APPOINTMENT_TASK, regisseurAppointmentTask, regisseursTasks, type Task, tasksAfterTransfer } from '../domain/tasks.ts';
import { conflict, forbidden, invalidInput, notFound } from '../errors.ts';
import { isId, newId, timeOrderedId } from '../ids.ts';
import { asReached, membersOf, processingLogLine, type RequestContext } from '../processing-log.ts';
import { intakeView } from './intakes.ts';
import type { DossierRecords, HouseholdStore, RosterStore } from './ports.ts';
import { raceLostAs } from './races.ts';

export interface HouseholdPorts {
  store: HouseholdStore;
  city: CityRuntimeConfig;
  /** Whether the regisseur is still on the team's roster (api.md 1.1: `regisseur.onRoster`). */
  roster: Pick<RosterStore, 'isOnRoster'>;
}

function openHousehold(household: Household): Household {
  if (household.status !== 'open') throw conflict('The household is closed.');
  return household;
}

const resource = (householdId: string, rest = '') => `/households/${householdId}${rest}`;

/** Per team of the list, where its partition's page ended ('done' once it is read to the end). */
const CaseloadCursor = z.object({
  teams: z.array(z.string()),
  status: z.string(),
  position: z.record(
    z.string(),
    z.union([z.literal('done'), z.object({ sortKey: z.string().check(z.minLength(1)), householdId: z.string().check(z.refine(isId)) })]),
  ),
});
type CaseloadCursor = z.infer<typeof CaseloadCursor>;

export async function caseload(
  ports: HouseholdPorts,
  context: RequestContext,
  query: { teamId?: string; status: Household['status']; limit: number; cursor?: string },
): Promise<Page<HouseholdSummary>> {
  const { principal } = context;
  if (query.teamId && !findTeam(ports.city, query.teamId)) {
    throw invalidInput('No such team in this city.', [{ name: 'teamId', code: 'unknown_team', reason: 'must be a team of this city' }]);
  }
  if (query.teamId) requireOwnTeam(principal, query.teamId, 'You only see the caseload of your own teams.');
  const teams = query.teamId ? [query.teamId] : ownTeams(principal, (team) => findTeam(ports.city, team) !== undefined);
  const cursor = decodeCursor(query.cursor, CaseloadCursor);
  if (cursor && (cursor.status !== query.status || cursor.teams.join() !== teams.join())) {
    throw invalidCursor('use it with the same teamId and status', 'The cursor belongs to another list.');
  }
  if (teams.length === 0) return { items: [], nextCursor: null };
  const { households, next } = await ports.store.caseload(teams, query.status, query.limit, cursor?.position);
  if (households.length > 0) {
    await ports.store.appendProcessingLog(households.map((h) => processingLogLine(context, h.id, 'read', '/households', membersOf(h))));
  }
  return {
    items: households.map(householdSummary),
    nextCursor: next ? encodeCursor({ teams, status: query.status, position: next } satisfies CaseloadCursor) : null,
  };
}

export async function dossier(ports: HouseholdPorts, context: RequestContext, householdId: string) {
  const records = await ports.store.dossier(householdId);
  if (!records) throw notFound('Household');
  const household = reachableHousehold(context.principal, records.household, { escalations: records.escalations });
  // The roster read goes beside the log write, so a regisseur costs no extra round trip.
  const [onRoster] = await Promise.all([
    household.regisseur ? ports.roster.isOnRoster(household.teamId, household.regisseur.userId) : undefined,
    ports.store.appendProcessingLog([
      processingLogLine(asReached(context, household), householdId, 'read', resource(householdId), membersOf(household)),
    ]),
  ]);
  const view = dossierView({ ...records, household }, onRoster === true);
  // Read under a break-glass grant: the screen's banner says until when and why (v1.2).
  const reach = grantOn(context.principal, household);
  const grant = reach && records.grants.find((g) => g.id === reach.id);
  return grant ? { ...view, breakGlass: { grantId: grant.id, expiresAt: grant.expiresAt, reason: grant.reason } } : view;
}

/** The dossier as the API shows it, from the household's records. */
export function dossierView(records: DossierRecords, regisseurOnRoster: boolean) {
  const { household } = records;
  const latest = records.assessments.reduce<(typeof records.assessments)[number] | undefined>(
    (newest, a) => (!newest || a.assessedAt > newest.assessedAt ? a : newest),
    undefined,
  );
  const { plan } = records;
  return {
    ...householdSummary(household),
    members: membersForDisplay(household),
    intakes: records.intakes.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((intake) => intakeView(intake, true)),
    formerMembers: household.formerMembers ?? [],
    involved: household.involved ?? [],
    formerInvolved: household.formerInvolved ?? [],
    regisseur: household.regisseur ? { ...household.regisseur, onRoster: regisseurOnRoster } : null,
    plan: plan
      ? {
          id: plan.id,
          status: plan.status,
          version: plan.version,
          evaluationDate: plan.evaluationDate,
          goals: plan.goals.map((goal) => ({ domain: goal.domain, description: goal.description, actions: goal.actions.length })),
          // Who of the network does what (v1.2), for the dossier's Netwerk.
          byNetwork: plan.goals.flatMap((goal) =>
            goal.actions.flatMap((action) =>
              action.involvedId
                ? [{ involvedId: action.involvedId, description: action.description, dueDate: action.dueDate, status: action.status }]
                : [],
            ),
          ),
          updatedAt: plan.updatedAt,
        }
      : null,
    latestAssessment: latest ? withProgress(latest, household.firstAssessment) : null,
    escalations: records.escalations.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)).map(escalationView),
    ...(household.closedAt ? { closedAt: household.closedAt, closeReason: household.closeReason } : {}),
  };
}

export async function appointRegisseur(ports: HouseholdPorts, context: RequestContext, householdId: string, userId: string) {
  const found = await ports.store.householdWithRoster(
    householdId,
    context.principal.teams.map((teamId) => ({ teamId, userId })),
  );
  const household = openHousehold(teamHousehold(context.principal, found.household));
  const entry = found.rosterHits.find((hit) => hit.teamId === household.teamId && mayCarryCases(hit.roles));
  if (!entry) {
    throw invalidInput("The regisseur must be a coach or team leader on the roster of the household's team.", [
      { name: 'userId', code: 'not_on_roster', reason: "must have signed in once as wijkcoach or teamleider of the household's team" },
    ]);
  }
  const regisseur = {
    userId,
    ...(entry.name ? { name: entry.name } : {}),
    appointedAt: context.now,
    appointedBy: context.principal.userId,
  };
  // The plan's evaluation and its actions without owner are the regisseur's tasks: they move to them with the appointment.
  const evaluation = found.plan ? regisseursTasks(found.plan, { teamId: household.teamId, regisseur }) : [];
  await ports.store
    .appointRegisseur(
      household,
      regisseur,
      context.now,
      processingLogLine(context, householdId, 'update', resource(householdId, '/regisseur'), membersOf(household)),
      // The appointment is what the team's leaders were asked for.
      { put: evaluation, remove: [REGISSEUR_APPOINTMENT_TASK] },
      notify(
        'task_assigned',
        [userId],
        { actor: context.principal.userId, at: context.now },
        { title: NOTIFICATION_TITLES.regisseur, householdId },
        timeOrderedId,
      ),
    )
    .catch(raceLostAs(() => conflict('The household changed meanwhile: read it again.')));
  return householdSummary({ ...household, regisseur, updatedAt: context.now });
}

/** The regisseur stays with the old team: a household that needs a plan asks the new team's leaders to appoint one. */
function withRegisseurAsked(tasks: { put: Task[]; remove: string[] }, household: Household, toTeamId: string, now: string) {
  if (!household.needsPlan) return tasks;
  return {
    put: [...tasks.put.filter((task) => task.id !== REGISSEUR_APPOINTMENT_TASK), regisseurAppointmentTask(household.id, toTeamId, now)],
    remove: tasks.remove.filter((id) => id !== REGISSEUR_APPOINTMENT_TASK),
  };
}

export async function transfer(ports: HouseholdPorts, context: RequestContext, householdId: string, teamId: string) {
  const found = await ports.store.householdAndTasks(householdId);
  const household = openHousehold(teamHousehold(context.principal, found.household));
  const team = findTeam(ports.city, teamId);
  if (!team || team.kind === 'doorbraakteam') {
    throw invalidInput('A household can move to a wijkteam or the interventieteam of this city.', [
      { name: 'teamId', code: 'unknown_team', reason: 'must be a wijkteam or the interventieteam of this city' },
    ]);
  }
  if (team.id === household.teamId) throw conflict('The household is already with this team.');
  await ports.store
    .transfer({
      household,
      toTeamId: team.id,
      now: context.now,
      log: processingLogLine(context, householdId, 'update', resource(householdId, '/transfer'), membersOf(household)),
      counters: [openHouseholds(household.teamId, -1), openHouseholds(team.id, 1)],
      tasks: withRegisseurAsked(tasksAfterTransfer(found.tasks, household.teamId, team.id), household, team.id, context.now),
    })
    .catch(raceLostAs(() => conflict('The household changed meanwhile: read it again.')));
  const { regisseur: _previous, ...moved } = household;
  return householdSummary({ ...moved, teamId: team.id, updatedAt: context.now });
}

export async function closeHousehold(ports: HouseholdPorts, context: RequestContext, householdId: string, reason: string) {
  const household = openHousehold(teamHousehold(context.principal, await ports.store.getHousehold(householdId)));
  if (!directsCase(context.principal, household)) throw forbidden('A household is closed by its team leader or its regisseur.');
  if (household.planStatus === 'draft' || household.planStatus === 'active') throw conflict("Close the household's plan first.");
  if ((household.openEscalations ?? 0) > 0) throw conflict('The household has an escalation that is still open.');
  const expiresAt = Math.floor(Date.parse(context.now) / 1000) + ports.city.retentionDays * 24 * 60 * 60;
  await ports.store
    .close({
      household,
      reason,
      now: context.now,
      expiresAt,
      log: processingLogLine(context, householdId, 'update', resource(householdId, '/close'), membersOf(household)),
      counters: [openHouseholds(household.teamId, -1)],
    })
    .catch(raceLostAs(() => conflict('The household has an open plan, or changed meanwhile.')));
  return householdSummary({ ...household, status: 'closed', updatedAt: context.now });
}

export async function recordAssessment(
  ports: HouseholdPorts,
  context: RequestContext,
  householdId: string,
  input: { scores: Partial<Record<LifeDomain, number>>; note?: string },
): Promise<AssessmentWithProgress> {
  const household = openHousehold(teamHousehold(context.principal, await ports.store.getHousehold(householdId)));
  const assessment = {
    id: newId(),
    householdId,
    scores: zrmScores(input.scores),
    ...(input.note ? { note: input.note } : {}),
    assessedAt: context.now,
    assessedBy: context.principal.userId,
  };
  await ports.store
    .addAssessment(
      household,
      assessment,
      processingLogLine(context, householdId, 'create', resource(householdId, '/assessments'), membersOf(household)),
    )
    .catch(raceLostAs(() => conflict('The household was closed meanwhile.')));
  return withProgress(assessment, household.firstAssessment ?? assessment);
}

export async function listAssessments(
  ports: HouseholdPorts,
  context: RequestContext,
  householdId: string,
  query: { limit: number; cursor?: string },
): Promise<Page<AssessmentWithProgress>> {
  const after = decodeCursor(query.cursor, AfterCursor)?.after;
  // The household (for need to know) and the page are read side by side: one round trip.
  const [household, page] = await Promise.all([
    ports.store.getHousehold(householdId),
    ports.store.assessments(householdId, query.limit, after),
  ]);
  const visible = teamOrGrantHousehold(context.principal, household);
  await ports.store.appendProcessingLog([
    processingLogLine(asReached(context, visible), householdId, 'read', resource(householdId, '/assessments'), membersOf(visible)),
  ]);
  return {
    items: page.items.map((a) => withProgress(a, visible.firstAssessment)),
    nextCursor: page.next ? encodeCursor({ after: page.next }) : null,
  };
}
