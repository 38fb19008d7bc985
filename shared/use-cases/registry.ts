import * as z from 'zod/mini';
import { type CityRuntimeConfig, findTeam } from '../city.ts';
import { decodeCursor, encodeCursor, invalidCursor, type Page } from '../cursor.ts';
import { inSearchedTeams, type SearchReach, searchReach, teamHousehold } from '../domain/access.ts';
import { type Address, addressLookupValue, normalizeAddress } from '../domain/address.ts';
import { maskBsn } from '../domain/bsn.ts';
import {
  type Correction,
  type FormerMember,
  type Household,
  type HouseholdMember,
  type HouseholdSummary,
  householdSummary,
  type LegalRelation,
  MAX_MEMBERS,
  type MemberRole,
  memberForDisplay,
  memberIdentity,
} from '../domain/household.ts';
import { MIN_NAME_TERM, nameMatches, nameWords, searchTermWords } from '../domain/names.ts';
import { conflict, type InvalidParam, invalidInput, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { membersOf, processingLogLine, type RequestContext } from '../processing-log.ts';
import { dossierView } from './households.ts';
import type { LookupHasher, LookupKind, RegistryStore, RosterStore } from './ports.ts';
import { raceLostAs } from './races.ts';

export interface RegistryPorts {
  store: RegistryStore;
  hasher: LookupHasher;
  city: CityRuntimeConfig;
  roster: Pick<RosterStore, 'isOnRoster'>;
}

const addressLookupHash = (hasher: LookupHasher, address: Address): string => hasher.address(addressLookupValue(address));

// ————— Find a household (within reach only) —————

export interface SearchQuery {
  bsn?: string;
  postcode?: string;
  houseNumber?: string;
  houseNumberAddition?: string;
  name?: string;
  limit: number;
  cursor?: string;
}

export type SearchResult = HouseholdSummary & { matchedMembers: { memberId: string; name: string }[] };

/** Exactly one of: bsn; postcode and houseNumber (with an optional addition); name (api.md 1.1). */
function criterionOf(query: SearchQuery): 'bsn' | 'address' | 'name' {
  const given = {
    bsn: query.bsn !== undefined,
    address: query.postcode !== undefined || query.houseNumber !== undefined || query.houseNumberAddition !== undefined,
    name: query.name !== undefined,
  };
  const chosen = (['bsn', 'address', 'name'] as const).filter((criterion) => given[criterion]);
  if (chosen.length !== 1) {
    const params: InvalidParam[] =
      chosen.length === 0
        ? [{ name: 'query.bsn', code: 'criterion_required', reason: 'search by exactly one of bsn, postcode and houseNumber, or name' }]
        : chosen.map((criterion) => ({
            name: `query.${criterion === 'address' ? 'postcode' : criterion}`,
            code: 'one_criterion_only',
            reason: 'search by exactly one of bsn, postcode and houseNumber, or name',
          }));
    throw invalidInput('Search by exactly one criterion: a BSN, an address, or a name.', params);
  }
  const [criterion] = chosen;
  if (criterion === 'address' && (query.postcode === undefined || query.houseNumber === undefined)) {
    const missing = query.postcode === undefined ? 'postcode' : 'houseNumber';
    throw invalidInput('An address search needs the postcode and the house number.', [
      { name: `query.${missing}`, code: 'required', reason: 'required with an address search' },
    ]);
  }
  return criterion ?? 'name';
}

/**
 * A name search reads every match of the term (to list each household once, in order), so it is
 * bounded: a term that starts more words than this in one team's name index asks for more letters.
 * A team of a few thousand households reaches it only with two letters of a very common name.
 */
export const MAX_NAME_MATCHES = 1000;

const NameCursor = z.object({ term: z.string(), after: z.tuple([z.string(), z.string()]) });

export async function searchHouseholds(ports: RegistryPorts, context: RequestContext, query: SearchQuery): Promise<Page<SearchResult>> {
  const criterion = criterionOf(query);
  const reach = searchReach(context.principal, (team) => findTeam(ports.city, team) !== undefined);
  const results =
    criterion === 'name' ? await byName(ports, reach, query) : { items: await byLookup(ports, reach, criterion, query), next: null };
  // A result shows every member's name (the household summary): every member is a data subject of its line.
  if (results.items.length > 0) {
    await ports.store.appendProcessingLog(
      results.items.map(({ household }) => processingLogLine(context, household.id, 'read', '/households/search', membersOf(household))),
    );
  }
  return { items: results.items.map(({ result }) => result), nextCursor: results.next };
}

/** A household found, and what the answer shows of it. */
interface Found {
  household: Household;
  result: SearchResult;
}

const found = (household: Household, matched: HouseholdMember[]): Found => ({
  household,
  result: { ...householdSummary(household), matchedMembers: matched.map((m) => ({ memberId: m.id, name: m.name })) },
});

/** BSN or address: one keyed-hash look-up, then the household if it is within reach. At most one result. */
async function byLookup(ports: RegistryPorts, reach: SearchReach, criterion: LookupKind, query: SearchQuery): Promise<Found[]> {
  if (query.cursor !== undefined) throw invalidCursor('a BSN or address search has one page');
  const hash =
    criterion === 'bsn'
      ? ports.hasher.bsn(query.bsn ?? '')
      : addressLookupHash(
          ports.hasher,
          normalizeAddress({
            postcode: query.postcode ?? '',
            houseNumber: query.houseNumber ?? '',
            ...(query.houseNumberAddition ? { houseNumberAddition: query.houseNumberAddition } : {}),
          }),
        );
  const householdId = await ports.store.lookup(criterion, hash);
  const household = householdId ? await ports.store.getHousehold(householdId) : undefined;
  if (household?.status !== 'open') return [];
  const inReach =
    inSearchedTeams(reach, household) || (reach.doorbraakteam && (await ports.store.hasEscalationBeforeDoorbraakteam(household.id)));
  if (!inReach) return [];
  const matched = criterion === 'bsn' ? household.members.filter((m) => m.bsnHash === hash) : [];
  return [found(household, matched)];
}

/**
 * A name: the per-team name index read with the term's longest word, grouped by household and
 * ordered by the word found, then the household. Only the page's households are read; each
 * must still be within reach, and a member must match every word of the term.
 */
async function byName(ports: RegistryPorts, reach: SearchReach, query: SearchQuery): Promise<{ items: Found[]; next: string | null }> {
  const words = searchTermWords(query.name ?? '');
  const longest = words[0] ?? '';
  if (longest.length < MIN_NAME_TERM) {
    throw invalidInput('A name search needs a word of at least two letters.', [
      { name: 'query.name', code: 'too_short', reason: `must hold a word of at least ${MIN_NAME_TERM} letters or digits` },
    ]);
  }
  const term = words.join(' ');
  const cursor = decodeCursor(query.cursor, NameCursor);
  if (cursor && cursor.term !== term) throw invalidCursor('use it with the same name', 'The cursor belongs to another search.');

  const [indexed, beforeDoorbraakteam] = await Promise.all([
    reach.teams.length > 0 ? ports.store.nameEntries(reach.teams, longest, MAX_NAME_MATCHES) : { entries: [], more: false },
    reach.doorbraakteam ? ports.store.householdsBeforeDoorbraakteam() : [],
  ]);
  if (indexed.more) {
    throw invalidInput('More members match than a search can list: type more of the name.', [
      {
        name: 'query.name',
        code: 'too_many_matches',
        reason: `matches more than ${MAX_NAME_MATCHES} members of a team: give more letters`,
      },
    ]);
  }
  const { entries } = indexed;
  const candidates = new Map<string, { word: string; memberIds: Set<string> }>();
  const add = (householdId: string, memberId: string, word: string) => {
    const known = candidates.get(householdId);
    if (!known) candidates.set(householdId, { word, memberIds: new Set([memberId]) });
    else {
      known.memberIds.add(memberId);
      if (word < known.word) known.word = word;
    }
  };
  for (const entry of entries) add(entry.householdId, entry.memberId, entry.word);
  const doorbraakHouseholds = new Map(beforeDoorbraakteam.filter((h) => h.status === 'open').map((h) => [h.id, h]));
  for (const household of doorbraakHouseholds.values()) {
    for (const member of household.members) {
      const word = nameWords(member.name).find((w) => w.startsWith(longest));
      if (word) add(household.id, member.id, word);
    }
  }
  const ordered = [...candidates.entries()]
    .map(([householdId, candidate]) => ({ householdId, ...candidate }))
    .sort((a, b) =>
      a.word < b.word ? -1 : a.word > b.word ? 1 : a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0,
    )
    .filter((c) => !cursor || c.word > cursor.after[0] || (c.word === cursor.after[0] && c.householdId > cursor.after[1]));
  const page = ordered.slice(0, query.limit);
  const households = new Map((await ports.store.households(page.map((c) => c.householdId))).map((h) => [h.id, h]));
  const items = page.flatMap((candidate): Found[] => {
    const household = households.get(candidate.householdId);
    if (household?.status !== 'open') return [];
    if (!inSearchedTeams(reach, household) && !doorbraakHouseholds.has(household.id)) return [];
    const matched = household.members.filter((m) => candidate.memberIds.has(m.id) && nameMatches(m.name, words));
    if (matched.length === 0) return [];
    return [found(household, matched)];
  });
  const last = page.at(-1);
  const next =
    ordered.length > page.length && last
      ? encodeCursor({ term, after: [last.word, last.householdId] } satisfies z.infer<typeof NameCursor>)
      : null;
  return { items, next };
}

// ————— Keep a household right —————

export interface MemberInput {
  name: string;
  birthDate: string;
  /** A string sets the BSN; null takes it off; left out keeps it (the client only ever sees it masked). */
  bsn?: string | null;
  role: MemberRole;
  legalRelations?: LegalRelation[];
}

export const changedMeanwhile = () =>
  conflict('The household changed meanwhile, or a BSN or address is held by another household: read it again.');

export function openForCorrection(context: RequestContext, household: Household | undefined): Household {
  const visible = teamHousehold(context.principal, household);
  if (visible.status !== 'open') throw conflict('The household is closed.');
  return visible;
}

export const correctionOf = (
  context: RequestContext,
  householdId: string,
  kind: Correction['kind'],
  fields: string[],
  extra: Partial<Correction> = {},
): Correction => ({
  id: newId(),
  householdId,
  kind,
  fields,
  ...extra,
  at: context.now,
  by: context.principal.userId,
});

const resource = (householdId: string, rest: string) => `/households/${householdId}${rest}`;

/** `PUT /households/{id}/address`: the address and its look-up move in one transaction; an address of another open household is 409. */
export async function changeAddress(ports: RegistryPorts, context: RequestContext, householdId: string, input: Address) {
  const address = normalizeAddress(input);
  const hash = addressLookupHash(ports.hasher, address);
  const [records, holder] = await Promise.all([ports.store.dossier(householdId), ports.store.lookup('address', hash)]);
  const before = openForCorrection(context, records?.household);
  if (!records) throw notFound('Household');
  if (holder && holder !== householdId) throw conflict('The address belongs to another open household.');
  const moved = hash !== before.addressHash;
  const after: Household = { ...before, address, addressHash: hash, updatedAt: context.now, version: before.version + 1 };
  const fields = (['postcode', 'houseNumber', 'houseNumberAddition'] as const).filter((f) => before.address[f] !== address[f]);
  const [, onRoster] = await Promise.all([
    ports.store
      .correct({
        before,
        after,
        log: processingLogLine(context, householdId, 'update', resource(householdId, '/address'), membersOf(after)),
        correction: correctionOf(context, householdId, 'address', fields),
        lookups: moved
          ? { claim: [{ kind: 'address', hash }], release: [{ kind: 'address', hash: before.addressHash }] }
          : { claim: [], release: [] },
        nameEntries: { put: [], remove: [] },
      })
      .catch(raceLostAs(changedMeanwhile)),
    before.regisseur ? ports.roster.isOnRoster(before.teamId, before.regisseur.userId) : false,
  ]);
  return dossierView({ ...records, household: after }, onRoster);
}

/** A member's BSN as the household keeps it: a keyed hash and the masked form, never the number. */
function withBsn(
  member: Omit<HouseholdMember, 'bsnHash' | 'bsnMasked'>,
  hasher: LookupHasher,
  bsn: string | null | undefined,
  kept?: HouseholdMember,
) {
  if (bsn) return { ...member, bsnHash: hasher.bsn(bsn), bsnMasked: maskBsn(bsn) };
  if (bsn === undefined && kept?.bsnHash)
    return { ...member, bsnHash: kept.bsnHash, ...(kept.bsnMasked ? { bsnMasked: kept.bsnMasked } : {}) };
  return member;
}

function memberFrom(id: string, input: MemberInput, hasher: LookupHasher, kept?: HouseholdMember): HouseholdMember {
  const base = {
    id,
    name: input.name,
    birthDate: input.birthDate,
    role: input.role,
    ...(input.legalRelations && input.legalRelations.length > 0 ? { legalRelations: input.legalRelations } : {}),
  };
  return withBsn(base, hasher, input.bsn, kept);
}

/** A BSN already held: by this household (the same person twice) or by another open household. */
function refuseHeldBsn(holder: string | undefined, householdId: string) {
  if (!holder) return;
  throw conflict(
    holder === householdId
      ? 'This BSN belongs to a member of this household already.'
      : 'This BSN belongs to a member of another open household.',
  );
}

export async function addMember(ports: RegistryPorts, context: RequestContext, householdId: string, input: MemberInput) {
  const incoming = memberFrom(newId(), input, ports.hasher);
  const bsnLookups = incoming.bsnHash ? [{ kind: 'bsn' as const, hash: incoming.bsnHash }] : [];
  const { household, holders } = await ports.store.householdWithLookups(householdId, bsnLookups);
  const before = openForCorrection(context, household);
  if (incoming.bsnHash) refuseHeldBsn(holders.get(incoming.bsnHash), householdId);
  if (before.members.some((m) => memberIdentity(m) === memberIdentity(incoming)))
    throw conflict('This person is already a member of the household.');
  if (before.members.length >= MAX_MEMBERS) throw conflict(`A household holds at most ${MAX_MEMBERS} members.`);
  const after: Household = {
    ...before,
    members: [...before.members, incoming],
    ownedBsnHashes: incoming.bsnHash ? [...before.ownedBsnHashes, incoming.bsnHash] : before.ownedBsnHashes,
    updatedAt: context.now,
    version: before.version + 1,
  };
  await ports.store
    .correct({
      before,
      after,
      log: processingLogLine(context, householdId, 'update', resource(householdId, '/members'), [incoming.id]),
      correction: correctionOf(context, householdId, 'member_added', fieldsOf(input), { memberId: incoming.id }),
      lookups: { claim: bsnLookups, release: [] },
      nameEntries: { put: [incoming], remove: [] },
    })
    .catch(raceLostAs(changedMeanwhile));
  return memberForDisplay(incoming);
}

/** The fields a change gives (names only, never values). */
const fieldsOf = (input: MemberInput) =>
  Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);

