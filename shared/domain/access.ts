/**
 * Who may reach what, and who may do what: need to know (domain.md, api.md "404 outside reach")
 * decided here and nowhere else. Use cases ask it before they read or change; the route
 * contracts take their role lists from it; the web client asks it which screens and buttons to
 * offer (the API still decides). Pure: it looks only at what it is given, so the web client can
 * import it and a test can read every rule in one file.
 *
 * A household is reached along one of the paths of `HouseholdReach`. Version 1.2 adds its new
 * paths here, beside the two of 1.0: a break-glass grant (one person, one household, until it
 * expires: the actor's `grants`, which the HTTP pipeline reads for the interventieteam's members
 * at every request) and the resident (their own household, through their BSN: a principal of its
 * own that never reaches a professional's route).
 */
import { forbidden, notFound } from '../errors.ts';
import { BEFORE_DOORBRAAKTEAM, type EscalationStatus } from './escalation.ts';

export const ROLES = ['intaker', 'wijkcoach', 'teamleider', 'doorbraakteam', 'budgethouder', 'beheerder'] as const;
export type Role = (typeof ROLES)[number];
/** What a processing-log line names as the role: a professional's, or `resident` for a resident signed in with DigiD (v1.2). */
export const LOG_ROLES = [...ROLES, 'resident'] as const;
export type LogRole = (typeof LOG_ROLES)[number];

/** Everyone who works a team's households: they register intakes, work outreach and read the dossier. */
export const TEAM_WORKERS = ['intaker', 'wijkcoach', 'teamleider'] as const satisfies readonly Role[];
/** Who carries a case: they change the plan, correct the household, record assessments, may be coach or regisseur. */
export const CASE_WORKERS = ['wijkcoach', 'teamleider'] as const satisfies readonly Role[];
/** The team's leader: appoints the regisseur, keeps the roster, answers a subject access request. */
export const TEAM_LEADERS = ['teamleider'] as const satisfies readonly Role[];
/** The doorbraakteam decides on doorbraken and publishes precedents. */
export const DOORBRAAKTEAM = ['doorbraakteam'] as const satisfies readonly Role[];
/** Budget holders approve the cost of a decided doorbraak above the city's threshold. */
export const BUDGET_HOLDERS = ['budgethouder'] as const satisfies readonly Role[];
/** The roles that see every doorbraak of the city, whatever its team. */
export const CITY_WIDE = ['doorbraakteam', 'budgethouder'] as const satisfies readonly Role[];
/** Every role that works cases: all but the beheerder, who sees figures and no one's data. */
export const CASE_PROFESSIONALS = [...TEAM_WORKERS, ...CITY_WIDE] as const satisfies readonly Role[];
/** The beheerder sees the whole city's figures (and only figures). */
export const ADMINISTRATORS = ['beheerder'] as const satisfies readonly Role[];
/** Who reads figures: the beheerder the city's, a team leader their own teams'. */
export const FIGURE_READERS = [...ADMINISTRATORS, ...TEAM_LEADERS] as const satisfies readonly Role[];

/** Who opens a dossier or searches households: the team's workers, and the doorbraakteam (only the households before them). */
export const DOSSIER_READERS = [...TEAM_WORKERS, ...DOORBRAAKTEAM] as const satisfies readonly Role[];
/** Who reads a doorbraak: the case workers of its household's team, and the city-wide roles. */
export const ESCALATION_READERS = [...CASE_WORKERS, ...CITY_WIDE] as const satisfies readonly Role[];
/** Who reads what blocks most (no personal data): the doorbraakteam, team leaders and the beheerder. */
export const BLOCKAGE_FIGURE_READERS = [...DOORBRAAKTEAM, ...TEAM_LEADERS, ...ADMINISTRATORS] as const satisfies readonly Role[];

/** What the rules need of whoever asks: the token's person, roles and teams (the web client's session has the same). */
export interface Actor {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly teams: readonly string[];
  /** The break-glass grants this person holds that are in force now (v1.2 rule 17); absent for everyone else. */
  readonly grants?: readonly ReachGrant[];
}

