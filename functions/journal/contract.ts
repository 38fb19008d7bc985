import * as z from 'zod/mini';
import { DOSSIER_READERS, TEAM_WORKERS } from '#shared/domain/access.ts';
import { JOURNAL_KINDS, MAX_JOURNAL_TEXT, STORED_JOURNAL_KINDS } from '#shared/domain/journal.ts';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { defineRoute } from '../http/contract.ts';
import { HouseholdParams, Id, ListQuery, Timestamp } from '../http/schemas.ts';

const EntryText = z.string().check(
  z.maxLength(MAX_JOURNAL_TEXT),
  z.refine((text) => text.trim().length > 0, 'must not be empty'),
);

const JournalEntryParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  entryId: z.string().check(z.minLength(1), z.maxLength(100)),
});

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
      at: z.optional(Timestamp).register(z.globalRegistry, { description: 'When it happened (default: now); never in the future.' }),
      about: z
        .optional(z.array(Id).check(z.maxLength(40)))
        .register(z.globalRegistry, { description: 'The members it is about (default: every member).' }),
      domains: z.optional(z.array(z.enum(LIFE_DOMAINS)).check(z.maxLength(LIFE_DOMAINS.length))),
      involvedIds: z.optional(z.array(Id).check(z.maxLength(50))),
      restricted: z.optional(z.boolean()).register(z.globalRegistry, {
        description: 'Only its author, the regisseur and the team leaders may read it (domestic violence, the meldcode).',
      }),
    })
    .register(z.globalRegistry, { id: 'NewJournalEntry', description: 'A journal entry as its author writes it.' }),
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
    .strictObject({ text: EntryText, reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)) })
    .register(z.globalRegistry, { id: 'JournalCorrection', description: 'The corrected text and why.' }),
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
    kind: z.optional(z.enum(STORED_JOURNAL_KINDS)),
    domain: z.optional(z.enum(LIFE_DOMAINS)),
    member: z.optional(Id),
    q: z
      .optional(
        z.string().check(
          z.trim(),
          z.minLength(2),
          z.maxLength(100),
          z.refine((q) => /[\p{L}\p{N}]/u.test(q), 'must hold a letter or a digit'),
        ),
      )
      .register(z.globalRegistry, { description: 'Words the text has words starting with (case and accents do not matter).' }),
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
