import * as z from 'zod/mini';
import { type CityRuntimeConfig, findTeam } from '../city.ts';
import { decodeCursor, encodeCursor, type Page } from '../cursor.ts';
import { residentMember } from '../domain/access.ts';
import { FLOW_ACTOR } from '../domain/escalation.ts';
import type { Household } from '../domain/household.ts';
import { journalEntry } from '../domain/journal.ts';
import { NOTIFICATION_TITLES, notify } from '../domain/notifications.ts';
import type { Plan } from '../domain/plan.ts';
import { amsterdamDate } from '../domain/tasks.ts';
import { conflict, DomainError, forbidden, notFound } from '../errors.ts';
import { timeOrderedId } from '../ids.ts';
import { logLineSortKey, membersOf, processingLogLine, type RequestContext, type StoredProcessingLogLine } from '../processing-log.ts';
import { registerOf } from '../processing-register.ts';
import { consentView, withdrawGiven } from './consents.ts';
import { recordAgreement } from './plans.ts';
import type {
  DossierRecords,
  JournalStore,
  LookupHasher,
  NetworkStore,
  PlanStore,
  PrivacyStore,
  ProcessingLogWriter,
  RosterEntry,
  RosterStore,
} from './ports.ts';
import { raceLostAs } from './races.ts';

/** What the resident's view reads: the BSN look-up and the household's partition. */
export interface ResidentStore
  extends ProcessingLogWriter,
    Pick<JournalStore, 'addEntry'>,
    Pick<PrivacyStore, 'processingLog'>,
    Pick<PlanStore, 'savePlan'>,
    Pick<NetworkStore, 'withdrawConsent'> {
  lookup(kind: 'bsn', hash: string): Promise<string | undefined>;
  dossier(householdId: string): Promise<DossierRecords | undefined>;
  /** Lines about the person before they were a member (a BRP look-up found them), newest first, under their keyed BSN hash. */
  personLog(
    personHash: string,
    limit: number,
    after?: string,
  ): Promise<{ items: Omit<StoredProcessingLogLine, 'householdId'>[]; next?: string }>;
}

export interface ResidentPorts {
  store: ResidentStore;
  hasher: LookupHasher;
  city: CityRuntimeConfig;
  /** Who owns a plan action, by name. */
  roster: Pick<RosterStore, 'listTeam'>;
}

/**
 * The resident's own household (rule 18): the BSN's look-up, then the household's partition; the
 * resident must be an adult member of it while it is open, else 404 as for no household at all.
 */
async function ownHousehold(ports: ResidentPorts, context: RequestContext) {
  const bsn = context.principal.residentBsn;
  if (!bsn) throw forbidden('This route is for residents signed in with DigiD.');
  const hash = ports.hasher.bsn(bsn);
  const householdId = await ports.store.lookup('bsn', hash);
  const records = householdId ? await ports.store.dossier(householdId) : undefined;
  const member = residentMember(records?.household, hash);
  if (!records || !member) throw notFound('Household');
  return { records, member, hash };
}

/**
 * `GET /me/household`: what the resident may see of their own household, in their words: the
 * address and members (names and birth dates, never a BSN), the team and the regisseur by name,
 * the plan with who does each action, the network, their own consents and the disclosures of
 * their data. Never a restricted entry, a signal, a doorbraak's internals or another member's
 * consent: none of them is read into the answer. One line in the processing log, about them.
 */
export async function myHousehold(ports: ResidentPorts, context: RequestContext) {
  const { records, member } = await ownHousehold(ports, context);
  const { household, plan } = records;
  const [roster] = await Promise.all([
    ownersRoster(ports, household, plan, true),
    // The answer shows every member's name and birth date and the household's plan: the read is about them all.
    ports.store.appendProcessingLog([processingLogLine(context, household.id, 'read', '/me/household', membersOf(household))]),
  ]);
  const ownerName = (userId: string) => roster.find((entry) => entry.userId === userId)?.name;
  const day = amsterdamDate(context.now);
  const ownConsents = records.consents.filter((consent) => consent.memberId === member.id);
  const own = new Set(ownConsents.map((consent) => consent.id));
  return {
    me: { memberId: member.id, name: member.name },
    address: household.address,
    members: household.members.map((m) => ({ memberId: m.id, name: m.name, birthDate: m.birthDate })),
    team: { id: household.teamId, name: findTeam(ports.city, household.teamId)?.name ?? household.teamId },
    regisseur: household.regisseur ? { name: household.regisseur.name ?? ownerName(household.regisseur.userId) ?? null } : null,
    plan: plan ? myPlan(plan, household, roster) : null,
    involved: (household.involved ?? []).map((p) => ({
      name: p.name,
      ...(p.organisation ? { organisation: p.organisation } : {}),
      ...(p.role ? { role: p.role } : {}),
    })),
    // Who recorded or withdrew it is a professional's id: never in the resident's view (rule 18).
    consents: ownConsents.map((consent) => {
      const { recordedBy: _recorded, withdrawnBy: _withdrawn, ...shown } = consentView(consent, day);
      return shown;
    }),
    disclosures: records.disclosures
      .filter((disclosure) => disclosure.memberIds.includes(member.id))
      .map((disclosure) => ({
        at: disclosure.at,
        to: { organisation: disclosure.to.organisation },
        dataKinds: disclosure.dataKinds,
        // Only their own consents are theirs to see: a basis of consents names no other member's.
        basis:
          'consentIds' in disclosure.basis ? { consentIds: disclosure.basis.consentIds.filter((id) => own.has(id)) } : disclosure.basis,
      })),
  };
}

