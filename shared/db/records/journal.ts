import * as z from 'zod/mini';
import { type JournalEntry, STORED_JOURNAL_KINDS } from '../../domain/journal.ts';
import { LIFE_DOMAINS } from '../../domain/life-domains.ts';
import { journalEntryKey, timelineIndexKeys } from '../keys.ts';
import { parseRecord } from './record.ts';

/**
 * A journal entry (v1.2 "The journal"): `HH#<householdId>#JOURNAL` / `<entryId>`, in a
 * partition of its own so that years of entries do not weigh on the dossier's Query. An entry's
 * id starts with when it happened (shared/ids.ts), so the partition is in the journal's order
 * and a correction finds its entry by id. On the household's timeline index (gsi2
 * `STORY#<householdId>` / `<at>#<entryId>`) beside its recorded changes.
 * Corrections are kept on the entry itself, oldest first: an entry is never overwritten
 * without what it said before (rule 15).
 */
export const JOURNAL_ENTRY = 'journal-entry';

const Author = z.object({ userId: z.string(), name: z.string() });

export const JournalEntryRecord = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    householdId: z.string(),
    kind: z.enum(STORED_JOURNAL_KINDS),
    text: z.string(),
    at: z.string(),
    about: z.array(z.string()),
    domains: z.array(z.enum(LIFE_DOMAINS)),
    involvedIds: z.array(z.string()),
    restricted: z.boolean(),
    by: Author,
    createdAt: z.string(),
    corrections: z.array(z.object({ at: z.string(), by: Author, previousText: z.string(), reason: z.string() })),
  }),
);

export const parseJournalEntry = (item: Record<string, unknown> | undefined): JournalEntry | undefined =>
  parseRecord(JOURNAL_ENTRY, JournalEntryRecord, item);

export const journalEntryItem = (entry: JournalEntry) => {
  return {
    ...journalEntryKey(entry.householdId, entry.id),
    ...timelineIndexKeys(entry.householdId, entry.at, entry.id),
    type: JOURNAL_ENTRY,
    ...entry,
  };
};
