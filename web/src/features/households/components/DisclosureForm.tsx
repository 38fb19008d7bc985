import { type FormEvent, useMemo, useRef, useState } from 'react';
import { consentHolds, DATA_KINDS, type DisclosureScope, receiverOf, sameName, uncoveredBy } from '#shared/domain/consent.ts';
import { Button, Paragraph, SelectField, SelectOption, TextareaField } from '../../../components/nlds.tsx';
import { ErrorAlert, inputValue, useProblem } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import { type DataKind, type Dossier, disclose, type LifeDomainName, type Sharing } from '../api.ts';
import { ChoiceList } from './ChoiceList.tsx';
import { DomainScope } from './ConsentForm.tsx';
import { correctionParamInDutch, today, useFocusFirstInvalid } from './corrections.ts';

export const DISCLOSURE_PARTY_ID = 'veld-verstrekking-party';

export type Disclosed = Awaited<ReturnType<typeof disclose>>;

/**
 * A disclosure (`POST /households/{id}/disclosures`, rule 16): to a party of the network, of some
 * kinds of data of some members. The form asks the same rules as the API (shared/domain/consent.ts):
 * it says which consents cover it, or what no consent covers, and then offers a legal basis of the
 * register; the button is there only while a basis covers everything asked.
 */
export function DisclosureForm({
  household,
  sharing,
  onDisclosed,
}: {
  household: Dossier;
  sharing: Sharing;
  onDisclosed: (disclosed: Disclosed) => void;
}) {
  const parties = household.involved;
  const [partyId, setPartyId] = useState(parties[0]?.id ?? '');
  const party = parties.find((p) => p.id === partyId);
  const [memberIds, setMemberIds] = useState<string[]>(() => defaultMembers(household, parties[0]?.about));
  const [kinds, setKinds] = useState<DataKind[]>(['plan']);
  const [someDomains, setSomeDomains] = useState(false);
  const [domains, setDomains] = useState<LifeDomainName[]>([]);
  const [legal, setLegal] = useState('');
  const [note, setNote] = useState('');
  const { error, fieldErrors, setFieldErrors, fail, clear } = useProblem(correctionParamInDutch);
  const { form, focusFirstInvalid } = useFocusFirstInvalid();
  const saving = useRef(false);

  const receiver = party ? receiverOf(party) : '';
  const scope: DisclosureScope = { dataKinds: kinds, memberIds, ...(someDomains ? { domains } : {}) };
  const day = today();
  // The consents that may serve as its basis: given, begun, not expired, of these members, for this receiver.
  // Only those that cover some part asked: a consent that covers nothing asked is not named (nor counted, nor raced).
  const usable = useMemo(
    () =>
      sharing.consents.filter(
        (c) =>
          consentHolds(c, day) &&
          sameName(c.organisation, receiver) &&
          memberIds.includes(c.memberId) &&
          c.dataKinds.some((kind) => kinds.includes(kind)) &&
          (c.domains === undefined || !someDomains || c.domains.some((d) => domains.includes(d))),
      ),
    [sharing.consents, day, receiver, memberIds, kinds, someDomains, domains],
  );
  const uncovered = uncoveredBy(usable, receiver, scope, day);
  const complete = memberIds.length > 0 && kinds.length > 0 && (!someDomains || domains.length > 0);
  const onConsent = complete && uncovered.length === 0;
  const legalBasis = sharing.legalBases.find((entry) => entry.id === legal);
  const basisHolds = complete && (onConsent || legalBasis !== undefined);
  const nameOf = (memberId: string) => household.members.find((m) => m.id === memberId)?.name ?? t.unnamed;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving.current || !party || !basisHolds) return;
    saving.current = true;
    try {
      const disclosed = await disclose(household.id, {
        involvedId: party.id,
        dataKinds: kinds,
        memberIds,
        ...(someDomains ? { domains } : {}),
        basis: onConsent ? { consentIds: usable.map((c) => c.id) } : { processingActivityId: legalBasis?.id ?? 'disclosure' },
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      clear();
      setNote('');
      onDisclosed(disclosed);
    } catch (caught) {
      fail(caught);
      focusFirstInvalid();
    } finally {
      saving.current = false;
    }
  };

  if (parties.length === 0) return <Paragraph>{t.disclosures.noParties}</Paragraph>;
  return (
    <form ref={form} className="wt-stack" onSubmit={submit} noValidate aria-label={t.disclosures.title}>
      <Paragraph>{t.disclosures.intro}</Paragraph>
      <ErrorAlert error={error} ownWords />
      <SelectField
        id={DISCLOSURE_PARTY_ID}
        label={t.disclosures.to}
        value={partyId}
        onChange={(e) => {
          const next = parties.find((p) => p.id === inputValue(e));
          setPartyId(inputValue(e));
          setMemberIds(defaultMembers(household, next?.about));
          setFieldErrors({});
        }}
      >
        {parties.map((p) => (
          <SelectOption key={p.id} value={p.id}>
            {p.organisation ? `${p.name} (${p.organisation})` : p.name}
          </SelectOption>
        ))}
      </SelectField>
      <ChoiceList
        id="groep-verstrekking-members"
        legend={t.disclosures.members}
        options={household.members.map((m) => ({ value: m.id, label: m.name }))}
        chosen={memberIds}
        onChange={setMemberIds}
        errorMessage={memberIds.length === 0 ? t.disclosures.chooseMember : fieldErrors.memberIds}
      />
      <ChoiceList
        id="groep-verstrekking-kinds"
        legend={t.consents.dataKinds}
        options={DATA_KINDS.map((kind) => ({ value: kind, label: t.consents.kinds[kind] }))}
        chosen={kinds}
        onChange={setKinds}
        errorMessage={kinds.length === 0 ? t.consents.chooseKind : undefined}
      />
      <DomainScope
        id="verstrekking"
        some={someDomains}
        onSome={setSomeDomains}
        domains={domains}
        onDomains={setDomains}
        errorMessage={someDomains && domains.length === 0 ? t.consents.chooseDomain : undefined}
      />
      <div role="status" className="wt-stack">
        {complete && onConsent && (
          <Paragraph>{t.disclosures.covered([...new Set(usable.map((c) => nameOf(c.memberId)))].join(', '))}</Paragraph>
        )}
        {complete && !onConsent && (
          <>
            <Paragraph>{t.disclosures.notCovered}</Paragraph>
            <ul>
              {uncoveredLines(uncovered, nameOf).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {complete && !onConsent && sharing.legalBases.length > 0 && (
        <SelectField
          id="veld-verstrekking-legal"
          label={t.disclosures.legal}
          description={t.disclosures.legalHint}
          value={legal}
          onChange={(e) => setLegal(inputValue(e))}
        >
          <SelectOption value="">{t.disclosures.noLegal}</SelectOption>
          {sharing.legalBases.map((entry) => (
            <SelectOption key={entry.id} value={entry.id}>
              {entry.name}
            </SelectOption>
          ))}
        </SelectField>
      )}
      {basisHolds && !onConsent && legalBasis && (
        <Paragraph>{t.disclosures.onLegal(`${legalBasis.name} (${legalBasis.legalBasis})`)}</Paragraph>
      )}
      {basisHolds && (
        <>
          <TextareaField
            id="veld-verstrekking-note"
            label={t.disclosures.note}
            value={note}
            rows={2}
            maxLength={2000}
            onChange={(e) => setNote(inputValue(e))}
          />
          <div className="wt-actions">
            <Button appearance="primary-action-button" type="submit">
              {t.disclosures.submit}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}

/** A party involved with some members is about them; else the whole household. */
function defaultMembers(household: Dossier, about: readonly string[] | undefined): string[] {
  // A member who moved out since is no longer about whom anything is disclosed.
  const current = (about ?? []).filter((id) => household.members.some((m) => m.id === id));
  return current.length > 0 ? current : household.members.map((m) => m.id);
}

/** What no consent covers, one line per member and kind, its domains named when not all of them are missing. */
function uncoveredLines(uncovered: ReturnType<typeof uncoveredBy>, nameOf: (memberId: string) => string): string[] {
  const byPart = new Map<string, { memberId: string; kind: DataKind; domains: string[] }>();
  for (const part of uncovered) {
    const key = `${part.memberId}/${part.dataKind}`;
    const entry = byPart.get(key) ?? { memberId: part.memberId, kind: part.dataKind, domains: [] };
    if (part.domain) entry.domains.push(t.domains[part.domain] ?? part.domain);
    byPart.set(key, entry);
  }
  return [...byPart.values()].map((part) =>
    t.disclosures.uncovered(nameOf(part.memberId), t.consents.kinds[part.kind], part.domains.length > 3 ? '' : part.domains.join(', ')),
  );
}
