import * as z from 'zod/mini';
import { type CityRuntimeConfig, findTeam, type Partner } from '../city.ts';
import { decodeCursor, encodeCursor, invalidCursor, type Page } from '../cursor.ts';
import { CASE_WORKERS, hasAnyRole, TEAM_LEADERS, TEAM_WORKERS, worksOutreachOf } from '../domain/access.ts';
import { type Address, addressLookupValue, normalizeAddress } from '../domain/address.ts';
import { maskBsn } from '../domain/bsn.ts';
import { addCounts, type CounterChange, count, firstContactCounts, signalCounts } from '../domain/figures.ts';
import { chooseHousehold, type IncomingMember } from '../domain/household.ts';
import { MAX_RECIPIENTS, NOTIFICATION_TITLES, notify } from '../domain/notifications.ts';
import {
  type AttachedSignal,
  attemptRefusal,
  type ContactAttempt,
  type ContactChannel,
  daysToFirstContact,
  domainsOfSignals,
  MAX_JOINED_SIGNALS,
  MERGE_WINDOW_DAYS,
  OPEN_SIGNAL_STATUSES,
  outcomeRefusal,
  outreachDueDate,
  outreachTask,
  type PartnerSignalView,
  partnerView,
  routeSignal,
  type Signal,
  type SignalKind,
  type SignalOutcome,
  type SignalOutcomeKind,
  type SignalStatus,
  signalExpiry,
  storyOfSignal,
  withinMergeWindow,
} from '../domain/signal.ts';
import { conflict, forbidden, invalidInput, notFound } from '../errors.ts';
import { newId, timeOrderedId } from '../ids.ts';
import { type RequestContext, signalLogLine } from '../processing-log.ts';
import { incomingMembers, type NewIntake, prepareRegistration } from './intakes.ts';
import { type IntakePorts, noMetrics, type RosterStore, type SignalStore } from './ports.ts';
import { retryLostRaces } from './races.ts';

export interface SignalPorts {
  store: SignalStore;
  /** The intake registration that help accepted performs (the same look-up key and intake ids as the intakes function). */
  intakes: IntakePorts;
  city: CityRuntimeConfig;
  /** The team's roster: who of the team hears of a new signal (v1.2). */
  roster?: Pick<RosterStore, 'listTeam'>;
  /** The partner behind a machine client's client id (in AWS Cognito generates the id; locally it is the partner's id). */
  partnerOfClient: (clientId: string) => Partner | undefined;
}

export interface NewSignal {
  reference: string;
  kind: SignalKind;
  arrears: { amount: number; currency: 'EUR' };
  since: string;
  address: Address;
  person?: { name: string; birthDate: string; bsn?: string };
  contact?: { phone?: string; email?: string };
}

export interface OutcomeInput {
  outcome: SignalOutcomeKind;
  note?: string;
  /** With help accepted: the person who accepted it, when the signal names nobody (or named them wrongly). */
  person?: { name: string; birthDate: string; bsn?: string };
}

/** What the team sees of a signal: all of it, its attempts and outcome (an attached signal shows its outreach's status). */
export interface SignalView {
  id: string;
  reference: string;
  partnerId: string;
  partnerName: string;
  kind: SignalKind;
  arrears: { amount: number; currency: 'EUR' };
  since: string;
  address: Address;
  person?: { name: string; birthDate: string; bsnMasked?: string };
  contact?: { phone?: string; email?: string };
  teamId: string;
  routedBy: Signal['routedBy'];
  householdId?: string;
  status: SignalStatus;
  receivedAt: string;
  updatedAt: string;
  dueDate: string;
  attempts: ContactAttempt[];
  outcome?: { outcome: SignalOutcomeKind; note?: string; at: string; by: string };
  intakeId?: string;
  attachedTo?: string;
  attached: AttachedSignal[];
}

/** The first answer to a signal (and to every retry of it with the same reference and body). */
export interface ReceivedSignal {
  id: string;
  status: 'received';
  receivedAt: string;
}

const MAX_ATTEMPTS = 6;

function partnerOf(ports: SignalPorts, context: RequestContext): Partner {
  const clientId = context.principal.partnerId;
  const partner = clientId ? ports.partnerOfClient(clientId) : undefined;
  // The gateway admits only the city's partner clients; a client id the city does not name is refused all the same.
  if (!partner) throw forbidden('Only the city’s partners send signals.');
  return partner;
}

