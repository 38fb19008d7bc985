import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type Actor, isOnTeam } from '#shared/domain/access.ts';
import { HOUSE_NUMBER, isDutchPostcode } from '#shared/domain/address.ts';
import { isValidBsn } from '#shared/domain/bsn.ts';
import { CHANNELS, URGENCIES } from '#shared/domain/intake.ts';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import {
  Alert,
  Button,
  Choice,
  ChoiceGroup,
  Fieldset,
  Heading,
  Paragraph,
  SelectField,
  SelectOption,
  TextareaField,
  TextField,
} from '../../components/nlds.tsx';
import { ErrorAlert, inputChecked, inputValue, useLoad } from '../../components/ui.tsx';
import { ApiError, type InvalidParam, type Schemas } from '../../lib/api.ts';
import { paramInDutch, problemInDutch } from '../../lib/problems.ts';
import { useRouter } from '../../lib/router.tsx';
import { t } from '../../lib/texts.ts';
import { createIntake, getBrpResidents, getTeams } from './api.ts';

type NewIntake = Schemas['NewIntake'];
type Member = { name: string; birthDate: string; bsn: string; role: 'adult' | 'child' };

const today = () => new Date().toISOString().slice(0, 10);
const emptyMember = (): Member => ({ name: '', birthDate: '', bsn: '', role: 'adult' });

/** The field errors this form finds itself, by the API's field names (so the API's own land in the same places). */
/** What the API finds wrong with a field, in the form's own words where it has them (the BSN, the address), else by the code. */
function intakeParamInDutch(param: InvalidParam): string {
  const field = param.name.split('.').at(-1);
  if (field === 'bsn') return t.intake.invalidBsn;
  if (field === 'postcode') return t.intake.invalidPostcode;
  if (field === 'houseNumber') return t.intake.invalidHouseNumber;
  return paramInDutch(param);
}

function check(form: { question: string; domains: string[]; postcode: string; houseNumber: string; members: Member[] }) {
  const errors: Record<string, string> = {};
  if (!form.question.trim()) errors.question = t.intake.required;
  if (form.domains.length === 0) errors.domains = t.intake.chooseDomain;
  if (!isDutchPostcode(form.postcode.trim())) errors['household.address.postcode'] = t.intake.invalidPostcode;
  if (!HOUSE_NUMBER.test(form.houseNumber.trim())) errors['household.address.houseNumber'] = t.intake.invalidHouseNumber;
  form.members.forEach((member, i) => {
    const at = `household.members.${i}`;
    if (!member.name.trim()) errors[`${at}.name`] = t.intake.required;
    if (!member.birthDate) errors[`${at}.birthDate`] = t.intake.required;
    else if (member.birthDate > today()) errors[`${at}.birthDate`] = t.intake.inFuture;
    if (member.bsn && !isValidBsn(member.bsn.trim())) errors[`${at}.bsn`] = t.intake.invalidBsn;
  });
  return errors;
}

/**
 * Aanmelden: a whole intake in one form and one call (POST /intakes), checked as you type with
 * the same rules as the API; the API's invalidParams land at the field they name; then
 * straight to triage.
 */