/**
 * The team's roster, when someone the answer shows is to be named by it: an action's owner, or
 * (`regisseur`: the household view, which names them) a regisseur recorded without a name.
 */
const ownersRoster = (ports: ResidentPorts, household: Household, plan: Plan | undefined, regisseur = false) =>
  plan?.goals.some((goal) => goal.actions.some((action) => action.ownerId)) ||
  (regisseur && household.regisseur && !household.regisseur.name)
    ? ports.roster.listTeam(household.teamId)
    : [];

/** The plan as the resident sees it: who does each action by name, never a professional's id. */
function myPlan(plan: Plan, household: Household, roster: RosterEntry[]) {
  const party = (involvedId: string) =>
    [...(household.involved ?? []), ...(household.formerInvolved ?? [])].find((p) => p.id === involvedId);
  const who = (action: { ownerId?: string; involvedId?: string; organisation: string }) => {
    const involved = action.involvedId ? party(action.involvedId) : undefined;
    if (involved) return involved.organisation ? `${involved.name} (${involved.organisation})` : involved.name;
    return (action.ownerId ? roster.find((entry) => entry.userId === action.ownerId)?.name : undefined) ?? action.organisation;
  };
  return {
    status: plan.status,
    version: plan.version,
    evaluationDate: plan.evaluationDate,
    goals: plan.goals.map((goal) => ({
      domain: goal.domain,
      description: goal.description,
      actions: goal.actions.map((action) => ({
        id: action.id,
        description: action.description,
        who: who(action),
        dueDate: action.dueDate,
        status: action.status,
      })),
    })),
    ...(plan.agreedBy ? { agreedBy: plan.agreedBy } : {}),
    ...(plan.agreedAt ? { agreedAt: plan.agreedAt } : {}),
    ...(plan.agreedVia ? { agreedVia: plan.agreedVia } : {}),
    ...(plan.changedSinceAgreement ? { changedSinceAgreement: true } : {}),
  };
}

/**
 * `POST /me/household/plan/agreement`: the resident agrees to the plan themself (`agreedBy`
 * their name, `agreedVia: 'digid'`), to the version they read: any other version is 409, as
 * is a plan already agreed in this version or closed. The regisseur is told.
 */
export async function agreeToMyPlan(ports: ResidentPorts, context: RequestContext, version: number) {
  const { records, member } = await ownHousehold(ports, context);
  const { household, plan } = records;
  if (!plan) throw notFound('Plan');
  if (plan.version !== version) throw conflict('The plan has changed since you read it: read it again.');
  const [agreed, roster] = await Promise.all([
    // Another adult of the household agreeing at the same moment: the version they both read is gone (409, as the spec says).
    recordAgreement(ports, context, household, plan, member.name, 'digid').catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'precondition_failed')
        throw conflict('The plan has changed since you read it: read it again.');
      throw error;
    }),
    ownersRoster(ports, household, plan),
  ]);
  return myPlan(agreed, household, roster);
}

/**
 * `POST /me/consents/{consentId}/withdrawal`: the resident withdraws a consent of their own. Any
 * other id, another member's consent included, is 404 as for none at all.
 */
export async function withdrawMyConsent(ports: ResidentPorts, context: RequestContext, consentId: string, reason?: string) {
  const { records, member } = await ownHousehold(ports, context);
  const consent = records.consents.find((c) => c.id === consentId && c.memberId === member.id);
  if (!consent) throw notFound('Consent');
  const {
    recordedBy: _recorded,
    withdrawnBy: _withdrawn,
    ...shown
  } = await withdrawGiven(ports, context, records.household, consent, {
    reason,
  });
  return shown;
}

/**
 * `POST /me/household/messages`: the resident writes to their regisseur. It lands in the journal as
 * the resident's own entry (kind `resident_message`, about them, by their name) and tells the
 * regisseur, in one transaction with its log line.
 */
