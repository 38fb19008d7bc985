import { Button, Heading, Paragraph } from '../../../components/nlds.tsx';
import { t } from '../../../lib/texts.ts';
import { type Dossier, endInvolved, type InvolvedParty } from '../api.ts';
import { useOpenForm } from './corrections.ts';
import { INVOLVED_NAME_ID, InvolvedForm } from './InvolvedForm.tsx';
import { ReasonForm } from './ReasonForm.tsx';
import { Saved } from './Saved.tsx';

const ADD_ID = 'betrokkene-toevoegen';
const END_REASON_ID = 'veld-betrokkene-reden';
const editId = (id: string) => `betrokkene-${id}-wijzigen`;
const endId = (id: string) => `betrokkene-${id}-einde`;

/** Whom a party is involved with, by name: some members, or the household as a whole. */
function aboutText(party: InvolvedParty, household: Dossier): string {
  const names = party.about.flatMap((id) => household.members.find((m) => m.id === id)?.name ?? []);
  return names.length > 0 ? names.join(', ') : t.network.wholeHousehold;
}

/** The plan's actions this party does (v1.2: an action names who of the network does it). */
const actionsOf = (party: InvolvedParty, household: Dossier) =>
  (household.plan?.byNetwork ?? []).filter((action) => action.involvedId === party.id);

/**
 * The dossier's Netwerk (v1.2): who else is involved with the household, professionals of other
 * organisations and the household's own circle, with whom and what they do in the plan; for the
 * team's wijkcoaches and team leaders (`corrects`) one form at a time to add, correct or end one.
 */
export function Network({ household, corrects, onChanged }: { household: Dossier; corrects: boolean; onChanged: () => void }) {
  const form = useOpenForm<'add' | `edit:${string}` | `end:${string}`>();
  const parties = household.involved;
  const editing = parties.find((p) => form.open === `edit:${p.id}`);
  const ending = parties.find((p) => form.open === `end:${p.id}`);
  const saved = (text: string) => {
    form.done(text);
    onChanged();
  };
  return (
    <section className="wt-stack" aria-labelledby="kop-netwerk">
      <Heading level={2} id="kop-netwerk">
        {t.network.title}
      </Heading>
      {parties.length === 0 && <Paragraph>{t.network.none}</Paragraph>}
      <ul className="wt-stack wt-plain-list">
        {parties.map((party) => {
          const actions = actionsOf(party, household);
          return (
            <li key={party.id} className="wt-stack">
              <Paragraph>
                <strong>{party.name}</strong> ({t.network.kindShort[party.kind]}){party.organisation && ` · ${party.organisation}`}
                {party.role && ` · ${party.role}`}
              </Paragraph>
              <Paragraph>
                {t.network.about}: {aboutText(party, household)}
                {party.domains.length > 0 && ` · ${party.domains.map((d) => t.domains[d] ?? d).join(', ')}`}
                {party.since && ` · ${t.network.sinceShown(t.date(party.since))}`}
              </Paragraph>
              {(party.phone || party.email) && (
                <Paragraph>
                  {party.phone && <a href={`tel:${party.phone.replace(/[^+0-9]/g, '')}`}>{party.phone}</a>}
                  {party.phone && party.email && ' · '}
                  {party.email && <a href={`mailto:${party.email}`}>{party.email}</a>}
                </Paragraph>
              )}
              {actions.length > 0 && (
                <Paragraph>
                  {t.network.does}: {actions.map((a) => a.description).join('; ')}
                </Paragraph>
              )}
              {corrects && (
                <div className="wt-actions">
                  <Button
                    appearance="subtle-button"
                    id={editId(party.id)}
                    onClick={() => form.start(`edit:${party.id}`, editId(party.id), INVOLVED_NAME_ID)}
                  >
                    {t.network.edit(party.name)}
                  </Button>
                  <Button
                    appearance="subtle-button"
                    id={endId(party.id)}
                    onClick={() => form.start(`end:${party.id}`, endId(party.id), END_REASON_ID)}
                  >
                    {t.network.end(party.name)}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <Saved id="netwerk-opgeslagen" notice={form.notice} />
      {corrects && form.open === 'add' && (
        <>
          <Heading level={3}>{t.network.addForm}</Heading>
          <InvolvedForm household={household} onSaved={(name) => saved(t.network.added(name))} onCancel={form.cancel} />
        </>
      )}
      {corrects && editing && (
        <>
          <Heading level={3}>{t.network.editForm(editing.name)}</Heading>
          <InvolvedForm
            key={editing.id}
            household={household}
            party={editing}
            onSaved={(name) => saved(t.network.changed(name))}
            onCancel={form.cancel}
          />
        </>
      )}
      {corrects && ending && (
        <ReasonForm
          key={ending.id}
          fieldId={END_REASON_ID}
          says={t.network.endForm(ending.name)}
          reasonLabel={t.network.endReason}
          hint={t.network.endHint}
          confirm={t.network.endConfirm}
          send={(reason) => endInvolved(household.id, ending.id, reason)}
          onDone={() => saved(t.network.ended(ending.name))}
          onCancel={form.cancel}
        />
      )}
      {corrects && !form.open && (
        <div className="wt-actions">
          <Button id={ADD_ID} onClick={() => form.start('add', ADD_ID, INVOLVED_NAME_ID)}>
            {t.network.add}
          </Button>
        </div>
      )}
      {household.formerInvolved.length > 0 && (
        <>
          <Heading level={3}>{t.network.former}</Heading>
          <ul>
            {household.formerInvolved.map((p) => (
              <li key={p.id}>
                {t.network.formerLine(p.organisation ? `${p.name} (${p.organisation})` : p.name, t.date(p.until), p.endReason)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
