import { useState } from 'react';
import { ageOn, CONSENT_AGE, DATA_KINDS } from '#shared/domain/consent.ts';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { Button, Choice, ChoiceGroup, SelectField, SelectOption, TextField } from '../../../components/nlds.tsx';
import { ErrorAlert, inputValue, type ParamInDutch } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import { type ConsentInput, type DataKind, type Dossier, type LifeDomainName, recordConsent } from '../api.ts';
import { ChoiceList } from './ChoiceList.tsx';
import { correctionParamInDutch, today, useCheckedSubmit } from './corrections.ts';

export const CONSENT_MEMBER_ID = 'veld-toestemming-member';
const ORGANISATIONS_ID = 'organisaties-netwerk';

/** What the API's invalidParams mean here, in this form's words. */
const inDutch: ParamInDutch = (param) => {
  const field = param.name.split('.')[0] ?? param.name;
  if (field === 'givenBy') return { field, message: t.problems.params.not_gezag_holder };
  if (field === 'validUntil' && param.code === 'too_early') return { field, message: t.consents.validUntilEarly };
  if (field === 'dataKinds') return { field, message: t.consents.chooseKind };
  return correctionParamInDutch({ ...param, name: field });
};

/**
 * A consent recorded (`POST /households/{id}/consents`): whose, for which organisation (the
 * network's are offered), for what, which kinds of data and domains, how and when it was given,
 * until when; a child under 16 through a holder of gezag recorded on them, chosen by name.
 */
