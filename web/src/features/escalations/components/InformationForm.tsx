import { useState } from 'react';
import { Button, TextareaField } from '../../../components/nlds.tsx';
import { inputValue } from '../../../components/ui.tsx';
import type { Schemas } from '../../../lib/api.ts';
import { t } from '../../../lib/texts.ts';

/** The submitter's answer when the doorbraakteam asked for more information. */
export function InformationForm({ onAnswer }: { onAnswer: (body: Schemas['Information']) => Promise<void> }) {
  const [information, setInformation] = useState('');
  return (
    <form
      className="wt-stack"
      aria-label={t.escalations.giveInformation}
      onSubmit={(e) => {
        e.preventDefault();
        void onAnswer({ information });
      }}
    >
      <TextareaField
        id="veld-information"
        label={t.escalations.information}
        value={information}
        onChange={(e) => setInformation(inputValue(e))}
      />
      <Button appearance="primary-action-button" type="submit">
        {t.escalations.giveInformation}
      </Button>
    </form>
  );
}
