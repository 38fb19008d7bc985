import { type FormEvent, useRef, useState } from 'react';
import { Button, Paragraph, TextareaField } from '../../../components/nlds.tsx';
import { ErrorAlert, inputValue, useProblem } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import { type DossierMember, removeMember } from '../api.ts';
import { correctionParamInDutch, useFocusFirstInvalid } from './corrections.ts';

export const REMOVE_REASON_ID = 'veld-lid-reden';

/**
 * A member who moved out (`DELETE /households/{id}/members/{memberId}`, with why): the form is the
 * confirmation, naming who leaves; the member is kept under the former members.
 */
export function RemoveMember({
  householdId,
  member,
  onRemoved,
  onCancel,
}: {
  householdId: string;
  member: DossierMember;
  onRemoved: (name: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const { error, fieldErrors, setFieldErrors, fail, clear } = useProblem(correctionParamInDutch);
  const { form, focusFirstInvalid } = useFocusFirstInvalid();
  const saving = useRef(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving.current) return;
    if (!reason.trim()) {
      clear();
      setFieldErrors({ reason: t.intake.required });
      focusFirstInvalid();
      return;
    }
    saving.current = true;
    try {
      await removeMember(householdId, member.id, reason.trim());
      clear();
      onRemoved(member.name);
    } catch (caught) {
      fail(caught);
      focusFirstInvalid();
    } finally {
      saving.current = false;
    }
  };
  return (
    <form ref={form} className="wt-stack" onSubmit={submit} noValidate aria-label={t.corrections.members.removeForm(member.name)}>
      <ErrorAlert error={error} ownWords />
      <Paragraph>{t.corrections.members.removeForm(member.name)}</Paragraph>
      <TextareaField
        id={REMOVE_REASON_ID}
        label={t.corrections.members.removeReason}
        description={t.corrections.members.removeHint}
        value={reason}
        rows={2}
        maxLength={2000}
        errorMessage={fieldErrors.reason}
        onChange={(e) => {
          setReason(inputValue(e));
          if (fieldErrors.reason) setFieldErrors({});
        }}
      />
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.corrections.members.removeConfirm}
        </Button>
        <Button appearance="subtle-button" onClick={onCancel}>
          {t.corrections.cancel}
        </Button>
      </div>
    </form>
  );
}
