import { api, ok } from '../api.ts';
import { Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../nlds.tsx';
import { t } from '../texts.ts';
import { ErrorAlert, Loading, ScreenLink, useLoad } from '../ui.tsx';

/** The dossier: a household on one page, from one call (GET /households/{id}). */
export function Dossier({ householdId }: { householdId: string }) {
  const dossier = useLoad(async () => ok(await api.GET('/households/{id}', { params: { path: { id: householdId } } })), householdId);
  if (dossier.loading && !dossier.data) return <Loading />;
  if (!dossier.data) return <ErrorAlert error={dossier.error} />;
  const d = dossier.data;
  const address = `${d.address.postcode} ${d.address.houseNumber}${d.address.houseNumberAddition ? ` ${d.address.houseNumberAddition}` : ''}`;
  return (
    <div className="wt-stack">
      <Heading level={1}>
        {t.dossier.title}: {address}
      </Heading>
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
      <Paragraph>{d.regisseur ? (d.regisseur.name ?? d.regisseur.userId) : t.dossier.noRegisseur}</Paragraph>
      <Heading level={2}>{t.dossier.intakes}</Heading>
      {d.intakes.map((intake) => (
        <section key={intake.id} className="wt-stack">
          <Heading level={3}>
            {t.date(intake.createdAt)} · {t.intake.channels[intake.channel]}
          </Heading>
          <Paragraph className="wt-story">{intake.question}</Paragraph>
        </section>
      ))}
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
    </div>
  );
}