/** What of a break-glass grant decides reach: whose household, on which team, until when. */
export interface ReachGrant {
  readonly id: string;
  readonly householdId: string;
  /** The household's team when the glass was broken: a household moved to another team ends the grant's use. */
  readonly teamId: string;
  readonly grantedAt: string;
  readonly expiresAt: string;
}

/** The grants still in force at `now`: expiry is decided at every request, never cached beyond it. */
export const grantsInForce = (grants: readonly ReachGrant[], now: string): ReachGrant[] => grants.filter((grant) => grant.expiresAt > now);

export const hasAnyRole = (actor: Pick<Actor, 'roles'>, roles: readonly Role[]): boolean => {
  // Every Role is a string: widened so that includes() takes the actor's roles, which are any strings.
  const allowed: readonly string[] = roles;
  return actor.roles.some((role) => allowed.includes(role));
};

/** A route's or action's roles: 403, since what is asked is visible to the caller. */
export function requireAnyRole(actor: Pick<Actor, 'roles'>, roles: readonly Role[], message?: string): void {
  if (!hasAnyRole(actor, roles)) throw forbidden(message ?? `This action needs one of the roles: ${roles.join(', ')}.`);
}

export const isOnTeam = (actor: Pick<Actor, 'teams'>, teamId: string): boolean => actor.teams.includes(teamId);

export const isOnAnyTeam = (actor: Pick<Actor, 'teams'>, teamIds: readonly string[]): boolean =>
  actor.teams.some((team) => teamIds.includes(team));

/** The caller's own teams that the city knows (a token may name a team the city no longer has), sorted. */
export const ownTeams = (actor: Pick<Actor, 'teams'>, isKnown: (teamId: string) => boolean): string[] => actor.teams.filter(isKnown).sort();

/** Teams are public within the city (GET /teams), so another team's own things are forbidden (403), not hidden. */
export function requireOwnTeam(actor: Pick<Actor, 'teams'>, teamId: string, message: string): void {
  if (!isOnTeam(actor, teamId)) throw forbidden(message);
}

/** A person on a team's roster may be made coach or regisseur in one of these roles (domain.md rule 11). */
export const mayCarryCases = (roles: readonly string[]): boolean => hasAnyRole({ roles }, CASE_WORKERS);

// Households --------------------------------------------------------------------------------

/** The paths along which a household is reached; `undefined` is outside reach. */
export type HouseholdReach = 'team' | 'doorbraakteam' | 'grant';

/** What of a household the rules look at. */
type Reached = { id: string; teamId: string; status: string; movedAt?: string | undefined };

/** What besides the household decides reach: its escalations (read with it, in the same Query). */
export interface ReachEvidence {
  escalations?: readonly { status: EscalationStatus }[];
}

/**
 * Need to know for one household: the members of its current team (after a transfer the old
 * team no longer reaches it), the doorbraakteam while one of its escalations is before them
 * (rule 8; an escalation's answers are reached through the escalation itself), and the holder
 * of a break-glass grant on it (rule 17) while the household is open and still on the team it
 * was on when the glass was broken.
 */
export function householdReach(actor: Actor, household: Reached, evidence: ReachEvidence = {}): HouseholdReach | undefined {
  if (isOnTeam(actor, household.teamId)) return 'team';
  if (hasAnyRole(actor, DOORBRAAKTEAM) && evidence.escalations?.some((e) => BEFORE_DOORBRAAKTEAM.includes(e.status))) {
    return 'doorbraakteam';
  }
  if (grantOn(actor, household)) return 'grant';
  return undefined;
}

/** The grant in force through which the actor reaches this household, if that is how they reach it (not through its team). */
export const grantOn = (actor: Actor, household: Reached): ReachGrant | undefined =>
  isOnTeam(actor, household.teamId) || household.status !== 'open'
    ? undefined
    : actor.grants?.find(
        (grant) =>
          grant.householdId === household.id &&
          grant.teamId === household.teamId &&
          // A move to another team ends it, also when the household comes back within the 8 hours.
          !(household.movedAt !== undefined && household.movedAt >= grant.grantedAt),
      );

