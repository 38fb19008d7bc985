import { type Actor, CASE_WORKERS, hasAnyRole, mayCarryCases, TEAM_LEADERS } from '#shared/domain/access.ts';
import { householdName } from '#shared/domain/names.ts';
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/nlds.tsx';
import { ErrorAlert, Loading, ScreenLink, useFocusOnHash, useLoad } from '../../components/ui.tsx';
import { t } from '../../lib/texts.ts';
import { getAssessments, getDossier, getRoster, getStory } from './api.ts';
import { AppointRegisseur } from './components/AppointRegisseur.tsx';
import { Assessments } from './components/Assessments.tsx';
import { LongStory } from './components/LongStory.tsx';
import { Timeline } from './components/Timeline.tsx';

/**
 * The dossier: a household on one page. One round trip: the dossier, its story (the timeline and
 * the journal), its assessments and (for a team leader, who appoints the regisseur) the rosters
 * of the leader's teams, side by side.
 */
export function Dossier({ householdId, actor }: { householdId: string; actor: Actor }) {
  const leader = hasAnyRole(actor, TEAM_LEADERS);
  const loaded = useLoad(async () => {
    const [dossier, story, assessments, rosters] = await Promise.all([
      getDossier(householdId),
      getStory(householdId),
      getAssessments(householdId),
      leader ? Promise.all(actor.teams.map(getRoster)) : [],
    ]);
    return { dossier, story, assessments: assessments.items, rosters };
  }, householdId);
  // A task opens the dossier where its work is done: the regisseur's select, the journal's form.
  useFocusOnHash(loaded.data !== undefined);
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ErrorAlert error={loaded.error} />;
  const d = loaded.data.dossier;
  const candidates = (loaded.data.rosters.find((roster) => roster.teamId === d.teamId)?.members ?? []).filter((m) =>
    mayCarryCases(m.roles),
  );
  const open = d.status === 'open';
  return (
    <div className="wt-stack">
      <Heading level={1}>
        {t.dossier.title}: {householdName(d)}
      </Heading>
      {leader && (
        <Paragraph>
          <ScreenLink to={`/huishoudens/${householdId}/privacy`}>{t.dossier.privacy}</ScreenLink>
        </Paragraph>
      )}
      <Heading level={2}>{t.dossier.members}</Heading>
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
          </TableRow>
        </TableHeader>
        <TableBody>
          {d.members.map((m) => (
            <TableRow key={m.id}>
              <TableCell data-label={t.intake.name}>{m.name}</TableCell>
              <TableCell data-label={t.dossier.role}>{t.dossier.memberRoles[m.role] ?? m.role}</TableCell>
              <TableCell data-label={t.intake.birthDate}>{t.date(m.birthDate)}</TableCell>
              <TableCell data-label={t.intake.bsn}>{m.bsnMasked ?? '—'}</TableCell>
              <TableCell data-label={t.dossier.legal}>
                {(m.legalRelations ?? []).map((r) => `${r.kind}: ${r.holderName}`).join('; ') || '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Heading level={2}>{t.dossier.regisseur}</Heading>
      <Paragraph>
        {d.regisseur ? (d.regisseur.name ?? t.unnamed) : t.dossier.noRegisseur}
        {d.regisseur && !d.regisseur.onRoster && ` (${t.dossier.offRoster})`}
      </Paragraph>
      {leader && open && (
        <AppointRegisseur householdId={householdId} current={d.regisseur?.userId} candidates={candidates} onAppointed={loaded.reload} />
      )}
      <Timeline householdId={householdId} story={loaded.data.story} household={d} actor={actor} />
      <Heading level={2}>{t.dossier.intakes}</Heading>
      {d.intakes.map((intake) => (
        <section key={intake.id} className="wt-stack">
          <Heading level={3}>
            {t.date(intake.createdAt)} · {t.intake.channels[intake.channel]}
          </Heading>
          <LongStory id={`verhaal-${intake.id}`} text={intake.question} />
        </section>
      ))}
      <Heading level={2}>{t.dossier.plan}</Heading>
      <Paragraph>
        <ScreenLink to={`/huishoudens/${householdId}/plan`}>{t.plan.toPlan}</ScreenLink>
      </Paragraph>
      {d.plan ? (
        <ul>
          {d.plan.goals.map((goal) => (
            <li key={`${goal.domain}-${goal.description}`}>
              {t.domains[goal.domain]}: {goal.description}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t.dossier.noPlan}</Paragraph>
      )}
      <Assessments
        householdId={householdId}
        assessments={loaded.data.assessments}
        canRecord={open && hasAnyRole(actor, CASE_WORKERS)}
        onRecorded={loaded.reload}
      />
      <Heading level={2}>{t.dossier.escalations}</Heading>
      <ul>
        {d.escalations.map((e) => (
          <li key={e.id}>
            <ScreenLink to={`/doorbraken/${e.id}`}>{e.blockage}</ScreenLink> ({t.escalations.statuses[e.status]})
          </li>
        ))}
      </ul>
      {open && hasAnyRole(actor, CASE_WORKERS) && (
        <Paragraph>
          {/* A doorbraak unblocks a plan, and a plan needs its regisseur: until then the step is named, with what comes first. */}
          {d.plan && d.plan.status !== 'closed' ? (
            <ScreenLink to={`/huishoudens/${householdId}/doorbraak`}>{t.escalations.submit}</ScreenLink>
          ) : (
            <>
              <span className="wt-unavailable">{t.escalations.submit}</span>
              {' · '}
              {d.regisseur ? t.dossier.escalationNeedsPlan : t.dossier.escalationNeedsRegisseur}
            </>
          )}
        </Paragraph>
      )}
    </div>
  );
}
