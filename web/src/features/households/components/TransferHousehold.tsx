import { useState } from 'react';
import { Button, Heading, SelectField, SelectOption } from '../../../components/nlds.tsx';
import { ErrorAlert, inputValue } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import { type Dossier, type Team, transferHousehold } from '../api.ts';
import { correctionParamInDutch, useCheckedSubmit } from './corrections.ts';

/**
 * The team leader moves the household to another team (`POST /households/{id}/transfer`): a
 * wijkteam or the interventieteam of the city, picked by name (the API refuses the doorbraakteam
 * and the household's own team, so they are not offered).
 */
export function TransferHousehold({
  household,
  teams,
  onTransferred,
}: {
  household: Dossier;
  teams: Team[];
  onTransferred: (team: Team) => void;
}) {
  const [teamId, setTeamId] = useState('');
  const choices = teams.filter((team) => team.kind !== 'doorbraakteam' && team.id !== household.teamId);

  const chosen = choices.find((c) => c.id === teamId);
  const { form, submit, error, fieldErrors, edited } = useCheckedSubmit(correctionParamInDutch, {
    check: (): Record<string, string> => (chosen ? {} : { teamId: t.corrections.transfer.chooseTeam }),
    // Sent only once a team is chosen (the check above).
    send: async () => {
      if (chosen) await transferHousehold(household.id, chosen.id);
      return chosen;
    },
    done: (team) => team && onTransferred(team),
  });

  return (
    <section className="wt-stack" aria-labelledby="kop-overdragen">
      <Heading level={2} id="kop-overdragen">
        {t.corrections.transfer.title}
      </Heading>
      <form ref={form} className="wt-stack" onSubmit={submit} noValidate aria-label={t.corrections.transfer.title}>
        <ErrorAlert error={error} ownWords />
        <SelectField
          id="veld-overdragen-teamId"
          label={t.corrections.transfer.team}
          description={t.corrections.transfer.hint}
          value={teamId}
          errorMessage={fieldErrors.teamId}
          onChange={(e) => {
            setTeamId(inputValue(e));
            edited('teamId');
          }}
        >
          <SelectOption value="">—</SelectOption>
          {choices.map((team) => (
            <SelectOption key={team.id} value={team.id}>
              {team.name}
            </SelectOption>
          ))}
        </SelectField>
        <div className="wt-actions">
          <Button appearance="secondary-action-button" type="submit">
            {t.corrections.transfer.save}
          </Button>
        </div>
      </form>
    </section>
  );
}
