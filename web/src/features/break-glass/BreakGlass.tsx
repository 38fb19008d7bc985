import { useState } from 'react';
import { type Actor, breaksGlass } from '#shared/domain/access.ts';
import { HOUSE_NUMBER, isDutchPostcode } from '#shared/domain/address.ts';
import { REASON_LENGTH } from '#shared/domain/break-glass.ts';
import { isValidBsn } from '#shared/domain/bsn.ts';
import { useCheckedSubmit } from '../../components/forms.ts';
import { Alert, Button, Choice, ChoiceGroup, Heading, Paragraph, TextareaField, TextField } from '../../components/nlds.tsx';
import { ErrorAlert, inputValue, type ParamInDutch } from '../../components/ui.tsx';
import { ApiError } from '../../lib/api.ts';
import { useRouter } from '../../lib/router.tsx';
import { t } from '../../lib/texts.ts';
import { breakGlass } from './api.ts';

/** The API's fields, in this form's words. */
const paramInDutch: ParamInDutch = ({ name }) => {
  const field = name.split('.').at(-1) ?? name;
  const message =
    field === 'bsn'
      ? t.intake.invalidBsn
      : field === 'postcode'
        ? t.intake.invalidPostcode
        : field === 'houseNumber'
          ? t.intake.invalidHouseNumber
          : field === 'reason'
            ? t.breakGlass.reasonTooShort
            : t.intake.required;
  return { field, message };
};

/**
 * Noodtoegang (v1.2 rule 17): a wijkcoach or teamleider of the interventieteam finds an open
 * household by a member's BSN or by its address, says what is acute, and is taken to its
 * dossier, which says until when the access lasts. What the API would refuse is said at the
 * fields first; a household not found or already within reach is said in Dutch.
 */
export function BreakGlass({ actor, interventieteamId }: { actor: Actor; interventieteamId: string | undefined }) {
  const { navigate } = useRouter();
  const [by, setBy] = useState<'bsn' | 'address'>('bsn');
  const [bsn, setBsn] = useState('');
  const [postcode, setPostcode] = useState('');
  const [houseNumber, setHouseNumber] = useState('');
  const [addition, setAddition] = useState('');
  const [reason, setReason] = useState('');
  const { form, submit, error, fieldErrors, edited } = useCheckedSubmit(paramInDutch, {
    check: () => {
      const errors: Record<string, string> = {};
      if (by === 'bsn' && !isValidBsn(bsn.trim())) errors.bsn = t.intake.invalidBsn;
      if (by === 'address' && !isDutchPostcode(postcode.trim())) errors.postcode = t.intake.invalidPostcode;
      if (by === 'address' && !HOUSE_NUMBER.test(houseNumber.trim())) errors.houseNumber = t.intake.invalidHouseNumber;
      if (reason.trim().length < REASON_LENGTH.min) errors.reason = t.breakGlass.reasonTooShort;
      return errors;
    },
    send: () =>
      breakGlass(
        by === 'bsn'
          ? { bsn: bsn.trim(), reason: reason.trim() }
          : {
              postcode: postcode.replace(/\s/g, '').toUpperCase(),
              houseNumber: houseNumber.trim(),
              ...(addition.trim() ? { houseNumberAddition: addition.trim() } : {}),
              reason: reason.trim(),
            },
      ),
    done: (grant) => navigate(`/huishoudens/${grant.householdId}`),
    // Not found and already reached are said at what was looked up: the BSN, or the postcode.
    refused: (caught): Record<string, string> | undefined => {
      if (!(caught instanceof ApiError) || (caught.status !== 404 && caught.status !== 409)) return undefined;
      const message = caught.status === 404 ? t.breakGlass.notFound : t.breakGlass.alreadyReached;
      return { [by === 'bsn' ? 'bsn' : 'postcode']: message };
    },
  });
  if (!interventieteamId || !breaksGlass(actor, interventieteamId)) {
    return (
      <div className="wt-stack">
        <Heading level={1}>{t.breakGlass.title}</Heading>
        <Alert type="info">
          <Paragraph>{t.breakGlass.onlyInterventieteam}</Paragraph>
        </Alert>
      </div>
    );
  }
  return (
    <form ref={form} className="wt-stack" onSubmit={submit} noValidate aria-labelledby="kop-noodtoegang">
      <Heading level={1} id="kop-noodtoegang">
        {t.breakGlass.title}
      </Heading>
      <Paragraph>{t.breakGlass.intro}</Paragraph>
      <ErrorAlert error={error} ownWords />
      <ChoiceGroup legend={t.breakGlass.findBy}>
        <Choice type="radio" name="zoek" id="zoek-bsn" label={t.breakGlass.byBsn} checked={by === 'bsn'} onChange={() => setBy('bsn')} />
        <Choice
          type="radio"
          name="zoek"
          id="zoek-adres"
          label={t.breakGlass.byAddress}
          checked={by === 'address'}
          onChange={() => setBy('address')}
        />
      </ChoiceGroup>
      {by === 'bsn' ? (
        <TextField
          id="veld-bsn"
          label={t.breakGlass.bsn}
          inputMode="numeric"
          autoComplete="off"
          value={bsn}
          errorMessage={fieldErrors.bsn}
          onChange={(e) => {
            setBsn(inputValue(e));
            edited('bsn');
          }}
        />
      ) : (
        <div className="wt-grid">
          <TextField
            id="veld-postcode"
            label={t.breakGlass.postcode}
            autoComplete="off"
            value={postcode}
            errorMessage={fieldErrors.postcode}
            onChange={(e) => {
              setPostcode(inputValue(e));
              edited('postcode');
            }}
          />
          <TextField
            id="veld-huisnummer"
            label={t.breakGlass.houseNumber}
            inputMode="numeric"
            autoComplete="off"
            value={houseNumber}
            errorMessage={fieldErrors.houseNumber}
            onChange={(e) => {
              setHouseNumber(inputValue(e));
              edited('houseNumber');
            }}
          />
          <TextField
            id="veld-toevoeging"
            label={t.breakGlass.addition}
            autoComplete="off"
            value={addition}
            errorMessage={fieldErrors.houseNumberAddition}
            onChange={(e) => {
              setAddition(inputValue(e));
              edited('houseNumberAddition');
            }}
          />
        </div>
      )}
      <TextareaField
        id="veld-reden"
        label={t.breakGlass.reason}
        description={t.breakGlass.reasonHint}
        rows={3}
        maxLength={REASON_LENGTH.max}
        value={reason}
        errorMessage={fieldErrors.reason}
        onChange={(e) => {
          setReason(inputValue(e));
          edited('reason');
        }}
      />
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.breakGlass.submit}
        </Button>
      </div>
    </form>
  );
}
