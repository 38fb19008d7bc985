import * as z from 'zod/mini';
import { decodeCursor, encodeCursor, type Page } from '../cursor.ts';
import {
  decidedAtOf,
  decisionOf,
  leadTimeDays,
  matchesFilter,
  outcomeOf,
  type Precedent,
  type PrecedentFilter,
  type PrecedentText,
  personalDataIn,
  precedentFigures,
} from '../domain/precedent.ts';
import { amsterdamDate } from '../domain/tasks.ts';
import { conflict, invalidInput, notFound } from '../errors.ts';
import { newId, parseHouseholdChildId } from '../ids.ts';
import { membersOf, processingLogLine, type RequestContext } from '../processing-log.ts';
import type { EscalationStore, PrecedentStore } from './ports.ts';
import { raceLostAs } from './races.ts';

export interface PrecedentPorts {
  precedents: PrecedentStore;
  escalations: Pick<EscalationStore, 'read'>;
}

/**
 * How many precedents a read goes through: the whole partition is read and filtered in the
 * function. A city publishes tens a year; past this bound the reads would need an index.
 */
export const PRECEDENT_BOUND = 5000;

/** Free text for publication may not carry a BSN, nor (where the household is known) a member's name. */
function refusePersonalData(text: PrecedentText, memberNames: string[]) {
  const fields = ['summary', 'blockingRule', 'solution'] as const;
  const found = [
    ...fields.map((field) => [field, personalDataIn(text[field], memberNames)] as const),
    ...text.organisations.map((o, i) => [`organisations.${i}`, personalDataIn(o, memberNames)] as const),
  ].filter(([, kind]) => kind !== undefined);
  if (found.length > 0) {
    throw invalidInput('A precedent is published: write it without names or BSNs of the people it was about.', [
      ...found.map(([name, kind]) => ({
        name,
        code: kind === 'bsn' ? ('contains_bsn' as const) : ('contains_name' as const),
        reason: kind === 'bsn' ? 'must not hold a BSN' : "must not hold a name of the household's members",
      })),
    ]);
  }
}

/** `POST /escalations/{id}/precedent`: the doorbraakteam publishes a decided doorbraak in its own words. */
export async function publishPrecedent(ports: PrecedentPorts, context: RequestContext, escalationId: string, text: PrecedentText) {
  const ids = parseHouseholdChildId(escalationId);
  if (!ids) throw notFound('Escalation');
  const { escalation, household } = await ports.escalations.read(ids.householdId, ids.key);
  if (!escalation) throw notFound('Escalation');
  const decision = decisionOf(escalation);
  if (!decision) throw conflict('Only a decided doorbraak becomes a precedent.');
  if (escalation.precedentId) throw conflict('This doorbraak is already a precedent.');
  refusePersonalData(
    text,
    [...(household?.members ?? []), ...(household?.formerMembers ?? [])].map((m) => m.name),
  );
  const decidedAt = decidedAtOf(escalation);
  const precedent: Precedent = {
    id: newId(),
    ...text,
    decision,
    ...(decision === 'approved' && escalation.approvedCost ? { approvedCost: escalation.approvedCost } : {}),
    outcome: outcomeOf(escalation),
    decidedAt,
    leadTimeDays: leadTimeDays(escalation.submittedAt, decidedAt),
    publishedAt: context.now,
    publishedBy: context.principal.userId,
    updatedAt: context.now,
  };
  // Reading the escalation to publish it is a processing of the household's data; the precedent itself is not.
  const log = processingLogLine(
    context,
    escalation.householdId,
    'read',
    `/escalations/${escalation.id}/precedent`,
    household ? membersOf(household) : [],
  );
  await ports.precedents
    .publish(precedent, escalation, log)
    .catch(raceLostAs(() => conflict('This doorbraak is already a precedent, or it moved on meanwhile: read it again.')));
  return precedentView(precedent);
}

/** `PUT /precedents/{id}`: the doorbraakteam rewords a precedent; the facts of the decision stay. */
export async function editPrecedent(ports: PrecedentPorts, context: RequestContext, precedentId: string, text: PrecedentText) {
  // The precedent does not know its household, so only a BSN can be caught here (names are checked at publication).
  refusePersonalData(text, []);
  const reworded = await ports.precedents.reword(precedentId, text, context.now);
  if (!reworded) throw notFound('Precedent');
  return precedentView(reworded);
}

export async function readPrecedent(ports: PrecedentPorts, precedentId: string) {
  const precedent = await ports.precedents.get(precedentId);
  if (!precedent) throw notFound('Precedent');
  return precedentView(precedent);
}

/** What the API shows: the precedent without who published it. */
export function precedentView(precedent: Precedent) {
  const { publishedAt: _at, publishedBy: _by, updatedAt: _updated, ...view } = precedent;
  return view;
}

async function everyPrecedent(ports: PrecedentPorts) {
  const all = await ports.precedents.all();
  return all.slice(0, PRECEDENT_BOUND);
}

const PrecedentCursor = z.object({ after: z.tuple([z.string(), z.string()]) });

/** `GET /precedents`: newest decision first, filtered by words, organisation, life domain and decision. */
export async function listPrecedents(
  ports: PrecedentPorts,
  query: PrecedentFilter & { limit: number; cursor?: string },
): Promise<Page<ReturnType<typeof precedentView>>> {
  const after = decodeCursor(query.cursor, PrecedentCursor)?.after;
  const newestFirst = (a: Precedent, b: Precedent) =>
    a.decidedAt < b.decidedAt ? 1 : a.decidedAt > b.decidedAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  const matching = (await everyPrecedent(ports))
    .filter((p) => matchesFilter(p, query))
    .sort(newestFirst)
    .filter((p) => !after || p.decidedAt < after[0] || (p.decidedAt === after[0] && p.id < after[1]));
  const page = matching.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(precedentView),
    nextCursor: matching.length > page.length && last ? encodeCursor({ after: [last.decidedAt, last.id] }) : null,
  };
}

/** `GET /precedents/figures?year=`: what blocks most in a calendar year (Europe/Amsterdam), computed from the precedents. */
export async function precedentFiguresOf(ports: PrecedentPorts, year: number) {
  const ofYear = (await everyPrecedent(ports)).filter((p) => amsterdamDate(p.decidedAt).startsWith(`${year}-`));
  return { year, ...precedentFigures(ofYear) };
}
