import { householdName } from '#shared/domain/names.ts';
import { Button, Heading, Paragraph } from '../../components/nlds.tsx';
import { ErrorAlert, ListTable, Loading, ScreenLink, useLoad } from '../../components/ui.tsx';
import type { Schemas } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { exportHousehold } from './api.ts';

type Export = Schemas['HouseholdExport'];
type Line = Schemas['ProcessingLogEntry'];

/** The processing log told per activity of the register: how often each kind of processing happened, when first and last, by which roles. */
function processingOf(everything: Export) {
  const byActivity = new Map<string, Line[]>();
  for (const line of everything.processingLog) {
    const key = line.processingActivityId ?? '';
    byActivity.set(key, [...(byActivity.get(key) ?? []), line]);
  }
  return [...byActivity].map(([id, lines]) => {
    const activity = everything.processingActivities.find((a) => a.id === id);
    const counts = new Map<string, number>();
    for (const line of lines) counts.set(line.action, (counts.get(line.action) ?? 0) + 1);
    const moments = lines.map((line) => line.at).sort();
    return {
      id: id || 'onbekend',
      name: activity?.name ?? t.exportDocument.unknownActivity,
      purpose: activity?.purpose ?? '',
      legalBasis: activity?.legalBasis ?? '',
      retention: activity?.retention ?? '',
      actions: [...counts].map(([action, n]) => t.exportDocument.times(t.exportDocument.actions[action] ?? action, n)).join(', '),
      period: `${t.date(moments[0] ?? '')} – ${t.date(moments.at(-1) ?? '')}`,
      roles: [...new Set(lines.flatMap((line) => line.roles))].map((role) => t.roles[role] ?? role).join(', '),
    };
  });
}

/**
 * The subject-access export (AVG art. 15) as a document a team can hand to a resident who asks
 * what is kept about them (issue 26): everything the JSON export holds, in Dutch words and
 * sections, printable on A4, beside the JSON file. Opening it is itself an export, a line of
 * the processing log, as the download is. Professionals appear as their role in the log's
 * summary and by name where they wrote something (the journal), never by a user id.
 */
