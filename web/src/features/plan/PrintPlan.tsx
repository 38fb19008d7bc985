import { householdName } from '#shared/domain/names.ts';
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
} from '../../components/nlds.tsx';
import { ErrorAlert, Loading, ScreenLink, useLoad } from '../../components/ui.tsx';
import { t } from '../../lib/texts.ts';
import { getHousehold, getPlan, getRoster } from './api.ts';

/**
 * The plan on paper (issue 26): for the household to read, keep and sign. One A4 document
 * (app.css's print rules): the household, the goals per life domain with their actions (what,
 * who by name, which organisation, by when, done), the approved doorbraken with their cost, the
 * evaluation date, the agreement as it stands, and a signature line for the household and for
 * the regisseur. The screen shows the same document with a button to print it.
 */
export function PrintPlan({ householdId }: { householdId: string }) {
  const loaded = useLoad(async () => {
    const [household, read] = await Promise.all([getHousehold(householdId), getPlan(householdId)]);
    const roster = await getRoster(household.teamId);
    return { household, plan: read.plan, people: new Map(roster.members.map((m) => [m.userId, m.name])) };
  }, householdId);
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ErrorAlert error={loaded.error} />;
  const { household, plan, people } = loaded.data;
  const regisseur = household.regisseur ? (household.regisseur.name ?? t.unnamed) : undefined;
  const ownerOf = (ownerId: string | undefined) =>
    ownerId ? (people.get(ownerId) ?? t.printPlan.someone) : regisseur ? `${regisseur} (${t.printPlan.regisseur})` : t.printPlan.regisseur;
  // Someone of the network does it (v1.2): named, an ended one too; the team member who keeps watch is the owner.
  const parties = [...household.involved, ...household.formerInvolved];
  const whoDoes = (action: { ownerId?: string; involvedId?: string }) => {
    const party = parties.find((p) => p.id === action.involvedId);
    return party ? t.printPlan.byNetwork(party.name, ownerOf(action.ownerId)) : ownerOf(action.ownerId);
  };

  return (
    <article className="wt-stack wt-paper">
      <div className="wt-actions wt-no-print">
        <ScreenLink to={`/huishoudens/${householdId}/plan`}>{t.printPlan.back}</ScreenLink>
        <Button appearance="primary-action-button" onClick={() => print()}>
          {t.printPlan.print}
        </Button>
      </div>
      <Heading level={1}>{t.printPlan.title(householdName(household))}</Heading>
      {!plan ? (
        <Paragraph>{t.plan.none}</Paragraph>
      ) : (
        <>
          <dl className="wt-paper-facts">
            <dt>{t.printPlan.members}</dt>
            <dd>{household.members.map((m) => m.name).join(', ')}</dd>
            <dt>{t.printPlan.regisseurLabel}</dt>
            <dd>{regisseur ?? t.dossier.noRegisseur}</dd>
            <dt>{t.printPlan.version}</dt>
            <dd>
              {plan.version} · {t.plan.statuses[plan.status] ?? ''} · {t.printPlan.updated(t.date(plan.updatedAt))}
            </dd>
            <dt>{t.plan.evaluationDate}</dt>
            <dd>{t.date(plan.evaluationDate)}</dd>
            <dt>{t.printPlan.agreement}</dt>
            <dd>
              {plan.agreement
                ? t.printPlan.agreed(plan.agreement.by, t.date(plan.agreement.at), plan.agreement.version)
                : t.printPlan.notAgreed}
              {plan.changedSinceAgreement && ` ${t.printPlan.changedSince}`}
            </dd>
          </dl>
          {plan.goals.map((goal, g) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a goal has no id; the paper shows the saved plan's goals in their order, never reordered
            <section key={g} className="wt-stack wt-keep">
              <Heading level={2}>
                {t.printPlan.goal(g + 1, t.domains[goal.domain] ?? goal.domain)}: {goal.description}
              </Heading>
              {goal.actions.length === 0 ? (
                <Paragraph>{t.printPlan.noActions}</Paragraph>
              ) : (
                <Table className="wt-cards">
                  <TableCaption className="wt-skip">{t.printPlan.actionsOf(g + 1)}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      {[t.printPlan.what, t.printPlan.who, t.printPlan.organisation, t.printPlan.due, t.printPlan.done].map((column) => (
                        <TableHeaderCell key={column} scope="col">
                          {column}
                        </TableHeaderCell>
                      ))}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {goal.actions.map((action) => (
                      <TableRow key={action.id}>
                        <TableCell data-label={t.printPlan.what}>{action.description}</TableCell>
                        <TableCell data-label={t.printPlan.who}>{whoDoes(action)}</TableCell>
                        <TableCell data-label={t.printPlan.organisation}>{action.organisation}</TableCell>
                        <TableCell data-label={t.printPlan.due}>{t.date(action.dueDate)}</TableCell>
                        <TableCell data-label={t.printPlan.done}>{action.doneAt ? t.date(action.doneAt) : '—'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </section>
          ))}
          {(plan.doorbraken ?? []).length > 0 && (
            <section className="wt-stack wt-keep">
              <Heading level={2}>{t.plan.doorbraken}</Heading>
              <ul>
                {(plan.doorbraken ?? []).map((d) => (
                  <li key={d.escalationId}>
                    {d.proposal} ({d.organisations.join(', ')}) · {t.printPlan.approvedOn(t.date(d.approvedAt))}
                    {d.approvedCost && ` · ${t.plan.doorbraakCost(t.money(d.approvedCost.amount))}`}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="wt-signatures wt-keep" aria-label={t.printPlan.signatures}>
            {[t.printPlan.forHousehold, t.printPlan.forRegisseur(regisseur ?? '')].map((who) => (
              <div key={who} className="wt-signature">
                <Paragraph>
                  <strong>{who}</strong>
                </Paragraph>
                <Paragraph>{t.printPlan.name}</Paragraph>
                <Paragraph>{t.printPlan.date}</Paragraph>
                <Paragraph>{t.printPlan.signature}</Paragraph>
              </div>
            ))}
          </section>
        </>
      )}
    </article>
  );
}
