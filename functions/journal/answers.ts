import * as z from 'zod/mini';
import { STORED_JOURNAL_KINDS } from '#shared/domain/journal.ts';
import { Author, JournalEntry } from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import { Id, Timestamp } from '../http/schemas.ts';
import type { journalRoutes } from './contract.ts';

export const ClosedJournalEntry = z
  .object({ id: Id, kind: z.enum(STORED_JOURNAL_KINDS), at: Timestamp, by: Author, restricted: z.literal(true) })
  .register(z.globalRegistry, {
    id: 'ClosedJournalEntry',
    description: 'A restricted entry, as someone who may not read it sees it: that it exists, not what it says.',
  });

export const JournalPage = z
  .object({ items: z.array(z.union([JournalEntry, ClosedJournalEntry])), nextCursor: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'JournalPage', description: 'A page of journal entries, newest first by when they happened.' });

export const TimelineItem = z
  .object({
    at: Timestamp,
    kind: z.enum(['journal', 'event']),
    event: z
      .optional(z.string())
      .register(z.globalRegistry, { description: 'What happened, as a code (`plan_agreed`, `intake_triaged`, …).' }),
    summary: z.string().register(z.globalRegistry, {
      description: 'In Dutch words; an entry’s first 200 characters, or nothing when the reader may not read it.',
    }),
    by: z.optional(Author),
    ref: z.object({ type: z.string(), id: z.string() }),
  })
  .register(z.globalRegistry, { id: 'TimelineItem', description: 'A journal entry or a recorded event of the household.' });

export const TimelinePage = z
  .object({ items: z.array(TimelineItem), nextCursor: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'TimelinePage', description: "A page of the household's timeline, newest first." });

/** The answers of the journal function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const journalAnswers = {
  addJournalEntry: JournalEntry,
  correctJournalEntry: JournalEntry,
  listJournal: JournalPage,
  getTimeline: TimelinePage,
} satisfies AnswersOf<(typeof journalRoutes)[number]>;
