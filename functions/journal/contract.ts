import * as z from 'zod';
import { DOSSIER_READERS, TEAM_WORKERS } from '#shared/domain/access.ts';
import { JOURNAL_KINDS, MAX_JOURNAL_TEXT, STORED_JOURNAL_KINDS } from '#shared/domain/journal.ts';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { defineRoute } from '../http/contract.ts';
import { HouseholdParams, Id, ListQuery, Timestamp } from '../http/schemas.ts';

const EntryText = z
  .string()
  .max(MAX_JOURNAL_TEXT)
  .refine((text) => text.trim().length > 0, 'must not be empty');

const JournalEntryParams = z.object({ id: z.string().min(1).max(100), entryId: z.string().min(1).max(100) });

export const addJournalEntryRoute = defineRoute({
  operationId: 'addJournalEntry',
  method: 'POST',
  path: '/households/{id}/journal',
  fn: 'journal',
  summary: 'Write down what happened: a conversation, a home visit, a call, a note',
  tag: 'Journal',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'recording case work',
  processingActivity: 'journal',
  params: HouseholdParams,
  body: z
    .strictObject({
      kind: z.enum(JOURNAL_KINDS),
      text: EntryText,
      at: Timestamp.optional().meta({ description: 'When it happened (default: now); never in the future.' }),
      about: z.array(Id).max(40).optional().meta({ description: 'The members it is about (default: every member).' }),
      domains: z.array(z.enum(LIFE_DOMAINS)).max(LIFE_DOMAINS.length).optional(),
      involvedIds: z.array(Id).max(50).optional(),
      restricted: z
        .boolean()
        .optional()
        .meta({ description: 'Only its author, the regisseur and the team leaders may read it (domestic violence, the meldcode).' }),
    })
    .meta({ id: 'NewJournalEntry', description: 'A journal entry as its author writes it.' }),
  success: {
    status: 201,
    description: 'The entry.',
    headers: { Location: "The household's journal, where the new entry is listed by when it happened." },
  },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'],
});

export const correctJournalEntryRoute = defineRoute({
  operationId: 'correctJournalEntry',
  method: 'POST',
  path: '/households/{id}/journal/{entryId}/corrections',
  fn: 'journal',
  summary: 'Correct a journal entry; the text it replaces is kept',
  tag: 'Journal',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'recording case work',
  processingActivity: 'journal',
  params: JournalEntryParams,
  body: z
    .strictObject({ text: EntryText, reason: z.string().trim().min(1).max(1000) })
    .meta({ id: 'JournalCorrection', description: 'The corrected text and why.' }),
  success: { status: 200, description: 'The entry, corrected, with every earlier text.' },
  errors: ['invalid_input', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'payload_too_large'],
});

export const listJournalRoute = defineRoute({
  operationId: 'listJournal',
  method: 'GET',
  path: '/households/{id}/journal',
  fn: 'journal',
  summary: "The household's journal, newest first",
  tag: 'Journal',
  auth: 'jwt',
  roles: DOSSIER_READERS,
  purpose: 'case work on a household',
  processingActivity: 'journal',
  params: HouseholdParams,
  query: z.object({
    kind: z.enum(STORED_JOURNAL_KINDS).optional(),
    domain: z.enum(LIFE_DOMAINS).optional(),
    member: Id.optional(),
    q: z
      .string()
      .trim()
      .min(2)
      .max(100)
      .refine((q) => /[\p{L}\p{N}]/u.test(q), 'must hold a letter or a digit')
      .optional()
      .meta({ description: 'Words the text has words starting with (case and accents do not matter).' }),
    ...ListQuery,
  }),
  success: {
    status: 200,
    description: 'A page of entries (a filtered page may hold fewer than `limit`: follow `nextCursor`).',
  },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const timelineRoute = defineRoute({
  operationId: 'getTimeline',
  method: 'GET',
  path: '/households/{id}/timeline',
  fn: 'journal',
  summary: "The household's story: its journal and every recorded event, newest first",
  tag: 'Journal',
  auth: 'jwt',
  roles: DOSSIER_READERS,
  purpose: 'case work on a household',
  processingActivity: 'journal',
  params: HouseholdParams,
  query: z.object(ListQuery),
  success: { status: 200, description: 'A page of the timeline.' },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const journalRoutes = [addJournalEntryRoute, correctJournalEntryRoute, listJournalRoute, timelineRoute];
