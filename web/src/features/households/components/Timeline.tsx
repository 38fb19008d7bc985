import { useEffect, useMemo, useState } from 'react';
import { type Actor, correctsJournalEntry, hasAnyRole, isOnTeam, TEAM_WORKERS } from '#shared/domain/access.ts';
import { Button, Heading, Paragraph } from '../../../components/nlds.tsx';
import { ErrorAlert, Loading } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import {
  getJournal,
  getTimeline,
  type JournalEntry,
  type JournalFilter,
  type JournalKind,
  type LifeDomainName,
  type Story,
  type TimelineItem,
} from '../api.ts';
import { type FilterFields, isFiltered, JournalFilters, NO_FILTER, searchTerm } from './JournalFilters.tsx';
import { JournalForm } from './JournalForm.tsx';
import { type Entry, itemKey, withEntry } from './journal.ts';
import { EntryItem, EventItem } from './StoryItem.tsx';
import './timeline.css';

interface Pages {
  items: TimelineItem[];
  cursor: string | null;
  /** Where the journal's pages read beside the timeline's go on (they hold every entry the timeline lists). */
  journalCursor: string | null;
  error?: unknown;
}

const pagesOf = (story: Story): Pages =>
  'error' in story
    ? { items: [], cursor: null, journalCursor: null, error: story.error }
    : { items: story.timeline.items, cursor: story.timeline.nextCursor, journalCursor: story.journal.nextCursor };

const withEntries = (known: Map<string, Entry>, entries: Entry[]) => {
  if (entries.length === 0) return known;
  const next = new Map(known);
  for (const entry of entries) next.set(entry.id, entry);
  return next;
};

const uniqueItems = (items: TimelineItem[]) => {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(itemKey(item)) && Boolean(seen.add(itemKey(item))));
};

/** The fields' filters as the API takes them. */
const queryOf = (filter: FilterFields): JournalFilter => {
  const q = searchTerm(filter.q);
  return {
    ...(filter.kind ? { kind: filter.kind as JournalKind } : {}),
    ...(filter.domain ? { domain: filter.domain as LifeDomainName } : {}),
    ...(filter.member ? { member: filter.member } : {}),
    ...(q ? { q } : {}),
  };
};

interface Found {
  ids: string[];
  cursor: string | null;
  loading: boolean;
  error?: unknown;
}

/**
 * The household's story (v1.2): the quick journal entry at the top (for whoever may write, while
 * the household is open), then the timeline, newest first: journal entries and recorded events.
 * While a filter or a search is set, the journal's entries that match instead. A save or a
 * correction shows at once, without reading the page again; a polite live region says so.
 */