export async function changeMember(
  ports: RegistryPorts,
  context: RequestContext,
  householdId: string,
  memberId: string,
  input: MemberInput,
) {
  const newHash = input.bsn ? ports.hasher.bsn(input.bsn) : undefined;
  const { household, holders } = await ports.store.householdWithLookups(householdId, newHash ? [{ kind: 'bsn', hash: newHash }] : []);
  const before = openForCorrection(context, household);
  const kept = before.members.find((m) => m.id === memberId);
  if (!kept) throw notFound('Member');
  const changed = memberFrom(memberId, input, ports.hasher, kept);
  const bsnChanged = changed.bsnHash !== kept.bsnHash;
  if (newHash && bsnChanged) refuseHeldBsn(holders.get(newHash), householdId);
  if (before.members.some((m) => m.id !== memberId && memberIdentity(m) === memberIdentity(changed))) {
    throw conflict('This person is already a member of the household.');
  }
  const owned = kept.bsnHash !== undefined && before.ownedBsnHashes.includes(kept.bsnHash);
  const after: Household = {
    ...before,
    members: before.members.map((m) => (m.id === memberId ? changed : m)),
    ownedBsnHashes: bsnChanged
      ? [...before.ownedBsnHashes.filter((h) => h !== kept.bsnHash), ...(changed.bsnHash ? [changed.bsnHash] : [])]
      : before.ownedBsnHashes,
    updatedAt: context.now,
    version: before.version + 1,
  };
  const fields: string[] = (['name', 'birthDate', 'role'] as const).filter((f) => kept[f] !== changed[f]);
  if (bsnChanged) fields.push('bsn');
  if (JSON.stringify(kept.legalRelations ?? []) !== JSON.stringify(changed.legalRelations ?? [])) fields.push('legalRelations');
  await ports.store
    .correct({
      before,
      after,
      log: processingLogLine(context, householdId, 'update', resource(householdId, `/members/${memberId}`), [memberId]),
      correction: correctionOf(context, householdId, 'member_changed', fields, { memberId }),
      lookups: {
        claim: bsnChanged && changed.bsnHash ? [{ kind: 'bsn', hash: changed.bsnHash }] : [],
        release: bsnChanged && owned && kept.bsnHash ? [{ kind: 'bsn', hash: kept.bsnHash }] : [],
      },
      nameEntries: { put: kept.name !== changed.name ? [changed] : [], remove: [] },
    })
    .catch(raceLostAs(changedMeanwhile));
  return memberForDisplay(changed);
}

