import { useState } from 'react';
import { householdName } from '#shared/domain/names.ts';
import { Button, Heading, Paragraph } from '../../../components/nlds.tsx';
import { downloadJson, slug } from '../../../lib/download.ts';
import { t } from '../../../lib/texts.ts';
import { type Consent, type Disclosure, type Dossier, type Sharing, withdrawConsent } from '../api.ts';
import { CONSENT_MEMBER_ID, ConsentForm } from './ConsentForm.tsx';
import { type Notice, useOpenForm } from './corrections.ts';
import { type Disclosed, DisclosureForm } from './DisclosureForm.tsx';
import { ReasonForm } from './ReasonForm.tsx';
import { Saved } from './Saved.tsx';

const RECORD_ID = 'toestemming-vastleggen';
const WITHDRAW_REASON_ID = 'veld-toestemming-reden';
const withdrawId = (id: string) => `toestemming-${id}-intrekken`;

const kindsText = (kinds: readonly Consent['dataKinds'][number][]) => kinds.map((k) => t.consents.kinds[k]).join(', ');

/**
 * The dossier's Toestemmingen (v1.2, rule 16): the members' consents, each with its status on this
 * day, withdrawn by the team's wijkcoaches and team leaders with a confirmation; a new consent;
 * a disclosure to a party of the network, offered only where a basis covers it, its package
 * downloadable once given; and what was disclosed before, to whom and on which basis.
 */
export function Consents({
  household,
  sharing,
  corrects,
  onChanged,
}: {
  household: Dossier;
  sharing: Sharing;
  corrects: boolean;
  onChanged: () => void;
}) {
  const form = useOpenForm<'record' | `withdraw:${string}`>();
  const [disclosed, setDisclosed] = useState<{ notice: Notice; value: Disclosed }>();
  const nameOf = (memberId: string) => household.members.find((m) => m.id === memberId)?.name ?? t.unnamed;
  const withdrawing = sharing.consents.find((c) => form.open === `withdraw:${c.id}`);
  const saved = (text: string) => {
    form.done(text);
    onChanged();
  };
  const basisText = (d: Disclosure) =>
    'consentIds' in d.basis
      ? t.disclosures.basisConsent
      : t.disclosures.basisLegal(
          sharing.legalBases.find((entry) => 'processingActivityId' in d.basis && entry.id === d.basis.processingActivityId)?.name ??
            t.disclosures.legal,
        );
  const download = (value: Disclosed) =>
    downloadJson(`verstrekking-${slug(householdName(household))}-${slug(value.to.organisation)}-${value.at.slice(0, 10)}.json`, value);

  return (
    <section className="wt-stack" aria-labelledby="kop-toestemmingen">
      <Heading level={2} id="kop-toestemmingen">
        {t.consents.title}
      </Heading>
      {sharing.consents.length === 0 && <Paragraph>{t.consents.none}</Paragraph>}
      <ul className="wt-stack">
        {sharing.consents.map((c) => (
          <li key={c.id} className="wt-stack">
            <Paragraph>
              <strong>{t.consents.line(nameOf(c.memberId), c.organisation, kindsText(c.dataKinds))}</strong> ·{' '}
              {t.consents.statuses[c.status]}
            </Paragraph>
            <Paragraph>
              {c.purpose} · {t.consents.details(t.consents.forms[c.form], t.date(c.givenAt))}
              {c.givenBy && ` (${c.givenBy.name})`}
              {c.domains && ` · ${t.consents.onlyDomains(c.domains.map((d) => t.domains[d] ?? d).join(', '))}`}
              {c.validUntil && ` · ${t.consents.until(t.date(c.validUntil))}`}
              {c.withdrawnAt && ` · ${t.consents.withdrawnAt(t.date(c.withdrawnAt))}`}
              {c.disclosureCount > 0 && ` · ${t.consents.used(c.disclosureCount)}`}
            </Paragraph>
            {corrects && c.status === 'given' && !form.open && (
              <div className="wt-actions">
                <Button
                  appearance="subtle-button"
                  id={withdrawId(c.id)}
                  onClick={() => form.start(`withdraw:${c.id}`, withdrawId(c.id), WITHDRAW_REASON_ID)}
                >
                  {t.consents.withdraw(nameOf(c.memberId), c.organisation)}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <Saved id="toestemmingen-opgeslagen" notice={form.notice} />
      {corrects && withdrawing && (
        <ReasonForm
          key={withdrawing.id}
          fieldId={WITHDRAW_REASON_ID}
          says={t.consents.withdrawForm(nameOf(withdrawing.memberId), withdrawing.organisation)}
          reasonLabel={t.consents.withdrawReason}
          confirm={t.consents.withdrawConfirm}
          optional
          send={(reason) => withdrawConsent(household.id, withdrawing.id, reason)}
          onDone={() => saved(t.consents.withdrawn(nameOf(withdrawing.memberId), withdrawing.organisation))}
          onCancel={form.cancel}
        />
      )}
      {corrects && form.open === 'record' && (
        <>
          <Heading level={3}>{t.consents.recordForm}</Heading>
          <ConsentForm
            household={household}
            onSaved={(name, organisation) => saved(t.consents.recorded(name, organisation))}
            onCancel={form.cancel}
          />
        </>
      )}
      {corrects && !form.open && (
        <div className="wt-actions">
          <Button id={RECORD_ID} onClick={() => form.start('record', RECORD_ID, CONSENT_MEMBER_ID)}>
            {t.consents.record}
          </Button>
        </div>
      )}
      {corrects && (
        <>
          <Heading level={3}>{t.disclosures.title}</Heading>
          <DisclosureForm
            key={sharing.consents.map((c) => `${c.id}:${c.status}`).join()}
            household={household}
            sharing={sharing}
            onDisclosed={(value) => {
              setDisclosed({ notice: { text: t.disclosures.done(value.to.organisation), at: Date.now() }, value });
              onChanged();
            }}
          />
          {disclosed && (
            <>
              <Saved id="verstrekt" notice={disclosed.notice} />
              <div className="wt-actions">
                <Button appearance="secondary-action-button" onClick={() => download(disclosed.value)}>
                  {t.disclosures.download}
                </Button>
              </div>
            </>
          )}
        </>
      )}
      <Heading level={3}>{t.disclosures.history}</Heading>
      {sharing.disclosures.length === 0 ? (
        <Paragraph>{t.disclosures.none}</Paragraph>
      ) : (
        <ul>
          {sharing.disclosures.map((d) => (
            <li key={d.id}>
              {t.disclosures.line(t.date(d.at), d.to.organisation, kindsText(d.dataKinds), d.memberIds.map(nameOf).join(', '))} ·{' '}
              {basisText(d)}
              {d.note && ` · ${d.note}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