export async function messageRegisseur(ports: ResidentPorts, context: RequestContext, text: string) {
  const { records, member } = await ownHousehold(ports, context);
  const { household } = records;
  const by = { userId: context.principal.userId, name: member.name };
  const written = journalEntry({ kind: 'note', text, about: [member.id] }, household, by, timeOrderedId, context.now);
  const entry = { ...written, kind: 'resident_message' as const };
  await ports.store
    .addEntry(
      household,
      entry,
      processingLogLine(context, household.id, 'create', `/households/${household.id}/journal/${entry.id}`, [member.id]),
      [],
      notify(
        'resident_message',
        household.regisseur ? [household.regisseur.userId] : [],
        { actor: context.principal.userId, at: context.now },
        { title: NOTIFICATION_TITLES.residentMessage, householdId: household.id },
        timeOrderedId,
      ),
    )
    .catch(raceLostAs(() => conflict('Your household changed meanwhile: try again.')));
  return { id: entry.id, at: entry.at };
}

/** A line of the resident's own processing log: what was done with their data, by which organisation and role, never by whom. */
export interface ResidentLogLine {
  at: string;
  activity: { id: string; name: string; purpose: string; legalBasis: string } | null;
  action: string;
  organisation: string;
  role: string;
}

/**
 * `GET /me/processing-log`: the lines of the household's log whose data subjects include the
 * resident, newest first, each with the register's activity (in the version it was written
 * under), the organisation and the role, never a professional's name or user id (rule 18, after
 * the Logboek Dataverwerkingen). Their own read of it is logged too, after the page is read.
 */
export async function myProcessingLog(
  ports: ResidentPorts,
  context: RequestContext,
  query: { limit: number; cursor?: string },
): Promise<Page<ResidentLogLine>> {
  const { records, member, hash } = await ownHousehold(ports, context);
  const position = decodeCursor(query.cursor, ResidentLogCursor) ?? {};
  // Two sources, one page by time: the household's log about them, and the lines kept under their
  // keyed BSN from before they were a member (a BRP look-up that found them, v1.2).
  const [household, person] = await Promise.all([
    ports.store.processingLog(records.household.id, query.limit, position.after, member.id),
    ports.store.personLog(hash, query.limit, position.personAfter),
  ]);
  await ports.store.appendProcessingLog([processingLogLine(context, records.household.id, 'read', '/me/processing-log', [member.id])]);
  const sources = {
    // The filter of the read, again: only lines about them.
    household: { read: household, lines: household.items.filter((line) => line.dataSubjects.includes(member.id)), before: position.after },
    person: { read: person, lines: person.items.filter((line) => line.dataSubjects.includes(hash)), before: position.personAfter },
  };
  // A source with more to read has been read down to where its read ended, that line included (its
  // frontier, DynamoDB's LastEvaluatedKey): a line of another source older than that waits, since
  // that source may still hold newer ones (a filtered read can end without a line about them).
  const frontier = [household.next, person.next]
    .filter((next): next is string => next !== undefined)
    .sort()
    .at(-1);
  const lines = (Object.keys(sources) as (keyof typeof sources)[])
    .flatMap((from) => sources[from].lines.map((line) => ({ line, from, key: logLineSortKey(line) })))
    .sort((a, b) => (a.key < b.key ? 1 : -1));
  const ready = frontier ? lines.filter((entry) => entry.key >= frontier) : lines;
  const shown = ready.slice(0, query.limit);
  // Each source goes on after the last line of it shown; one whose every line was shown (or that gave
  // none) goes on where its read ended; one with lines still to show stays where it was.
  const positionOf = (from: keyof typeof sources) => {
    const source = sources[from];
    const last = shown.filter((entry) => entry.from === from).at(-1);
    const allShown = source.lines.every((line) => shown.some((entry) => entry.line === line));
    if (allShown) return source.read.next ?? last?.key ?? source.before;
    return last?.key ?? source.before;
  };
  const more = household.next !== undefined || person.next !== undefined || lines.length > shown.length;
  const next = { after: positionOf('household'), personAfter: positionOf('person') };
  const register = registerOf(ports.city);
  const organisation = `Gemeente ${ports.city.name}`;
  return {
    items: shown
      .map(({ line }) => line)
      .map((line) => {
        const activity = register.find((a) => a.id === line.processingActivityId && a.version === line.processingActivityVersion);
        return {
          at: line.at,
          activity: activity ? { id: activity.id, name: activity.name, purpose: activity.purpose, legalBasis: activity.legalBasis } : null,
          action: line.action,
          organisation,
          role: line.actor === FLOW_ACTOR ? 'system' : (line.roles[0] ?? 'professional'),
        };
      }),
    nextCursor: more
      ? encodeCursor({ ...(next.after ? { after: next.after } : {}), ...(next.personAfter ? { personAfter: next.personAfter } : {}) })
      : null,
  };
}

/** Where the resident's log goes on: in the household's log, and in their own from before (either may not have begun). */
const ResidentLogCursor = z.object({ after: z.optional(z.string()), personAfter: z.optional(z.string()) });
