import type { ParamInDutch } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import type { ClosedJournalEntry, JournalEntry, JournalKind, TimelineItem } from '../api.ts';

/** What a professional writes down, in the order the form offers it (the API's kinds; a resident's messages are theirs). */
export const JOURNAL_KINDS = [
  'conversation',
  'home_visit',
  'phone',
  'email',
  'letter',
  'consultation',
  'note',
] as const satisfies readonly JournalKind[];

export type Entry = JournalEntry | ClosedJournalEntry;

/** Whether the reader got the entry itself, or only that it exists (a restricted entry they may not read). */
export const isReadable = (entry: Entry): entry is JournalEntry => 'text' in entry;

/** As long as the timeline's summary of an entry: the start of its text. */
export const SUMMARY_LENGTH = 200;
export const shortened = (text: string) => (text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH).trimEnd()}…` : text);

/** The journal forms' fields, by the API's names: what its invalidParams mean, in the form's words (never the API's English). */
export const journalParamInDutch: ParamInDutch = ({ name, code }) => {
  const field = name.split(/[.[]/)[0] || 'body';
  const message = (() => {
    switch (field) {
      case 'text':
        return code === 'too_big' ? t.journal.tooLong : t.journal.empty;
      case 'reason':
        return code === 'too_big' ? t.journal.reasonTooLong : t.journal.reasonRequired;
      case 'at':
        return code === 'in_future' ? t.journal.inFuture : t.journal.invalidAt;
      case 'about':
        return t.journal.unknownMember;
      case 'domains':
        return t.journal.unknownDomain;
      case 'kind':
        return t.journal.chooseKind;
      default:
        return t.fixFields;
    }
  })();
  return { field, message };
};

/** A timeline item's identity: an entry's id, or an event's code, subject and moment. */
export const itemKey = (item: TimelineItem) =>
  item.kind === 'journal' ? `journal-${item.ref.id}` : `${item.event ?? 'event'}-${item.ref.type}-${item.ref.id}-${item.at}`;

/** A new entry as the timeline lists it: where it belongs by when it happened (newest first), or not yet, when that is beyond the pages shown. */
export function withEntry(items: TimelineItem[], entry: JournalEntry, morePages: boolean): TimelineItem[] {
  const item: TimelineItem = {
    at: entry.at,
    kind: 'journal',
    summary: entry.text.slice(0, SUMMARY_LENGTH),
    by: entry.by,
    ref: { type: 'journal', id: entry.id },
  };
  const rest = items.filter((other) => itemKey(other) !== itemKey(item));
  const at = rest.findIndex((other) => other.at <= entry.at);
  if (at === -1) return morePages ? rest : [...rest, item];
  return [...rest.slice(0, at), item, ...rest.slice(at)];
}

/** Moves the focus to a control by its id, once React has drawn it. */
export const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
