import * as z from 'zod/mini';
import { AfterCursor, decodeCursor, encodeCursor, invalidCursor, type Page } from '../cursor.ts';
import {
  correctsJournalEntry,
  grantOn,
  reachableHousehold,
  readsRestrictedEntry,
  teamHousehold,
  teamOrGrantHousehold,
} from '../domain/access.ts';
import { FLOW_ACTOR } from '../domain/escalation.ts';
import type { Household } from '../domain/household.ts';
import {
  type Author,
  type ClosedEntry,
  CONTACT_KINDS,
  closedEntry,
  correctedEntry,
  type JournalEntry,
  type JournalFilter,
  journalEntry,
  journalEntryView,
  matchesFilter,
  type NewJournalEntry,
  summaryOf,
} from '../domain/journal.ts';
import { FIRST_CONTACT_TASK } from '../domain/tasks.ts';
import { eventOf } from '../domain/timeline.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { timeOrderedId } from '../ids.ts';
import { asReached, membersOf, processingLogLine, type RequestContext } from '../processing-log.ts';
import type { JournalPageEntry, JournalStore, RosterStore, TimelineRecord } from './ports.ts';
import { raceLostAs } from './races.ts';

export interface JournalPorts {
  store: JournalStore;
  /** The names of who did what on the timeline: the household's team's roster. */
  roster: Pick<RosterStore, 'listTeam'>;
}

const journalResource = (householdId: string, rest = '') => `/households/${householdId}/journal${rest}`;

const authorOf = (context: RequestContext): Author => ({
  userId: context.principal.userId,
  name: context.principal.name ?? context.principal.userId,
});

function openHousehold(household: Household): Household {
  if (household.status !== 'open') throw conflict('The household is closed.');
  return household;
}

/**
 * `POST /households/{id}/journal`: one read (the household), then the entry and its log line in
 * one transaction. The one change a break-glass grant's holder may make (v1.2 rule 17).
 */
export async function addJournalEntry(ports: JournalPorts, context: RequestContext, householdId: string, input: NewJournalEntry) {
  const household = openHousehold(teamOrGrantHousehold(context.principal, (await ports.store.reachRecords(householdId)).household));
  const entry = journalEntry(input, household, authorOf(context), (at) => timeOrderedId(at), context.now);
  await ports.store
    .addEntry(
      household,
      entry,
      processingLogLine(asReached(context, household), householdId, 'create', journalResource(householdId, `/${entry.id}`), entry.about),
      // A contact with the household ends the first-contact task of a referral (a delete of nothing when there is none);
      // the interventieteam's contact under a grant does not do the team's coach's task.
      CONTACT_KINDS.includes(entry.kind) && !grantOn(context.principal, household) ? [FIRST_CONTACT_TASK] : [],
    )
    .catch(raceLostAs(() => conflict('The household changed meanwhile: read it again.')));
  return journalEntryView(entry);
}

/** `POST …/journal/{entryId}/corrections`: the author, or a team leader of the team; the text replaced is kept (rule 15). */
export async function correctJournalEntry(
  ports: JournalPorts,
  context: RequestContext,
  householdId: string,
  entryId: string,
  correction: { text: string; reason: string },
) {
  const [records, entry] = await Promise.all([ports.store.reachRecords(householdId), ports.store.getEntry(householdId, entryId)]);
  const household = openHousehold(teamHousehold(context.principal, records.household));
  if (!entry) throw notFound('Journal entry');
  if (!correctsJournalEntry(context.principal, entry, household)) {
    throw forbidden('A journal entry is corrected by its author or a team leader of the team.');
  }
  const corrected = correctedEntry(entry, correction, authorOf(context), context.now);
  await ports.store
    .correctEntry(
      household,
      entry,
      corrected,
      processingLogLine(context, householdId, 'update', journalResource(householdId, `/${entry.id}/corrections`), entry.about),
    )
    .catch(raceLostAs(() => conflict('The entry was corrected meanwhile: read it again.')));
  return journalEntryView(corrected);
}

/** Reads at most this many entries for one page of a filtered list: a page may then hold fewer than `limit`, with a cursor on. */
const MAX_READ_PER_PAGE = 1000;
const READ_BATCH = 200;

/**
 * `GET …/journal`: newest first by `at`. The filters are applied to the entries read, page by
 * page of the household's journal partition, so a restricted entry the reader may not read is
 * judged with what the reader may know of it (it never matches `q`).
 */
