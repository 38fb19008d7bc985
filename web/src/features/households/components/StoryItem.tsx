import { type FormEvent, useEffect, useId, useState } from 'react';
import { Button, Heading, Paragraph, TextareaField, TextField } from '../../../components/nlds.tsx';
import { ErrorAlert, inputValue, useProblem } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import { correctJournalEntry, type JournalEntry, type TimelineItem } from '../api.ts';
import { submitOnCtrlEnter } from './JournalForm.tsx';
import { type Entry, focusLater, isReadable, journalParamInDutch, shortened } from './journal.ts';

/** When it happened and who did it: the line under what happened. */
function Meta({ at, by, marks = [] }: { at: string; by?: { name: string } | undefined; marks?: string[] }) {
  return (
    <span className="wt-timeline__meta">
      <time dateTime={at}>{t.dateTime(at)}</time>
      {by && ` · ${by.name}`}
      {marks.map((mark) => ` · ${mark}`).join('')}
    </span>
  );
}

/** A recorded event of the household: its Dutch summary, when, and who. */
export function EventItem({ item }: { item: TimelineItem }) {
  return (
    <li className="wt-timeline__item wt-timeline__item--event">
      <p className="wt-timeline__head">
        <strong>{item.summary}</strong> <Meta at={item.at} by={item.by} />
      </p>
    </li>
  );
}

/**
 * A journal entry on the timeline or in the filtered list: its kind, when, who, and its text (the
 * start of it until opened). A restricted entry the reader may not read says only that it exists.
 * Opened: the whole text, whom and which domains it is about, every correction with the text it
 * replaced, and "Corrigeren" for whoever may correct it. `entry` is the journal's; without it
 * (an entry beyond the journal pages read) the timeline's own summary is shown.
 */
export function EntryItem({
  householdId,
  entry,
  fallback,
  names,
  mayCorrect,
  expanded,
  onToggle,
  onCorrected,
}: {
  householdId: string;
  entry: Entry | undefined;
  fallback?: TimelineItem;
  names: Map<string, string>;
  mayCorrect: (entry: JournalEntry) => boolean;
  expanded: boolean;
  onToggle: () => void;
  onCorrected: (entry: JournalEntry) => void;
}) {
  const id = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const [correcting, setCorrecting] = useState(false);
  const at = entry?.at ?? fallback?.at ?? '';
  const by = entry?.by ?? fallback?.by;
  const full = entry && isReadable(entry) ? entry : undefined;
  const readable = entry ? isReadable(entry) : (fallback?.summary ?? '') !== '';
  const text = full ? (expanded ? full.text : shortened(full.text)) : (fallback?.summary ?? '');
  const marks = [
    ...(full?.restricted ? [t.journal.restrictedMark] : []),
    ...(full && full.corrections.length > 0 ? [t.journal.corrected] : []),
  ];
  const correctId = `corrigeren-${id}`;
  return (
    <li className="wt-timeline__item">
      <p className="wt-timeline__head" id={`kop-${id}`}>
        <strong>{entry ? t.journal.kinds[entry.kind] : t.journal.text}</strong> <Meta at={at} by={by} marks={marks} />
      </p>
      {readable ? (
        <Paragraph className="wt-story">{text}</Paragraph>
      ) : (
        <Paragraph className="wt-timeline__closed">{t.journal.closed}</Paragraph>
      )}
      {full && (
        <div className="wt-actions">
          <Button
            appearance="subtle-button"
            aria-expanded={expanded}
            aria-describedby={`kop-${id}`}
            {...(expanded ? { 'aria-controls': `verslag-${id}` } : {})}
            onClick={onToggle}
          >
            {t.journal.open}
          </Button>
        </div>
      )}
      {full && expanded && (
        <div className="wt-stack wt-timeline__details" id={`verslag-${id}`}>
          <dl className="wt-facts">
            <div>
              <dt>{t.journal.aboutWhom}</dt>
              <dd>{full.about.map((memberId) => names.get(memberId) ?? '—').join(', ') || '—'}</dd>
            </div>
            {full.domains.length > 0 && (
              <div>
                <dt>{t.journal.domains}</dt>
                <dd>{full.domains.map((domain) => t.domains[domain] ?? domain).join(', ')}</dd>
              </div>
            )}
          </dl>
          {full.corrections.length > 0 && (
            <>
              <Heading level={3} appearance={4}>
                {t.journal.corrections}
              </Heading>
              <ol className="wt-timeline__corrections">
                {full.corrections.map((c) => (
                  <li key={`${c.at}-${c.by.userId}`}>
                    <Paragraph className="wt-story">{t.journal.earlier(c.previousText)}</Paragraph>
                    <Paragraph className="wt-timeline__meta">{t.journal.correctedBy(c.by.name, t.dateTime(c.at), c.reason)}</Paragraph>
                  </li>
                ))}
              </ol>
            </>
          )}
          {mayCorrect(full) &&
            (correcting ? (
              <CorrectionForm
                householdId={householdId}
                entry={full}
                onDone={(corrected) => {
                  setCorrecting(false);
                  if (corrected) onCorrected(corrected);
                  focusLater(correctId);
                }}
              />
            ) : (
              <div className="wt-actions">
                <Button id={correctId} aria-describedby={`kop-${id}`} onClick={() => setCorrecting(true)}>
                  {t.journal.correct}
                </Button>
              </div>
            ))}
        </div>
      )}
    </li>
  );
}