export function IntakeForm({ actor }: { actor: Actor }) {
  const { navigate } = useRouter();
  const teams = useLoad(getTeams, '');
  const myTeams = (teams.data?.items ?? []).filter((team) => isOnTeam(actor, team.id) && team.kind !== 'doorbraakteam');
  const [teamId, setTeamId] = useState(actor.teams[0] ?? '');
  const [channel, setChannel] = useState<NewIntake['channel']>('walk_in');
  const [urgency, setUrgency] = useState<NewIntake['urgency']>('normal');
  const [question, setQuestion] = useState('');
  const [domains, setDomains] = useState<string[]>([]);
  const [postcode, setPostcode] = useState('');
  const [houseNumber, setHouseNumber] = useState('');
  const [addition, setAddition] = useState('');
  const [members, setMembers] = useState<Member[]>([emptyMember()]);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [brp, setBrp] = useState<{ busy: boolean; said?: string; failed?: boolean }>({ busy: false });
  /**
   * Ophalen uit BRP (v1.2): the people at the address fill the members, each still editable; a
   * member typed already and not found is kept. The BRP down: said at the button, the form goes on by hand.
   */
  const fillFromBrp = async () => {
    const at = { postcode: postcode.trim(), houseNumber: houseNumber.trim() };
    if (!isDutchPostcode(at.postcode) || !HOUSE_NUMBER.test(at.houseNumber)) {
      setTouched((all) => new Set([...all, 'household.address.postcode', 'household.address.houseNumber']));
      setBrp({ busy: false, said: t.intake.fromBrpAddress, failed: true });
      return;
    }
    setBrp({ busy: true });
    try {
      const { items } = await getBrpResidents({ ...at, ...(addition.trim() ? { houseNumberAddition: addition.trim() } : {}) });
      const found: Member[] = items.map((p) => ({ name: p.name, birthDate: p.birthDate ?? '', bsn: p.bsn, role: p.role }));
      setMembers((typed) => {
        const kept = typed.filter((m) => (m.name.trim() || m.bsn.trim()) && !found.some((f) => f.bsn === m.bsn.trim()));
        const all = [...found, ...kept];
        return all.length > 0 ? all : [emptyMember()];
      });
      setBrp({ busy: false, said: items.length > 0 ? t.intake.fromBrpFound(items.length) : t.intake.fromBrpNone });
    } catch (caught) {
      setBrp({ busy: false, said: caught instanceof ApiError ? problemInDutch(caught) : t.error, failed: true });
    }
  };

  const ownErrors = check({ question, domains, postcode, houseNumber, members });
  const errorOf = (name: string) => serverErrors[name] ?? (submitted || touched.has(name) ? ownErrors[name] : undefined);
  const touch = (name: string) => setTouched((s) => new Set(s).add(name));
  const edit = (name: string) => {
    touch(name);
    if (serverErrors[name]) setServerErrors(({ [name]: _gone, ...rest }) => rest);
  };
  // A member added gets the focus on their name, so the keyboard goes on where the eye does.
  const added = useRef(members.length);
  useEffect(() => {
    if (members.length > added.current) document.getElementById(fieldId(`household.members.${members.length - 1}.name`))?.focus();
    added.current = members.length;
  }, [members.length]);
  const setMember = (i: number, change: Partial<Member>) => setMembers((all) => all.map((m, j) => (j === i ? { ...m, ...change } : m)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setError(undefined);
    if (Object.keys(ownErrors).length > 0) {
      focusFirstInvalid();
      return;
    }
    const body: NewIntake = {
      teamId,
      channel,
      urgency,
      question,
      domains: domains as NewIntake['domains'],
      household: {
        address: {
          postcode: postcode.trim(),
          houseNumber: houseNumber.trim(),
          ...(addition.trim() ? { houseNumberAddition: addition.trim() } : {}),
        },
        members: members.map((m) => ({
          name: m.name.trim(),
          birthDate: m.birthDate,
          role: m.role,
          ...(m.bsn.trim() ? { bsn: m.bsn.trim() } : {}),
        })),
      },
    };
    setSaving(true);
    try {
      const intake = await createIntake(body);
      navigate(`/aanmeldingen/${intake.id}/triage`);
    } catch (caught) {
      setSaving(false);
      if (caught instanceof ApiError && caught.status === 400) {
        setServerErrors(caught.fieldErrors(intakeParamInDutch));
        setTimeout(focusFirstInvalid, 0);
      }
      setError(caught);
    }
  };

  const text = (name: string, label: string, value: string, onChange: (v: string) => void, extra: Record<string, unknown> = {}) => (
    <TextField
      id={fieldId(name)}
      name={name}
      label={label}
      value={value}
      errorMessage={errorOf(name)}
      onChange={(e) => {
        onChange(inputValue(e));
        edit(name);
      }}
      {...extra}
    />
  );

  return (
    <form className="wt-stack" onSubmit={submit} noValidate>
      <Heading level={1}>{t.intake.title}</Heading>
      <Paragraph>{t.intake.intro}</Paragraph>
      <ErrorAlert error={error} ownWords />
      <div className="wt-grid">
        <SelectField
          id={fieldId('teamId')}
          label={t.intake.team}
          value={teamId}
          onChange={(e) => setTeamId(inputValue(e))}
          errorMessage={errorOf('teamId')}
        >
          {myTeams.map((team) => (
            <SelectOption key={team.id} value={team.id}>
              {team.name}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField
          id={fieldId('channel')}
          label={t.intake.channel}
          value={channel}
          onChange={(e) => setChannel(e.target.value as NewIntake['channel'])}
        >
          {CHANNELS.map((c) => (
            <SelectOption key={c} value={c}>
              {t.intake.channels[c]}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField
          id={fieldId('urgency')}
          label={t.intake.urgency}
          value={urgency}
          onChange={(e) => setUrgency(e.target.value as NewIntake['urgency'])}
        >
          {URGENCIES.map((u) => (
            <SelectOption key={u} value={u}>
              {t.intake.urgencies[u]}
            </SelectOption>
          ))}
        </SelectField>
      </div>
      <TextareaField
        id={fieldId('question')}
        name="question"
        label={t.intake.story}
        description={t.intake.storyHint}
        value={question}
        rows={5}
        errorMessage={errorOf('question')}
        onChange={(e) => {
          setQuestion(inputValue(e));
          edit('question');
        }}
      />
      <ChoiceGroup id={fieldId('domains')} legend={t.intake.domains} errorMessage={errorOf('domains')}>
        <div className="wt-grid">
          {LIFE_DOMAINS.map((domain) => (
            <Choice
              type="checkbox"
              key={domain}
              id={fieldId(`domain-${domain}`)}
              label={t.domains[domain]}
              value={domain}
              checked={domains.includes(domain)}
              onChange={(e) => {
                setDomains((all) => (inputChecked(e) ? [...all, domain] : all.filter((d) => d !== domain)));
                edit('domains');
              }}
            />
          ))}
        </div>
      </ChoiceGroup>
      <Fieldset legend={t.intake.address}>
        <div className="wt-grid">
          {text('household.address.postcode', t.intake.postcode, postcode, setPostcode, { autoComplete: 'postal-code' })}
          {text('household.address.houseNumber', t.intake.houseNumber, houseNumber, setHouseNumber, { inputMode: 'numeric' })}
          {text('household.address.houseNumberAddition', t.intake.addition, addition, setAddition)}
        </div>
        <div className="wt-actions">
          <Button appearance="secondary-action-button" onClick={() => void fillFromBrp()} disabled={brp.busy} aria-describedby="brp-uitleg">
            {t.intake.fromBrp}
          </Button>
        </div>
        <Paragraph id="brp-uitleg">{t.intake.fromBrpHint}</Paragraph>
        {/* Said where the button is, and read out: what was filled in, or why not. */}
        <div aria-live="polite">
          {brp.said &&
            (brp.failed ? (
              <Alert type="warning">
                <Paragraph>{brp.said}</Paragraph>
              </Alert>
            ) : (
              <Paragraph>{brp.said}</Paragraph>
            ))}
        </div>
      </Fieldset>
      {members.map((member, i) => {
        const at = `household.members.${i}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: members have no id before they are saved; their order is their identity here
          <Fieldset key={i} legend={t.intake.member(i + 1)}>
            <div className="wt-grid">
              {text(`${at}.name`, t.intake.name, member.name, (name) => setMember(i, { name }), { autoComplete: 'off' })}
              {text(`${at}.birthDate`, t.intake.birthDate, member.birthDate, (birthDate) => setMember(i, { birthDate }), {
                type: 'date',
                max: today(),
              })}
              {text(`${at}.bsn`, t.intake.bsn, member.bsn, (bsn) => setMember(i, { bsn }), {
                inputMode: 'numeric',
                description: t.intake.bsnHint,
                autoComplete: 'off',
              })}
              <SelectField
                id={fieldId(`${at}.role`)}
                label={t.intake.role}
                value={member.role}
                onChange={(e) => setMember(i, { role: e.target.value as Member['role'] })}
              >
                {Object.entries(t.intake.memberRoles).map(([role, label]) => (
                  <SelectOption key={role} value={role}>
                    {label}
                  </SelectOption>
                ))}
              </SelectField>
            </div>
            {members.length > 1 && (
              <Button appearance="subtle-button" onClick={() => setMembers((all) => all.filter((_, j) => j !== i))}>
                {t.intake.removeMember(i + 1)}
              </Button>
            )}
          </Fieldset>
        );
      })}
      <div className="wt-actions">
        <Button appearance="secondary-action-button" onClick={() => setMembers((all) => [...all, emptyMember()])}>
          {t.intake.addMember}
        </Button>
        <Button appearance="primary-action-button" type="submit" disabled={saving}>
          {t.intake.save}
        </Button>
        {saving && <span aria-live="polite">{t.saving}</span>}
      </div>
    </form>
  );
}

/** A field's element id from its API name (`household.members.0.bsn` → `veld-household-members-0-bsn`). */
const fieldId = (name: string) => `veld-${name.replace(/\./g, '-')}`;

function focusFirstInvalid() {
  const invalid = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
  invalid?.focus();
}
