import type { CityRuntimeConfig } from '../city.ts';
import { AfterCursor, decodeCursor, encodeCursor, invalidCursor, type Page } from '../cursor.ts';
import { teamHousehold } from '../domain/access.ts';
import {
  type Consent,
  type ConsentInput,
  type ConsentStatus,
  consentProblems,
  consentStatus,
  type DataKind,
  type Disclosure,
  type DisclosureBasis,
  goalInScope,
  journalInScope,
  newConsent,
  receiverOf,
  scoresInScope,
  uncoveredBy,
} from '../domain/consent.ts';
import { type Household, membersForDisplay } from '../domain/household.ts';
import { journalEntryView } from '../domain/journal.ts';
import type { LifeDomain } from '../domain/life-domains.ts';
import { NOTIFICATION_TITLES, notify } from '../domain/notifications.ts';
import { amsterdamDate } from '../domain/tasks.ts';
import { conflict, type InvalidParam, invalidInput, noBasis, notFound } from '../errors.ts';
import { timeOrderedId } from '../ids.ts';
import { currentRegister } from '../processing-activities.ts';
import { processingLogLine, type RequestContext } from '../processing-log.ts';
import { registerOf } from '../processing-register.ts';
import type { DossierRecords, NetworkStore } from './ports.ts';
import { ConcurrentChange, raceLostAs } from './races.ts';

/**
 * Consents and disclosures (v1.2 "The network around the household", rule 16): no data leaves
 * the team without a basis, checked when it is read and again, on the consents' status, in the
 * disclosure's own transaction.
 */
export interface NetworkPorts {
  store: NetworkStore;
  /** The register, for a disclosure on a legal basis. */
  city: CityRuntimeConfig;
}

const resource = (householdId: string, rest: string) => `/households/${householdId}${rest}`;
// A consent is given and ends on Dutch calendar days.
const today = (context: RequestContext) => amsterdamDate(context.now);

/** A consent as the API shows it: its status on this day. */
export const consentView = (
  { householdId: _household, disclosuresBeforeWithdrawal: _before, status: _stored, ...consent }: Consent,
  day: string,
): Omit<Consent, 'householdId' | 'disclosuresBeforeWithdrawal' | 'status'> & { status: ConsentStatus } => ({
  ...consent,
  status: consentStatus({ status: _stored, validUntil: consent.validUntil }, day),
});

export const disclosureView = ({ householdId: _household, ...disclosure }: Disclosure): Omit<Disclosure, 'householdId'> => disclosure;

function openHousehold(household: Household): Household {
  if (household.status !== 'open') throw conflict('The household is closed.');
  return household;
}

/** `POST /households/{id}/consents`: one read, then the consent and its log line in one transaction. */
export async function recordConsent(ports: NetworkPorts, context: RequestContext, householdId: string, input: ConsentInput) {
  const household = openHousehold(teamHousehold(context.principal, await ports.store.getHousehold(householdId)));
  const problems = consentProblems(input, household.members);
  if (problems.length > 0) throw invalidInput('The consent is not valid for this household.', problems);
  const consent = newConsent(timeOrderedId(context.now), householdId, input, { by: context.principal.userId, at: context.now });
  await ports.store
    .addConsent(
      household,
      consent,
      processingLogLine(context, householdId, 'create', resource(householdId, `/consents/${consent.id}`), [consent.memberId]),
    )
    .catch(raceLostAs(() => conflict('The household changed meanwhile: read it again.')));
  return consentView(consent, today(context));
}

/** `POST /households/{id}/consents/{consentId}/withdrawal`: only a consent that is given; status never goes back. */
export async function withdrawConsent(
  ports: NetworkPorts,
  context: RequestContext,
  householdId: string,
  consentId: string,
  input: { reason?: string | undefined },
) {
  const [household, consent] = await Promise.all([ports.store.getHousehold(householdId), ports.store.getConsent(householdId, consentId)]);
  const reached = teamHousehold(context.principal, household);
  if (!consent) throw notFound('Consent');
  return withdrawGiven(ports, context, reached, consent, input);
}

/**
 * Withdraws a consent that is given, by a professional of the team or by the resident it is
 * theirs (v1.2): the withdrawal, its log line and the regisseur's notification in one write.
 */
