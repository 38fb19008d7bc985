import { useState } from 'react';
import { HOUSE_NUMBER, isDutchPostcode } from '#shared/domain/address.ts';
import { postcodeAsWritten } from '#shared/domain/names.ts';
import { Button, Fieldset, TextField } from '../../../components/nlds.tsx';
import { ErrorAlert, inputValue } from '../../../components/ui.tsx';
import { ApiError } from '../../../lib/api.ts';
import { t } from '../../../lib/texts.ts';
import { changeAddress, type Dossier } from '../api.ts';
import { correctionParamInDutch, useCheckedSubmit } from './corrections.ts';

/**
 * Correcting the household's address (`PUT /households/{id}/address`): checked as the API checks
 * it; an address another open household holds (409) is said at the postcode, in Dutch.
 */
export function AddressForm({
  householdId,
  address,
  onSaved,
  onCancel,
}: {
  householdId: string;
  address: Dossier['address'];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [postcode, setPostcode] = useState(postcodeAsWritten(address.postcode));
  const [houseNumber, setHouseNumber] = useState(address.houseNumber);
  const [addition, setAddition] = useState(address.houseNumberAddition ?? '');

  const check = () => {
    const errors: Record<string, string> = {};
    if (!isDutchPostcode(postcode.trim())) errors.postcode = t.intake.invalidPostcode;
    if (!HOUSE_NUMBER.test(houseNumber.trim())) errors.houseNumber = t.intake.invalidHouseNumber;
    if (addition.trim() && !/^[A-Za-z0-9-]{1,6}$/.test(addition.trim())) errors.houseNumberAddition = t.corrections.address.invalidAddition;
    return errors;
  };

  const { form, submit, error, fieldErrors, edited } = useCheckedSubmit(correctionParamInDutch, {
    check,
    send: () =>
      changeAddress(householdId, {
        postcode: postcode.trim(),
        houseNumber: houseNumber.trim(),
        ...(addition.trim() ? { houseNumberAddition: addition.trim() } : {}),
      }),
    done: onSaved,
    // The household is open and within reach (the screen knows): the address belongs to another household.
    refused: (caught) => (caught instanceof ApiError && caught.status === 409 ? { postcode: t.corrections.address.taken } : undefined),
  });

  const field = (name: 'postcode' | 'houseNumber' | 'houseNumberAddition', label: string, value: string, set: (v: string) => void) => (
    <TextField
      id={`veld-adres-${name}`}
      label={label}
      value={value}
      errorMessage={fieldErrors[name]}
      onChange={(e) => {
        set(inputValue(e));
        edited(name);
      }}
      {...(name === 'houseNumber' ? { inputMode: 'numeric' as const } : {})}
      {...(name === 'postcode' ? { autoComplete: 'postal-code' } : {})}
    />
  );

  return (
    <form ref={form} className="wt-stack" onSubmit={submit} noValidate aria-label={t.corrections.address.form}>
      <ErrorAlert error={error} ownWords />
      <Fieldset legend={t.corrections.address.form}>
        <div className="wt-grid">
          {field('postcode', t.intake.postcode, postcode, setPostcode)}
          {field('houseNumber', t.intake.houseNumber, houseNumber, setHouseNumber)}
          {field('houseNumberAddition', t.intake.addition, addition, setAddition)}
        </div>
      </Fieldset>
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.corrections.address.save}
        </Button>
        <Button appearance="subtle-button" onClick={onCancel}>
          {t.corrections.cancel}
        </Button>
      </div>
    </form>
  );
}
