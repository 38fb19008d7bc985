import { type CityRuntimeConfig, type Money, type Partner, teamOfPostcodeArea } from '../city.ts';
import type { Address } from './address.ts';
import type { LifeDomain } from './life-domains.ts';
import { amsterdamDate, type Task } from './tasks.ts';

/**
 * Vroegsignalering (api.md 1.1 "Signals"; domain rules 12–13): a partner reports payment
 * arrears, the team reaches out, and only help accepted brings the partner's data into a
 * household. These are the rules, as plain functions; the signals use case applies them.
 */
export const SIGNAL_KINDS = ['rent_arrears', 'energy_arrears', 'water_arrears', 'health_insurance_arrears'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const CONTACT_CHANNELS = ['visit', 'letter', 'phone', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const SIGNAL_OUTCOMES = ['help_accepted', 'help_declined', 'no_contact', 'already_in_care'] as const;
export type SignalOutcomeKind = (typeof SIGNAL_OUTCOMES)[number];

export const SIGNAL_STATUSES = ['received', 'in_outreach', ...SIGNAL_OUTCOMES] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** The statuses of a signal the team still works on: its outreach queue. */
export const OPEN_SIGNAL_STATUSES = ['received', 'in_outreach'] as const satisfies readonly SignalStatus[];

/** How the signal found its team (api.md: household, else postcode area, else the default intake team). */
export const SIGNAL_ROUTES = ['household', 'postcode_area', 'default_team', 'earlier_signal'] as const;
export type SignalRoute = (typeof SIGNAL_ROUTES)[number];

/** Two signals for one address within this many days make one outreach. */
export const MERGE_WINDOW_DAYS = 30;
/** "No contact" only after this many attempts on at least `NO_CONTACT_MIN_CHANNELS` channels. */
export const NO_CONTACT_MIN_ATTEMPTS = 3;
export const NO_CONTACT_MIN_CHANNELS = 2;
/** Bounds that keep a signal one small item (and help accepted one transaction): attempts, their notes, and the signals joining one outreach. */
export const MAX_CONTACT_ATTEMPTS = 30;
export const MAX_NOTE_LENGTH = 1000;
export const MAX_JOINED_SIGNALS = 10;
/** An intake's story holds at most this much (as POST /intakes allows). */
export const MAX_STORY_LENGTH = 10_000;

export interface SignalPerson {
  name: string;
  birthDate: string;
  /** The BSN only as keyed hash (to match a household) and mask (to show); never in clear. */
  bsnHash?: string;
  bsnMasked?: string;
}

export interface ContactAttempt {
  id: string;
  channel: ContactChannel;
  reached: boolean;
  at: string;
  note?: string;
  by: string;
}

export interface SignalOutcome {
  outcome: SignalOutcomeKind;
  note?: string;
  at: string;
  by: string;
  /** With help accepted: the intake registered from the signal. */
  intakeId?: string;
}

/** What the team sees of a later signal attached to this one (one outreach for one address). */
export interface AttachedSignal {
  id: string;
  partnerId: string;
  kind: SignalKind;
  arrears: Money;
  since: string;
  receivedAt: string;
}

export interface Signal {
  id: string;
  partnerId: string;
  /** The partner's own id of the signal: a retry with it is safe. */
  reference: string;
  kind: SignalKind;
  arrears: Money;
  since: string;
  address: Address;
  /** The address's keyed hash: the outreach record of the address is found (and ended) with it. */
  addressHash: string;
  person?: SignalPerson;
  contact?: { phone?: string; email?: string };
  teamId: string;
  routedBy: SignalRoute;
  /** The open household the signal matched, for its team. */
  householdId?: string;
  status: SignalStatus;
  receivedAt: string;
  updatedAt: string;
  /** When the team should have reached out (the city's outreach period). */
  dueDate: string;
  attempts: ContactAttempt[];
  outcome?: SignalOutcome;
  /** Set on a signal attached to an earlier one for the same address: the outreach is that one's. */
  attachedTo?: string;
  attached: AttachedSignal[];
  version: number;
}

/** Where a new signal goes: the matched household's team, else the postcode area's wijkteam, else the city's default intake team. */
export function routeSignal(
  city: CityRuntimeConfig,
  postcode: string,
  household: { id: string; teamId: string; status: string } | undefined,
): { teamId: string; routedBy: SignalRoute; householdId?: string } {
  if (household?.status === 'open') return { teamId: household.teamId, routedBy: 'household', householdId: household.id };
  const area = teamOfPostcodeArea(city, postcode);
  if (area) return { teamId: area.id, routedBy: 'postcode_area' };
  return { teamId: city.defaultIntakeTeamId, routedBy: 'default_team' };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether an outreach begun at `leadReceivedAt` still takes a new signal for its address (within 30 days). */
export const withinMergeWindow = (leadReceivedAt: string, now: string): boolean =>
  Date.parse(now) - Date.parse(leadReceivedAt) < MERGE_WINDOW_DAYS * DAY_MS;

/** The calendar date the team should have reached out by. */
export const outreachDueDate = (receivedAt: string, city: CityRuntimeConfig): string =>
  amsterdamDate(new Date(Date.parse(receivedAt) + city.outreachPeriodDays * DAY_MS).toISOString());

/** When a signal that leads to no help expires (epoch seconds, for the table's TTL): the city's retention after receipt. */
export function signalExpiry(receivedAt: string, city: CityRuntimeConfig): number {
  const date = new Date(receivedAt);
  date.setUTCMonth(date.getUTCMonth() + city.signalRetentionMonths);
  return Math.floor(date.getTime() / 1000);
}

/** Whether an outcome may be recorded now; the reason when not (a 409). */
export function outcomeRefusal(signal: Signal, outcome: SignalOutcomeKind): string | undefined {
  if (signal.attachedTo) return 'This signal is part of the outreach of an earlier signal for the same address: record the outcome there.';
  if (signal.outcome) return 'The signal already has an outcome.';
  if (outcome === 'no_contact') {
    const channels = new Set(signal.attempts.map((attempt) => attempt.channel));
    if (signal.attempts.length < NO_CONTACT_MIN_ATTEMPTS || channels.size < NO_CONTACT_MIN_CHANNELS)
      return `No contact can be recorded after at least ${NO_CONTACT_MIN_ATTEMPTS} attempts on at least ${NO_CONTACT_MIN_CHANNELS} channels.`;
  }
  return undefined;
}

/** Whether a contact attempt may be recorded now; the reason when not (a 409). */
export function attemptRefusal(signal: Signal): string | undefined {
  if (signal.attachedTo) return 'This signal is part of the outreach of an earlier signal for the same address: record attempts there.';
  if (signal.outcome) return 'The outreach has ended: the signal has an outcome.';
  if (signal.attempts.length >= MAX_CONTACT_ATTEMPTS) return `An outreach holds at most ${MAX_CONTACT_ATTEMPTS} attempts.`;
  return undefined;
}

/** The outreach of a signal, in its team's work list (intakers, wijkcoaches, team leaders) until it has an outcome. */
export const outreachTaskId = (signalId: string): string => `outreach.${signalId}`;

export const outreachTask = (signal: Pick<Signal, 'id' | 'teamId' | 'dueDate'>): Task => ({
  id: outreachTaskId(signal.id),
  kind: 'signal_outreach',
  dueDate: signal.dueDate,
  signalId: signal.id,
  teamId: signal.teamId,
  assignee: { team: signal.teamId },
  title: 'Reach out after a signal of payment arrears',
});

const DOMAINS: Record<SignalKind, LifeDomain[]> = {
  rent_arrears: ['finances', 'housing'],
  energy_arrears: ['finances', 'housing'],
  water_arrears: ['finances', 'housing'],
  health_insurance_arrears: ['finances', 'physical_health'],
};

/** The life domains an intake from signals concerns. */
export const domainsOfSignals = (kinds: SignalKind[]): LifeDomain[] => [...new Set(kinds.flatMap((kind) => DOMAINS[kind]))];

const KIND_NL: Record<SignalKind, string> = {
  rent_arrears: 'huurachterstand',
  energy_arrears: 'achterstand energie',
  water_arrears: 'achterstand drinkwater',
  health_insurance_arrears: 'achterstand zorgverzekering',
};

const CHANNEL_NL: Record<ContactChannel, string> = { visit: 'huisbezoek', letter: 'brief', phone: 'telefoon', email: 'e-mail' };

const euro = (money: Money) => `€ ${money.amount.toFixed(2).replace('.', ',')}`;

/**
 * The start of the household's story when help is accepted (the resident tells it once): the
 * signals and the outreach, in Dutch as the team writes its dossiers. Contact details and the
 * partner's reference stay with the signal.
 */
export function storyOfSignal(signal: Signal, partners: Partner[], note: string | undefined, at: string): string {
  const partnerName = (id: string) => partners.find((partner) => partner.id === id)?.name ?? id;
  const signals = [signal, ...signal.attached].map(
    (s) =>
      `- ${amsterdamDate(s.receivedAt)}: ${partnerName(s.partnerId)} meldt ${KIND_NL[s.kind]} van ${euro(s.arrears)} sinds ${s.since}.`,
  );
  const attempts = signal.attempts.map(
    (a) => `- ${amsterdamDate(a.at)}: ${CHANNEL_NL[a.channel]}, ${a.reached ? 'bereikt' : 'niet bereikt'}${a.note ? `: ${a.note}` : ''}`,
  );
  const story = [
    'Vroegsignalering: betalingsachterstand gemeld door een partner.',
    ...signals,
    ...(attempts.length > 0 ? ['Contactpogingen:', ...attempts] : []),
    `${amsterdamDate(at)}: hulp geaccepteerd${note ? `: ${note}` : '.'}`,
  ].join('\n');
  // Within what an intake's story may hold: the signal keeps the whole of it.
  return story.length <= MAX_STORY_LENGTH ? story : `${story.slice(0, MAX_STORY_LENGTH - 1)}…`;
}

/** What a partner may see of a signal it sent (rule 13): whether contact was made and help accepted, never the household's data. */
export interface PartnerSignalView {
  id: string;
  reference: string;
  status: SignalStatus;
  updatedAt: string;
}

/** An attached signal's status is its outreach's: the lead signal's. */
export const partnerView = (signal: Signal, lead: Signal | undefined): PartnerSignalView => ({
  id: signal.id,
  reference: signal.reference,
  status: lead?.status ?? signal.status,
  updatedAt: lead && lead.updatedAt > signal.updatedAt ? lead.updatedAt : signal.updatedAt,
});

/** Whole days from receipt to the first contact attempt (reached or not), for the figures' median. */
export const daysToFirstContact = (receivedAt: string, firstAttemptAt: string): number =>
  Math.max(0, Math.floor((Date.parse(firstAttemptAt) - Date.parse(receivedAt)) / DAY_MS));