/** A member who moved out: kept under `formerMembers` with when and why; their BSN look-up is released. */
export async function removeMember(ports: RegistryPorts, context: RequestContext, householdId: string, memberId: string, reason: string) {
  const before = openForCorrection(context, await ports.store.getHousehold(householdId));
  const leaving = before.members.find((m) => m.id === memberId);
  if (!leaving) throw notFound('Member');
  if (before.members.length === 1) throw conflict('A household keeps at least one member.');
  const former: FormerMember = {
    id: leaving.id,
    name: leaving.name,
    birthDate: leaving.birthDate,
    role: leaving.role,
    ...(leaving.bsnMasked ? { bsnMasked: leaving.bsnMasked } : {}),
    leftAt: context.now,
    reason,
  };
  const owned = leaving.bsnHash !== undefined && before.ownedBsnHashes.includes(leaving.bsnHash);
  const after: Household = {
    ...before,
    members: before.members.filter((m) => m.id !== memberId),
    formerMembers: [...(before.formerMembers ?? []), former],
    ownedBsnHashes: before.ownedBsnHashes.filter((h) => h !== leaving.bsnHash),
    updatedAt: context.now,
    version: before.version + 1,
  };
  await ports.store
    .correct({
      before,
      after,
      log: processingLogLine(context, householdId, 'update', resource(householdId, `/members/${memberId}`), [memberId]),
      correction: correctionOf(context, householdId, 'member_removed', [], { memberId, reason }),
      lookups: { claim: [], release: owned && leaving.bsnHash ? [{ kind: 'bsn', hash: leaving.bsnHash }] : [] },
      nameEntries: { put: [], remove: [memberId] },
    })
    .catch(raceLostAs(changedMeanwhile));
  return former;
}