export async function withdrawGiven(
  ports: { store: Pick<NetworkStore, 'withdrawConsent'> },
  context: RequestContext,
  household: Household,
  consent: Consent,
  input: { reason?: string | undefined },
) {
  const householdId = household.id;
  const consentId = consent.id;
  const status = consentStatus(consent, today(context));
  if (status !== 'given') throw conflict(status === 'withdrawn' ? 'The consent is withdrawn already.' : 'The consent has expired.');
  const withdrawal = { at: context.now, by: context.principal.userId, ...(input.reason ? { reason: input.reason } : {}) };
  await ports.store
    .withdrawConsent(
      consent,
      withdrawal,
      processingLogLine(context, householdId, 'update', resource(householdId, `/consents/${consentId}/withdrawal`), [consent.memberId]),
      // The regisseur hears of it (v1.2): what they may share has changed.
      household.regisseur
        ? notify(
            'consent_withdrawn',
            [household.regisseur.userId],
            { actor: context.principal.userId, at: context.now },
            { title: NOTIFICATION_TITLES.consentWithdrawn, householdId },
            timeOrderedId,
          )
        : [],
    )
    .catch(raceLostAs(() => conflict('The consent is withdrawn already.')));
  const withdrawn: Consent = {
    ...consent,
    status: 'withdrawn',
    withdrawnAt: withdrawal.at,
    withdrawnBy: withdrawal.by,
    ...(withdrawal.reason ? { withdrawalReason: withdrawal.reason } : {}),
  };
  return consentView(withdrawn, today(context));
}

interface ListOf<R, T> {
  rest: string;
  /** Whether a sort key is one this list's cursor may carry (the store's keys). */
  position: (after: string) => boolean;
  read: (householdId: string, limit: number, after?: string) => Promise<{ items: R[]; next?: string }>;
  view: (record: R) => T;
  subjects: (record: R) => string[];
}

/** A list of the household's partition: the household and one page side by side, and one log line naming whom the page shows. */
async function readList<R, T>(
  ports: NetworkPorts,
  context: RequestContext,
  householdId: string,
  query: { limit: number; cursor?: string | undefined },
  list: ListOf<R, T>,
): Promise<Page<T>> {
  const after = decodeCursor(query.cursor, AfterCursor)?.after;
  if (after !== undefined && !list.position(after)) throw invalidCursor();
  const [household, page] = await Promise.all([ports.store.getHousehold(householdId), list.read(householdId, query.limit, after)]);
  teamHousehold(context.principal, household);
  const subjects = [...new Set(page.items.flatMap(list.subjects))];
  await ports.store.appendProcessingLog([processingLogLine(context, householdId, 'read', resource(householdId, list.rest), subjects)]);
  return { items: page.items.map(list.view), nextCursor: page.next ? encodeCursor({ after: page.next }) : null };
}

export const listConsents = (
  ports: NetworkPorts,
  context: RequestContext,
  householdId: string,
  query: { limit: number; cursor?: string },
) =>
  readList(ports, context, householdId, query, {
    rest: '/consents',
    position: ports.store.isConsentPosition,
    read: ports.store.consents,
    view: (consent: Consent) => consentView(consent, today(context)),
    subjects: (consent) => [consent.memberId],
  });

export const listDisclosures = (
  ports: NetworkPorts,
  context: RequestContext,
  householdId: string,
  query: { limit: number; cursor?: string },
) =>
  readList(ports, context, householdId, query, {
    rest: '/disclosures',
    position: ports.store.isDisclosurePosition,
    read: ports.store.disclosures,
    view: disclosureView,
    subjects: (disclosure: Disclosure) => disclosure.memberIds,
  });

export interface DisclosureInput {
  involvedId: string;
  dataKinds: DataKind[];
  memberIds: string[];
  domains?: LifeDomain[] | undefined;
  basis: DisclosureBasis;
  note?: string | undefined;
}

/** Whether the basis named covers the whole disclosure; throws what is wrong with the request itself (400, 409). */
function checkBasis(ports: NetworkPorts, context: RequestContext, records: DossierRecords, input: DisclosureInput, receiver: string) {
  if ('processingActivityId' in input.basis) {
    const id = input.basis.processingActivityId;
    const activity = currentRegister(registerOf(ports.city)).find((entry) => entry.id === id);
    if (!activity?.disclosure) throw noBasis('That entry of the register does not allow disclosure.');
    return;
  }
  const unknown: InvalidParam[] = [];
  const named = input.basis.consentIds.flatMap((consentId, i) => {
    const consent = records.consents.find((c) => c.id === consentId);
    if (!consent) unknown.push({ name: `basis.consentIds.${i}`, code: 'unknown_consent', reason: 'must be a consent of the household' });
    return consent ?? [];
  });
  if (unknown.length > 0) throw invalidInput('The basis names a consent this household does not have.', unknown);
  if (uncoveredBy(named, receiver, input, today(context)).length > 0)
    throw noBasis(
      'The consents do not cover every member, kind and domain asked for this organisation, given and not withdrawn or expired.',
    );
}

