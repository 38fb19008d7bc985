import { type FormEvent, useState } from 'react';
import { api, ok, type Schemas } from '../api.ts';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  SelectField,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../nlds.tsx';
import { hasRole, type Session } from '../session.ts';
import { t } from '../texts.ts';
import { ErrorAlert, inputValue, Loading, ScreenLink, useLoad, useProblem } from '../ui.tsx';
import { Assessments } from './Assessments.tsx';

type TeamMember = Schemas['TeamMember'];

/**
 * The dossier: a household on one page. One round trip: the dossier, its assessments and (for a
 * team leader, who appoints the regisseur) the rosters of the leader's teams, side by side.
 */
export function Dossier({ householdId, session }: { householdId: string; session: Session }) {
  const leader = hasRole(session, 'teamleider');
  const loaded = useLoad(async () => {
    const [dossier, assessments, rosters] = await Promise.all([
      api.GET('/households/{id}', { params: { path: { id: householdId } } }).then(ok),
      api.GET('/households/{id}/assessments', { params: { path: { id: householdId }, query: { limit: 100 } } }).then(ok),
      leader
        ? Promise.all(
            session.teams.map((id) =>
              api
                .GET('/teams/{id}/members', { params: { path: { id } } })
                .then((answer) => ({ teamId: id, members: answer.data?.items ?? [] })),
            ),
          )
        : [],
    ]);
    return { dossier, assessments: assessments.items, rosters };
  }, householdId);
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ErrorAlert error={loaded.error} />;
  const d = loaded.data.dossier;
  const address = `${d.address.postcode} ${d.address.houseNumber}${d.address.houseNumberAddition ? ` ${d.address.houseNumberAddition}` : ''}`;
  const candidates = (loaded.data.rosters.find((roster) => roster.teamId === d.teamId)?.members ?? []).filter(
    (m) => m.roles.includes('wijkcoach') || m.roles.includes('teamleider'),
  );
  const open = d.status === 'open';
  return (
    <div className="wt-stack">
      <Heading level={1}>
        {t.dossier.title}: {address}
      </Heading>
      {leader && (
        <Paragraph>
          <ScreenLink to={`/huishoudens/${householdId}/privacy`}>{t.dossier.privacy}</ScreenLink>
        </Paragraph>
      )}
      <Heading level={2}>{t.dossier.members}</Heading>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.intake.name}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.intake.birthDate}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.intake.bsn}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.dossier.legal}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {d.members.map((m) => (
            <TableRow key={m.id}>
              <TableCell>{m.name}</TableCell>
              <TableCell>{t.date(m.birthDate)}</TableCell>
              <TableCell>{m.bsnMasked ?? '—'}</TableCell>
              <TableCell>{(m.legalRelations ?? []).map((r) => `${r.kind}: ${r.holderName}`).join('; ') || '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Heading level={2}>{t.dossier.regisseur}</Heading>
      <Paragraph>
        {d.regisseur ? (d.regisseur.name ?? d.regisseur.userId) : t.dossier.noRegisseur}
        {d.regisseur && !d.regisseur.onRoster && ` (${t.dossier.offRoster})`}
      </Paragraph>
      {leader && open && (
        <AppointRegisseur householdId={householdId} current={d.regisseur?.userId} candidates={candidates} onAppointed={loaded.reload} />
      )}
      <Heading level={2}>{t.dossier.intakes}</Heading>
      {d.intakes.map((intake) => (
        <section key={intake.id} className="wt-stack">
          <Heading level={3}>
            {t.date(intake.createdAt)} · {t.intake.channels[intake.channel]}
          </Heading>
          <Paragraph className="wt-story">{intake.question}</Paragraph>
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
        canRecord={open && hasRole(session, 'wijkcoach', 'teamleider')}
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
      {d.plan && (
        <Paragraph>
          <ScreenLink to={`/huishoudens/${householdId}/doorbraak`}>{t.escalations.submit}</ScreenLink>
        </Paragraph>
      )}
    </div>
  );
}

/** The team leader appoints the one regisseur: a wijkcoach or team leader on the team's roster. */
function AppointRegisseur({
  householdId,
  current,
  candidates,
  onAppointed,
}: {
  householdId: string;
  current?: string | undefined;
  candidates: TeamMember[];
  onAppointed: () => void;
}) {
  const [userId, setUserId] = useState('');
  const { error, fieldErrors, setFieldErrors, fail, clear } = useProblem();
  const [appointed, setAppointed] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!userId) {
      setFieldErrors({ userId: t.intake.required });
      return;
    }
    try {
      const household = ok(await api.PUT('/households/{id}/regisseur', { params: { path: { id: householdId } }, body: { userId } }));
      clear();
      setAppointed(household.regisseur?.name ?? userId);
      onAppointed();
    } catch (caught) {
      fail(caught);
    }
  };
  return (
    <form className="wt-stack" onSubmit={submit} noValidate aria-label={t.dossier.appoint}>
      <ErrorAlert error={error} />
      {appointed && (
        <Alert type="ok">
          <Paragraph>{t.dossier.appointed(appointed)}</Paragraph>
        </Alert>
      )}
      <SelectField
        id="veld-userId"
        label={t.dossier.appointWho}
        value={userId}
        errorMessage={fieldErrors.userId}
        onChange={(e) => setUserId(inputValue(e))}
      >
        <SelectOption value="">—</SelectOption>
        {candidates
          .filter((m) => m.userId !== current)
          .map((m) => (
            <SelectOption key={m.userId} value={m.userId}>
              {m.name ?? m.userId}
            </SelectOption>
          ))}
      </SelectField>
      <div className="wt-actions">
        <Button appearance="secondary-action-button" type="submit">
          {t.dossier.appoint}
        </Button>
      </div>
    </form>
  );
}
