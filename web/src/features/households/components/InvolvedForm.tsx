import { useState } from 'react';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { Button, SelectField, SelectOption, TextField } from '../../../components/nlds.tsx';
import { ErrorAlert, inputValue, type ParamInDutch } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import { addInvolved, changeInvolved, type Dossier, type InvolvedInput, type InvolvedParty, type LifeDomainName } from '../api.ts';
import { ChoiceList } from './ChoiceList.tsx';
import { correctionParamInDutch, today, useCheckedSubmit } from './corrections.ts';

export const INVOLVED_NAME_ID = 'veld-betrokkene-name';

/** What the API's invalidParams mean here, in this form's words. */
const inDutch: ParamInDutch = (param) => {
  const field = param.name.split('.')[0] ?? param.name;
  if (field === 'organisation') return { field, message: t.network.organisationRequired };
  if (field === 'phone') return { field, message: t.network.invalidPhone };
  if (field === 'email') return { field, message: t.network.invalidEmail };
  return correctionParamInDutch({ ...param, name: field });
};

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An involved party added (`POST /households/{id}/involved`) or corrected (`PUT …/{involvedId}`):
 * a professional with their organisation, or someone of the household's own circle; whom and
 * which domains they are involved with; checked as the API checks it.
 */
export function InvolvedForm({
  household,
  party,
  onSaved,
  onCancel,
}: {
  household: Dossier;
  /** The party corrected; none: a new one. */
  party?: InvolvedParty | undefined;
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<InvolvedInput['kind']>(party?.kind ?? 'professional');
  const [name, setName] = useState(party?.name ?? '');
  const [organisation, setOrganisation] = useState(party?.organisation ?? '');
  const [role, setRole] = useState(party?.role ?? '');
  const [phone, setPhone] = useState(party?.phone ?? '');
  const [email, setEmail] = useState(party?.email ?? '');
  // A member who moved out since is not among whom the party is involved with any more.
  const [about, setAbout] = useState<string[]>((party?.about ?? []).filter((id) => household.members.some((m) => m.id === id)));
  const [domains, setDomains] = useState<LifeDomainName[]>(party?.domains ?? []);
  const [since, setSince] = useState(party?.since ?? '');

  const check = () => {
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t.intake.required;
    if (kind === 'professional' && !organisation.trim()) errors.organisation = t.network.organisationRequired;
    if (phone.trim() && !PHONE.test(phone.trim())) errors.phone = t.network.invalidPhone;
    if (email.trim() && !EMAIL.test(email.trim())) errors.email = t.network.invalidEmail;
    if (since && since > today()) errors.since = t.intake.inFuture;
    return errors;
  };

  const body = (): InvolvedInput => ({
    kind,
    name: name.trim(),
    ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
    ...(role.trim() ? { role: role.trim() } : {}),
    ...(phone.trim() ? { phone: phone.trim() } : {}),
    ...(email.trim() ? { email: email.trim() } : {}),
    about,
    domains,
    ...(since ? { since } : {}),
  });

  const { form, submit, error, fieldErrors, edited } = useCheckedSubmit(inDutch, {
    check,
    send: () => (party ? changeInvolved(household.id, party.id, body()) : addInvolved(household.id, body())),
    done: (saved) => onSaved(saved.name),
  });

  const text = (id: string, label: string, value: string, set: (v: string) => void, extra: Record<string, unknown> = {}) => (
    <TextField
      id={`veld-betrokkene-${id}`}
      label={label}
      value={value}
      maxLength={200}
      autoComplete="off"
      errorMessage={fieldErrors[id]}
      onChange={(e) => {
        set(inputValue(e));
        edited(id);
      }}
      {...extra}
    />
  );

  return (
    <form
      ref={form}
      className="wt-stack"
      onSubmit={submit}
      noValidate
      aria-label={party ? t.network.editForm(party.name) : t.network.addForm}
    >
      <ErrorAlert error={error} ownWords />
      <div className="wt-grid">
        <SelectField
          id="veld-betrokkene-kind"
          label={t.network.kind}
          value={kind}
          onChange={(e) => setKind(inputValue(e) === 'informal' ? 'informal' : 'professional')}
        >
          <SelectOption value="professional">{t.network.kinds.professional}</SelectOption>
          <SelectOption value="informal">{t.network.kinds.informal}</SelectOption>
        </SelectField>
        {text('name', t.network.name, name, setName, { id: INVOLVED_NAME_ID })}
        {text(
          'organisation',
          kind === 'professional' ? t.network.organisation : `${t.network.organisation} (mag leeg)`,
          organisation,
          setOrganisation,
        )}
        {text('role', t.network.role, role, setRole)}
        {text('phone', t.network.phone, phone, setPhone, { type: 'tel', inputMode: 'tel' })}
        {text('email', t.network.email, email, setEmail, { type: 'email', maxLength: 254 })}
        <TextField
          id="veld-betrokkene-since"
          type="date"
          label={t.network.since}
          value={since}
          max={today()}
          errorMessage={fieldErrors.since}
          onChange={(e) => setSince(inputValue(e))}
        />
      </div>
      <ChoiceList
        id="groep-betrokkene-about"
        legend={t.network.aboutLegend}
        options={household.members.map((m) => ({ value: m.id, label: m.name }))}
        chosen={about}
        onChange={setAbout}
      />
      <ChoiceList
        id="groep-betrokkene-domains"
        legend={t.network.domains}
        options={LIFE_DOMAINS.map((domain) => ({ value: domain, label: t.domains[domain] ?? domain }))}
        chosen={domains}
        onChange={setDomains}
      />
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.network.save}
        </Button>
        <Button appearance="subtle-button" onClick={onCancel}>
          {t.corrections.cancel}
        </Button>
      </div>
    </form>
  );
}
