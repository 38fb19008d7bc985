import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../../components/nlds.tsx';
import { t } from '../../../lib/texts.ts';
import type { Dossier } from '../api.ts';
import { legalRelationText, useOpenForm } from './corrections.ts';
import { MEMBER_NAME_ID, MemberForm } from './MemberForm.tsx';
import { REMOVE_REASON_ID, RemoveMember } from './RemoveMember.tsx';
import { Saved } from './Saved.tsx';

const ADD_ID = 'lid-toevoegen';
const editId = (memberId: string) => `lid-${memberId}-corrigeren`;
const removeId = (memberId: string) => `lid-${memberId}-weg`;

/**
 * The household's members (BSN masked, role, legal relations in Dutch words) and, for whom the
 * API lets correct them, one form at a time: a member added, corrected or recorded as moved out;
 * then the members who left.
 */
export function Members({ household, corrects, onChanged }: { household: Dossier; corrects: boolean; onChanged: () => void }) {
  const form = useOpenForm<'add' | `edit:${string}` | `remove:${string}`>();
  const members = household.members;
  const editing = members.find((m) => form.open === `edit:${m.id}`);
  const removing = members.find((m) => form.open === `remove:${m.id}`);
  const saved = (text: string) => {
    form.done(text);
    onChanged();
  };
  return (
    <section className="wt-stack" aria-labelledby="kop-leden">
      <Heading level={2} id="kop-leden">
        {t.dossier.members}
      </Heading>
      {/* On a phone each member is a card (layout.css `wt-cards`): the BSN is not off-screen. */}
      <Table className="wt-cards">
        <TableCaption className="wt-skip">{t.dossier.members}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.intake.name}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.dossier.role}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.intake.birthDate}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.intake.bsn}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.dossier.legal}</TableHeaderCell>
            {corrects && <TableHeaderCell scope="col">{t.corrections.members.actions}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((m) => (
            <TableRow key={m.id}>
              <TableCell data-label={t.intake.name}>{m.name}</TableCell>
              <TableCell data-label={t.dossier.role}>{t.dossier.memberRoles[m.role] ?? m.role}</TableCell>
              <TableCell data-label={t.intake.birthDate}>{t.date(m.birthDate)}</TableCell>
              <TableCell data-label={t.intake.bsn}>{m.bsnMasked ?? '—'}</TableCell>
              <TableCell data-label={t.dossier.legal}>{(m.legalRelations ?? []).map(legalRelationText).join('; ') || '—'}</TableCell>
              {corrects && (
                <TableCell data-label={t.corrections.members.actions}>
                  <div className="wt-actions">
                    <Button
                      appearance="subtle-button"
                      id={editId(m.id)}
                      onClick={() => form.start(`edit:${m.id}`, editId(m.id), MEMBER_NAME_ID)}
                    >
                      {t.corrections.members.edit(m.name)}
                    </Button>
                    {members.length > 1 && (
                      <Button
                        appearance="subtle-button"
                        id={removeId(m.id)}
                        onClick={() => form.start(`remove:${m.id}`, removeId(m.id), REMOVE_REASON_ID)}
                      >
                        {t.corrections.members.remove(m.name)}
                      </Button>
                    )}
                  </div>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Saved id="leden-opgeslagen" notice={form.notice} />
      {corrects && members.length === 1 && <Paragraph>{t.corrections.members.lastMember}</Paragraph>}
      {corrects && form.open === 'add' && (
        <>
          <Heading level={3}>{t.corrections.members.addForm}</Heading>
          <MemberForm
            householdId={household.id}
            others={members}
            onSaved={(name) => saved(t.corrections.members.added(name))}
            onCancel={form.cancel}
          />
        </>
      )}
      {corrects && editing && (
        <>
          <Heading level={3}>{t.corrections.members.editForm(editing.name)}</Heading>
          <MemberForm
            key={editing.id}
            householdId={household.id}
            member={editing}
            others={members.filter((m) => m.id !== editing.id)}
            onSaved={(name) => saved(t.corrections.members.changed(name))}
            onCancel={form.cancel}
          />
        </>
      )}
      {corrects && removing && (
        <RemoveMember
          key={removing.id}
          householdId={household.id}
          member={removing}
          onRemoved={(name) => saved(t.corrections.members.removed(name))}
          onCancel={form.cancel}
        />
      )}
      {corrects && !form.open && (
        <div className="wt-actions">
          <Button id={ADD_ID} onClick={() => form.start('add', ADD_ID, MEMBER_NAME_ID)}>
            {t.corrections.members.add}
          </Button>
        </div>
      )}
      {household.formerMembers.length > 0 && (
        <>
          <Heading level={3}>{t.corrections.members.former}</Heading>
          <ul>
            {household.formerMembers.map((m) => (
              <li key={m.id}>
                {m.name} · {t.corrections.members.leftAt} {t.date(m.leftAt)} · {t.corrections.members.reason}: {m.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
