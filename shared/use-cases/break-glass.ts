import { type CityRuntimeConfig, findTeam, interventieteamOf } from '../city.ts';
import { AfterCursor, decodeCursor, encodeCursor, invalidCursor, type Page } from '../cursor.ts';
import {
  breaksGlass,
  grantsInForce,
  hasAnyRole,
  householdReach,
  isOnTeam,
  requireOwnTeam,
  reviewsGrant,
  TEAM_LEADERS,
} from '../domain/access.ts';
import { type Address, addressLookupValue, normalizeAddress } from '../domain/address.ts';
import { type Grant, grantExpiry, grantReviewTask, grantReviewTaskId, grantView, type Verdict } from '../domain/break-glass.ts';
import { count } from '../domain/figures.ts';
import { NOTIFICATION_TITLES, notify } from '../domain/notifications.ts';
import { conflict, forbidden, invalidInput, notFound } from '../errors.ts';
import { householdChildId, newId, parseHouseholdChildId, timeOrderedId } from '../ids.ts';
import { membersOf, processingLogLine, type RequestContext } from '../processing-log.ts';
import type { BreakGlassStore, LookupHasher, RosterStore } from './ports.ts';
import { raceLostAs } from './races.ts';

export interface BreakGlassPorts {
  store: BreakGlassStore;
  hasher: LookupHasher;
  city: CityRuntimeConfig;
  /** The household's team leaders, to notify at once. */
  roster: Pick<RosterStore, 'listTeam'>;
}

export type BreakGlassRequest = ({ bsn: string } | Address) & { reason: string };

const grantResource = (grantId: string, rest = '') => `/break-glass/${grantId}${rest}`;

/**
 * `POST /break-glass`: a wijkcoach or teamleider of the interventieteam finds an open household
 * by BSN or address and reads it for eight hours. A look-up that finds no open household is 404
 * and writes nothing (the pipeline's application log has the attempt, never the BSN); a household
 * the caller already reaches is 409. The grant, the holder's reach, the team leaders' review task
 * and notifications, the log line and the counter are one transaction.
 */
export async function breakGlass(ports: BreakGlassPorts, context: RequestContext, request: BreakGlassRequest) {
  const { principal, now } = context;
  if (!breaksGlass(principal, interventieteamOf(ports.city).id)) {
    throw forbidden('Only a wijkcoach or teamleider of the interventieteam may break the glass.');
  }
  const [kind, hash] =
    'bsn' in request
      ? (['bsn', ports.hasher.bsn(request.bsn)] as const)
      : (['address', ports.hasher.address(addressLookupValue(normalizeAddress(request)))] as const);
  const [householdId, reach] = await Promise.all([ports.store.lookup(kind, hash), ports.store.reachOf(principal.userId)]);
  const household = householdId ? await ports.store.getHousehold(householdId) : undefined;
  if (household?.status !== 'open') throw notFound('Household');
  const inForce = grantsInForce(reach, now);
  if (householdReach({ ...principal, grants: inForce }, household)) {
    throw conflict('You already reach this household.');
  }
  const grant: Grant = {
    id: householdChildId(household.id, newId()),
    householdId: household.id,
    teamId: household.teamId,
    holder: { userId: principal.userId, ...(principal.name ? { name: principal.name } : {}) },
    reason: request.reason,
    grantedAt: now,
    expiresAt: grantExpiry(now),
  };
  const leaders = (await ports.roster.listTeam(household.teamId)).filter((entry) => hasAnyRole(entry, TEAM_LEADERS));
  const task = grantReviewTask(grant);
  await ports.store
    .grant({
      grant,
      household,
      expired: reach.filter((old) => !inForce.includes(old)),
      task,
      notifications: notify(
        'break_glass',
        leaders.map((entry) => entry.userId),
        { actor: principal.userId, at: now },
        { title: NOTIFICATION_TITLES.breakGlass, householdId: household.id, grantId: grant.id },
        timeOrderedId,
      ),
      log: processingLogLine({ ...context, grantId: grant.id }, household.id, 'create', grantResource(grant.id), membersOf(household)),
      counters: [count(household.teamId, now, { breakGlassGrants: 1 })],
    })
    .catch(raceLostAs(() => conflict('You already hold a grant on this household, or it changed meanwhile.')));
  return { id: grant.id, householdId: grant.householdId, expiresAt: grant.expiresAt, reason: grant.reason };
}

/**
 * `POST /break-glass/{id}/review`: a team leader of the team whose household was opened, once.
 * The grant is visible to that team and to its holder (403 for them when they may not review);
 * anyone else gets 404, as for a grant that does not exist.
 */
export async function reviewGrant(
  ports: BreakGlassPorts,
  context: RequestContext,
  grantId: string,
  input: { verdict: Verdict; note: string },
) {
  const ids = parseHouseholdChildId(grantId);
  if (!ids) throw notFound('Grant');
  const { household, grant } = await ports.store.read(ids.householdId, ids.key);
  if (!household || !grant) throw notFound('Grant');
  const { principal, now } = context;
  if (!reviewsGrant(principal, grant)) {
    if (isOnTeam(principal, grant.teamId) || grant.holder.userId === principal.userId) {
      throw forbidden('A grant is reviewed by a team leader of the team whose household was opened.');
    }
    throw notFound('Grant');
  }
  if (grant.review) throw conflict('The grant has been reviewed already.');
  const review = {
    verdict: input.verdict,
    note: input.note,
    by: { userId: principal.userId, ...(principal.name ? { name: principal.name } : {}) },
    at: now,
  };
  await ports.store
    .review({
      grant,
      review,
      taskId: grantReviewTaskId(grant),
      log: processingLogLine(
        { ...context, grantId: grant.id },
        grant.householdId,
        'update',
        grantResource(grant.id, '/review'),
        membersOf(household),
      ),
      // Counted in the month of the grant, so that a month's unjustified grants are a share of that month's grants.
      counters: input.verdict === 'unjustified' ? [count(grant.teamId, grant.grantedAt, { breakGlassUnjustified: 1 })] : [],
    })
    .catch(raceLostAs(() => conflict('The grant has been reviewed already.')));
  return grantView({ ...grant, review });
}

/** `GET /break-glass?teamId=&reviewed=`: a team leader's list of the grants on the team's households, newest first. */
export async function listGrants(
  ports: BreakGlassPorts,
  context: RequestContext,
  query: { teamId: string; reviewed?: boolean; limit: number; cursor?: string },
): Promise<Page<ReturnType<typeof grantView>>> {
  if (!findTeam(ports.city, query.teamId)) {
    throw invalidInput('No such team in this city.', [{ name: 'teamId', code: 'unknown_team', reason: 'must be a team of this city' }]);
  }
  requireOwnTeam(context.principal, query.teamId, 'You only see the grants on your own teams’ households.');
  if (!hasAnyRole(context.principal, TEAM_LEADERS)) throw forbidden('The grants of a team are for its team leaders.');
  const after = decodeCursor(query.cursor, AfterCursor)?.after;
  if (after !== undefined && !ports.store.isListPosition(after)) throw invalidCursor();
  const page = await ports.store.list(query.teamId, query.reviewed, query.limit, after);
  // A line per household listed, as for every list; a grant names no member, so no data subjects.
  const shown = [...new Set(page.items.map((grant) => grant.householdId))];
  if (shown.length > 0)
    await ports.store.appendProcessingLog(shown.map((id) => processingLogLine(context, id, 'read', '/break-glass', [])));
  return { items: page.items.map(grantView), nextCursor: page.next ? encodeCursor({ after: page.next }) : null };
}
