import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { Button, Choice, ChoiceGroup, SelectField, SelectOption, TextareaField, TextField } from '../../../components/nlds.tsx';
import { ErrorAlert, inputChecked, inputValue, useProblem } from '../../../components/ui.tsx';
import type { Schemas } from '../../../lib/api.ts';
import { t } from '../../../lib/texts.ts';
import { addJournalEntry, type JournalEntry, type JournalKind, type LifeDomainName } from '../api.ts';
import { focusLater, JOURNAL_KINDS, journalParamInDutch } from './journal.ts';

const MAX_TEXT = 20_000;
const TEXT_ID = 'veld-journal-text';
const AT_ID = 'veld-journal-at';

/** The moment now as a `datetime-local` field holds it (the browser's own time zone, to the minute). */
function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

/** Ctrl+Enter (⌘+Enter on a Mac) in a text area sends its form, as in a mail or chat client. */
export function submitOnCtrlEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
}

/**
 * The quick journal entry at the top of the timeline: a kind and what happened, saved with a
 * button or Ctrl+Enter; when it happened (default now), whom and which domains it is about, and
 * whether it is restricted wait behind "more options". The form then empties, keeps the focus in
 * its text for the next entry, and the timeline says it was saved.
 */
export function JournalForm({
  householdId,
  members,
  onSaved,
}: {
  householdId: string;
  members: { id: string; name: string }[];
  onSaved: (entry: JournalEntry) => void;
}) {
  const [kind, setKind] = useState<JournalKind>('conversation');
  const [text, setText] = useState('');
  const [more, setMore] = useState(false);
  const [at, setAt] = useState('');
  const [about, setAbout] = useState<string[]>([]);
  const [domains, setDomains] = useState<LifeDomainName[]>([]);
  const [restricted, setRestricted] = useState(false);
  const { error, fieldErrors, setFieldErrors, fail, clear } = useProblem(journalParamInDutch);
  const saving = useRef(false);

  const check = () => {
    const errors: Record<string, string> = {};
    if (!text.trim()) errors.text = t.journal.empty;
    else if (text.length > MAX_TEXT) errors.text = t.journal.tooLong;
    if (at && Number.isNaN(Date.parse(at))) errors.at = t.journal.invalidAt;
    else if (at && Date.parse(at) > Date.now()) errors.at = t.journal.inFuture;
    return errors;
  };
  /** The first field said to be wrong gets the focus; one behind "more options" opens them first. */
  const showErrors = (errors: Record<string, string>) => {
    if (errors.at || errors.about || errors.domains) setMore(true);
    const first = errors.text
      ? TEXT_ID
      : errors.at
        ? AT_ID
        : errors.about
          ? 'groep-journal-about'
          : errors.domains
            ? 'groep-journal-domains'
            : '';
    if (first) focusLater(first);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving.current) return;
    const errors = check();
    if (Object.keys(errors).length > 0) {
      clear();
      setFieldErrors(errors);
      showErrors(errors);
      return;
    }
    const body: Schemas['NewJournalEntry'] = {
      kind,
      text,
      ...(at ? { at: new Date(at).toISOString() } : {}),
      ...(about.length > 0 ? { about } : {}),
      ...(domains.length > 0 ? { domains } : {}),
      ...(restricted ? { restricted } : {}),
    };
    saving.current = true;
    try {
      const entry = await addJournalEntry(householdId, body);
      clear();
      setKind('conversation');
      setText('');
      setAt('');
      setAbout([]);
      setDomains([]);
      setRestricted(false);
      setMore(false);
      onSaved(entry);
      focusLater(TEXT_ID);
    } catch (caught) {
      showErrors(fail(caught));
    } finally {
      saving.current = false;
    }
  };

  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  return (
    <form className="wt-stack wt-journal-form" onSubmit={submit} noValidate aria-label={t.journal.form}>
      <ErrorAlert error={error} ownWords />
      <SelectField
        id="veld-journal-kind"
        label={t.journal.kind}
        value={kind}
        errorMessage={fieldErrors.kind}
        onChange={(e) => setKind(inputValue(e) as JournalKind)}
      >
        {JOURNAL_KINDS.map((k) => (
          <SelectOption key={k} value={k}>
            {t.journal.kinds[k]}
          </SelectOption>
        ))}
      </SelectField>
      <TextareaField
        id={TEXT_ID}
        label={t.journal.text}
        description={t.journal.textHint}
        value={text}
        rows={4}
        maxLength={MAX_TEXT}
        errorMessage={fieldErrors.text}
        onChange={(e) => {
          setText(inputValue(e));
          if (fieldErrors.text) setFieldErrors(({ text: _fixed, ...rest }) => rest);
        }}
        onKeyDown={submitOnCtrlEnter}
      />
      <details className="wt-more" open={more} onToggle={(e) => setMore(e.currentTarget.open)}>
        <summary>{t.journal.more}</summary>
        <div className="wt-stack">
          <TextField
            id={AT_ID}
            type="datetime-local"
            label={t.journal.at}
            description={t.journal.atHint}
            value={at}
            max={localNow()}
            errorMessage={fieldErrors.at}
            onChange={(e) => setAt(inputValue(e))}
          />
          {members.length > 1 && (
            <ChoiceGroup id="groep-journal-about" legend={t.journal.about} errorMessage={fieldErrors.about}>
              <p className="utrecht-form-field-description">{t.journal.aboutHint}</p>
              {members.map((member) => (
                <Choice
                  key={member.id}
                  type="checkbox"
                  id={`veld-journal-about-${member.id}`}
                  label={member.name}
                  checked={about.includes(member.id)}
                  onChange={(e) => setAbout((all) => toggle(all, member.id, inputChecked(e)))}
                />
              ))}
            </ChoiceGroup>
          )}
          <ChoiceGroup id="groep-journal-domains" legend={t.journal.domains} errorMessage={fieldErrors.domains}>
            <div className="wt-grid">
              {LIFE_DOMAINS.map((domain) => (
                <Choice
                  key={domain}
                  type="checkbox"
                  id={`veld-journal-domain-${domain}`}
                  label={t.domains[domain]}
                  checked={domains.includes(domain)}
                  onChange={(e) => setDomains((all) => toggle(all, domain, inputChecked(e)))}
                />
              ))}
            </div>
          </ChoiceGroup>
          <Choice
            type="checkbox"
            id="veld-journal-restricted"
            label={t.journal.restricted}
            checked={restricted}
            onChange={(e) => setRestricted(inputChecked(e))}
          />
        </div>
      </details>
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.journal.save}
        </Button>
      </div>
    </form>
  );
}
