import { useState } from 'react';
import { Button, Heading, Paragraph, TextareaField } from '../../../components/nlds.tsx';
import { ErrorAlert, inputValue, ScreenLink } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import { closeHousehold, type Dossier } from '../api.ts';
import { closingBlocker, correctionParamInDutch, useCheckedSubmit } from './corrections.ts';
import { focusLater } from './journal.ts';

const START_ID = 'huishouden-afsluiten';
const REASON_ID = 'veld-afsluiten-reden';

/**
 * Closing the household (`POST /households/{id}/close`: its regisseur or a team leader, with a
 * reason, once no plan or doorbraak is open). What the API would refuse is not offered: the one
 * line says why and what comes first. Offered, it asks first: a reason and "Definitief afsluiten".
 */
export function CloseHousehold({ household, directs, onClosed }: { household: Dossier; directs: boolean; onClosed: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const blocker = closingBlocker(household);

  const { form, submit, error, fieldErrors, edited, clear } = useCheckedSubmit(correctionParamInDutch, {
    check: (): Record<string, string> => (reason.trim() ? {} : { reason: t.intake.required }),
    send: () => closeHousehold(household.id, reason.trim()),
    done: onClosed,
  });

  const body = () => {
    if (!directs) return <Paragraph>{t.corrections.close.whoCloses}</Paragraph>;
    if (blocker)
      return (
        <Paragraph>
          <span className="wt-unavailable">{t.corrections.close.start}</span> · {blocker}{' '}
          {household.plan && household.planStatus !== 'closed' && (
            <ScreenLink to={`/huishoudens/${household.id}/plan`}>{t.plan.toPlan}</ScreenLink>
          )}
        </Paragraph>
      );
    if (!confirming)
      return (
        <div className="wt-actions">
          <Button
            id={START_ID}
            onClick={() => {
              setConfirming(true);
              focusLater(REASON_ID);
            }}
          >
            {t.corrections.close.start}
          </Button>
        </div>
      );
    return (
      <form ref={form} className="wt-stack" onSubmit={submit} noValidate aria-label={t.corrections.close.title}>
        <ErrorAlert error={error} ownWords />
        <Paragraph>{t.corrections.close.warning}</Paragraph>
        <TextareaField
          id={REASON_ID}
          label={t.corrections.close.reason}
          description={t.corrections.close.reasonHint}
          value={reason}
          rows={2}
          maxLength={2000}
          errorMessage={fieldErrors.reason}
          onChange={(e) => {
            setReason(inputValue(e));
            edited('reason');
          }}
        />
        <div className="wt-actions">
          <Button appearance="primary-action-button" type="submit">
            {t.corrections.close.confirm}
          </Button>
          <Button
            appearance="subtle-button"
            onClick={() => {
              setConfirming(false);
              clear();
              focusLater(START_ID);
            }}
          >
            {t.corrections.cancel}
          </Button>
        </div>
      </form>
    );
  };

  return (
    <section className="wt-stack" aria-labelledby="kop-afsluiten">
      <Heading level={2} id="kop-afsluiten">
        {t.corrections.close.title}
      </Heading>
      {body()}
    </section>
  );
}
