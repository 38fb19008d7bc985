import { useState } from 'react';
import { isValidBsn } from '#shared/domain/bsn.ts';
import { Button, Choice, SelectField, SelectOption, TextField } from '../../../components/nlds.tsx';
import { ErrorAlert, inputChecked, inputValue } from '../../../components/ui.tsx';
import { ApiError } from '../../../lib/api.ts';
import { t } from '../../../lib/texts.ts';
import { addMember, changeMember, type DossierMember, type MemberInput } from '../api.ts';
import { correctionParamInDutch, today, useCheckedSubmit } from './corrections.ts';
import { LegalRelationsFields, type RelationDraft, relationDraft, relationField } from './LegalRelationsFields.tsx';

export const MEMBER_NAME_ID = 'veld-lid-name';
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

/**
 * A member added (`POST /households/{id}/members`) or corrected (`PUT …/members/{memberId}`):
 * name, birth date, BSN (a correction sees only the masked one: left empty it stays), role and
 * legal relations, checked as the API checks them; a BSN another member holds (409) said at the BSN.
 */
export function MemberForm({
  householdId,
  member,
  others,
  onSaved,
  onCancel,
}: {
  householdId: string;
  /** The member corrected; none: a new member. */
  member?: DossierMember | undefined;
  /** The household's other members: the same person twice is not offered. */
  others: DossierMember[];
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(member?.name ?? '');
  const [birthDate, setBirthDate] = useState(member?.birthDate ?? '');
  const [bsn, setBsn] = useState('');
  const [dropBsn, setDropBsn] = useState(false);
  const [role, setRole] = useState<MemberInput['role']>(member?.role ?? 'adult');
  const [relations, setRelations] = useState<RelationDraft[]>((member?.legalRelations ?? []).map(relationDraft));
  /** Whether the member will have no BSN: the API then knows the person by name and birth date. */
  const withoutBsn = !bsn.trim() && (!member?.bsnMasked || dropBsn);

  const check = () => {
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t.intake.required;
    if (!birthDate) errors.birthDate = t.intake.required;
    else if (birthDate > today()) errors.birthDate = t.intake.inFuture;
    if (bsn.trim() && !isValidBsn(bsn.trim())) errors.bsn = t.intake.invalidBsn;
    if (!errors.name && withoutBsn && others.some((o) => !o.bsnMasked && sameName(o.name, name) && o.birthDate === birthDate))
      errors.name = t.corrections.members.samePerson;
    relations.forEach((relation, i) => {
      if (!relation.holderName.trim()) errors[relationField(i, 'holderName')] = t.intake.required;
      if (!relation.since) errors[relationField(i, 'since')] = t.intake.required;
      else if (relation.since > today()) errors[relationField(i, 'since')] = t.intake.inFuture;
    });
    return errors;
  };

  const body = (): MemberInput => ({
    name: name.trim(),
    birthDate,
    role,
    ...(bsn.trim() ? { bsn: bsn.trim() } : dropBsn ? { bsn: null } : {}),
    // A correction replaces the relations (left out: none), so it always sends them.
    legalRelations: relations.map((r) => ({
      kind: r.kind,
      holderName: r.holderName.trim(),
      ...(r.holderOrganisation.trim() ? { holderOrganisation: r.holderOrganisation.trim() } : {}),
      since: r.since,
    })),
  });

  const { form, submit, error, fieldErrors, edited } = useCheckedSubmit(correctionParamInDutch, {
    check,
    send: () => (member ? changeMember(householdId, member.id, body()) : addMember(householdId, body())),
    done: (saved) => onSaved(saved.name),
    // A BSN another member holds: said at the BSN.
    refused: (caught) =>
      caught instanceof ApiError && caught.status === 409 && bsn.trim() ? { bsn: t.corrections.members.bsnTaken } : undefined,
  });

  const label = member ? t.corrections.members.editForm(member.name) : t.corrections.members.addForm;

  return (
    <form ref={form} className="wt-stack" onSubmit={submit} noValidate aria-label={label}>
      <ErrorAlert error={error} ownWords />
      <div className="wt-grid">
        <TextField
          id={MEMBER_NAME_ID}
          label={t.intake.name}
          value={name}
          maxLength={200}
          autoComplete="off"
          errorMessage={fieldErrors.name}
          onChange={(e) => {
            setName(inputValue(e));
            edited('name');
          }}
        />
        <TextField
          id="veld-lid-birthDate"
          type="date"
          label={t.intake.birthDate}
          value={birthDate}
          max={today()}
          errorMessage={fieldErrors.birthDate}
          onChange={(e) => {
            setBirthDate(inputValue(e));
            edited('birthDate');
          }}
        />
        <TextField
          id="veld-lid-bsn"
          label={t.intake.bsn}
          description={member?.bsnMasked ? t.corrections.members.bsnKept(member.bsnMasked) : t.intake.bsnHint}
          value={bsn}
          inputMode="numeric"
          autoComplete="off"
          errorMessage={fieldErrors.bsn}
          onChange={(e) => {
            setBsn(inputValue(e));
            edited('bsn');
          }}
        />
        <SelectField
          id="veld-lid-role"
          label={t.intake.role}
          value={role}
          errorMessage={fieldErrors.role}
          onChange={(e) => setRole(inputValue(e) as MemberInput['role'])}
        >
          {Object.entries(t.intake.memberRoles).map(([value, text]) => (
            <SelectOption key={value} value={value}>
              {text}
            </SelectOption>
          ))}
        </SelectField>
      </div>
      {member?.bsnMasked && !bsn.trim() && (
        <Choice
          type="checkbox"
          id="veld-lid-bsn-verwijderen"
          label={t.corrections.members.bsnRemove}
          checked={dropBsn}
          onChange={(e) => setDropBsn(inputChecked(e))}
        />
      )}
      <LegalRelationsFields relations={relations} onChange={setRelations} errors={fieldErrors} />
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.corrections.members.save}
        </Button>
        <Button appearance="subtle-button" onClick={onCancel}>
          {t.corrections.cancel}
        </Button>
      </div>
    </form>
  );
}
