import { type FormEvent, useRef, useState } from 'react';
import { Button, Paragraph, TextareaField } from '../../../components/nlds.tsx';
import { ErrorAlert, inputValue, useProblem } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import { correctionParamInDutch, useFocusFirstInvalid } from './corrections.ts';

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
  const { error, fieldErrors, setFieldErrors, fail, clear } = useProblem(correctionParamInDutch);
  const { form, focusFirstInvalid } = useFocusFirstInvalid();
  const saving = useRef(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving.current) return;
    if (!optional && !reason.trim()) {
      clear();
      setFieldErrors({ reason: t.intake.required });
      focusFirstInvalid();
      return;
    }
    saving.current = true;
    try {
      await send(reason.trim());
      clear();
      onDone();
    } catch (caught) {
      fail(caught);
      focusFirstInvalid();
    } finally {
      saving.current = false;
    }
  };
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
          if (fieldErrors.reason) setFieldErrors({});
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
