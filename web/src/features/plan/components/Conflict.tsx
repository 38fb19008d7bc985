import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Choice, ChoiceGroup, Heading } from '../../../components/nlds.tsx';
import type { Schemas } from '../../../lib/api.ts';
import { t } from '../../../lib/texts.ts';

type Plan = Schemas['Plan'];

/**
 * Someone saved the plan while this person edited it (412): their version, shown where this
 * person is (beside the save button, the focus on the warning), with every field they could have
 * changed, the evaluation date too; saving on top of it keeps this person's goals and actions,
 * and when the evaluation dates differ the person chooses which one stays: never silently theirs
 * or mine.
 */
export function Conflict({
  theirs,
  myEvaluationDate,
  nameOf,
  onKeepMine,
}: {
  theirs: Plan;
  myEvaluationDate: string;
  nameOf: (userId: string) => string | undefined;
  /** Saves this person's version on top of theirs, with the evaluation date chosen. */
  onKeepMine: (evaluationDate: string) => void;
}) {
  const warning = useRef<HTMLDivElement>(null);
  const [choice, setChoice] = useState<'mine' | 'theirs'>();
  const [error, setError] = useState<string>();
  const datesDiffer = theirs.evaluationDate !== myEvaluationDate;
  // Shown, it takes the focus (a newer version of theirs is a new Conflict: see its key in PlanEditor).
  useEffect(() => warning.current?.focus(), []);

  const keepMine = () => {
    if (datesDiffer && !choice) {
      setError(t.plan.chooseEvaluationDate);
      requestAnimationFrame(() => document.getElementById('groep-evaluatiedatum')?.focus());
      return;
    }
    setError(undefined);
    onKeepMine(datesDiffer && choice === 'theirs' ? theirs.evaluationDate : myEvaluationDate);
  };

  return (
    <section className="wt-stack" aria-labelledby="hun-versie">
      <div ref={warning} id="plan-conflict" tabIndex={-1}>
        <Alert type="warning">{t.plan.conflict(nameOf(theirs.updatedBy) ?? t.plan.someone, t.dateTime(theirs.updatedAt))}</Alert>
      </div>
      <Heading level={2} id="hun-versie">
        {t.plan.theirs}
      </Heading>
      <p>{t.plan.theirEvaluationDate(t.date(theirs.evaluationDate))}</p>
      <ul>
        {theirs.goals.map((goal) => (
          <li key={`${goal.domain}-${goal.description}`}>
            {t.domains[goal.domain]}: {goal.description}
            <ul>
              {goal.actions.map((a) => (
                <li key={a.id}>
                  {a.description} ({a.organisation}, {t.date(a.dueDate)}
                  {a.ownerId ? `, ${nameOf(a.ownerId) ?? t.plan.someone}` : ''})
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {datesDiffer && (
        <ChoiceGroup id="groep-evaluatiedatum" legend={t.plan.whichEvaluationDate} errorMessage={error}>
          <Choice
            type="radio"
            name="evaluatiedatum"
            id="evaluatiedatum-mijn"
            label={t.plan.myDate(t.date(myEvaluationDate))}
            checked={choice === 'mine'}
            onChange={() => {
              setChoice('mine');
              setError(undefined);
            }}
          />
          <Choice
            type="radio"
            name="evaluatiedatum"
            id="evaluatiedatum-hun"
            label={t.plan.theirDate(t.date(theirs.evaluationDate))}
            checked={choice === 'theirs'}
            onChange={() => {
              setChoice('theirs');
              setError(undefined);
            }}
          />
        </ChoiceGroup>
      )}
      <div className="wt-actions">
        <Button appearance="primary-action-button" onClick={keepMine}>
          {t.plan.keepMine}
        </Button>
      </div>
    </section>
  );
}