/** `POST /signals`: receive a partner's signal, route it, and start (or join) the outreach for its address. */
export async function receiveSignal(ports: SignalPorts, context: RequestContext, input: NewSignal): Promise<ReceivedSignal> {
  const partner = partnerOf(ports, context);
  const { hasher } = ports.intakes;
  const address = normalizeAddress(input.address);
  const addressHash = hasher.address(addressLookupValue(address));
  const bsnHash = input.person?.bsn ? hasher.bsn(input.person.bsn) : undefined;
  // Keyed, as every digest of personal data here: the body holds a name, a birth date, maybe a BSN.
  const bodyDigest = hasher.digest(JSON.stringify(input));
  const now = context.now;

  const severalAtOnce = () => conflict('Several signals for this address or reference arrived at once. Please try again.');
  return retryLostRaces({ attempts: MAX_ATTEMPTS, baseMs: 10, exhausted: severalAtOnce }, async (): Promise<ReceivedSignal> => {
    const before = await ports.store.beforeReceipt({
      partnerId: partner.id,
      reference: input.reference,
      ...(bsnHash ? { bsnHash } : {}),
      addressHash,
    });
    if (before.reference) {
      if (before.reference.bodyDigest !== bodyDigest) throw conflict('This reference was sent before with another signal.');
      return { id: before.reference.signalId, status: 'received', receivedAt: before.reference.receivedAt };
    }
    // The address's outreach under way (an outcome ends it), which takes this signal while it has room.
    const underWay = before.outreach && withinMergeWindow(before.outreach.receivedAt, now) ? before.outreach : undefined;
    const joins = underWay && underWay.joined < MAX_JOINED_SIGNALS ? underWay : undefined;
    const householdId = joins ? undefined : chooseHousehold(before.matches);
    const household = householdId ? await ports.store.getHousehold(householdId) : undefined;
    const route = joins
      ? { teamId: joins.teamId, routedBy: 'earlier_signal' as const }
      : routeSignal(ports.city, address.postcode, household);
    const signal: Signal = {
      id: newId(),
      partnerId: partner.id,
      reference: input.reference,
      kind: input.kind,
      arrears: input.arrears,
      since: input.since,
      address,
      addressHash,
      ...(input.person ? { person: personOf(input.person, bsnHash) } : {}),
      ...(input.contact ? { contact: input.contact } : {}),
      ...route,
      status: 'received',
      receivedAt: now,
      updatedAt: now,
      dueDate: outreachDueDate(now, ports.city),
      attempts: [],
      ...(joins ? { attachedTo: joins.signalId } : {}),
      attached: [],
      version: 1,
    };
    // A signal that enters the team's queue tells the team at once: its leaders first, then its coaches and intakers.
    const team = joins ? [] : ((await ports.roster?.listTeam(signal.teamId)) ?? []);
    const rank = (entry: { roles: string[] }) => (hasAnyRole(entry, TEAM_LEADERS) ? 0 : hasAnyRole(entry, CASE_WORKERS) ? 1 : 2);
    const recipients = team
      .filter((entry) => hasAnyRole(entry, TEAM_WORKERS))
      .sort((a, b) => rank(a) - rank(b))
      .slice(0, MAX_RECIPIENTS)
      .map((entry) => entry.userId);
    await ports.store.receive({
      notifications: notify(
        'signal_received',
        recipients,
        { actor: context.principal.userId, at: now },
        { title: NOTIFICATION_TITLES.signalReceived, signalId: signal.id },
        timeOrderedId,
      ),
      signal,
      // A signal that joins an outreach goes when its lead goes.
      expiresAt: signalExpiry(joins ? joins.receivedAt : now, ports.city),
      bodyDigest,
      addressHash,
      outreach: joins
        ? { kind: 'join', leadId: joins.signalId, maxJoined: MAX_JOINED_SIGNALS }
        : underWay
          ? { kind: 'apart' }
          : {
              kind: 'lead',
              record: { signalId: signal.id, teamId: signal.teamId, receivedAt: now },
              expiresAt: Math.floor(Date.parse(now) / 1000) + MERGE_WINDOW_DAYS * 24 * 60 * 60,
              ...(before.outreach ? { replaces: before.outreach.receivedAt } : {}),
            },
      ...(joins ? {} : { task: outreachTask(signal) }),
      log: signalLogLine(context, signal.id, 'create', `/signals/${signal.id}`),
      counters: [count(signal.teamId, now, signalCounts(partner.id, 'signalsReceived'))],
    });
    (ports.intakes.metrics ?? noMetrics).record('SignalReceived', 1, { name: 'kind', value: signal.kind });
    return { id: signal.id, status: 'received', receivedAt: now };
  });
}

