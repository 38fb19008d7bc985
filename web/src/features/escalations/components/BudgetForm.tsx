import { useState } from 'react';
import { Button, Choice, ChoiceGroup, TextareaField } from '../../../components/nlds.tsx';
import { inputValue } from '../../../components/ui.tsx';
import type { Schemas } from '../../../lib/api.ts';
import { t } from '../../../lib/texts.ts';

/** The budget holder's approval of a decided doorbraak's cost. */
export function BudgetForm({ onAnswer }: { onAnswer: (body: Schemas['BudgetApproval']) => Promise<void> }) {
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [motivation, setMotivation] = useState('');
  return (
    <form
      className="wt-stack"
      aria-label={t.escalations.approveBudget}
      onSubmit={(e) => {
        e.preventDefault();
        void onAnswer({ decision, motivation });
      }}
    >
      <ChoiceGroup legend={t.escalations.budget}>
        {(['approve', 'reject'] as const).map((d) => (
          <Choice
            key={d}
            type="radio"
            name="budget"
            value={d}
            label={t.escalations.budgetDecisions[d]}
            checked={decision === d}
            onChange={() => setDecision(d)}
          />
        ))}
      </ChoiceGroup>
      <TextareaField
        id="veld-budget-motivation"
        label={t.escalations.motivation}
        value={motivation}
        onChange={(e) => setMotivation(inputValue(e))}
      />
      <Button appearance="primary-action-button" type="submit">
        {t.escalations.approveBudget}
      </Button>
    </form>
  );
}
