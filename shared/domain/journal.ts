/**
 * The household's journal (v1.2 "The journal"): what happened, in the professional's words.
 * Rule 15: an entry is never deleted or overwritten; a correction keeps the text it replaces,
 * who changed it and why. These are the rules, as plain functions; the journal use case
 * applies them.
 */
import { conflict, type InvalidParam, invalidInput } from '../errors.ts';
import type { LifeDomain } from './life-domains.ts';
import { nameWords } from './names.ts';

/** What a professional writes down; `resident_message` is the resident's own (their view, later), never posted here. */
export const JOURNAL_KINDS = ['conversation', 'home_visit', 'phone', 'email', 'letter', 'consultation', 'note'] as const;
export const STORED_JOURNAL_KINDS = [...JOURNAL_KINDS, 'resident_message'] as const;
export type JournalKind = (typeof STORED_JOURNAL_KINDS)[number];

export const MAX_JOURNAL_TEXT = 20_000;

/** The kinds that are a contact with the household: one of them ends the coach's first-contact task. */
export const CONTACT_KINDS: readonly JournalKind[] = ['conversation', 'home_visit', 'phone', 'email'];
/** A timeline item shows the start of an entry's text. */
export const TIMELINE_SUMMARY_LENGTH = 200;
/** An entry may be dated a little ahead of the server's clock (a laptop's clock drifts), never more. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

export interface Author {
  userId: string;
  name: string;
}

export interface JournalCorrection {
  at: string;
  by: Author;
  previousText: string;
  reason: string;
}

export interface JournalEntry {
  id: string;
  householdId: string;
  kind: JournalKind;
  text: string;
  at: string;
  about: string[];
  domains: LifeDomain[];
  involvedIds: string[];
  restricted: boolean;
  by: Author;
  createdAt: string;
  corrections: JournalCorrection[];
}

export interface NewJournalEntry {
  kind: JournalKind;
  text: string;
  at?: string;
  about?: string[];
  domains?: LifeDomain[];
  involvedIds?: string[];
  restricted?: boolean;
}

/**
 * A new entry, checked against the household: its members are who it may be about (default:
 * every member), its involved parties who it may name, and it happened now or before.
 */
export function journalEntry(
  input: NewJournalEntry,
  household: { id: string; members: { id: string }[]; involved?: { id: string }[] },
  by: Author,
  /** The entry's id, made from when it happened (the journal is kept in that order). */
  idFor: (at: string) => string,
  now: string,
): JournalEntry {
  const problems: InvalidParam[] = [];
  const at = input.at ?? now;
  if (Date.parse(at) > Date.parse(now) + FUTURE_SLACK_MS)
    problems.push({ name: 'at', code: 'in_future', reason: 'must not lie in the future' });
  // An entry's id starts with when it happened, counted from 1970 (shared/ids.ts).
  if (Date.parse(at) < 0) problems.push({ name: 'at', code: 'too_early', reason: 'must not lie before 1970' });
  const members = new Set(household.members.map((m) => m.id));
  (input.about ?? []).forEach((memberId, i) => {
    if (!members.has(memberId)) problems.push({ name: `about[${i}]`, code: 'unknown_member', reason: 'must be a member of the household' });
  });
  const involved = new Set((household.involved ?? []).map((party) => party.id));
  (input.involvedIds ?? []).forEach((involvedId, i) => {
    if (!involved.has(involvedId)) {
      problems.push({ name: `involvedIds[${i}]`, code: 'unknown_involved', reason: 'must be an involved party of the household' });
    }
  });
  if (problems.length > 0) throw invalidInput('The journal entry does not fit the household.', problems);
  const happened = new Date(at).toISOString();
  return {
    id: idFor(happened),
    householdId: household.id,
    kind: input.kind,
    text: input.text,
    at: happened,
    about: input.about && input.about.length > 0 ? [...new Set(input.about)] : household.members.map((m) => m.id),
    domains: [...new Set(input.domains ?? [])],
    involvedIds: [...new Set(input.involvedIds ?? [])],
    restricted: input.restricted ?? false,
    by,
    createdAt: now,
    corrections: [],
  };
}

/**
 * The most an entry with its corrections may hold, in bytes of UTF-8: a DynamoDB item holds at
 * most 400 KB, the keys and the rest of the entry beside it.
 */
export const MAX_ENTRY_BYTES = 350_000;

/** A correction: the new text replaces the current one, which is kept with who replaced it, when and why. */
export function correctedEntry(entry: JournalEntry, correction: { text: string; reason: string }, by: Author, now: string): JournalEntry {
  const corrected = {
    ...entry,
    text: correction.text,
    corrections: [...entry.corrections, { at: now, by, previousText: entry.text, reason: correction.reason }],
  };
  // Every text an entry ever had is kept on it (rule 15): once they fill it, a new entry says what changed.
  if (new TextEncoder().encode(JSON.stringify(corrected)).length > MAX_ENTRY_BYTES) {
    throw conflict('The entry holds as many corrections as it can: write a new entry that says what changed.');
  }
  return corrected;
}

/** An entry as the API shows it (the household is the path's). */
export const journalEntryView = ({ householdId: _household, ...entry }: JournalEntry): Omit<JournalEntry, 'householdId'> => entry;

/** What a reader who may not read a restricted entry sees of it: that it exists, not what it says. */
export interface ClosedEntry {
  id: string;
  kind: JournalKind;
  at: string;
  by: Author;
  restricted: true;
}

export const closedEntry = (entry: JournalEntry): ClosedEntry => ({
  id: entry.id,
  kind: entry.kind,
  at: entry.at,
  by: entry.by,
  restricted: true,
});

/** The words a `q` search matches the start of: as a name search, case and accents do not matter. */
export const searchWords = (text: string): string[] => nameWords(text);

/** Whether every word of the term starts a word of the text. */
export function matchesTerm(text: string, term: string): boolean {
  const wanted = searchWords(term);
  if (wanted.length === 0) return true;
  const words = searchWords(text);
  return wanted.every((w) => words.some((word) => word.startsWith(w)));
}

export interface JournalFilter {
  kind?: JournalKind;
  domain?: LifeDomain;
  member?: string;
  q?: string;
}

/**
 * Whether an entry is listed under the filter. A restricted entry the reader may not read is
 * judged by what they see of it (its kind): it never matches `q`, a domain or a member, or the
 * filters would tell what it is about.
 */
export function matchesFilter(entry: JournalEntry, filter: JournalFilter, readable: boolean): boolean {
  if (filter.kind && entry.kind !== filter.kind) return false;
  const judgedByContent = filter.domain !== undefined || filter.member !== undefined || filter.q !== undefined;
  if (judgedByContent && !readable) return false;
  if (filter.domain && !entry.domains.includes(filter.domain)) return false;
  if (filter.member && !entry.about.includes(filter.member)) return false;
  if (filter.q !== undefined && !matchesTerm(entry.text, filter.q)) return false;
  return true;
}

/** The start of an entry's text, for the timeline (v1.2: its first 200 characters). */
export const summaryOf = (text: string): string => text.slice(0, TIMELINE_SUMMARY_LENGTH);
