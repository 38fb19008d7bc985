import { type FormEvent, useEffect, useRef, useState } from 'react';
import { CONTACT_CHANNELS, SIGNAL_OUTCOMES } from '#shared/domain/signal.ts';
import { Alert, Button, Choice, Heading, Paragraph, SelectField, SelectOption, TextareaField, TextField } from '../../components/nlds.tsx';
import { ErrorAlert, inputChecked, inputValue, Loading, ScreenLink, useLoad } from '../../components/ui.tsx';
import type { Schemas } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { addContactAttempt, getRoster, getSignal, recordOutcome, type SignalOutcomeKind } from './api.ts';

type Signal = Schemas['Signal'];
type Attempt = Signal['attempts'][number];

/** The attempts in the order they were made, oldest first (not the order they were recorded in). */
const inTimeOrder = (attempts: Attempt[]) => [...attempts].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

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
  // No outcome chosen for the professional: each is a decision about the household.
  const [outcome, setOutcome] = useState<SignalOutcomeKind | ''>('');
  const [outcomeError, setOutcomeError] = useState<string>();
  const [outcomeNote, setOutcomeNote] = useState('');
  const [error, setError] = useState<unknown>();
  // The outcome field takes the focus once it says what is wrong (after the render that says it).
  const outcomeForm = useRef<HTMLFormElement>(null);
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused > 0) outcomeForm.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused]);
  const current = signal ?? (loaded.data && 'partnerName' in loaded.data ? loaded.data : undefined);
  const teamId = current?.outcome ? current.teamId : '';
  // Who recorded the outcome, by name from the team's roster: never a user id on the screen.
  const roster = useLoad(async () => (teamId ? (await getRoster(teamId)).items : []), teamId);

  if (loaded.loading && !loaded.data) return <Loading />;
  const shown = current;
  if (!shown) return <ErrorAlert error={loaded.error} />;
  const open = !shown.outcome && !shown.attachedTo;

  const recorder = (userId: string) => {
    if (roster.loading) return t.loading;
    if (!roster.data) return t.unnamed;
    const member = roster.data.find((m) => m.userId === userId);
    return member ? (member.name ?? t.unnamed) : t.offRoster;
  };

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
    if (!outcome) {
      setOutcomeError(t.signals.outcomeRequired);
      setRefused((n) => n + 1);
      return;
    }
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
          {inTimeOrder(shown.attempts).map((a) => (
            <li key={a.id}>
              {t.dateTime(a.at)}: {t.signals.channels[a.channel]}, {t.signals.reached.toLowerCase()}:{' '}
              {a.reached ? t.signals.yes : t.signals.no}
              {a.note ? ` (${a.note})` : ''}
            </li>
          ))}
        </ul>
      )}
      {shown.outcome && (
        <section className="wt-stack" aria-labelledby="signaal-uitkomst">
          <Heading level={2} id="signaal-uitkomst">
            {t.signals.outcome}
          </Heading>
          <dl className="wt-grid">
            <div>
              <dt>{t.signals.outcome}</dt>
              <dd>{t.signals.statuses[shown.outcome.outcome]}</dd>
            </div>
            {shown.outcome.note && (
              <div>
                <dt>{t.signals.note}</dt>
                <dd>{shown.outcome.note}</dd>
              </div>
            )}
            <div>
              <dt>{t.signals.recordedBy}</dt>
              <dd>{recorder(shown.outcome.by)}</dd>
            </div>
            <div>
              <dt>{t.signals.recordedAt}</dt>
              <dd>{t.dateTime(shown.outcome.at)}</dd>
            </div>
          </dl>
        </section>
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
          <form ref={outcomeForm} className="wt-stack" onSubmit={saveOutcome} noValidate aria-label={t.signals.saveOutcome}>
            <SelectField
              id="veld-outcome"
              label={t.signals.outcome}
              value={outcome}
              errorMessage={outcomeError}
              onChange={(e) => {
                setOutcome(e.target.value as typeof outcome);
                setOutcomeError(undefined);
              }}
            >
              <SelectOption value="">{t.signals.chooseOutcome}</SelectOption>
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