/**
 * The household, if the actor reaches it for reading the dossier, the journal and the timeline
 * (every path); else 404, exactly as a household that does not exist.
 */
export function reachableHousehold<H extends Reached>(actor: Actor, household: H | undefined, evidence?: ReachEvidence): H {
  if (!household || !householdReach(actor, household, evidence)) throw notFound('Household');
  return household;
}

/**
 * What a break-glass grant reads besides the dossier, journal and timeline (the plan and the
 * assessments) and the one thing it writes (a journal entry): the team, or the grant's holder.
 */
export function teamOrGrantHousehold<H extends Reached>(actor: Actor, household: H | undefined): H {
  const reach = household ? householdReach(actor, household) : undefined;
  if (!household || (reach !== 'team' && reach !== 'grant')) throw notFound('Household');
  return household;
}

/**
 * The household, if the actor is on its team: what changes a household, and what only the team
 * sees. A grant's holder sees the household, so for them this is 403, not 404: changes stay with
 * the team (rule 17).
 */
export function teamHousehold<H extends Reached>(actor: Actor, household: H | undefined): H {
  const reach = household ? householdReach(actor, household) : undefined;
  if (household && reach === 'grant')
    throw forbidden('Under a break-glass grant you read the household and write in its journal; nothing else.');
  if (!household || reach !== 'team') throw notFound('Household');
  return household;
}

/** Who may break the glass (v1.2 rule 17): a wijkcoach or teamleider of the city's interventieteam. */
export const breaksGlass = (actor: Actor, interventieteamId: string): boolean =>
  hasAnyRole(actor, CASE_WORKERS) && isOnTeam(actor, interventieteamId);

/** A grant is reviewed by a team leader of the team whose household was opened (the grant's team, even after a transfer). */
export const reviewsGrant = (actor: Actor, household: { teamId: string }): boolean =>
  hasAnyRole(actor, TEAM_LEADERS) && isOnTeam(actor, household.teamId);

/**
 * Where a household search may look (as for a dossier read): the households of the caller's own
 * teams, for those who work them, and for the doorbraakteam the households with an escalation
 * before them (which the search reads from their own index, since the household is not yet known).
 */
export interface SearchReach {
  teams: string[];
  doorbraakteam: boolean;
}

export const searchReach = (actor: Actor, isKnownTeam: (teamId: string) => boolean): SearchReach => ({
  teams: hasAnyRole(actor, TEAM_WORKERS) ? ownTeams(actor, isKnownTeam) : [],
  doorbraakteam: hasAnyRole(actor, DOORBRAAKTEAM),
});

/** A household found is within a search's reach through its team (else only if an escalation is before the doorbraakteam). */
export const inSearchedTeams = (reach: SearchReach, household: { teamId: string }): boolean => reach.teams.includes(household.teamId);

/** A plan action is marked done by its owner or the household's regisseur. */
export const completesPlanAction = (
  actor: Actor,
  action: { ownerId?: string | null },
  household: { regisseur?: { userId: string } | null },
): boolean => action.ownerId === actor.userId || household.regisseur?.userId === actor.userId;

/** The regisseur directs the household's case (its plan, its closing); the team leader may always act for the team. */
export const directsCase = (actor: Actor, household: { regisseur?: { userId: string } | null }): boolean =>
  household.regisseur?.userId === actor.userId || hasAnyRole(actor, TEAM_LEADERS);

// Intakes, signals, escalations -------------------------------------------------------------

/** The household's own team and the teams the intake was routed to handle it: they see and triage it. */
export const handlesIntake = (actor: Actor, intake: { visibleToTeams: readonly string[] }, household: { teamId: string }): boolean =>
  isOnAnyTeam(actor, [household.teamId, ...intake.visibleToTeams]);

/** Besides them, the team that registered an intake may read it (not its household). */
export const readsIntake = (
  actor: Actor,
  intake: { teamId: string; visibleToTeams: readonly string[] },
  household: { teamId: string },
): boolean => handlesIntake(actor, intake, household) || isOnTeam(actor, intake.teamId);

