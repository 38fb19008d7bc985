import { type FormEvent, useState } from 'react';
import { Button, Heading, SelectField, SelectOption, TextareaField, TextField } from '../../components/nlds.tsx';
import { ErrorAlert, inputValue, useProblem } from '../../components/ui.tsx';
import { useRouter } from '../../lib/router.tsx';
import { t } from '../../lib/texts.ts';
import { createEscalation } from './api.ts';
import { euros } from './euros.ts';

/** A coach or team leader asks the doorbraakteam for a tailored exception (POST /households/{id}/escalations). */
export function EscalationRequest({ householdId }: { householdId: string }) {
  const { navigate } = useRouter();
  const [blockage, setBlockage] = useState('');
  const [organisations, setOrganisations] = useState('');
  const [proposal, setProposal] = useState('');
  const [urgency, setUrgency] = useState<'normal' | 'high'>('normal');
  const [cost, setCost] = useState('');
  const { error, fieldErrors: fields, fail, setFieldErrors } = useProblem();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const money = euros(cost);
    // Said at the field in Dutch before anything is sent: the API would only say it in English.
    if (money === null) return setFieldErrors({ 'cost.amount': t.escalations.notAnAmount });
    try {
      const created = await createEscalation(householdId, {
        blockage,
        organisations: organisations
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
        proposal,
        urgency,
        ...(money ? { cost: money } : {}),
      });
      navigate(`/doorbraken/${created.id}`);
    } catch (caught) {
      fail(caught);
    }
  };
  return (
    <form className="wt-stack" onSubmit={submit} noValidate>
      <Heading level={1}>{t.escalations.submit}</Heading>
      <ErrorAlert error={error} ownWords />
      <TextareaField
        id="veld-blockage"
        label={t.escalations.blockage}
        value={blockage}
        errorMessage={fields.blockage}
        onChange={(e) => setBlockage(inputValue(e))}
      />
      <TextField
        id="veld-organisations"
        label={t.escalations.organisations}
        value={organisations}
        errorMessage={fields.organisations}
        onChange={(e) => setOrganisations(inputValue(e))}
      />
      <TextareaField
        id="veld-proposal"
        label={t.escalations.proposal}
        value={proposal}
        errorMessage={fields.proposal}
        onChange={(e) => setProposal(inputValue(e))}
      />
      <SelectField
        id="veld-urgency"
        label={t.escalations.urgency}
        value={urgency}
        onChange={(e) => setUrgency(inputValue(e) as 'normal' | 'high')}
      >
        {(['normal', 'high'] as const).map((u) => (
          <SelectOption key={u} value={u}>
            {t.escalations.urgencies[u]}
          </SelectOption>
        ))}
      </SelectField>
      <TextField
        id="veld-cost"
        inputMode="decimal"
        label={t.escalations.cost}
        value={cost}
        errorMessage={fields['cost.amount']}
        onChange={(e) => setCost(inputValue(e))}
      />
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.escalations.send}
        </Button>
      </div>
    </form>
  );
}
