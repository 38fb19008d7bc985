import { type FormEvent, useState } from 'react';
import { Alert, Button, Paragraph, SelectField, SelectOption } from '../../../components/nlds.tsx';
import { ErrorAlert, inputValue, useProblem } from '../../../components/ui.tsx';
import type { Schemas } from '../../../lib/api.ts';
import { t } from '../../../lib/texts.ts';
import { appointRegisseur } from '../api.ts';

type TeamMember = Schemas['TeamMember'];

/** The team leader appoints the one regisseur: a wijkcoach or team leader on the team's roster. */
export function AppointRegisseur({
  householdId,
  current,
  candidates,
  onAppointed,
}: {
  householdId: string;
  current?: string | undefined;
  candidates: TeamMember[];
  onAppointed: () => void;
}) {
  const [userId, setUserId] = useState('');
  const { error, fieldErrors, setFieldErrors, fail, clear } = useProblem();
  const [appointed, setAppointed] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!userId) {
      setFieldErrors({ userId: t.intake.required });
      return;
    }
    try {
      const household = await appointRegisseur(householdId, userId);
      clear();
      setAppointed(household.regisseur?.name ?? t.unnamed);
      onAppointed();
    } catch (caught) {
      fail(caught);
    }
  };
  return (
    <form className="wt-stack" onSubmit={submit} noValidate aria-label={t.dossier.appoint}>
      <ErrorAlert error={error} />
      {appointed && (
        <Alert type="ok">
          <Paragraph>{t.dossier.appointed(appointed)}</Paragraph>
        </Alert>
      )}
      <SelectField
        id="veld-userId"
        label={t.dossier.appointWho}
        value={userId}
        errorMessage={fieldErrors.userId}
        onChange={(e) => setUserId(inputValue(e))}
      >
        <SelectOption value="">—</SelectOption>
        {candidates
          .filter((m) => m.userId !== current)
          .map((m) => (
            <SelectOption key={m.userId} value={m.userId}>
              {m.name ?? t.unnamed}
            </SelectOption>
          ))}
      </SelectField>
      <div className="wt-actions">
        <Button appearance="secondary-action-button" type="submit">
          {t.dossier.appoint}
        </Button>
      </div>
    </form>
  );
}
