import { useEffect, useRef } from 'react';
import { Button, Fieldset, SelectField, SelectOption, TextField } from '../../../components/nlds.tsx';
import { inputValue } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import type { LegalRelation } from '../api.ts';
import { LEGAL_KINDS, today } from './corrections.ts';
import { focusLater } from './journal.ts';

/** A legal relation as the form holds it: every field a string, the organisation empty when none. */
export type RelationDraft = { kind: LegalRelation['kind']; holderName: string; holderOrganisation: string; since: string };

export const relationDraft = (relation?: LegalRelation): RelationDraft => ({
  kind: relation?.kind ?? 'gezag',
  holderName: relation?.holderName ?? '',
  holderOrganisation: relation?.holderOrganisation ?? '',
  since: relation?.since ?? '',
});

/** The API's field name of a relation's field (`legalRelations.0.since`), which the form's errors are keyed by. */
export const relationField = (i: number, field: keyof RelationDraft) => `legalRelations.${i}.${field}`;
const ADD_ID = 'veld-lid-relatie-toevoegen';
const fieldId = (i: number, field: keyof RelationDraft) => `veld-lid-relatie-${i}-${field}`;

/** The member's legal relations in the member form: kind (in Dutch words), holder, organisation, since; added and removed. */
export function LegalRelationsFields({
  relations,
  onChange,
  errors,
}: {
  relations: RelationDraft[];
  onChange: (relations: RelationDraft[]) => void;
  errors: Record<string, string>;
}) {
  // A relation added takes the focus at its kind, where the keyboard goes on.
  const count = useRef(relations.length);
  useEffect(() => {
    if (relations.length > count.current) document.getElementById(fieldId(relations.length - 1, 'kind'))?.focus();
    count.current = relations.length;
  }, [relations.length]);
  const set = (i: number, change: Partial<RelationDraft>) => onChange(relations.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const text = (i: number, field: 'holderName' | 'holderOrganisation' | 'since', label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      id={fieldId(i, field)}
      label={label}
      value={relations[i]?.[field] ?? ''}
      errorMessage={errors[relationField(i, field)]}
      onChange={(e) => set(i, { [field]: inputValue(e) })}
      {...extra}
    />
  );
  return (
    <>
      {relations.map((relation, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: relations have no id; their order is their identity in the form
        <Fieldset key={i} legend={t.corrections.legal.legend(i + 1)}>
          <div className="wt-grid">
            <SelectField
              id={fieldId(i, 'kind')}
              label={t.corrections.legal.kind}
              value={relation.kind}
              errorMessage={errors[relationField(i, 'kind')]}
              onChange={(e) => set(i, { kind: inputValue(e) as RelationDraft['kind'] })}
            >
              {LEGAL_KINDS.map((kind) => (
                <SelectOption key={kind} value={kind}>
                  {t.corrections.legal.kinds[kind]}
                </SelectOption>
              ))}
            </SelectField>
            {text(i, 'holderName', t.corrections.legal.holderName, { autoComplete: 'off', maxLength: 200 })}
            {text(i, 'holderOrganisation', t.corrections.legal.holderOrganisation, { autoComplete: 'organization', maxLength: 200 })}
            {text(i, 'since', t.corrections.legal.since, { type: 'date', max: today() })}
          </div>
          <Button
            appearance="subtle-button"
            onClick={() => {
              onChange(relations.filter((_, j) => j !== i));
              focusLater(ADD_ID);
            }}
          >
            {t.corrections.legal.remove(i + 1)}
          </Button>
        </Fieldset>
      ))}
      <div className="wt-actions">
        <Button id={ADD_ID} onClick={() => onChange([...relations, relationDraft()])}>
          {t.corrections.legal.add}
        </Button>
      </div>
    </>
  );
}
