import { useState } from 'react';
import { Button, Choice, ChoiceGroup, TextareaField, TextField } from '../../../components/nlds.tsx';
import { inputValue } from '../../../components/ui.tsx';
import type { Schemas } from '../../../lib/api.ts';
import { t } from '../../../lib/texts.ts';
import { euros } from '../euros.ts';

/** The doorbraakteam's decision: approve (with the cost approved), reject, or ask the submitter for more. */
export function DecisionForm({ onAnswer }: { onAnswer: (body: Schemas['Decision']) => Promise<void> }) {
  const [decision, setDecision] = useState<Schemas['Decision']['decision']>('approve');
  const [motivation, setMotivation] = useState('');
  const [cost, setCost] = useState('');
  const [costError, setCostError] = useState<string>();
  return (
    <form
      className="wt-stack"
      aria-label={t.escalations.decide}
      onSubmit={(e) => {
        e.preventDefault();
        const money = decision === 'approve' ? euros(cost) : undefined;
        setCostError(money === null ? t.escalations.notAnAmount : undefined);
        if (money === null) return;
        void onAnswer({ decision, motivation, ...(money ? { approvedCost: money } : {}) });
      }}
    >
      <ChoiceGroup legend={t.escalations.decision}>
        {(['approve', 'reject', 'request_info'] as const).map((d) => (
          <Choice
            key={d}
            type="radio"
            name="decision"
            value={d}
            label={t.escalations.decisions[d]}
            checked={decision === d}
            onChange={() => setDecision(d)}
          />
        ))}
      </ChoiceGroup>
      <TextareaField
        id="veld-motivation"
        label={t.escalations.motivation}
        value={motivation}
        onChange={(e) => setMotivation(inputValue(e))}
      />
      {decision === 'approve' && (
        <TextField
          id="veld-approvedCost"
          inputMode="decimal"
          label={t.escalations.approvedCost}
          value={cost}
          errorMessage={costError}
          onChange={(e) => setCost(inputValue(e))}
        />
      )}
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.escalations.decide}
        </Button>
      </div>
    </form>
  );
}
