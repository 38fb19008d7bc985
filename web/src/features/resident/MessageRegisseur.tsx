import { useState } from 'react';
import { useCheckedSubmit } from '../../components/forms.ts';
import { Alert, Button, Heading, Paragraph, TextareaField } from '../../components/nlds.tsx';
import { ErrorAlert, inputValue, type ParamInDutch } from '../../components/ui.tsx';
import { t } from '../../lib/texts.ts';
import { type MyHousehold, messageMyRegisseur } from './api.ts';

/** The message's longest length: the API's (POST /me/household/messages takes 1–5000 characters). */
const MAX = 5000;

const paramInDutch: ParamInDutch = () => ({ field: 'text', message: t.resident.message.empty });

/** Bericht aan mijn regisseur: a message that lands in the household's journal, and tells the regisseur. */
export function MessageRegisseur({ household }: { household: MyHousehold }) {
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const { form, submit, error, fieldErrors, edited } = useCheckedSubmit(paramInDutch, {
    check: (): Record<string, string> => {
      if (!text.trim()) return { text: t.resident.message.empty };
      if (text.trim().length > MAX) return { text: t.resident.message.tooLong };
      return {};
    },
    send: () => messageMyRegisseur(text.trim()),
    done: () => {
      setText('');
      setSent(true);
      requestAnimationFrame(() => document.getElementById('verstuurd')?.focus());
    },
  });
  return (
    <div className="wt-stack">
      <Heading level={1}>{t.resident.message.title}</Heading>
      <Paragraph>{t.resident.message.intro(household.regisseur?.name ?? undefined)}</Paragraph>
      {sent && (
        <div id="verstuurd" tabIndex={-1}>
          <Alert type="ok">
            <Paragraph>{t.resident.message.sent}</Paragraph>
          </Alert>
        </div>
      )}
      <form ref={form} className="wt-stack" onSubmit={submit} noValidate aria-label={t.resident.message.title}>
        <ErrorAlert error={error} ownWords />
        <TextareaField
          id="bericht"
          label={t.resident.message.text}
          description={t.resident.message.hint}
          errorMessage={fieldErrors.text}
          rows={8}
          value={text}
          onChange={(event) => {
            setText(inputValue(event));
            setSent(false);
            edited('text');
          }}
        />
        <div>
          <Button type="submit" appearance="primary-action-button">
            {t.resident.message.send}
          </Button>
        </div>
      </form>
    </div>
  );
}
