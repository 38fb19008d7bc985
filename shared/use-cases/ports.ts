import type { Principal } from '../auth.ts';
import type { CityRuntimeConfig } from '../city.ts';
import type { ReachGrant } from '../domain/access.ts';
import type { Assessment } from '../domain/assessment.ts';
import type { Grant, GrantReview } from '../domain/break-glass.ts';
import type { Consent, Disclosure } from '../domain/consent.ts';
import type { AnswerKind, Escalation, EscalationStatus, HistoryEvent } from '../domain/escalation.ts';
import type { CounterChange, Counts } from '../domain/figures.ts';
import type { Correction, Household, HouseholdMatches, HouseholdMember, Regisseur } from '../domain/household.ts';
import type { Intake } from '../domain/intake.ts';
import type { JournalEntry } from '../domain/journal.ts';
import type { Notification } from '../domain/notifications.ts';
import type { Plan } from '../domain/plan.ts';
import type { Precedent, PrecedentText } from '../domain/precedent.ts';
import type { Signal } from '../domain/signal.ts';
import type { Assignee, Task, TaskKind } from '../domain/tasks.ts';
import type { IntakeIds } from '../intake-ids.ts';
import type { ProcessingLogLine, SignalLogLine, StoredProcessingLogLine } from '../processing-log.ts';

/**
 * The ports the use cases need. Adapters (shared/db) implement them; use cases never import
 * an adapter, and handlers pass the adapters in.
 */

/** Reads one household by id (strongly consistent). */
export interface HouseholdReader {
  getHousehold(householdId: string): Promise<Household | undefined>;
}

/** Writes processing-log lines for reads: one PutItem for one line, a batch for a list. Changes write theirs in their own transaction. */
export interface ProcessingLogWriter {
  appendProcessingLog(lines: ProcessingLogLine[]): Promise<void>;
}

/** Keyed hashing (HMAC) of identifying values, so they can be looked up but never read back. */
export interface LookupHasher {
  bsn(bsn: string): string;
  address(normalizedAddress: string): string;
  /** A keyed digest of anything else that must be compared but never read back (a partner's signal body, for retries). */
  digest(value: string): string;
}

export interface RosterEntry {
  teamId: string;
  userId: string;
  name?: string;
  roles: string[];
  lastSeenAt: string;
}

export interface IntakeStore extends HouseholdReader, ProcessingLogWriter {
  /** One request: all look-ups at once. */
  findHouseholdMatches(bsnHashes: string[], addressHash: string): Promise<HouseholdMatches>;
  /** One transaction; ConcurrentChange when a look-up was taken meanwhile. */
  registerWithNewHousehold(change: {
    household: Household;
    intake: Intake;
    bsnHashes: string[];
    addressHash: string;
    log: ProcessingLogLine;
    counters: CounterChange[];
    /** The intake's triage, in its team's work list. */
    tasks: Task[];
  }): Promise<void>;
  /**
   * One transaction. Adding members needs the household unchanged since it was read
   * (ConcurrentChange otherwise); an intake that adds nobody only needs it still open, so
   * intakes for one household do not contend.
   */
  registerInExistingHousehold(change: {
    household: Household;
    addedMembers: HouseholdMember[];
    now: string;
    newBsnHashes: string[];
    intake: Intake;
    log: ProcessingLogLine;
    counters: CounterChange[];
    tasks: Task[];
  }): Promise<void>;
  /** One request: the intake, its household and the given roster entries. */
  getIntake(
    householdId: string,
    intakeId: string,
    rosterChecks?: { teamId: string; userId: string }[],
  ): Promise<{ intake?: Intake; household?: Household; rosterHits: RosterEntry[] }>;
  /** One transaction; ConcurrentChange when the intake is no longer open. */
  saveTriage(change: {
    intake: Intake;
    householdNeedsPlan: boolean;
    now: string;
    log: ProcessingLogLine;
    counters: CounterChange[];
    /** The triage tasks the triage ends. */
    doneTasks: string[];
    /** What the triage asks of someone: the appointment of a regisseur for a complex household without one. */
    newTasks: Task[];
    /** Written in the same transaction (v1.2). */
    notifications?: Notification[];
  }): Promise<void>;
}

