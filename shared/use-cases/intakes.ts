import { findTeam } from '../city.ts';
import { handlesIntake, isOnTeam, mayCarryCases, readsIntake, requireOwnTeam } from '../domain/access.ts';
import { type Address, addressLookupValue, normalizeAddress } from '../domain/address.ts';
import { maskBsn } from '../domain/bsn.ts';
import { count, openHouseholds, triageCounts } from '../domain/figures.ts';
import {
  chooseHousehold,
  type Household,
  type HouseholdMember,
  type IncomingMember,
  MAX_MEMBERS,
  type MemberRole,
  membersNotYetKnown,
} from '../domain/household.ts';
import {
  CHANNELS_WITH_SOURCE,
  type Channel,
  type Intake,
  type IntakeSource,
  type TriageInput,
  teamsSeeingNewIntake,
  triageIntake,
  type Urgency,
} from '../domain/intake.ts';
import type { LifeDomain } from '../domain/life-domains.ts';
import { taskNotifications } from '../domain/notifications.ts';
import { firstContactTask, regisseurAppointmentTask, triageTasks } from '../domain/tasks.ts';
import { conflict, forbidden, invalidInput, notFound } from '../errors.ts';
import { newId, timeOrderedId } from '../ids.ts';
import { membersOf, processingLogLine, type RequestContext } from '../processing-log.ts';
import { type IntakePorts, noMetrics, type Registration } from './ports.ts';
import { raceLostAs, retryLostRaces } from './races.ts';

export interface NewIntake {
  teamId: string;
  channel: Channel;
  urgency: Urgency;
  question: string;
  domains: LifeDomain[];
  household: {
    address: Address;
    members: { name: string; birthDate: string; bsn?: string; role: MemberRole }[];
  };
  source?: IntakeSource;
}

/** What the API shows of an intake. */
export interface IntakeView {
  id: string;
  /** null for a reader outside the household's team, such as the sender of a routed intake. */
  householdId: string | null;
  routedToTeamId?: string;
  matchedExistingHousehold: boolean;
  teamId: string;
  channel: Channel;
  urgency: Urgency;
  question: string;
  domains: LifeDomain[];
  source?: IntakeSource;
  status: Intake['status'];
  createdAt: string;
  createdBy: string;
  triage?: Intake['triage'];
}

/** Lost races are retried from a fresh read; more than this many in a row means heavy contention. */
const MAX_ATTEMPTS = 6;

const severalRegistrations = () => conflict('The household was changed by several registrations at once. Please try again.');

/**
 * The intake as a reader sees it: the household's id only for its own team (rule 12: the
 * sender of an intake for a household known elsewhere learns which team took it, nothing more).
 */
export function intakeView(
  intake: Omit<Intake, 'visibleToTeams'> & { matchedExistingHousehold?: boolean },
  seesHousehold: boolean,
): IntakeView {
  return orderedIntakeView({
    ...intake,
    householdId: seesHousehold ? intake.householdId : null,
    matchedExistingHousehold: intake.matchedExistingHousehold ?? false,
  });
}

/** One field order for every answer, also a replayed one (whose order the idempotency store did not keep). */
export function orderedIntakeView(view: IntakeView): IntakeView {
  const ordered: IntakeView = {
    id: view.id,
    householdId: view.householdId,
    matchedExistingHousehold: view.matchedExistingHousehold,
    teamId: view.teamId,
    channel: view.channel,
    urgency: view.urgency,
    question: view.question,
    domains: view.domains,
    status: view.status,
    createdAt: view.createdAt,
    createdBy: view.createdBy,
  };
  if (view.routedToTeamId) ordered.routedToTeamId = view.routedToTeamId;
  if (view.source) ordered.source = view.source;
  if (view.triage) ordered.triage = view.triage;
  return ordered;
}

export function checkNewIntake(input: NewIntake, ports: IntakePorts, context: RequestContext): void {
  const team = findTeam(ports.city, input.teamId);
  if (!team || team.kind === 'doorbraakteam') {
    throw invalidInput('The team is not a team that takes intakes in this city.', [
      { name: 'teamId', code: 'unknown_team', reason: 'must be a wijkteam or the interventieteam of this city' },
    ]);
  }
  requireOwnTeam(context.principal, input.teamId, 'You can only register intakes for your own teams.');
  if (input.source && !CHANNELS_WITH_SOURCE.includes(input.channel)) {
    throw invalidInput('A source is only given for a signal or a referral.', [
      { name: 'source', code: 'not_allowed', reason: 'only allowed when channel is signal or referral' },
    ]);
  }
}