const personOf = (person: NonNullable<NewSignal['person']>, bsnHash: string | undefined): NonNullable<Signal['person']> => ({
  name: person.name,
  birthDate: person.birthDate,
  ...(person.bsn && bsnHash ? { bsnHash, bsnMasked: maskBsn(person.bsn) } : {}),
});

async function visibleSignal(ports: SignalPorts, context: RequestContext, signalId: string): Promise<Signal> {
  const signal = await ports.store.getSignal(signalId);
  if (!signal || !worksOutreachOf(context.principal, signal)) throw notFound('Signal');
  return signal;
}

export function signalView(signal: Signal, lead: Signal | undefined, partners: Partner[]): SignalView {
  const { person } = signal;
  return {
    id: signal.id,
    reference: signal.reference,
    partnerId: signal.partnerId,
    partnerName: partners.find((partner) => partner.id === signal.partnerId)?.name ?? signal.partnerId,
    kind: signal.kind,
    arrears: signal.arrears,
    since: signal.since,
    address: signal.address,
    ...(person
      ? { person: { name: person.name, birthDate: person.birthDate, ...(person.bsnMasked ? { bsnMasked: person.bsnMasked } : {}) } }
      : {}),
    ...(signal.contact ? { contact: signal.contact } : {}),
    teamId: signal.teamId,
    routedBy: signal.routedBy,
    ...(signal.householdId ? { householdId: signal.householdId } : {}),
    status: lead?.status ?? signal.status,
    receivedAt: signal.receivedAt,
    updatedAt: signal.updatedAt,
    dueDate: signal.dueDate,
    attempts: signal.attempts,
    ...(signal.outcome
      ? {
          outcome: {
            outcome: signal.outcome.outcome,
            ...(signal.outcome.note ? { note: signal.outcome.note } : {}),
            at: signal.outcome.at,
            by: signal.outcome.by,
          },
        }
      : {}),
    ...(signal.outcome?.intakeId ? { intakeId: signal.outcome.intakeId } : {}),
    ...(signal.attachedTo ? { attachedTo: signal.attachedTo } : {}),
    attached: signal.attached,
  };
}

/** `GET /signals/{id}`: the partner that sent it sees its status only; the team sees all of it. */
export async function readSignal(ports: SignalPorts, context: RequestContext, signalId: string): Promise<PartnerSignalView | SignalView> {
  if (context.principal.partnerId) {
    const partner = partnerOf(ports, context);
    const signal = await ports.store.getSignal(signalId);
    // Another partner's signal does not exist for this one.
    if (!signal || signal.partnerId !== partner.id) throw notFound('Signal');
    const lead = signal.attachedTo ? await ports.store.getSignal(signal.attachedTo) : undefined;
    return partnerView(signal, lead);
  }
  const signal = await visibleSignal(ports, context, signalId);
  const lead = signal.attachedTo ? await ports.store.getSignal(signal.attachedTo) : undefined;
  await ports.store.appendSignalLog([signalLogLine(context, signal.id, 'read', `/signals/${signal.id}`)]);
  return signalView(signal, lead, ports.city.partners);
}

/** The status the page was read with, and the store's position (which the store checks: it knows its keys). */
const QueueCursor = z.object({ status: z.nullable(z.string()), position: z.unknown() });

/** Where the page of a cursor starts, checked to belong to the same list (same team, same status). */
function queuePosition(ports: SignalPorts, query: { teamId: string; status?: SignalStatus; cursor?: string }, statuses: readonly string[]) {
  const cursor = decodeCursor(query.cursor, QueueCursor);
  if (!cursor) return undefined;
  const { position } = cursor;
  if (cursor.status !== (query.status ?? null) || !ports.store.isQueuePosition(position, query.teamId, statuses)) {
    throw invalidCursor('use it with the same teamId and status', 'The cursor belongs to another list.');
  }
  return position;
}