export interface RosterStore {
  /** Records a call as the token describes the caller: joins the token's teams, leaves the ones no longer in it. */
  record(principal: Principal, now: string): Promise<void>;
  listTeam(teamId: string): Promise<RosterEntry[]>;
  /** Takes someone off a team's roster until they sign in again; false when they were not on it. */
  remove(teamId: string, userId: string, now: string): Promise<boolean>;
  isOnRoster(teamId: string, userId: string): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}

/** Business figures for CloudWatch (embedded metric format): few names, few dimensions. */
export type BusinessMetric =
  | 'IntakeRegistered'
  | 'IntakeTriaged'
  | 'ComplexCase'
  | 'PlanAgreed'
  | 'EscalationSubmitted'
  | 'EscalationApproved'
  | 'EscalationRejected'
  | 'EscalationOverdue'
  | 'DecisionLeadTime'
  | 'SignalReceived'
  | 'SignalOutcome';

export interface BusinessMetrics {
  /** A count (default 1), or hours for DecisionLeadTime; at most one dimension (channel, outcome, or a signal's kind). */
  record(metric: BusinessMetric, value?: number, dimension?: { name: 'channel' | 'outcome' | 'kind'; value: string }): void;
}

export const noMetrics: BusinessMetrics = { record: () => {} };

/** One registration of an intake, decided from a fresh read: what its one transaction writes. */
export type Registration =
  | { kind: 'new'; change: Parameters<IntakeStore['registerWithNewHousehold']>[0] }
  | { kind: 'existing'; change: Parameters<IntakeStore['registerInExistingHousehold']>[0] };

/** Signals of payment arrears (vroegsignalering): kept apart from households until help is accepted. */
export interface SignalStore extends HouseholdReader {
  /** One BatchGet: the partner's reference, the BSN and address look-ups, and the address's outreach under way. */
  beforeReceipt(keys: { partnerId: string; reference: string; bsnHash?: string; addressHash: string }): Promise<{
    reference?: { signalId: string; bodyDigest: string; receivedAt: string };
    outreach?: { signalId: string; teamId: string; receivedAt: string; joined: number };
    matches: HouseholdMatches;
  }>;
  /**
   * One transaction: the signal, the partner's reference, and either a new outreach for the
   * address (with its task) or the signal's place in the lead's outreach. ConcurrentChange when
   * the reference or the address's outreach was taken meanwhile.
   */
  receive(change: {
    signal: Signal;
    expiresAt: number;
    bodyDigest: string;
    addressHash: string;
    /**
     * The signal's place in its address's outreach: it starts one (`replaces`: the receipt time of
     * an ended one read), it joins the lead's (while that has no outcome and room), or it starts
     * one the address's record does not name (the address's outreach is full).
     */
    outreach:
      | { kind: 'lead'; record: { signalId: string; teamId: string; receivedAt: string }; expiresAt: number; replaces?: string }
      | { kind: 'join'; leadId: string; maxJoined: number }
      | { kind: 'apart' };
    task?: Task;
    log: SignalLogLine;
    counters: CounterChange[];
    /** The team's, of a signal that enters its queue (v1.2 `signal_received`). */
    notifications?: Notification[];
  }): Promise<void>;
  /** One strongly consistent GetItem. */
  getSignal(signalId: string): Promise<Signal | undefined>;
  isQueuePosition(value: unknown, teamId: string, statuses: readonly string[]): value is SignalQueuePosition;
  /** One Query per status, side by side, merged oldest first. */
  queue(
    teamId: string,
    statuses: readonly string[],
    limit: number,
    after?: SignalQueuePosition,
  ): Promise<{ signals: Signal[]; next?: SignalQueuePosition }>;
  /** One transaction, on the condition that the signal is still the version read (ConcurrentChange otherwise). */
  recordAttempt(change: {
    before: Signal;
    signal: Signal;
    expiresAt: number;
    log: SignalLogLine;
    counters: CounterChange[];
  }): Promise<void>;
  /**
   * One transaction: the outcome (the version read), the outreach task deleted, and with help
   * accepted the intake's registration and the signals kept (no expiry). ConcurrentChange when
   * the signal or the household changed meanwhile.
   */
  recordOutcome(change: {
    before: Signal;
    signal: Signal;
    /** Undefined with help accepted: the signal no longer expires. */
    expiresAt?: number;
    log: SignalLogLine;
    counters: CounterChange[];
    registration?: Registration;
    /** Ends the address's outreach record (it names this signal), so a later signal starts a new outreach. */
    endOutreach?: { addressHash: string };
  }): Promise<void>;
  /** One batch: the lines of what a read showed. */
  appendSignalLog(lines: SignalLogLine[]): Promise<void>;
}

