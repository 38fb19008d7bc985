import { type FormEvent, useState } from 'react';
import { type Actor, mayCarryCases } from '#shared/domain/access.ts';
import { TRIAGE_OUTCOMES } from '#shared/domain/intake.ts';
import { householdName } from '#shared/domain/names.ts';
import {
  Alert,
  Button,
  Choice,
  ChoiceGroup,
  Heading,
  Paragraph,
  SelectField,
  SelectOption,
  TextareaField,
} from '../../components/nlds.tsx';
import { ErrorAlert, inputValue, Loading, ScreenLink, useLoad, useProblem } from '../../components/ui.tsx';
import type { Schemas } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { getHousehold, getIntake, getRoster, getTeams, triageIntake } from './api.ts';

type Outcome = Schemas['TriageRequest']['outcome'];

/**
 * Triage: who and what (the household by name, the urgency and channel, whether it is known),
 * the four outcomes, each with exactly the fields it needs (api.md), and afterwards to whom. To
 * open: the intake, the rosters and the teams side by side, then the household the intake names
 * (its own team's: the intake says `householdId` only to a reader who may open it).
 */
export function Triage({ intakeId, actor }: { intakeId: string; actor: Actor }) {
  const loaded = useLoad(async () => {
    const [intake, rosters, teams] = await Promise.all([
      getIntake(intakeId),
      Promise.all(actor.teams.map(getRoster)),
      getTeams().then(
        (answer) => answer.items,
        () => [],
      ),
    ]);
    const household = intake.householdId ? await getHousehold(intake.householdId).catch(() => undefined) : undefined;
    const people = new Map(rosters.flat().map((m) => [m.userId, m]));
    const coaches = [...people.values()].filter((m) => mayCarryCases(m.roles));
    return { intake, household, people, coaches, teams };
  }, intakeId);
  const [outcome, setOutcome] = useState<Outcome>();
  const [resolution, setResolution] = useState('');
  const [coachId, setCoachId] = useState('');
  const [complexity, setComplexity] = useState<'simple' | 'complex'>();
  const { error, fieldErrors, setFieldErrors, fail } = useProblem();
  const [triaged, setTriaged] = useState<Schemas['Intake']>();

  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ErrorAlert error={loaded.error} />;
  const { intake, household, people, coaches, teams } = loaded.data;
  const done = triaged ?? (intake.status === 'triaged' ? intake : undefined);
  const teamName = (id: string) => teams.find((team) => team.id === id)?.name ?? t.unnamed;
  const personName = (id: string) => people.get(id)?.name ?? t.escalations.someone;
  const handlingTeam = intake.routedToTeamId ?? household?.teamId ?? intake.teamId;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) {
      setFieldErrors({ outcome: t.intake.required });
      return;
    }
    const body: Schemas['TriageRequest'] = {
      outcome,
      ...(resolution.trim() && (outcome === 'resolved_by_intaker' || outcome === 'referred_external')
        ? { resolution: resolution.trim() }
        : {}),
      ...(outcome === 'referred_to_coach' ? { coachId, ...(complexity ? { complexity } : {}) } : {}),
    };
    try {
      setTriaged(await triageIntake(intakeId, body));
    } catch (caught) {
      fail(caught);
    }
  };

  return (
    <div className="wt-stack">
      <Heading level={1}>{t.triage.title}</Heading>
      {household && (
        <Paragraph>
          {t.triage.household}: {householdName(household)}
        </Paragraph>
      )}
      <Paragraph>{t.triage.urgencyAndChannel(t.intake.urgencies[intake.urgency] ?? '', t.intake.channels[intake.channel] ?? '')}</Paragraph>
      {intake.matchedExistingHousehold && household && (
        <Paragraph>
          {t.triage.known(
            household.regisseur ? (household.regisseur.name ?? t.unnamed) : t.triage.knownNoRegisseur,
            household.plan ? (t.plan.statuses[household.plan.status] ?? '').toLowerCase() : t.triage.knownNoPlan,
          )}
        </Paragraph>
      )}
      <Heading level={2} appearance={4}>
        {t.triage.story}
      </Heading>
      <Paragraph className="wt-story">{intake.question}</Paragraph>
      <Paragraph>{intake.domains.map((d) => t.domains[d]).join(', ')}</Paragraph>
      {done ? (
        <Alert type="ok">
          <Paragraph>
            {t.triage.done}: {t.triage.outcomes[done.triage?.outcome ?? ''] ?? ''}.{' '}
            {done.triage?.coachId && `${t.triage.referredTo(personName(done.triage.coachId), teamName(handlingTeam))} `}
            {done.householdId && <ScreenLink to={`/huishoudens/${done.householdId}`}>{t.dossier.title}</ScreenLink>}
          </Paragraph>
        </Alert>
      ) : (
        <form className="wt-stack" onSubmit={submit} noValidate>
          <ErrorAlert error={error} ownWords />
          <ChoiceGroup legend={t.triage.outcome} errorMessage={fieldErrors.outcome}>
            {TRIAGE_OUTCOMES.map((value) => (
              <Choice
                type="radio"
                key={value}
                id={`uitkomst-${value}`}
                name="outcome"
                value={value}
                label={t.triage.outcomes[value]}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
              />
            ))}
          </ChoiceGroup>
          {(outcome === 'resolved_by_intaker' || outcome === 'referred_external') && (
            <TextareaField
              id="veld-resolution"
              label={t.triage.resolution}
              value={resolution}
              errorMessage={fieldErrors.resolution}
              onChange={(e) => setResolution(inputValue(e))}
            />
          )}
          {outcome === 'referred_to_coach' && (
            <>
              <SelectField
                id="veld-coachId"
                label={t.triage.coach}
                value={coachId}
                onChange={(e) => setCoachId(inputValue(e))}
                errorMessage={fieldErrors.coachId}
              >
                <SelectOption value="">—</SelectOption>
                {coaches.map((coach) => (
                  <SelectOption key={coach.userId} value={coach.userId}>
                    {coach.name ?? t.unnamed}
                  </SelectOption>
                ))}
              </SelectField>
              <ChoiceGroup legend={t.triage.complexity} errorMessage={fieldErrors.complexity}>
                {(['simple', 'complex'] as const).map((value) => (
                  <Choice
                    type="radio"
                    key={value}
                    id={`complexiteit-${value}`}
                    name="complexity"
                    value={value}
                    label={t.triage.complexities[value]}
                    checked={complexity === value}
                    onChange={() => setComplexity(value)}
                  />
                ))}
              </ChoiceGroup>
            </>
          )}
          <div className="wt-actions">
            <Button appearance="primary-action-button" type="submit">
              {t.triage.save}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