export function ConsentForm({
  household,
  onSaved,
  onCancel,
}: {
  household: Dossier;
  onSaved: (name: string, organisation: string) => void;
  onCancel: () => void;
}) {
  const [memberId, setMemberId] = useState(household.members[0]?.id ?? '');
  const [organisation, setOrganisation] = useState('');
  const [purpose, setPurpose] = useState('');
  const [kinds, setKinds] = useState<DataKind[]>([]);
  const [someDomains, setSomeDomains] = useState(false);
  const [domains, setDomains] = useState<LifeDomainName[]>([]);
  const [form, setForm] = useState<ConsentInput['form']>('written');
  const [givenAt, setGivenAt] = useState(today());
  const [givenBy, setGivenBy] = useState('');
  const [validUntil, setValidUntil] = useState('');

  const member = household.members.find((m) => m.id === memberId);
  const child = member !== undefined && givenAt !== '' && ageOn(member.birthDate, givenAt) < CONSENT_AGE;
  const holders = (member?.legalRelations ?? []).filter((r) => r.kind === 'gezag').map((r) => r.holderName);
  const organisations = [...new Set(household.involved.map((p) => p.organisation ?? p.name))];

  const check = () => {
    const errors: Record<string, string> = {};
    if (!organisation.trim()) errors.organisation = t.intake.required;
    if (!purpose.trim()) errors.purpose = t.intake.required;
    if (kinds.length === 0) errors.dataKinds = t.consents.chooseKind;
    if (someDomains && domains.length === 0) errors.domains = t.consents.chooseDomain;
    if (!givenAt) errors.givenAt = t.intake.required;
    else if (givenAt > today()) errors.givenAt = t.intake.inFuture;
    if (validUntil && givenAt && validUntil < givenAt) errors.validUntil = t.consents.validUntilEarly;
    if (child && !holders.includes(givenBy)) errors.givenBy = holders.length === 0 ? t.consents.noHolder : t.intake.required;
    return errors;
  };

  const {
    form: formRef,
    submit,
    error,
    fieldErrors,
    edited,
  } = useCheckedSubmit(inDutch, {
    check,
    send: () =>
      recordConsent(household.id, {
        memberId,
        organisation: organisation.trim(),
        purpose: purpose.trim(),
        dataKinds: kinds,
        ...(someDomains ? { domains } : {}),
        form,
        givenAt,
        ...(child ? { givenBy: { name: givenBy } } : {}),
        ...(validUntil ? { validUntil } : {}),
      }),
    done: (saved) => onSaved(member?.name ?? '', saved.organisation),
  });

  return (
    <form ref={formRef} className="wt-stack" onSubmit={submit} noValidate aria-label={t.consents.recordForm}>
      <ErrorAlert error={error} ownWords />
      <div className="wt-grid">
        <SelectField id={CONSENT_MEMBER_ID} label={t.consents.member} value={memberId} onChange={(e) => setMemberId(inputValue(e))}>
          {household.members.map((m) => (
            <SelectOption key={m.id} value={m.id}>
              {m.name}
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          id="veld-toestemming-organisation"
          label={t.consents.organisation}
          description={t.consents.organisationHint}
          value={organisation}
          maxLength={200}
          autoComplete="off"
          list={ORGANISATIONS_ID}
          errorMessage={fieldErrors.organisation}
          onChange={(e) => {
            setOrganisation(inputValue(e));
            edited('organisation');
          }}
        />
        <datalist id={ORGANISATIONS_ID}>
          {organisations.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <TextField
          id="veld-toestemming-purpose"
          label={t.consents.purpose}
          value={purpose}
          maxLength={1000}
          autoComplete="off"
          errorMessage={fieldErrors.purpose}
          onChange={(e) => {
            setPurpose(inputValue(e));
            edited('purpose');
          }}
        />
        <SelectField
          id="veld-toestemming-form"
          label={t.consents.form}
          value={form}
          onChange={(e) => setForm(inputValue(e) === 'verbal' ? 'verbal' : inputValue(e) === 'digital' ? 'digital' : 'written')}
        >
          {(['written', 'verbal', 'digital'] as const).map((f) => (
            <SelectOption key={f} value={f}>
              {t.consents.forms[f]}
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          id="veld-toestemming-givenAt"
          type="date"
          label={t.consents.givenAt}
          value={givenAt}
          max={today()}
          errorMessage={fieldErrors.givenAt}
          onChange={(e) => {
            setGivenAt(inputValue(e));
            edited('givenAt');
          }}
        />
        <TextField
          id="veld-toestemming-validUntil"
          type="date"
          label={t.consents.validUntil}
          value={validUntil}
          errorMessage={fieldErrors.validUntil}
          onChange={(e) => {
            setValidUntil(inputValue(e));
            edited('validUntil');
          }}
        />
        {child && (
          <SelectField
            id="veld-toestemming-givenBy"
            label={t.consents.givenBy}
            description={t.consents.givenByHint}
            value={givenBy}
            errorMessage={fieldErrors.givenBy}
            onChange={(e) => {
              setGivenBy(inputValue(e));
              edited('givenBy');
            }}
          >
            <SelectOption value="">—</SelectOption>
            {holders.map((h) => (
              <SelectOption key={h} value={h}>
                {h}
              </SelectOption>
            ))}
          </SelectField>
        )}
      </div>
      <ChoiceList
        id="groep-toestemming-kinds"
        legend={t.consents.dataKinds}
        options={DATA_KINDS.map((kind) => ({ value: kind, label: t.consents.kinds[kind] }))}
        chosen={kinds}
        errorMessage={fieldErrors.dataKinds}
        onChange={(chosen) => {
          setKinds(chosen);
          edited('dataKinds');
        }}
      />
      <DomainScope
        id="toestemming"
        some={someDomains}
        onSome={setSomeDomains}
        domains={domains}
        onDomains={(chosen) => {
          setDomains(chosen);
          edited('domains');
        }}
        errorMessage={fieldErrors.domains}
      />
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.consents.save}
        </Button>
        <Button appearance="subtle-button" onClick={onCancel}>
          {t.corrections.cancel}
        </Button>
      </div>
    </form>
  );
}

/** All domains, or only some (then which): a consent's or a disclosure's reach over the life domains. */
export function DomainScope({
  id,
  some,
  onSome,
  domains,
  onDomains,
  errorMessage,
}: {
  id: string;
  some: boolean;
  onSome: (some: boolean) => void;
  domains: LifeDomainName[];
  onDomains: (domains: LifeDomainName[]) => void;
  errorMessage?: string | undefined;
}) {
  return (
    <>
      <ChoiceGroup legend={t.consents.domainScope}>
        <Choice
          type="radio"
          id={`veld-${id}-alle`}
          name={`${id}-domeinen`}
          label={t.consents.allDomains}
          checked={!some}
          onChange={() => onSome(false)}
        />
        <Choice
          type="radio"
          id={`veld-${id}-sommige`}
          name={`${id}-domeinen`}
          label={t.consents.someDomains}
          checked={some}
          onChange={() => onSome(true)}
        />
      </ChoiceGroup>
      {some && (
        <ChoiceList
          id={`groep-${id}-domains`}
          legend={t.consents.someDomains}
          options={LIFE_DOMAINS.map((domain) => ({ value: domain, label: t.domains[domain] ?? domain }))}
          chosen={domains}
          onChange={onDomains}
          errorMessage={errorMessage}
        />
      )}
    </>
  );
}