/** Where a page of a team's outreach queue ended, per status partition. */
export type SignalQueuePosition = Record<string, unknown>;

export interface IntakePorts {
  store: IntakeStore;
  hasher: LookupHasher;
  intakeIds: IntakeIds;
  city: CityRuntimeConfig;
  metrics?: BusinessMetrics;
}

/** Where a team's caseload page ended: per team, the sort key and id of the last household returned; a team not named starts from its beginning. */
export type CaseloadPosition = Record<string, { sortKey: string; householdId: string } | 'done'>;

export interface DossierRecords {
  household: Household;
  intakes: Intake[];
  plan?: Plan;
  assessments: Assessment[];
  escalations: Escalation[];
  corrections: Correction[];
  /** Newest first, as their lists are read. */
  consents: Consent[];
  disclosures: Disclosure[];
  /** Break-glass grants on the household (v1.2), oldest first. */
  grants: Grant[];
}

/**
 * Consents and disclosures (v1.2, rule 16). A withdrawal and a disclosure on the same consent are
 * each one transaction with a condition on the consent's status: they never both succeed on it
 * when the withdrawal came first.
 */
export interface NetworkStore extends HouseholdReader, ProcessingLogWriter {
  /** The household's partition in one Query: the household, its plan, assessments, consents and disclosures. */
  records(householdId: string): Promise<DossierRecords | undefined>;
  getConsent(householdId: string, consentId: string): Promise<Consent | undefined>;
  /** The household's journal, for a package that holds it. */
  journal(householdId: string): Promise<JournalEntry[]>;
  addConsent(household: Household, consent: Consent, log: ProcessingLogLine): Promise<void>;
  /** Fails (ConcurrentChange) unless the consent is still given. */
  withdrawConsent(
    consent: Consent,
    withdrawal: { at: string; by: string; reason?: string },
    log: ProcessingLogLine,
    notifications?: Notification[],
  ): Promise<void>;
  /** Fails (ConcurrentChange) unless the household is open and with its team, and every consent of the basis still given. */
  disclose(household: Household, disclosure: Disclosure, consentIds: string[], log: ProcessingLogLine): Promise<void>;
  consents(householdId: string, limit: number, after?: string): Promise<{ items: Consent[]; next?: string }>;
  disclosures(householdId: string, limit: number, after?: string): Promise<{ items: Disclosure[]; next?: string }>;
  isConsentPosition(after: string): boolean;
  isDisclosurePosition(after: string): boolean;
}

export interface HouseholdStore extends HouseholdReader, ProcessingLogWriter {
  /** One Query per team (a k-way merge when the caller has several teams). */
  caseload(
    teamIds: string[],
    status: Household['status'],
    limit: number,
    after?: CaseloadPosition,
  ): Promise<{ households: Household[]; next?: CaseloadPosition }>;
  /** One Query over the household's partition. */
  dossier(householdId: string): Promise<DossierRecords | undefined>;
  /** One request: the household, its plan and the roster entries asked for. */
  householdWithRoster(
    householdId: string,
    rosterChecks: { teamId: string; userId: string }[],
  ): Promise<{ household?: Household; plan?: Plan; rosterHits: RosterEntry[] }>;
  /** The household must still be open and in the team it was read in; the plan's evaluation task follows the regisseur. */
  appointRegisseur(
    household: Household,
    regisseur: Regisseur,
    now: string,
    log: ProcessingLogLine,
    tasks: { put: Task[]; remove: string[] },
    notifications?: Notification[],
  ): Promise<void>;
  /** One Query (strongly consistent): the household and its tasks. */
  householdAndTasks(householdId: string): Promise<{ household?: Household; tasks: Task[] }>;
  /**
   * The household (over the version read), its name entries and its tasks move to the team in one
   * transaction; what does not fit its 100 items follows in the next ones.
   */
  transfer(change: {
    household: Household;
    toTeamId: string;
    now: string;
    log: ProcessingLogLine;
    counters: CounterChange[];
    tasks: { put: Task[]; remove: string[] };
  }): Promise<void>;
  /** ConcurrentChange when a plan that is not closed exists, or the household changed. */
  close(change: {
    household: Household;
    reason: string;
    now: string;
    /** Epoch seconds: every record of the household expires then (the processing log does not). */
    expiresAt: number;
    log: ProcessingLogLine;
    counters: CounterChange[];
  }): Promise<void>;
  addAssessment(household: Household, assessment: Assessment, log: ProcessingLogLine): Promise<void>;
  /** Newest first; runs beside the household read. */
  assessments(householdId: string, limit: number, after?: string): Promise<{ items: Assessment[]; next?: string }>;
}