/** `GET /signals?teamId=`: the team's outreach queue, oldest first; without a status, the signals still without outcome. */
export async function signalQueue(
  ports: SignalPorts,
  context: RequestContext,
  query: { teamId: string; status?: SignalStatus; limit: number; cursor?: string },
): Promise<Page<SignalView>> {
  if (!findTeam(ports.city, query.teamId)) throw notFound('Team');
  if (!worksOutreachOf(context.principal, { teamId: query.teamId }))
    throw forbidden("Only the team's own professionals see its outreach queue.");
  const statuses = query.status ? [query.status] : OPEN_SIGNAL_STATUSES;
  const { signals, next } = await ports.store.queue(query.teamId, statuses, query.limit, queuePosition(ports, query, statuses));
  if (signals.length > 0) await ports.store.appendSignalLog(signals.map((signal) => signalLogLine(context, signal.id, 'read', '/signals')));
  return {
    items: signals.map((signal) => signalView(signal, undefined, ports.city.partners)),
    nextCursor: next ? encodeCursor({ status: query.status ?? null, position: next } satisfies z.infer<typeof QueueCursor>) : null,
  };
}

/** Reads the signal and writes a change of it, again from a fresh read when someone else changed it meanwhile. */
async function changeSignal<T>(
  ports: SignalPorts,
  context: RequestContext,
  signalId: string,
  change: (signal: Signal) => Promise<T>,
): Promise<T> {
  const severalAtOnce = () => conflict('The signal was changed by several people at once. Please try again.');
  return retryLostRaces({ attempts: MAX_ATTEMPTS, baseMs: 10, exhausted: severalAtOnce }, async () =>
    change(await visibleSignal(ports, context, signalId)),
  );
}

/** The signals of an outreach, each counted for its own partner. */
const outreachSignals = (signal: Signal) => [
  { partnerId: signal.partnerId, receivedAt: signal.receivedAt },
  ...signal.attached.map((attached) => ({ partnerId: attached.partnerId, receivedAt: attached.receivedAt })),
];

/** `POST /signals/{id}/contact-attempts`: a visit, letter, call or e-mail, reached or not; the outreach is under way. */
export async function recordContactAttempt(
  ports: SignalPorts,
  context: RequestContext,
  signalId: string,
  input: { channel: ContactChannel; reached: boolean; at: string; note?: string },
): Promise<SignalView> {
  return changeSignal(ports, context, signalId, async (before) => {
    const refusal = attemptRefusal(before);
    if (refusal) throw conflict(refusal);
    if (input.at < before.receivedAt) {
      throw invalidInput('A contact attempt cannot lie before the signal was received.', [
        { name: 'at', code: 'before_receipt', reason: 'must not be before the signal was received' },
      ]);
    }
    const attempt: ContactAttempt = {
      id: newId(),
      channel: input.channel,
      reached: input.reached,
      at: input.at,
      ...(input.note ? { note: input.note } : {}),
      by: context.principal.userId,
    };
    const signal: Signal = {
      ...before,
      status: 'in_outreach',
      attempts: [...before.attempts, attempt],
      updatedAt: context.now,
      version: before.version + 1,
    };
    const signals = outreachSignals(before);
    const first = before.attempts.length === 0;
    const firstReached = input.reached && !before.attempts.some((a) => a.reached);
    const counts = addCounts(
      ...(first ? signals.map((s) => firstContactCounts(s.partnerId, daysToFirstContact(s.receivedAt, input.at))) : []),
      ...(firstReached ? signals.map((s) => signalCounts(s.partnerId, 'signalsReached')) : []),
    );
    const counters: CounterChange[] = Object.keys(counts).length > 0 ? [count(before.teamId, input.at, counts)] : [];
    const expiresAt = signalExpiry(before.receivedAt, ports.city);
    await ports.store.recordAttempt({
      before,
      signal,
      expiresAt,
      log: signalLogLine(context, before.id, 'update', `/signals/${before.id}/contact-attempts`),
      counters,
    });
    return signalView(signal, undefined, ports.city.partners);
  });
}

/**
 * `POST /signals/{id}/outcome`. Help accepted registers the intake in the same transaction
 * (channel signal, source the partner, the signal's person as member, the signals and attempts
 * as the story's start): the partner's data enters a household only then (rule 13).
 */