export function ExportDocument({ householdId }: { householdId: string }) {
  const loaded = useLoad(() => exportHousehold(householdId), householdId);
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ErrorAlert error={loaded.error} />;
  const everything = loaded.data;
  const h = everything.household;
  const d = t.exportDocument;
  const state = <T,>(rows: T[]) => ({ data: rows, loading: false });
  const memberName = (id: string) => [...h.members, ...h.formerMembers].find((m) => m.id === id)?.name ?? d.formerMember;

  return (
    <article className="wt-stack wt-paper">
      <div className="wt-actions wt-no-print">
        <ScreenLink to={`/huishoudens/${householdId}/privacy`}>{d.back}</ScreenLink>
        <Button appearance="primary-action-button" onClick={() => print()}>
          {t.printPlan.print}
        </Button>
      </div>
      <Heading level={1}>{d.title}</Heading>
      <Paragraph>{d.about(householdName(h), t.dateTime(everything.exportedAt))}</Paragraph>
      <Paragraph>{d.intro}</Paragraph>

      <section className="wt-stack">
        <Heading level={2}>{d.household}</Heading>
        <ListTable
          state={state(h.members)}
          caption={d.members}
          columns={[t.intake.name, t.dossier.role, t.intake.birthDate, t.intake.bsn, t.dossier.legal]}
          empty={d.none}
          rowKey={(m) => m.id}
          cells={(m) => [
            m.name,
            t.dossier.memberRoles[m.role] ?? '',
            t.date(m.birthDate),
            m.bsnMasked ?? '—',
            (m.legalRelations ?? []).map((r) => `${t.corrections.legal.kinds[r.kind] ?? ''}: ${r.holderName}`).join('; ') || '—',
          ]}
        />
        {h.formerMembers.length > 0 && (
          <ListTable
            state={state(h.formerMembers)}
            caption={d.formerMembers}
            columns={[t.intake.name, d.leftAt, d.reason]}
            empty={d.none}
            rowKey={(m) => m.id}
            cells={(m) => [m.name, t.date(m.leftAt), m.reason]}
          />
        )}
      </section>

      <section className="wt-stack">
        <Heading level={2}>{d.intakes}</Heading>
        {everything.intakes.length === 0 && <Paragraph>{d.none}</Paragraph>}
        {everything.intakes.map((intake) => (
          <section key={intake.id} className="wt-stack wt-keep">
            <Heading level={3}>
              {t.date(intake.createdAt)} · {t.intake.channels[intake.channel] ?? ''} · {t.intake.urgencies[intake.urgency] ?? ''}
            </Heading>
            <Paragraph className="wt-story">{intake.question}</Paragraph>
            <Paragraph>
              {t.intake.domains}: {intake.domains.map((domain) => t.domains[domain] ?? domain).join(', ')}
              {intake.triage && ` · ${t.triage.outcomes[intake.triage.outcome] ?? ''}`}
            </Paragraph>
          </section>
        ))}
      </section>

      <section className="wt-stack">
        <Heading level={2}>{d.plan}</Heading>
        {everything.plan ? (
          <>
            <Paragraph>
              {d.planSummary(everything.plan.version, everything.planVersions.length, t.date(everything.plan.evaluationDate))}
            </Paragraph>
            <ul>
              {everything.plan.goals.map((goal) => (
                <li key={`${goal.domain}:${goal.description}`}>
                  {t.domains[goal.domain] ?? ''}: {goal.description}
                  {goal.actions.length > 0 && ` (${goal.actions.map((a) => a.description).join('; ')})`}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Paragraph>{t.plan.none}</Paragraph>
        )}
      </section>

      <section className="wt-stack">
        <Heading level={2}>{d.assessments}</Heading>
        <ListTable
          state={state(everything.assessments)}
          caption={d.assessments}
          columns={[d.date, d.scores]}
          empty={d.none}
          rowKey={(a) => a.id}
          cells={(a) => [
            t.date(a.assessedAt),
            Object.entries(a.scores)
              .map(([domain, score]) => `${t.domains[domain] ?? domain} ${score}`)
              .join(', '),
          ]}
        />
      </section>

      <section className="wt-stack">
        <Heading level={2}>{d.escalations}</Heading>
        <ListTable
          state={state(everything.escalations)}
          caption={d.escalations}
          columns={[d.date, d.blockage, d.proposal, t.plan.status]}
          empty={d.none}
          rowKey={(e) => e.id}
          cells={(e) => [t.date(e.history[0]?.at ?? ''), e.blockage, e.proposal, t.escalations.statuses[e.status] ?? '']}
        />
      </section>

      <section className="wt-stack">
        <Heading level={2}>{d.journal}</Heading>
        {everything.journal.length === 0 && <Paragraph>{d.none}</Paragraph>}
        {everything.journal.map((entry) => (
          <section key={entry.id} className="wt-stack wt-keep">
            <Heading level={3}>
              {t.dateTime(entry.at)} · {t.journal.kinds[entry.kind] ?? ''} · {entry.by.name ?? t.escalations.someone}
              {entry.restricted && ` · ${d.restricted}`}
            </Heading>
            {entry.about.length > 0 && <Paragraph>{d.aboutMembers(entry.about.map(memberName).join(', '))}</Paragraph>}
            <Paragraph className="wt-story">{entry.text}</Paragraph>
            {entry.corrections.map((c) => (
              <Paragraph key={c.at}>{d.corrected(t.dateTime(c.at), c.reason, c.previousText)}</Paragraph>
            ))}
          </section>
        ))}
      </section>

      <section className="wt-stack">
        <Heading level={2}>{d.corrections}</Heading>
        <ListTable
          state={state(everything.corrections)}
          caption={d.corrections}
          columns={[d.date, d.what, d.reason]}
          empty={d.none}
          rowKey={(c) => `${c.at}-${c.kind}-${c.memberId ?? ''}`}
          cells={(c) => [
            t.date(c.at),
            `${d.correctionKinds[c.kind] ?? ''}${c.memberId ? ` (${memberName(c.memberId)})` : ''}`,
            c.reason ?? '—',
          ]}
        />
      </section>

      <section className="wt-stack">
        <Heading level={2}>{d.processing}</Heading>
        <Paragraph>{d.processingIntro(everything.processingLog.length)}</Paragraph>
        <ListTable
          state={state(processingOf(everything))}
          caption={d.processing}
          columns={[d.activity, d.how, d.period, d.roles, d.legalBasis, d.retention]}
          empty={d.none}
          rowKey={(p) => p.id}
          cells={(p) => [p.name, p.actions, p.period, p.roles, p.legalBasis, p.retention]}
        />
      </section>
    </article>
  );
}