/** The package: what of the household is handed over, shaped as the export shapes it, of the scope only. */
function packageOf(records: DossierRecords, journal: Awaited<ReturnType<NetworkStore['journal']>>, input: DisclosureInput) {
  const kinds = new Set(input.dataKinds);
  const plan = records.plan;
  return {
    ...(kinds.has('members') ? { members: membersForDisplay(records.household).filter((m) => input.memberIds.includes(m.id)) } : {}),
    // The plan's goals and actions of the asked domains; not who of the team owns what, nor its doorbraken or its agreement.
    ...(kinds.has('plan')
      ? {
          plan: plan
            ? {
                status: plan.status,
                version: plan.version,
                evaluationDate: plan.evaluationDate,
                goals: plan.goals
                  .filter((goal) => goalInScope(goal, input))
                  .map((goal) => ({
                    domain: goal.domain,
                    description: goal.description,
                    actions: goal.actions.map(({ description, organisation, dueDate, status, doneAt }) => ({
                      description,
                      organisation,
                      dueDate,
                      status,
                      ...(doneAt ? { doneAt } : {}),
                    })),
                  })),
              }
            : null,
        }
      : {}),
    // The scores of the asked domains; an assessment's note only when every domain is asked (it may speak of any).
    ...(kinds.has('assessments')
      ? {
          assessments: records.assessments.map((a) => ({
            assessedAt: a.assessedAt,
            scores: scoresInScope(a.scores, input),
            ...(a.note && input.domains === undefined ? { note: a.note } : {}),
          })),
        }
      : {}),
    ...(kinds.has('journal') ? { journal: journal.filter((entry) => journalInScope(entry, input)).map(journalEntryView) } : {}),
  };
}

/**
 * `POST /households/{id}/disclosures`: the household's partition in one Query (the household,
 * its plan, assessments and consents), the journal when it is asked, then the disclosure, the
 * count on each consent and the log line in one transaction conditioned on those consents.
 */
export async function disclose(ports: NetworkPorts, context: RequestContext, householdId: string, input: DisclosureInput) {
  const attempt = async () => {
    const records = await ports.store.records(householdId);
    const household = openHousehold(teamHousehold(context.principal, records?.household));
    if (!records) throw notFound('Household');
    const party = (household.involved ?? []).find((p) => p.id === input.involvedId);
    if (!party) {
      if ((household.formerInvolved ?? []).some((p) => p.id === input.involvedId)) throw conflict('This involved party has ended.');
      throw invalidInput('Name an involved party of the household.', [
        { name: 'involvedId', code: 'unknown_involved', reason: 'must be an involved party of the household' },
      ]);
    }
    const members = new Set(household.members.map((m) => m.id));
    const strangers: InvalidParam[] = input.memberIds.flatMap((memberId, i) =>
      members.has(memberId) ? [] : [{ name: `memberIds.${i}`, code: 'unknown_member', reason: 'must be a member of the household' }],
    );
    if (strangers.length > 0) throw invalidInput('A disclosure is about members of the household.', strangers);
    const receiver = receiverOf(party);
    // A legal basis of the register is for an organisation, never for the household's own circle.
    if ('processingActivityId' in input.basis && !party.organisation)
      throw noBasis('A legal basis does not cover a person of the household’s own circle.');
    checkBasis(ports, context, records, input, receiver);
    return { records, household, party, receiver };
  };

  const { records, household, party, receiver } = await attempt();
  const journal = input.dataKinds.includes('journal') ? await ports.store.journal(householdId) : [];
  const disclosure: Disclosure = {
    id: timeOrderedId(context.now),
    householdId,
    at: context.now,
    by: context.principal.userId,
    to: { involvedId: party.id, name: party.name, organisation: receiver },
    dataKinds: [...new Set(input.dataKinds)],
    memberIds: [...new Set(input.memberIds)],
    ...(input.domains ? { domains: [...new Set(input.domains)] } : {}),
    basis: input.basis,
    ...(input.note ? { note: input.note } : {}),
  };
  const consentIds = 'consentIds' in input.basis ? [...new Set(input.basis.consentIds)] : [];
  const log = {
    ...processingLogLine(context, householdId, 'disclose', resource(householdId, `/disclosures/${disclosure.id}`), disclosure.memberIds),
    receiver,
    basis: input.basis,
  };
  try {
    await ports.store.disclose(household, disclosure, consentIds, log);
  } catch (error) {
    if (!(error instanceof ConcurrentChange)) throw error;
    // Lost to a withdrawal (or a close, or a move) committed first: read again, and say which.
    await attempt();
    throw conflict('The household changed meanwhile: read it again.');
  }
  return { ...disclosureView(disclosure), package: packageOf(records, journal, input) };
}
