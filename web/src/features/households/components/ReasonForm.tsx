import { useState } from 'react';
import { Button, Paragraph, TextareaField } from '../../../components/nlds.tsx';
import { ErrorAlert, inputValue } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import { correctionParamInDutch, useCheckedSubmit } from './corrections.ts';

/**
 * A step that is confirmed with why (a member moved out, a party no longer involved, a consent
 * withdrawn): the form is the confirmation, saying what will happen; the reason is asked, and
 * required unless `optional`; nothing is sent twice.
 */
export function ReasonForm({
  fieldId,
  says,
  reasonLabel,
  hint,
  confirm,
  optional = false,
  send,
  onDone,
  onCancel,
}: {
  fieldId: string;
  /** What will happen, in one sentence (also the form's accessible name). */
  says: string;
  reasonLabel: string;
  hint?: string;
  confirm: string;
  optional?: boolean;
  send: (reason: string) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const { form, submit, error, fieldErrors, edited } = useCheckedSubmit(correctionParamInDutch, {
    check: (): Record<string, string> => (!optional && !reason.trim() ? { reason: t.intake.required } : {}),
    send: () => send(reason.trim()),
    done: onDone,
  });
  return (
    <form ref={form} className="wt-stack" onSubmit={submit} noValidate aria-label={says}>
      <ErrorAlert error={error} ownWords />
      <Paragraph>{says}</Paragraph>
      <TextareaField
        id={fieldId}
        label={reasonLabel}
        description={hint}
        value={reason}
        rows={2}
        maxLength={1000}
        errorMessage={fieldErrors.reason}
        onChange={(e) => {
          setReason(inputValue(e));
          edited('reason');
        }}
      />
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {confirm}
        </Button>
        <Button appearance="subtle-button" onClick={onCancel}>
          {t.corrections.cancel}
        </Button>
      </div>
    </form>
  );
}