/** The incoming members as stored: BSNs only as keyed hash and mask (a registration never keeps a BSN in clear). */
export function incomingMembers(
  hasher: IntakePorts['hasher'],
  members: { name: string; birthDate: string; bsn?: string; role: MemberRole }[],
): IncomingMember[] {
  return members.map((member) => {
    const known: IncomingMember = { name: member.name, birthDate: member.birthDate, role: member.role };
    if (member.bsn) {
      known.bsnHash = hasher.bsn(member.bsn);
      known.bsnMasked = maskBsn(member.bsn);
    }
    return known;
  });
}

/**
 * Reads the look-ups and the household they name, and decides the registration: a new
 * household, or the open one the BSN or address names (rule 1). Writing it is the caller's
 * transaction (an intake's own, or a signal's outcome with it); a ConcurrentChange from that
 * write means another registration got there first, and the caller prepares again.
 */
export async function prepareRegistration(
  ports: IntakePorts,
  context: RequestContext,
  input: NewIntake,
  incoming: IncomingMember[],
): Promise<{ registration: Registration; view: IntakeView }> {
  const { store, hasher } = ports;
  const address = normalizeAddress(input.household.address);
  const addressHash = hasher.address(addressLookupValue(address));
  const bsnHashes = [...new Set(incoming.flatMap((m) => (m.bsnHash ? [m.bsnHash] : [])))];
  const withId = (member: IncomingMember): HouseholdMember => ({ id: newId(), ...member });
  const now = context.now;
  const matches = await store.findHouseholdMatches(bsnHashes, addressHash);
  const matchedId = chooseHousehold(matches);
  const existing = matchedId ? await store.getHousehold(matchedId) : undefined;
  // A closed household is never reopened by an intake: a new one starts.
  const householdId = existing?.status === 'open' ? existing.id : newId();
  // Known elsewhere, handled there (rule 12): the household's team triages it.
  const routedTo = existing?.status === 'open' && existing.teamId !== input.teamId ? existing.teamId : undefined;
  const intake: Intake & { matchedExistingHousehold: boolean } = {
    id: ports.intakeIds.seal(householdId),
    householdId,
    teamId: input.teamId,
    channel: input.channel,
    urgency: input.urgency,
    question: input.question,
    domains: [...new Set(input.domains)],
    status: 'open',
    visibleToTeams: teamsSeeingNewIntake(routedTo ?? input.teamId, input.urgency, ports.city),
    createdAt: now,
    createdBy: context.principal.userId,
    matchedExistingHousehold: existing?.status === 'open',
  };
  if (input.source) intake.source = input.source;
  if (routedTo) intake.routedToTeamId = routedTo;
  // Figures count an intake where it is handled.
  const handlingTeam = routedTo ?? input.teamId;
  const log = (subjects: { id: string }[]) =>
    processingLogLine(context, householdId, 'create', `/intakes/${intake.id}`, membersOf({ members: subjects }));
  const view = intakeView(intake, !routedTo);
  if (existing && existing.status === 'open') {
    const added = membersNotYetKnown(existing.members, incoming).map(withId);
    if (existing.members.length + added.length > MAX_MEMBERS) {
      throw conflict(`The household would hold more than ${MAX_MEMBERS} members: register the intake for fewer of them.`);
    }
    // A BSN that already points to an open household (this one or another) keeps its look-up.
    const claimed = new Set(matches.byBsn.map((match) => match.bsnHash));
    return {
      view,
      registration: {
        kind: 'existing',
        change: {
          counters: [count(handlingTeam, now, { intakes: 1 })],
          tasks: triageTasks(intake, existing.teamId),
          household: existing,
          addedMembers: added,
          now,
          newBsnHashes: added.flatMap((m) => (m.bsnHash && !claimed.has(m.bsnHash) ? [m.bsnHash] : [])),
          intake,
          log: log([...existing.members, ...added]),
        },
      },
    };
  }
  const household: Household = {
    id: householdId,
    teamId: input.teamId,
    status: 'open',
    address,
    members: incoming.map(withId),
    needsPlan: false,
    ownedBsnHashes: bsnHashes,
    addressHash,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  return {
    view,
    registration: {
      kind: 'new',
      change: {
        household,
        intake,
        bsnHashes,
        addressHash,
        log: log(household.members),
        counters: [count(input.teamId, now, { intakes: 1 }), openHouseholds(input.teamId, 1)],
        tasks: triageTasks(intake, household.teamId),
      },
    },
  };
}

export async function registerIntake(ports: IntakePorts, context: RequestContext, input: NewIntake): Promise<IntakeView> {
  checkNewIntake(input, ports, context);
  const incoming = incomingMembers(ports.hasher, input.household.members);
  // Each attempt prepares from a fresh read: another registration may have got there first.
  const view = await retryLostRaces({ attempts: MAX_ATTEMPTS, baseMs: 10, exhausted: severalRegistrations }, async () => {
    const { registration, view } = await prepareRegistration(ports, context, input, incoming);
    if (registration.kind === 'new') await ports.store.registerWithNewHousehold(registration.change);
    else await ports.store.registerInExistingHousehold(registration.change);
    return view;
  });
  (ports.metrics ?? noMetrics).record('IntakeRegistered', 1, { name: 'channel', value: input.channel });
  return view;
}

async function loadVisibleIntake(ports: IntakePorts, context: RequestContext, intakeId: string, rosterCheckUser?: string) {
  const householdId = ports.intakeIds.open(intakeId);
  if (!householdId) throw notFound('Intake');
  const teamsToCheck = rosterCheckUser ? context.principal.teams : [];
  const found = await ports.store.getIntake(
    householdId,
    intakeId,
    teamsToCheck.map((teamId) => ({ teamId, userId: rosterCheckUser ?? '' })),
  );
  if (!found.intake || !found.household || !readsIntake(context.principal, found.intake, found.household)) throw notFound('Intake');
  return { intake: found.intake, household: found.household, rosterHits: found.rosterHits };
}

export async function readIntake(ports: IntakePorts, context: RequestContext, intakeId: string): Promise<IntakeView> {
  const { intake, household } = await loadVisibleIntake(ports, context, intakeId);
  await ports.store.appendProcessingLog([
    processingLogLine(context, intake.householdId, 'read', `/intakes/${intake.id}`, membersOf(household)),
  ]);
  return intakeView(intake, isOnTeam(context.principal, household.teamId));
}

export async function triage(ports: IntakePorts, context: RequestContext, intakeId: string, input: TriageInput): Promise<IntakeView> {
  const { intake, household, rosterHits } = await loadVisibleIntake(ports, context, intakeId, input.coachId);
  if (!handlesIntake(context.principal, intake, household)) throw forbidden('The team that holds the household triages this intake.');
  const result = triageIntake(intake, input, ports.city, context.principal.userId, context.now);
  if (input.coachId) {
    // domain.md rule 11: a coach is a current member of a team that handles the intake, as wijkcoach or teamleider.
    const coachTeams = new Set(rosterHits.filter((hit) => mayCarryCases(hit.roles)).map((hit) => hit.teamId));
    const sharedTeam = [household.teamId, ...intake.visibleToTeams].some((team) => coachTeams.has(team));
    if (!sharedTeam) {
      throw invalidInput('The coach must be a wijkcoach or team leader on the roster of a team that handles this intake.', [
        { name: 'coachId', code: 'not_on_roster', reason: 'must be on the roster of the team as wijkcoach or teamleider' },
      ]);
    }
  }
  await ports.store
    .saveTriage({
      intake: result.intake,
      householdNeedsPlan: result.householdNeedsPlan,
      now: context.now,
      log: processingLogLine(context, intake.householdId, 'update', `/intakes/${intake.id}/triage`, membersOf(household)),
      counters: [count(intake.routedToTeamId ?? intake.teamId, context.now, triageCounts(input.outcome, result.householdNeedsPlan))],
      doneTasks: triageTasks(intake, household.teamId).map((task) => task.id),
      // A complex household without a regisseur: its team's leaders are asked to appoint one (v1.2), or the coach's plan waits on nobody.
      newTasks: [
        ...(result.householdNeedsPlan && !household.regisseur
          ? [regisseurAppointmentTask(household.id, household.teamId, context.now)]
          : []),
        // The coach referred to makes the first contact (v1.2): in the team of the household, or the one the intake was routed to.
        ...(input.coachId ? [firstContactTask(household.id, household.teamId, input.coachId, context.now)] : []),
      ],
      // The coach referred to hears of it at once (v1.2), unless they triaged it themself.
      notifications: input.coachId
        ? taskNotifications(
            [firstContactTask(household.id, household.teamId, input.coachId, context.now)],
            [],
            { actor: context.principal.userId, at: context.now },
            timeOrderedId,
          ).map((n) => ({ ...n, intakeId: intake.id }))
        : [],
    })
    .catch(raceLostAs(() => conflict('The intake has already been triaged.')));
  const metrics = ports.metrics ?? noMetrics;
  metrics.record('IntakeTriaged', 1, { name: 'outcome', value: input.outcome });
  if (result.householdNeedsPlan) metrics.record('ComplexCase');
  return intakeView(result.intake, isOnTeam(context.principal, household.teamId));
}