export function Timeline({
  householdId,
  story,
  household,
  actor,
}: {
  householdId: string;
  story: Story;
  household: {
    teamId: string;
    status: 'open' | 'closed';
    members: { id: string; name: string }[];
    formerMembers: { id: string; name: string }[];
    /** Set when the caller reads the household under a break-glass grant. */
    breakGlass?: unknown;
  };
  actor: Actor;
}) {
  const open = household.status === 'open';
  // The team writes in its journal; so does the holder of a break-glass grant (v1.2 rule 17), and only that.
  const canWrite = open && hasAnyRole(actor, TEAM_WORKERS) && (isOnTeam(actor, household.teamId) || household.breakGlass !== undefined);
  const names = useMemo(
    () => new Map([...household.formerMembers, ...household.members].map((m) => [m.id, m.name])),
    [household.members, household.formerMembers],
  );

  // The dossier's story (read with the dossier, and again when the dossier is): what the timeline starts from.
  const [source, setSource] = useState(story);
  const [pages, setPages] = useState(() => pagesOf(story));
  const [entries, setEntries] = useState(() => withEntries(new Map(), 'error' in story ? [] : story.journal.items));
  if (story !== source) {
    setSource(story);
    setPages(pagesOf(story));
    if (!('error' in story)) setEntries((known) => withEntries(known, story.journal.items));
  }
  const [moreLoading, setMoreLoading] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [said, setSaid] = useState({ text: '', n: 0 });
  const announce = (text: string) => setSaid((s) => ({ text, n: s.n + 1 }));

  const [filter, setFilter] = useState(NO_FILTER);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [found, setFound] = useState<Found>();
  const [version, setVersion] = useState(0);
  const filtered = isFiltered(filter);
  // What the list asks for, as one value: a change of it (or a save, `version`) asks again.
  const asked = JSON.stringify(queryOf(filter));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` asks again after a save
  useEffect(() => {
    if (!filtered) {
      setFound(undefined);
      return;
    }
    const query = JSON.parse(asked) as JournalFilter;
    let current = true;
    // Typing a search waits for a pause; every answer but the last asked for is dropped.
    const timer = setTimeout(() => {
      setFound((f) => ({ ids: f?.ids ?? [], cursor: f?.cursor ?? null, loading: true }));
      getJournal(householdId, query).then(
        (page) => {
          if (!current) return;
          setEntries((known) => withEntries(known, page.items));
          setFound({ ids: page.items.map((e) => e.id), cursor: page.nextCursor, loading: false });
          setSaid((s) => ({ text: t.journal.found(page.items.length, page.nextCursor !== null), n: s.n + 1 }));
        },
        (error: unknown) => current && setFound({ ids: [], cursor: null, loading: false, error }),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [householdId, filtered, asked, version]);

  const moreFound = async () => {
    if (!found?.cursor || moreLoading) return;
    const query = queryOf(filter);
    setMoreLoading(true);
    try {
      const page = await getJournal(householdId, query, found.cursor);
      setEntries((known) => withEntries(known, page.items));
      setFound((f) => f && { ...f, ids: [...new Set([...f.ids, ...page.items.map((e) => e.id)])], cursor: page.nextCursor });
      setMoreError(undefined);
    } catch (caught) {
      setMoreError(caught);
    } finally {
      setMoreLoading(false);
    }
  };

  const moreTimeline = async () => {
    if (!pages.cursor || moreLoading) return;
    setMoreLoading(true);
    try {
      const [timeline, journal] = await Promise.all([
        getTimeline(householdId, pages.cursor),
        pages.journalCursor ? getJournal(householdId, {}, pages.journalCursor) : undefined,
      ]);
      if (journal) setEntries((known) => withEntries(known, journal.items));
      setPages((p) => ({
        items: uniqueItems([...p.items, ...timeline.items]),
        cursor: timeline.nextCursor,
        journalCursor: journal ? journal.nextCursor : p.journalCursor,
      }));
      setMoreError(undefined);
    } catch (caught) {
      setMoreError(caught);
    } finally {
      setMoreLoading(false);
    }
  };

  const saved = (entry: JournalEntry) => {
    setEntries((known) => withEntries(known, [entry]));
    setPages((p) => ({ ...p, items: withEntry(p.items, entry, p.cursor !== null) }));
    if (filtered) setVersion((v) => v + 1);
    announce(t.journal.saved);
  };
  const corrected = (entry: JournalEntry) => {
    setEntries((known) => withEntries(known, [entry]));
    announce(t.journal.correctionSaved);
  };
  const toggle = (id: string) =>
    setExpanded((all) => {
      const next = new Set(all);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const mayCorrect = (entry: JournalEntry) => open && correctsJournalEntry(actor, entry, household);
  const entryItem = (id: string, fallback?: TimelineItem) => (
    <EntryItem
      key={`journal-${id}`}
      householdId={householdId}
      entry={entries.get(id)}
      {...(fallback ? { fallback } : {})}
      names={names}
      mayCorrect={mayCorrect}
      expanded={expanded.has(id)}
      onToggle={() => toggle(id)}
      onCorrected={corrected}
    />
  );

  return (
    <section className="wt-stack wt-timeline-section" aria-labelledby="tijdlijn">
      <Heading level={2} id="tijdlijn">
        {t.journal.title}
      </Heading>
      {canWrite && <JournalForm householdId={householdId} members={household.members} onSaved={saved} />}
      <p className="wt-timeline__status" role="status">
        {said.text && <span key={said.n}>{said.text}</span>}
      </p>
      <JournalFilters value={filter} members={household.members} open={filtersOpen} onOpen={setFiltersOpen} onChange={setFilter} />
      {filtered ? (
        <>
          <Paragraph>{t.journal.filteredIntro}</Paragraph>
          {!found || (found.loading && found.ids.length === 0) ? (
            <Loading />
          ) : found.error ? (
            <ErrorAlert error={found.error} ownWords />
          ) : found.ids.length === 0 ? (
            <Paragraph>{t.journal.found(0, found.cursor !== null)}</Paragraph>
          ) : (
            <ol className="wt-timeline" aria-label={t.journal.foundList}>
              {found.ids.map((id) => entryItem(id))}
            </ol>
          )}
          {found?.cursor && (
            <div className="wt-actions">
              <Button onClick={moreFound}>{t.more}</Button>
            </div>
          )}
        </>
      ) : pages.error ? (
        <ErrorAlert error={pages.error} ownWords />
      ) : pages.items.length === 0 ? (
        <Paragraph>{t.journal.none}</Paragraph>
      ) : (
        <>
          <ol className="wt-timeline" aria-label={t.journal.list}>
            {pages.items.map((item) =>
              item.kind === 'journal' ? entryItem(item.ref.id, item) : <EventItem key={itemKey(item)} item={item} />,
            )}
          </ol>
          {pages.cursor && (
            <div className="wt-actions">
              <Button onClick={moreTimeline}>{t.more}</Button>
            </div>
          )}
        </>
      )}
      <ErrorAlert error={moreError} ownWords />
    </section>
  );
}
