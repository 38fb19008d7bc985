import type { Household } from '../domain/household.ts';
import {
  type FormerInvolvedParty,
  type InvolvedInput,
  type InvolvedParty,
  involvedFrom,
  involvedProblems,
  MAX_INVOLVED,
} from '../domain/involved.ts';
import { conflict, invalidInput, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { membersOf, processingLogLine, type RequestContext } from '../processing-log.ts';
import { raceLostAs } from './races.ts';
import { changedMeanwhile, correctionOf, openForCorrection, type RegistryPorts } from './registry.ts';

/**
 * The network around the household (v1.2): involved parties added, corrected and ended by the
 * team's wijkcoaches and team leaders (the route's roles), on the open household of their team.
 * Each is one transaction on the household item (its version the condition), with the
 * correction record and the processing-log line, as a member's correction is.
 */
const resource = (householdId: string, rest = '') => `/households/${householdId}/involved${rest}`;

/** Whom a line about a party concerns: the members it is about, else the household's members. */
const subjectsOf = (party: InvolvedParty, household: Household) => (party.about.length > 0 ? party.about : membersOf(household));

function refuseInvalid(input: InvolvedInput, household: Household) {
  const problems = involvedProblems(input, household.members);
  if (problems.length > 0) throw invalidInput('The involved party is not valid for this household.', problems);
}

/** The fields a change gives (names only, never values). */
const fieldsOf = (input: InvolvedInput) =>
  Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);

async function save(
  ports: RegistryPorts,
  context: RequestContext,
  before: Household,
  after: Household,
  party: InvolvedParty,
  change: { path: string; kind: 'involved_added' | 'involved_changed' | 'involved_ended'; fields: string[]; reason?: string },
) {
  await ports.store
    .correct({
      before,
      after,
      log: processingLogLine(context, before.id, 'update', resource(before.id, change.path), subjectsOf(party, after)),
      correction: correctionOf(context, before.id, change.kind, change.fields, {
        involvedId: party.id,
        ...(change.reason ? { reason: change.reason } : {}),
      }),
      lookups: { claim: [], release: [] },
      nameEntries: { put: [], remove: [] },
    })
    .catch(raceLostAs(changedMeanwhile));
}

export async function addInvolved(ports: RegistryPorts, context: RequestContext, householdId: string, input: InvolvedInput) {
  const before = openForCorrection(context, await ports.store.getHousehold(householdId));
  refuseInvalid(input, before);
  const involved = before.involved ?? [];
  if (involved.length >= MAX_INVOLVED) throw conflict(`A household names at most ${MAX_INVOLVED} involved parties at once.`);
  const party = involvedFrom(newId(), input, { at: context.now, by: context.principal.userId });
  const after: Household = { ...before, involved: [...involved, party], updatedAt: context.now, version: before.version + 1 };
  await save(ports, context, before, after, party, { path: '', kind: 'involved_added', fields: fieldsOf(input) });
  return party;
}

export async function changeInvolved(
  ports: RegistryPorts,
  context: RequestContext,
  householdId: string,
  involvedId: string,
  input: InvolvedInput,
) {
  const before = openForCorrection(context, await ports.store.getHousehold(householdId));
  const kept = (before.involved ?? []).find((p) => p.id === involvedId);
  // An ended party is history: it is not changed (a new one is added instead).
  if (!kept) {
    if ((before.formerInvolved ?? []).some((p) => p.id === involvedId)) throw conflict('This involved party has ended.');
    throw notFound('Involved party');
  }
  refuseInvalid(input, before);
  const party = involvedFrom(involvedId, input, { at: kept.addedAt, by: kept.addedBy });
  const after: Household = {
    ...before,
    involved: (before.involved ?? []).map((p) => (p.id === involvedId ? party : p)),
    updatedAt: context.now,
    version: before.version + 1,
  };
  await save(ports, context, before, after, party, { path: `/${involvedId}`, kind: 'involved_changed', fields: fieldsOf(input) });
  return party;
}

export async function endInvolved(
  ports: RegistryPorts,
  context: RequestContext,
  householdId: string,
  involvedId: string,
  end: { reason: string; until?: string | undefined },
) {
  const before = openForCorrection(context, await ports.store.getHousehold(householdId));
  const kept = (before.involved ?? []).find((p) => p.id === involvedId);
  if (!kept) {
    if ((before.formerInvolved ?? []).some((p) => p.id === involvedId)) throw conflict('This involved party has ended already.');
    throw notFound('Involved party');
  }
  const until = end.until ?? context.now.slice(0, 10);
  if (kept.since && until < kept.since)
    throw invalidInput('The end lies before the start.', [{ name: 'until', code: 'too_early', reason: 'must not lie before since' }]);
  const former: FormerInvolvedParty = { ...kept, until, endReason: end.reason, endedAt: context.now, endedBy: context.principal.userId };
  const after: Household = {
    ...before,
    involved: (before.involved ?? []).filter((p) => p.id !== involvedId),
    formerInvolved: [...(before.formerInvolved ?? []), former],
    updatedAt: context.now,
    version: before.version + 1,
  };
  await save(ports, context, before, after, kept, { path: `/${involvedId}/end`, kind: 'involved_ended', fields: [], reason: end.reason });
  return former;
}