export async function listJournal(
  ports: JournalPorts,
  context: RequestContext,
  householdId: string,
  query: JournalFilter & { limit: number; cursor?: string },
): Promise<Page<ReturnType<typeof journalEntryView> | ClosedEntry>> {
  const after = decodeCursor(query.cursor, AfterCursor)?.after;
  if (after !== undefined && !ports.store.isJournalPosition(after)) throw invalidCursor();
  const filtered = query.kind !== undefined || query.domain !== undefined || query.member !== undefined || query.q !== undefined;
  const batch = filtered ? READ_BATCH : query.limit + 1;
  const [records, first] = await Promise.all([ports.store.reachRecords(householdId), ports.store.entries(householdId, batch, after)]);
  const household = reachableHousehold(context.principal, records.household, { escalations: records.escalations });
  const readable = (entry: JournalEntry) => !entry.restricted || readsRestrictedEntry(context.principal, entry, household);
  // Restricted entries never leave the team (v1.2): under a break-glass grant they are not even listed (but the holder's own).
  const hidden = hiddenUnderGrant(context.principal, household);

  const shown: JournalPageEntry[] = [];
  let page = first;
  let read = 0;
  let next: string | null = null;
  for (;;) {
    read += page.items.length;
    for (const entry of page.items) {
      if (!matchesFilter(entry, query, readable(entry)) || hidden(entry)) continue;
      if (shown.length === query.limit) {
        next = shown.at(-1)?.sortKey ?? null;
        break;
      }
      shown.push(entry);
    }
    if (next !== null || !page.next) break;
    if (read >= MAX_READ_PER_PAGE) {
      next = page.next;
      break;
    }
    page = await ports.store.entries(householdId, batch, page.next);
  }
  const subjects = [...new Set(shown.filter(readable).flatMap((entry) => entry.about))];
  await ports.store.appendProcessingLog([
    processingLogLine(asReached(context, household), householdId, 'read', journalResource(householdId), subjects),
  ]);
  return {
    items: shown.map((entry) => (readable(entry) ? withoutSortKey(entry) : closedEntry(entry))),
    nextCursor: next ? encodeCursor({ after: next }) : null,
  };
}

/** Under a break-glass grant, a restricted entry of someone else's is not shown at all (v1.2 precisions); the holder's own is theirs. */
const hiddenUnderGrant = (actor: RequestContext['principal'], household: Household) => {
  const underGrant = grantOn(actor, household) !== undefined;
  return (entry: Pick<JournalEntry, 'restricted' | 'by'>) => underGrant && entry.restricted && entry.by.userId !== actor.userId;
};

const withoutSortKey = ({ sortKey: _key, ...entry }: JournalPageEntry) => journalEntryView(entry);

export interface TimelineItem {
  at: string;
  kind: 'journal' | 'event';
  event?: string;
  summary: string;
  by?: Author;
  ref: { type: string; id: string };
}

const TimelineCursor = z.object({ after: z.record(z.string(), z.string()) });

/**
 * `GET …/timeline`: the journal's entries and the household's recorded changes in one index of
 * the household, newest first: one Query a page (never a scan), beside the household's read;
 * then the team's roster for the names of who acted, beside the log line.
 */
export async function timeline(
  ports: JournalPorts,
  context: RequestContext,
  householdId: string,
  query: { limit: number; cursor?: string },
): Promise<Page<TimelineItem>> {
  const after = decodeCursor(query.cursor, TimelineCursor)?.after;
  if (after && !ports.store.isTimelinePosition(after, householdId)) throw invalidCursor();
  const [records, page] = await Promise.all([ports.store.reachRecords(householdId), ports.store.timeline(householdId, query.limit, after)]);
  const household = reachableHousehold(context.principal, records.household, { escalations: records.escalations });
  const hidden = hiddenUnderGrant(context.principal, household);
  const [roster] = await Promise.all([
    page.items.some((item) => item.kind === 'change') ? ports.roster.listTeam(household.teamId) : [],
    ports.store.appendProcessingLog([
      processingLogLine(asReached(context, household), householdId, 'read', `/households/${householdId}/timeline`, [
        // The members, and whom the entries it shows are about (a former member too).
        ...new Set([
          ...membersOf(household),
          ...page.items.flatMap((item) =>
            item.kind === 'journal' && (!item.entry.restricted || readsRestrictedEntry(context.principal, item.entry, household))
              ? item.entry.about
              : [],
          ),
        ]),
      ]),
    ]),
  ]);
  const names = new Map(roster.flatMap((member) => (member.name ? [[member.userId, member.name] as const] : [])));
  if (context.principal.name) names.set(context.principal.userId, context.principal.name);
  return {
    items: page.items
      // Restricted entries never leave the team (v1.2): under a break-glass grant they are not on the timeline at all.
      .filter((item) => !(item.kind === 'journal' && hidden(item.entry)))
      .flatMap((item) => timelineItem(item, names, (entry) => readsRestrictedEntry(context.principal, entry, household))),
    nextCursor: page.next ? encodeCursor({ after: page.next }) : null,
  };
}

function timelineItem(
  record: TimelineRecord,
  names: Map<string, string>,
  readsRestricted: (entry: JournalEntry) => boolean,
): TimelineItem[] {
  if (record.kind === 'journal') {
    const { entry } = record;
    const readable = !entry.restricted || readsRestricted(entry);
    return [
      {
        at: entry.at,
        kind: 'journal',
        summary: readable ? summaryOf(entry.text) : '',
        by: entry.by,
        ref: { type: 'journal', id: entry.id },
      },
    ];
  }
  const { line } = record;
  const event = eventOf(line, line.actor === FLOW_ACTOR);
  if (!event) return [];
  const name = names.get(line.actor);
  return [
    {
      at: line.at,
      kind: 'event',
      event: event.event,
      summary: event.summary,
      ...(name ? { by: { userId: line.actor, name } } : {}),
      ref: event.ref,
    },
  ];
}