/** A correction: the new text and, required, why; the text it replaces stays readable (rule 15). */
function CorrectionForm({
  householdId,
  entry,
  onDone,
}: {
  householdId: string;
  entry: JournalEntry;
  onDone: (corrected?: JournalEntry) => void;
}) {
  const [text, setText] = useState(entry.text);
  const [reason, setReason] = useState('');
  const { error, fieldErrors, setFieldErrors, fail, clear } = useProblem(journalParamInDutch);
  const [saving, setSaving] = useState(false);
  const textId = `veld-correctie-${entry.id}-text`;
  const reasonId = `veld-correctie-${entry.id}-reason`;
  useEffect(() => {
    document.getElementById(textId)?.focus();
  }, [textId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const errors: Record<string, string> = {};
    if (!text.trim()) errors.text = t.journal.empty;
    else if (text.length > 20_000) errors.text = t.journal.tooLong;
    if (!reason.trim()) errors.reason = t.journal.reasonRequired;
    if (Object.keys(errors).length > 0) {
      clear();
      setFieldErrors(errors);
      focusLater(errors.text ? textId : reasonId);
      return;
    }
    setSaving(true);
    try {
      const corrected = await correctJournalEntry(householdId, entry.id, { text, reason: reason.trim() });
      onDone(corrected);
    } catch (caught) {
      const said = fail(caught);
      setSaving(false);
      if (said.text) focusLater(textId);
      else if (said.reason) focusLater(reasonId);
    }
  };

  return (
    <form className="wt-stack wt-journal-form" onSubmit={submit} noValidate aria-label={t.journal.correctHeading}>
      <ErrorAlert error={error} ownWords />
      <TextareaField
        id={textId}
        label={t.journal.newText}
        description={t.journal.correctHint}
        value={text}
        rows={4}
        maxLength={20_000}
        errorMessage={fieldErrors.text}
        onChange={(e) => setText(inputValue(e))}
        onKeyDown={submitOnCtrlEnter}
      />
      <TextField
        id={reasonId}
        label={t.journal.reason}
        value={reason}
        maxLength={1000}
        required
        errorMessage={fieldErrors.reason}
        onChange={(e) => setReason(inputValue(e))}
      />
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.journal.saveCorrection}
        </Button>
        <Button onClick={() => onDone()}>{t.journal.cancel}</Button>
      </div>
    </form>
  );
}
