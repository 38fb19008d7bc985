import { useState } from 'react';
import { Alert, Button, Heading, Paragraph, TextareaField } from '../../components/nlds.tsx';
import { ErrorAlert, inputValue } from '../../components/ui.tsx';
import { ApiError } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { type MyConsent, type MyHousehold, withdrawMyConsent } from './api.ts';

const kindsInWords = (kinds: readonly string[]) =>
  kinds.map((kind) => t.consents.kinds[kind as keyof typeof t.consents.kinds] ?? kind).join(', ');

/**
 * Toestemmingen: the resident's own consents, each to withdraw (asked once more, with a reason
 * that may stay empty), and what of their data was handed to whom on which basis.
 */
export function MyConsents({ household, onChanged }: { household: MyHousehold; onChanged: () => void }) {
  const [notice, setNotice] = useState<string>();
  return (
    <div className="wt-stack">
      <Heading level={1}>{t.resident.consents.title}</Heading>
      <Paragraph>{t.resident.consents.intro}</Paragraph>
      {notice && (
        <div id="ingetrokken" tabIndex={-1}>
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        </div>
      )}
      {household.consents.length === 0 && <Paragraph>{t.resident.consents.none}</Paragraph>}
      {household.consents.map((consent) => (
        <ConsentCard
          key={consent.id}
          consent={consent}
          onWithdrawn={() => {
            setNotice(t.resident.consents.withdrawn(consent.organisation));
            onChanged();
            requestAnimationFrame(() => document.getElementById('ingetrokken')?.focus());
          }}
        />
      ))}
      <section className="wt-stack" aria-labelledby="kop-gedeeld">
        <Heading level={2} id="kop-gedeeld">
          {t.resident.consents.shared}
        </Heading>
        {household.disclosures.length === 0 ? (
          <Paragraph>{t.resident.consents.sharedNone}</Paragraph>
        ) : (
          <ul>
            {household.disclosures.map((disclosure) => (
              <li key={`${disclosure.at}-${disclosure.to.organisation}`}>
                {t.resident.consents.sharedLine(t.date(disclosure.at), kindsInWords(disclosure.dataKinds), disclosure.to.organisation)} (
                {'consentIds' in disclosure.basis ? t.resident.consents.basisConsent : t.resident.consents.basisLaw})
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ConsentCard({ consent, onWithdrawn }: { consent: MyConsent; onWithdrawn: () => void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const headingId = `kop-toestemming-${consent.id}`;
  const withdraw = async () => {
    setBusy(true);
    try {
      await withdrawMyConsent(consent.id, reason.trim() || undefined);
      setAsking(false);
      onWithdrawn();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="wt-stack" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {consent.organisation}
      </Heading>
      <Paragraph>{t.resident.consents.purpose(consent.purpose)}</Paragraph>
      <Paragraph>{t.resident.consents.kinds(kindsInWords(consent.dataKinds))}</Paragraph>
      <Paragraph>
        {t.resident.consents.given(t.date(consent.givenAt))}
        {consent.validUntil ? ` · ${t.resident.consents.until(t.date(consent.validUntil))}` : ''}
      </Paragraph>
      <Paragraph>
        {t.resident.consents.status(t.consents.statuses[consent.status])}
        {consent.withdrawnAt ? ` · ${t.consents.withdrawnAt(t.date(consent.withdrawnAt))}` : ''}
      </Paragraph>
      {error instanceof ApiError && error.status === 409 ? (
        <Alert type="warning">
          <Paragraph>{t.resident.consents.alreadyWithdrawn}</Paragraph>
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
      {consent.status === 'given' && !asking && (
        <div>
          <Button onClick={() => setAsking(true)}>{t.resident.consents.withdraw(consent.organisation)}</Button>
        </div>
      )}
      {consent.status === 'given' && asking && (
        <div className="wt-stack">
          <Paragraph>{t.resident.consents.withdrawWarning}</Paragraph>
          <TextareaField
            id={`reden-${consent.id}`}
            label={t.resident.consents.withdrawReason}
            value={reason}
            maxLength={1000}
            rows={3}
            onChange={(event) => setReason(inputValue(event))}
            // The question just opened is where the resident goes on.
            autoFocus
          />
          <div className="wt-actions">
            <Button appearance="primary-action-button" disabled={busy} onClick={() => void withdraw()}>
              {t.resident.consents.withdrawConfirm}
            </Button>
            <Button onClick={() => setAsking(false)}>{t.resident.consents.withdrawCancel}</Button>
          </div>
        </div>
      )}
    </section>
  );
}