export interface PlanStore extends ProcessingLogWriter {
  /** One request: the household and its latest plan. */
  householdAndPlan(
    householdId: string,
    rosterChecks?: { teamId: string; userId: string }[],
  ): Promise<{ household?: Household; plan?: Plan; rosterHits: RosterEntry[] }>;
  /** ConcurrentChange when a plan that is not closed exists or the household has no regisseur. */
  createPlan(household: Household, plan: Plan, log: ProcessingLogLine): Promise<void>;
  /** ConcurrentChange when the stored version is not `expectedVersion`. The plan's tasks change in the same transaction. */
  savePlan(change: {
    plan: Plan;
    /** The household's team as read: the plan's tasks name it, so a transfer meanwhile fails the save. */
    teamId: string;
    expectedVersion: number;
    log: ProcessingLogLine;
    statusChanged: boolean;
    counters?: CounterChange[];
    tasks: { put: Task[]; remove: string[] };
    notifications?: Notification[];
  }): Promise<void>;
  /** Newest first, starting below version `before` when given. */
  versions(householdId: string, planId: string, limit: number, before?: number): Promise<{ items: Plan[]; next?: number }>;
}

export interface EscalationStore extends ProcessingLogWriter {
  /** One request: the household, its plan and (when asked) one escalation. */
  read(householdId: string, escalationKey?: string): Promise<{ household?: Household; plan?: Plan; escalation?: Escalation }>;
  /** The escalation, the household's count of open escalations, the log line: one transaction. */
  submit(escalation: Escalation, log: ProcessingLogLine, counters: CounterChange[]): Promise<void>;
  queue(status: EscalationStatus, limit: number, after?: string): Promise<{ items: Escalation[]; next?: string }>;
  /** Takes the token off and marks the answer pending until the flow records it; ConcurrentChange when the token is gone. */
  claimAnswer(
    escalation: Escalation,
    token: string,
    pendingAnswer: NonNullable<Escalation['pendingAnswer']>,
    log: ProcessingLogLine,
    doneTask?: string,
    notifications?: Notification[],
  ): Promise<void>;
  /** Puts a claimed token back when the flow could not be reached, so that the answer can be given again. */
  restoreAnswer(escalation: Escalation, token: string, kind: AnswerKind, task?: Task, log?: ProcessingLogLine): Promise<void>;
  // What the flow's tasks write:
  /** The token, the status, and the task in the work list of whoever must answer: one transaction. */
  awaitAnswer(change: {
    escalation: Escalation;
    kind: AnswerKind;
    status: EscalationStatus;
    token: string;
    event: HistoryEvent;
    answerDueAt: string;
    task?: Task;
  }): Promise<void>;
  /** `forget`: the task token that timed out, and what it waited for (an answer meanwhile is 409, never given to a dead token). */
  recordEvent(
    escalation: Escalation,
    event: HistoryEvent,
    fields?: Partial<Escalation>,
    counters?: CounterChange[],
    forget?: ('taskToken' | 'awaiting')[],
  ): Promise<void>;
  /** A final status: the household has one open escalation less. */
  finish(
    escalation: Escalation,
    status: EscalationStatus,
    event: HistoryEvent,
    counters?: CounterChange[],
    log?: ProcessingLogLine,
  ): Promise<void>;
  /** The approval and the doorbraak on the plan (a new version of it), in one transaction. */
  approve(change: {
    escalation: Escalation;
    historyEvent: HistoryEvent;
    evaluateAt: string;
    /** The plan with the doorbraak on it, saved only over the version the flow read. */
    plan: Plan;
    expectedPlanVersion: number;
    log: ProcessingLogLine;
    counters?: CounterChange[];
  }): Promise<void>;
}

/** The doorbraak approval flow as the API sees it: Step Functions, through @aws-sdk/client-sfn. */
export interface ApprovalFlow {
  start(escalation: Escalation): Promise<void>;
  /** Resumes the waiting task; `false` when the flow no longer waits on that token. */
  resume(token: string, answer: unknown): Promise<boolean>;
}

