import { useState } from 'react';
import { type Actor, CASE_WORKERS, directsCase, hasAnyRole, isOnTeam, mayCarryCases, TEAM_LEADERS } from '#shared/domain/access.ts';
import { householdName } from '#shared/domain/names.ts';
import { Alert, Heading, Paragraph } from '../../components/nlds.tsx';
import { ErrorAlert, Loading, ScreenLink, useFocusOnHash, useLoad } from '../../components/ui.tsx';
import { t } from '../../lib/texts.ts';
import { getAssessments, getDossier, getRoster, getSharing, getStory, getTeams, type Team } from './api.ts';
import { AppointRegisseur } from './components/AppointRegisseur.tsx';
import { Assessments } from './components/Assessments.tsx';
import { CloseHousehold } from './components/CloseHousehold.tsx';
import { Consents } from './components/Consents.tsx';
import { type Notice, useFocusWhen } from './components/corrections.ts';
import { HouseholdAddress } from './components/HouseholdAddress.tsx';
import { LongStory } from './components/LongStory.tsx';
import { Members } from './components/Members.tsx';
import { Network } from './components/Network.tsx';
import { Saved } from './components/Saved.tsx';
import { Timeline } from './components/Timeline.tsx';
import { TransferHousehold } from './components/TransferHousehold.tsx';

const CLOSED_ID = 'dossier-gesloten';

/**
 * The dossier: a household on one page. One round trip: the dossier, its story (the timeline and
 * the journal), its assessments, its consents and disclosures (with the register's legal bases) and (for a team leader, who appoints the regisseur and transfers
 * the household) the rosters of the leader's teams and the city's teams, side by side. Who may
 * correct the address and members, close or transfer is asked of the access rules: what the API
 * would refuse is not offered.
 */
export function Dossier({ householdId, actor }: { householdId: string; actor: Actor }) {
  const leader = hasAnyRole(actor, TEAM_LEADERS);
  const loaded = useLoad(async () => {
    const [dossier, story, assessments, sharing, rosters, teams] = await Promise.all([
      getDossier(householdId),
      getStory(householdId),
      getAssessments(householdId),
      getSharing(householdId),
      leader ? Promise.all(actor.teams.map(getRoster)) : [],
      leader ? getTeams().then((answer) => answer.items) : [],
    ]);
    return { dossier, story, assessments: assessments.items, sharing, rosters, teams };
  }, householdId);
  const [justClosed, setJustClosed] = useState(false);
  const [transferred, setTransferred] = useState<{ team: Team; notice: Notice }>();
  // A task opens the dossier where its work is done: the regisseur's select, the journal's form.
  useFocusOnHash(loaded.data !== undefined);
  // Once closed, the dossier says so at its top, and the focus goes there.
  useFocusWhen(CLOSED_ID, justClosed && loaded.data?.dossier.status === 'closed');
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ErrorAlert error={loaded.error} />;
  const d = loaded.data.dossier;
  const title = (
    <Heading level={1}>
      {t.dossier.title}: {householdName(d)}
    </Heading>
  );
  // Moved to a team the leader is not on: the household is out of their reach now, so only where to go on.
  if (transferred && !isOnTeam(actor, transferred.team.id))
    return (
      <div className="wt-stack">
        {title}
        <Saved id="overgedragen" notice={transferred.notice} />
        <Paragraph>
          <ScreenLink to="/caseload">{t.corrections.transfer.toCaseload}</ScreenLink>
        </Paragraph>
      </div>
    );
  const candidates = (loaded.data.rosters.find((roster) => roster.teamId === d.teamId)?.members ?? []).filter((m) =>
    mayCarryCases(m.roles),
  );
  const open = d.status === 'open';
  const onTeam = isOnTeam(actor, d.teamId);
  const corrects = open && onTeam && hasAnyRole(actor, CASE_WORKERS);
  return (
    <div className="wt-stack">
      {title}
      {d.breakGlass && (
        // Read under a break-glass grant: until when, and why, before anything else (v1.2 rule 17).
        <Alert type="warning">
          <Paragraph>{t.breakGlass.banner(t.dateTime(d.breakGlass.expiresAt))}</Paragraph>
          <Paragraph>{t.breakGlass.bannerReason(d.breakGlass.reason)}</Paragraph>
        </Alert>
      )}
      {!open && (
        <div id={CLOSED_ID}>
          <Alert type="info">
            <Paragraph>
              {d.closedAt && d.closeReason
                ? t.corrections.close.closed(t.date(d.closedAt), d.closeReason)
                : t.corrections.close.closedNoReason(t.date(d.closedAt ?? d.updatedAt))}
            </Paragraph>
          </Alert>
        </div>
      )}
      {leader && (
        <Paragraph>
          <ScreenLink to={`/huishoudens/${householdId}/privacy`}>{t.dossier.privacy}</ScreenLink>
        </Paragraph>
      )}
      <HouseholdAddress household={d} corrects={corrects} onChanged={loaded.reload} />
      <Members household={d} corrects={corrects} onChanged={loaded.reload} />
      <Network household={d} corrects={corrects} onChanged={loaded.reload} />
      {loaded.data.sharing && <Consents household={d} sharing={loaded.data.sharing} corrects={corrects} onChanged={loaded.reload} />}
      <Heading level={2}>{t.dossier.regisseur}</Heading>
      <Paragraph>
        {d.regisseur ? (d.regisseur.name ?? t.unnamed) : t.dossier.noRegisseur}
        {d.regisseur && !d.regisseur.onRoster && ` (${t.dossier.offRoster})`}
      </Paragraph>
      {leader && open && onTeam && (
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
        canRecord={open && onTeam && hasAnyRole(actor, CASE_WORKERS)}
        onRecorded={loaded.reload}
      />
      <Heading level={2}>{t.dossier.escalations}</Heading>
      <ul>
        {d.escalations.map((e) => (
          <li key={e.id}>
            {/* Under a break-glass grant the doorbraak itself is the team's: named, not linked. */}
            {d.breakGlass ? e.blockage : <ScreenLink to={`/doorbraken/${e.id}`}>{e.blockage}</ScreenLink>} (
            {t.escalations.statuses[e.status]})
          </li>
        ))}
      </ul>
      {open && onTeam && hasAnyRole(actor, CASE_WORKERS) && (
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
      {corrects && (
        <CloseHousehold
          household={d}
          directs={directsCase(actor, d)}
          onClosed={() => {
            setJustClosed(true);
            loaded.reload();
          }}
        />
      )}
      {transferred && <Saved id="overgedragen" notice={transferred.notice} />}
      {open && onTeam && leader && (
        <TransferHousehold
          household={d}
          teams={loaded.data.teams}
          onTransferred={(team) => {
            setTransferred({ team, notice: { text: t.corrections.transfer.done(team.name), at: Date.now() } });
            if (isOnTeam(actor, team.id)) loaded.reload();
          }}
        />
      )}
    </div>
  );
}
