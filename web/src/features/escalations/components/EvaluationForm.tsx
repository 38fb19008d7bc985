import { useState } from 'react';
import { Button, Choice, TextareaField } from '../../../components/nlds.tsx';
import { inputChecked, inputValue } from '../../../components/ui.tsx';
import type { Schemas } from '../../../lib/api.ts';
import { t } from '../../../lib/texts.ts';

/** The case worker's evaluation of an approved doorbraak: did it resolve the blockage. */
export function EvaluationForm({ onAnswer }: { onAnswer: (body: Schemas['Evaluation']) => Promise<void> }) {
  const [resolved, setResolved] = useState(true);
  const [note, setNote] = useState('');
  return (
    <form
      className="wt-stack"
      aria-label={t.escalations.evaluate}
      onSubmit={(e) => {
        e.preventDefault();
        void onAnswer({ resolved, note });
      }}
    >
      <Choice
        type="checkbox"
        id="veld-resolved"
        label={t.escalations.resolved}
        checked={resolved}
        onChange={(e) => setResolved(inputChecked(e))}
      />
      <TextareaField id="veld-evaluation-note" label={t.escalations.note} value={note} onChange={(e) => setNote(inputValue(e))} />
      <Button appearance="primary-action-button" type="submit">
        {t.escalations.evaluate}
      </Button>
    </form>
  );
}