export interface PrivacyStore extends HouseholdReader, ProcessingLogWriter {
  /** Newest first; only the lines about one member when `member` is given. */
  processingLog(
    householdId: string,
    limit: number,
    after?: string,
    member?: string,
  ): Promise<{ items: StoredProcessingLogLine[]; next?: string }>;
  /** Everything held on a household: its partition, every plan version, its journal and its processing log (four Queries side by side). */
  everything(householdId: string): Promise<{
    records?: DossierRecords;
    planVersions: Plan[];
    journal: JournalEntry[];
    processingLog: StoredProcessingLogLine[];
  }>;
}

export interface FiguresStore {
  /** One request: the month's counters and the open-household counts of the given teams. */
  figures(month: string, teamIds: string[]): Promise<Map<string, { counts: Counts; open: number }>>;
}

/** Where a work list's reading stands, per partition; opaque outside the store (the cursor carries it). */
export type TaskPosition = Record<string, unknown>;

export interface TaskQuery {
  kind?: TaskKind;
  /** Only tasks due before this date (YYYY-MM-DD): the overdue ones. */
  dueBefore?: string;
  limit: number;
  after?: TaskPosition;
}

export interface TaskStore extends ProcessingLogWriter {
  /** One Query per assignee (the caller, each of their teams, each city-wide role), merged by due date. */
  forAssignees(assignees: Assignee[], query: TaskQuery, excludedUserId: string): Promise<{ tasks: Task[]; next?: TaskPosition }>;
  /** One Query: the work of the team's people and of the team itself, by due date. */
  forTeam(teamId: string, query: TaskQuery): Promise<{ tasks: Task[]; next?: TaskPosition }>;
  /** Whether a cursor's position fits these assignees (or this team): a made-up one is 400, never a refused Query. */
  isAssigneePosition(value: unknown, assignees: Assignee[]): value is TaskPosition;
  isTeamPosition(value: unknown, teamId: string): value is TaskPosition;
  /** One BatchGetItem: the households a page of tasks is about, to name them. */
  households(householdIds: string[]): Promise<Household[]>;
}

export type LookupKind = 'bsn' | 'address';

/** Finding a household and keeping its people and address right. */
export interface RegistryStore extends HouseholdReader, ProcessingLogWriter {
  /** One Query over the household's partition. */
  dossier(householdId: string): Promise<DossierRecords | undefined>;
  /** One GetItem: the household a keyed-hash look-up points to. */
  lookup(kind: LookupKind, hash: string): Promise<string | undefined>;
  /** One BatchGetItem: the household and who holds each look-up asked for (hash → household id). */
  householdWithLookups(
    householdId: string,
    lookups: { kind: LookupKind; hash: string }[],
  ): Promise<{ household?: Household; holders: Map<string, string> }>;
  /** One Query per team and name index, side by side: the entries of the words that start with `prefix`, at most `bound` per Query (`more` when there were more). */
  nameEntries(
    teamIds: string[],
    prefix: string,
    bound: number,
  ): Promise<{ entries: { householdId: string; memberId: string; word: string }[]; more: boolean }>;
  /** One BatchGetItem. */
  households(householdIds: string[]): Promise<Household[]>;
  /** The households with an escalation before the doorbraakteam: a Query per queue, one BatchGetItem. */
  householdsBeforeDoorbraakteam(): Promise<Household[]>;
  /** One Query over the household's escalations. */
  hasEscalationBeforeDoorbraakteam(householdId: string): Promise<boolean>;
  /**
   * One transaction: the household over the version read, its look-ups and name entries, the
   * correction and its processing-log line. ConcurrentChange when the household changed or a
   * look-up it claims is held by another household.
   */
  correct(change: {
    before: Household;
    after: Household;
    log: ProcessingLogLine;
    correction: Correction;
    lookups: { claim: { kind: LookupKind; hash: string }[]; release: { kind: LookupKind; hash: string }[] };
    nameEntries: { put: { id: string; name: string }[]; remove: string[] };
  }): Promise<void>;
}

/** The city's doorbraak precedents: one partition, read whole (a city has few). */
export interface PrecedentStore {
  /** One transaction: the precedent, its id on the escalation (once, while it is in the status read), the log line. ConcurrentChange otherwise. */
  publish(precedent: Precedent, escalation: Escalation, log: ProcessingLogLine): Promise<void>;
  get(precedentId: string): Promise<Precedent | undefined>;
  /** Its text only (the facts and the outcome the flow keeps are left as they are): one UpdateItem; undefined when it does not exist. */
  reword(precedentId: string, text: PrecedentText, now: string): Promise<Precedent | undefined>;
  /** Every precedent of the city (one partition, a Query page or two). */
  all(): Promise<Precedent[]>;
}

