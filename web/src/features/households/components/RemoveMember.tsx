import { t } from '../../../lib/texts.ts';
import { type DossierMember, removeMember } from '../api.ts';
import { ReasonForm } from './ReasonForm.tsx';

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
  return (
    <ReasonForm
      fieldId={REMOVE_REASON_ID}
      says={t.corrections.members.removeForm(member.name)}
      reasonLabel={t.corrections.members.removeReason}
      hint={t.corrections.members.removeHint}
      confirm={t.corrections.members.removeConfirm}
      send={(reason) => removeMember(householdId, member.id, reason)}
      onDone={() => onRemoved(member.name)}
      onCancel={onCancel}
    />
  );
}