/** A professional of the signal's team, in a role that works outreach; anyone else does not see it (404, as for households). */
export const worksOutreachOf = (actor: Actor, signal: { teamId: string }): boolean =>
  hasAnyRole(actor, TEAM_WORKERS) && isOnTeam(actor, signal.teamId);

/** The doorbraakteam and the budget holders see every escalation of the city; the household's current team its own. */
export const seesEscalationsOf = (actor: Actor, household: { teamId: string } | undefined): boolean =>
  hasAnyRole(actor, CITY_WIDE) || (household !== undefined && isOnTeam(actor, household.teamId));

/** Rule 6: the doorbraakteam decides, never on a doorbraak the decider submitted. */
export const decidesEscalation = (actor: Actor, escalation: { submittedBy: string }): boolean =>
  hasAnyRole(actor, DOORBRAAKTEAM) && escalation.submittedBy !== actor.userId;

/** Rule 6: a budget holder approves the cost, never one who decided or submitted the doorbraak. */
export const approvesBudgetOf = (actor: Actor, escalation: { submittedBy: string; decidedBy?: string | null }): boolean =>
  hasAnyRole(actor, BUDGET_HOLDERS) && escalation.decidedBy !== actor.userId && escalation.submittedBy !== actor.userId;

/** The information the doorbraakteam asks for is given by who submitted the doorbraak. */
export const informsEscalation = (actor: Actor, escalation: { submittedBy: string }): boolean => escalation.submittedBy === actor.userId;

/** The household's regisseur or the submitter evaluates a doorbraak. */
export const evaluatesEscalation = (
  actor: Actor,
  escalation: { submittedBy: string },
  household: { regisseur?: { userId: string } | null } | undefined,
): boolean => household?.regisseur?.userId === actor.userId || escalation.submittedBy === actor.userId;

// The resident ----------------------------------------------------------------------------------

/**
 * Rule 18: a resident reaches the open household where their BSN (as its keyed hash) is an adult
 * member, and nothing else: that member, or undefined (404, as for no household).
 */
export function residentMember<M extends { bsnHash?: string | undefined; role: string }>(
  household: { status: string; members: readonly M[] } | undefined,
  bsnHash: string,
): M | undefined {
  if (household?.status !== 'open') return undefined;
  return household.members.find((member) => member.bsnHash === bsnHash && member.role === 'adult');
}

// The journal ---------------------------------------------------------------------------------

/** A restricted entry is read by its author, the household's regisseur and the team's team leaders (v1.2). */
export const readsRestrictedEntry = (
  actor: Actor,
  entry: { by: { userId: string } },
  household: { teamId: string; regisseur?: { userId: string } | null },
): boolean =>
  entry.by.userId === actor.userId ||
  household.regisseur?.userId === actor.userId ||
  (hasAnyRole(actor, TEAM_LEADERS) && isOnTeam(actor, household.teamId));

/** An entry is corrected by its author, or by a team leader of the household's team (v1.2). */
export const correctsJournalEntry = (actor: Actor, entry: { by: { userId: string } }, household: { teamId: string }): boolean =>
  entry.by.userId === actor.userId || (hasAnyRole(actor, TEAM_LEADERS) && isOnTeam(actor, household.teamId));

// The work list ---------------------------------------------------------------------------------

/**
 * Whether a task of the caller's work list may name its household (v1.2 "Names, never ids"): for
 * the household's own team; for a team triaging an intake routed to it (its triage shows the
 * people); for the doorbraakteam while the doorbraak waits for its decision. A budget holder
 * approves a cost and sees no household.
 */
export const namesHouseholdOfTask = (
  actor: Actor,
  task: { kind: string; assignee: { team: string } | { user: string } | { leaders: string } | { role: string } },
  household: { teamId: string },
): boolean =>
  isOnTeam(actor, household.teamId) ||
  (task.kind === 'triage' && 'team' in task.assignee && isOnTeam(actor, task.assignee.team)) ||
  (task.kind === 'escalation_decision' && hasAnyRole(actor, DOORBRAAKTEAM));
