import { useMemo, useState } from 'react';
import { type Actor, ADMINISTRATORS, hasAnyRole } from '#shared/domain/access.ts';
import { type ChartSeries, LineChart } from '../../components/chart.tsx';
import { Heading, Paragraph, SelectField, SelectOption } from '../../components/nlds.tsx';
import { inputValue, ListTable, useLoad } from '../../components/ui.tsx';
import type { Schemas } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { getFigures, getTeams } from './api.ts';

type TeamFigures = Schemas['TeamFigures'];
const MONTHS = 6;
/** A month on the charts' axis as the table names it (`t.month`): "jul 2026". */
const MONTH_TICK: Intl.DateTimeFormatOptions = { month: 'short', year: 'numeric', timeZone: 'UTC' };

/** The last `n` calendar months in Europe/Amsterdam, oldest first, as YYYY-MM. */
function lastMonths(n: number): string[] {
  const now = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' }).format(new Date());
  const [year = 2026, month = 1] = now.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** Cijfers: a team's (or the city's) monthly figures as charts and as a table, from six months of GET /stats side by side. */
export function Figures({ actor }: { actor: Actor }) {
  const months = lastMonths(MONTHS);
  // The months and the teams' names side by side: one round trip.
  const loaded = useLoad(async () => {
    const [pages, teams] = await Promise.all([Promise.all(months.map(getFigures)), getTeams()]);
    return { pages, names: new Map(teams.items.map((team) => [team.id, team.name])) };
  }, months.join());
  const cityWide = hasAnyRole(actor, ADMINISTRATORS);
  const [scope, setScope] = useState(cityWide ? 'city' : (actor.teams[0] ?? ''));
  const figures = useMemo(
    () =>
      (loaded.data?.pages ?? []).flatMap((page) => {
        const picked = scope === 'city' ? page.city : page.teams.find((team) => team.teamId === scope);
        return picked ? [{ month: page.month, ...picked }] : [];
      }),
    [loaded.data, scope],
  );
  const teams = loaded.data?.pages[0]?.teams.map((team) => team.teamId) ?? [];
  const teamName = (id: string) => loaded.data?.names.get(id) ?? t.unnamed;
  const scopeName = scope === 'city' ? t.figures.city : teamName(scope);
  // The charts are drawn again only when what they picture changes.
  const charts = useMemo(() => {
    const pick = (f: (x: TeamFigures) => number) => figures.map(f);
    const series = (lines: [string, (x: TeamFigures) => number][]): ChartSeries[] => lines.map(([name, f]) => ({ name, values: pick(f) }));
    return {
      moments: figures.map((f) => new Date(`${f.month}-01T00:00:00Z`)),
      casework: series([
        [t.figures.intakes, (f) => f.intakes],
        [t.figures.resolvedByIntaker, (f) => f.resolvedByIntaker],
        [t.figures.complex, (f) => f.complex],
        [t.figures.plansAgreed, (f) => f.plansAgreed],
      ]),
      doorbraken: series([
        [t.figures.escalations, (f) => f.escalations.submitted],
        [t.figures.signalsReceived, (f) => f.signals.received],
        [t.figures.signalsReached, (f) => f.signals.reached],
        [t.figures.helpAccepted, (f) => f.signals.helpAccepted],
      ]),
    };
  }, [figures]);
  return (
    <div className="wt-stack">
      <Heading level={1}>{t.figures.title}</Heading>
      <Paragraph>{t.figures.intro}</Paragraph>
      <SelectField id="veld-scope" label={t.figures.scope} value={scope} onChange={(e) => setScope(inputValue(e))}>
        {cityWide && <SelectOption value="city">{t.figures.city}</SelectOption>}
        {teams.map((team) => (
          <SelectOption key={team} value={team}>
            {teamName(team)}
          </SelectOption>
        ))}
      </SelectField>
      {figures.length > 0 && (
        <>
          <Heading level={2}>{t.figures.casework}</Heading>
          <LineChart
            label={t.figures.chartOf(t.figures.casework, scopeName)}
            moments={charts.moments}
            series={charts.casework}
            tick={MONTH_TICK}
          />
          <Heading level={2}>{t.figures.doorbraken}</Heading>
          <LineChart
            label={t.figures.chartOf(t.figures.doorbraken, scopeName)}
            moments={charts.moments}
            series={charts.doorbraken}
            tick={MONTH_TICK}
          />
        </>
      )}
      <ListTable
        state={{ ...loaded, data: loaded.data ? figures : undefined }}
        caption={t.figures.table(scopeName)}
        columns={[
          t.figures.month,
          t.figures.intakes,
          t.figures.resolvedShare,
          t.figures.complexShare,
          t.figures.escalations,
          t.figures.decisionHours,
          t.figures.signalsReceived,
          t.figures.signalsReached,
          t.figures.helpAccepted,
          t.figures.daysToContact,
        ]}
        empty={t.notFound}
        rowKey={(f) => f.month}
        cells={(f) => [
          t.month(f.month),
          f.intakes,
          // A share says what it is of: the intakes triaged that month, the cases referred to a coach.
          t.figures.shareOf(
            f.resolvedByIntakerShare,
            f.resolvedByIntaker,
            f.resolvedByIntaker + f.referredToCoach + f.referredToInterventieteam + f.referredExternal,
          ),
          t.figures.shareOf(f.complexShare, f.complex, f.referredToCoach),
          f.escalations.submitted,
          f.averageDecisionHours === null ? '—' : t.number(f.averageDecisionHours),
          f.signals.received,
          f.signals.reached,
          f.signals.helpAccepted,
          f.signals.medianDaysToFirstContact === null ? '—' : t.number(f.signals.medianDaysToFirstContact),
        ]}
      />
    </div>
  );
}