export async function recordOutcome(
  ports: SignalPorts,
  context: RequestContext,
  signalId: string,
  input: OutcomeInput,
): Promise<SignalView> {
  const metrics = ports.intakes.metrics ?? noMetrics;
  const view = await changeSignal(ports, context, signalId, async (before) => {
    const refusal = outcomeRefusal(before, input.outcome);
    if (refusal) throw conflict(refusal);
    const accepted = input.outcome === 'help_accepted';
    const outcome: SignalOutcome = {
      outcome: input.outcome,
      ...(input.note ? { note: input.note } : {}),
      at: context.now,
      by: context.principal.userId,
    };
    const signal: Signal = {
      ...before,
      status: input.outcome,
      outcome,
      updatedAt: context.now,
      version: before.version + 1,
    };
    // Help accepted counts every signal of the outreach; one that joined after the household was
    // first reached counts as reached now, so no partner shows more help accepted than reached.
    const firstReached = before.attempts.find((a) => a.reached);
    const reachedLate = firstReached ? before.attached.filter((a) => a.receivedAt > firstReached.at) : [];
    const counters: CounterChange[] = accepted
      ? [
          count(
            before.teamId,
            context.now,
            addCounts(
              ...outreachSignals(before).map((s) => signalCounts(s.partnerId, 'signalsHelpAccepted')),
              ...reachedLate.map((s) => signalCounts(s.partnerId, 'signalsReached')),
            ),
          ),
        ]
      : [];
    const log = signalLogLine(context, before.id, 'update', `/signals/${before.id}/outcome`);
    // The outcome ends the address's outreach: a later signal for the address starts a new one.
    const endOutreach = withinMergeWindow(before.receivedAt, context.now) ? { endOutreach: { addressHash: before.addressHash } } : {};
    if (!accepted) {
      await ports.store.recordOutcome({
        before,
        signal,
        expiresAt: signalExpiry(before.receivedAt, ports.city),
        log,
        counters,
        ...endOutreach,
      });
      return signalView(signal, undefined, ports.city.partners);
    }
    // The registration is the intake's own, prepared from a fresh read (rule 1: a household the address or BSN names is linked, not made twice).
    const { registration, view: intake } = await prepareRegistration(
      ports.intakes,
      context,
      intakeOfSignal(ports, context.now, before, input),
      [memberOfSignal(ports, before, input)],
    );
    const withIntake: Signal = { ...signal, outcome: { ...outcome, intakeId: intake.id } };
    await ports.store.recordOutcome({ before, signal: withIntake, log, counters, registration, ...endOutreach });
    return signalView(withIntake, undefined, ports.city.partners);
  });
  metrics.record('SignalOutcome', 1, { name: 'outcome', value: input.outcome });
  if (input.outcome === 'help_accepted') metrics.record('IntakeRegistered', 1, { name: 'channel', value: 'signal' });
  return view;
}

/** The person who accepted help: as the team gives them, else as the signal names them (its BSN only as hash and mask). */
function memberOfSignal(ports: SignalPorts, signal: Signal, input: OutcomeInput): IncomingMember {
  if (input.person) {
    const [member] = incomingMembers(ports.intakes.hasher, [{ ...input.person, role: 'adult' }]);
    if (member) return member;
  }
  const person = signal.person;
  if (!person) {
    throw invalidInput('The signal names nobody: give the person who accepted help.', [
      { name: 'person', code: 'required', reason: 'required when the signal names no person' },
    ]);
  }
  return {
    name: person.name,
    birthDate: person.birthDate,
    role: 'adult',
    ...(person.bsnHash && person.bsnMasked ? { bsnHash: person.bsnHash, bsnMasked: person.bsnMasked } : {}),
  };
}

/** The intake help accepted registers: channel signal, the partner as source, the signals and the outreach as the story's start. */
function intakeOfSignal(ports: SignalPorts, at: string, signal: Signal, input: OutcomeInput): NewIntake {
  const partner = ports.city.partners.find((p) => p.id === signal.partnerId);
  return {
    teamId: signal.teamId,
    channel: 'signal',
    urgency: 'normal',
    question: storyOfSignal(signal, ports.city.partners, input.note, at),
    domains: domainsOfSignals([signal.kind, ...signal.attached.map((a) => a.kind)]),
    household: { address: signal.address, members: [] },
    source: { organisation: partner?.name ?? signal.partnerId, reference: signal.reference },
  };
}