/** One item of a household's timeline index: a journal entry, or the processing-log line of a change. */
export type TimelineRecord = { kind: 'journal'; entry: JournalEntry } | { kind: 'change'; line: StoredProcessingLogLine };

/** A journal entry as a page reads it, with its place in the journal (what a cursor carries on from). */
export type JournalPageEntry = JournalEntry & { sortKey: string };

export interface JournalStore extends ProcessingLogWriter {
  /** The household and its escalations (what decides its reach): one Query. */
  reachRecords(householdId: string): Promise<{ household?: Household; escalations: Escalation[] }>;
  getEntry(householdId: string, entryId: string): Promise<JournalEntry | undefined>;
  /** One transaction: the entry, its log line, a check that the household is open and still with the team read, and the tasks it ends. */
  /** `notifications`: written in the same transaction (a resident's message tells the regisseur, v1.2). */
  addEntry(
    household: Household,
    entry: JournalEntry,
    log: ProcessingLogLine,
    doneTasks: string[],
    notifications?: Notification[],
  ): Promise<void>;
  /** One transaction over the entry as read (ConcurrentChange when it was corrected meanwhile). */
  correctEntry(household: Household, before: JournalEntry, corrected: JournalEntry, log: ProcessingLogLine): Promise<void>;
  /** One Query of the journal, newest first, from after the given place. */
  entries(householdId: string, limit: number, after?: string): Promise<{ items: JournalPageEntry[]; next?: string }>;
  /** Whether a cursor's place has the shape of a journal's (a made-up one is 400, never a refused Query). */
  isJournalPosition(after: string): boolean;
  /** One Query of the household's timeline index, newest first. */
  timeline(
    householdId: string,
    limit: number,
    after?: Record<string, string>,
  ): Promise<{ items: TimelineRecord[]; next?: Record<string, string> }>;
  isTimelinePosition(after: Record<string, string>, householdId: string): boolean;
}

/** A person's notifications (v1.2): the state a poll reads alone, pages of them, and marking them read. */
export interface NotificationStore {
  /** One consistent GetItem: what the ETag and the unread count come from. */
  state(userId: string): Promise<{ version: number; unread: number }>;
  page(userId: string, limit: number, after: string | undefined, unreadOnly: boolean): Promise<{ items: Notification[]; next?: string }>;
  isPosition(after: string): boolean;
  /** The unread ones among these ids (all of them when none are named). */
  unread(userId: string, ids?: string[]): Promise<Notification[]>;
  /** Fails (ConcurrentChange) when one of them was read meanwhile. */
  markRead(userId: string, unread: Notification[]): Promise<void>;
  /** Sets the unread count to what was counted (notifications expire unread). */
  recount(userId: string, unread: number): Promise<void>;
}

/** What a person's break-glass grants reach: read by the HTTP pipeline for the interventieteam's members (one GetItem). */
export interface GrantReachReader {
  reachOf(userId: string): Promise<ReachGrant[]>;
}

/**
 * Break-glass grants (v1.2 rule 17). A grant is one transaction: the grant, the holder's reach
 * (on the condition that they hold no grant in force on that household), the review task, the
 * team leaders' notifications, its log line and its counter, over the household still open on
 * the team it was found on. A review is one transaction on the condition that there is none yet.
 */
export interface BreakGlassStore extends GrantReachReader, HouseholdReader, ProcessingLogWriter {
  lookup(kind: LookupKind, hash: string): Promise<string | undefined>;
  grant(change: {
    grant: Grant;
    household: Household;
    /** Expired grants of the holder, to drop from their reach item. */
    expired: readonly ReachGrant[];
    task: Task;
    notifications: Notification[];
    log: ProcessingLogLine;
    counters: CounterChange[];
  }): Promise<void>;
  read(householdId: string, key: string): Promise<{ household?: Household; grant?: Grant }>;
  review(change: { grant: Grant; review: GrantReview; taskId: string; log: ProcessingLogLine; counters: CounterChange[] }): Promise<void>;
  list(teamId: string, reviewed: boolean | undefined, limit: number, after?: string): Promise<{ items: Grant[]; next?: string }>;
  isListPosition(sortKey: string): boolean;
}
