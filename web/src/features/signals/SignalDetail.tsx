import { type FormEvent, useState } from 'react';
import { CONTACT_CHANNELS, SIGNAL_OUTCOMES } from '#shared/domain/signal.ts';
import { Alert, Button, Choice, Heading, Paragraph, SelectField, SelectOption, TextareaField, TextField } from '../../components/nlds.tsx';
import { ErrorAlert, inputChecked, inputValue, Loading, ScreenLink, useLoad } from '../../components/ui.tsx';
import type { Schemas } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { addContactAttempt, getSignal, recordOutcome } from './api.ts';

type Signal = Schemas['Signal'];

const nowLocal = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** One signal: what the partner sent, the attempts, and the outcome; help accepted leads to the intake's triage. */
export function SignalDetail({ signalId }: { signalId: string }) {
  const loaded = useLoad(() => getSignal(signalId), signalId);
  const [signal, setSignal] = useState<Signal>();
  const [channel, setChannel] = useState<Schemas['NewContactAttempt']['channel']>('visit');
  const [reached, setReached] = useState(false);
  // Until someone picks a moment, the attempt is now (to the second: the field itself shows minutes).
  const [at, setAt] = useState(nowLocal);
  const [atChosen, setAtChosen] = useState(false);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Schemas['SignalOutcome']['outcome']>('help_accepted');
  const [outcomeNote, setOutcomeNote] = useState('');
  const [error, setError] = useState<unknown>();

  if (loaded.loading && !loaded.data) return <Loading />;
  const shown = signal ?? (loaded.data && 'partnerName' in loaded.data ? loaded.data : undefined);
  if (!shown) return <ErrorAlert error={loaded.error} />;
  const open = !shown.outcome && !shown.attachedTo;

  const addAttempt = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const moment = atChosen ? new Date(at).toISOString() : new Date().toISOString();
      const body = { channel, reached, at: moment, ...(note.trim() ? { note: note.trim() } : {}) };
      setSignal(await addContactAttempt(signalId, body));
      setNote('');
    } catch (caught) {
      setError(caught);
    }
  };
  const saveOutcome = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const body = { outcome, ...(outcomeNote.trim() ? { note: outcomeNote.trim() } : {}) };
      setSignal(await recordOutcome(signalId, body));
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div className="wt-stack">
      <Heading level={1}>
        {t.signals.kinds[shown.kind]}: {shown.person?.name ?? `${shown.address.postcode} ${shown.address.houseNumber}`}
      </Heading>
      <dl className="wt-grid">
        <div>
          <dt>{t.signals.partner}</dt>
          <dd>{shown.partnerName}</dd>
        </div>
        <div>
          <dt>{t.signals.arrears}</dt>
          <dd>
            {t.money(shown.arrears.amount)} ({t.signals.since} {t.date(shown.since)})
          </dd>
        </div>
        <div>
          <dt>{t.intake.address}</dt>
          <dd>
            {shown.address.postcode} {shown.address.houseNumber}
            {shown.address.houseNumberAddition ? ` ${shown.address.houseNumberAddition}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t.signals.contact}</dt>
          <dd>{[shown.contact?.phone, shown.contact?.email].filter(Boolean).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t.signals.status}</dt>
          <dd>{t.signals.statuses[shown.status]}</dd>
        </div>
        <div>
          <dt>{t.signals.due}</dt>
          <dd>{t.date(shown.dueDate)}</dd>
        </div>
      </dl>
      {shown.attachedTo && (
        <Alert type="info">
          <Paragraph>
            {t.signals.attachedTo} <ScreenLink to={`/signalen/${shown.attachedTo}`}>{t.signals.title}</ScreenLink>
          </Paragraph>
        </Alert>
      )}
      {shown.attached.length > 0 && (
        <>
          <Heading level={2}>{t.signals.attached}</Heading>
          <ul>
            {shown.attached.map((a) => (
              <li key={a.id}>
                {t.signals.kinds[a.kind]}, {t.money(a.arrears.amount)} ({t.date(a.receivedAt)})
              </li>
            ))}
          </ul>
        </>
      )}
      <Heading level={2}>{t.signals.attempts}</Heading>
      {shown.attempts.length === 0 ? (
        <Paragraph>{t.signals.noAttempts}</Paragraph>
      ) : (
        <ul>
          {shown.attempts.map((a) => (
            <li key={a.id}>
              {t.dateTime(a.at)}: {t.signals.channels[a.channel]}, {t.signals.reached.toLowerCase()}:{' '}
              {a.reached ? t.signals.yes : t.signals.no}
              {a.note ? ` (${a.note})` : ''}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={error} />
      {shown.intakeId && (
        <Alert type="ok">
          <Paragraph>
            {t.signals.intakeCreated} <ScreenLink to={`/aanmeldingen/${shown.intakeId}/triage`}>{t.signals.toIntake}</ScreenLink>
          </Paragraph>
        </Alert>
      )}
      {open && (
        <>
          <form className="wt-stack" onSubmit={addAttempt} aria-label={t.signals.addAttempt}>
            <div className="wt-grid">
              <SelectField
                id="veld-channel"
                label={t.signals.channel}
                value={channel}
                onChange={(e) => setChannel(e.target.value as typeof channel)}
              >
                {CONTACT_CHANNELS.map((c) => (
                  <SelectOption key={c} value={c}>
                    {t.signals.channels[c]}
                  </SelectOption>
                ))}
              </SelectField>
              <TextField
                id="veld-at"
                type="datetime-local"
                label={t.signals.at}
                value={at}
                onChange={(e) => {
                  setAt(inputValue(e));
                  setAtChosen(true);
                }}
              />
            </div>
            <Choice
              type="checkbox"
              id="veld-reached"
              label={t.signals.reached}
              checked={reached}
              onChange={(e) => setReached(inputChecked(e))}
            />
            <TextareaField id="veld-note" label={t.signals.note} value={note} onChange={(e) => setNote(inputValue(e))} />
            <div className="wt-actions">
              <Button appearance="secondary-action-button" type="submit">
                {t.signals.addAttempt}
              </Button>
            </div>
          </form>
          <form className="wt-stack" onSubmit={saveOutcome} aria-label={t.signals.saveOutcome}>
            <SelectField
              id="veld-outcome"
              label={t.signals.outcome}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as typeof outcome)}
            >
              {SIGNAL_OUTCOMES.map((o) => (
                <SelectOption key={o} value={o}>
                  {t.signals.statuses[o]}
                </SelectOption>
              ))}
            </SelectField>
            <TextareaField
              id="veld-outcome-note"
              label={t.signals.note}
              value={outcomeNote}
              onChange={(e) => setOutcomeNote(inputValue(e))}
            />
            <div className="wt-actions">
              <Button appearance="primary-action-button" type="submit">
                {t.signals.saveOutcome}
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
