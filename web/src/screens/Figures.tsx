import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import { api, ok, type Schemas } from '../api.ts';
import { Heading, Paragraph, SelectField, SelectOption } from '../nlds.tsx';
import type { Session } from '../session.ts';
import { t } from '../texts.ts';
import { inputValue, ListTable, useLoad } from '../ui.tsx';

type TeamFigures = Schemas['TeamFigures'];
const MONTHS = 6;

/** The last `n` calendar months in Europe/Amsterdam, oldest first, as YYYY-MM. */
function lastMonths(n: number): string[] {
  const now = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' }).format(new Date());
  const [year = 2026, month = 1] = now.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** A line chart of a few series per month (uPlot, on a canvas): a picture of the table below it, which holds the same figures. */
function Chart({
  label,
  months,
  series,
}: {
  label: string;
  months: string[];
  series: { name: string; values: number[]; stroke: string }[];
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const x = months.map((m) => Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1) / 1000);
    const plot = new uPlot(
      {
        width: Math.min(720, box.current.clientWidth || 720),
        height: 240,
        series: [{}, ...series.map((s) => ({ label: s.name, stroke: s.stroke, width: 2 }))],
        axes: [
          {
            values: (_u, ticks) =>
              ticks.map((tick) => new Intl.DateTimeFormat('nl-NL', { month: 'short', year: '2-digit' }).format(new Date(tick * 1000))),
          },
          {},
        ],
        scales: { x: { time: true } },
        cursor: { show: false },
      },
      [x, ...series.map((s) => s.values)],
      box.current,
    );
    return () => plot.destroy();
  }, [months, series]);
  return <div ref={box} role="img" aria-label={label} />;
}

/** Cijfers: a team's (or the city's) monthly figures as charts and as a table, from six months of GET /stats side by side. */
export function Figures({ session }: { session: Session }) {
  const months = lastMonths(MONTHS);
  const loaded = useLoad(
    async () => Promise.all(months.map((month) => api.GET('/stats', { params: { query: { month } } }).then(ok))),
    months.join(),
  );
  const cityWide = session.roles.includes('beheerder');
  const [scope, setScope] = useState(cityWide ? 'city' : (session.teams[0] ?? ''));
  const rows = (loaded.data ?? []).map((page) => ({
    month: page.month,
    figures: scope === 'city' ? page.city : page.teams.find((team) => team.teamId === scope),
  }));
  const figures = rows.flatMap((row) => (row.figures ? [{ month: row.month, ...row.figures }] : []));
  const teams = loaded.data?.[0]?.teams.map((team) => team.teamId) ?? [];
  const scopeName = scope === 'city' ? t.figures.city : scope;
  const pick = (f: (x: TeamFigures) => number) => figures.map(f);
  return (
    <div className="wt-stack">
      <Heading level={1}>{t.figures.title}</Heading>
      <Paragraph>{t.figures.intro}</Paragraph>
      <SelectField id="veld-scope" label={t.figures.scope} value={scope} onChange={(e) => setScope(inputValue(e))}>
        {cityWide && <SelectOption value="city">{t.figures.city}</SelectOption>}
        {teams.map((team) => (
          <SelectOption key={team} value={team}>
            {team}
          </SelectOption>
        ))}
      </SelectField>
      {figures.length > 0 && (
        <>
          <Heading level={2}>{t.figures.casework}</Heading>
          <Chart
            label={t.figures.chartOf(t.figures.casework, scopeName)}
            months={figures.map((f) => f.month)}
            series={[
              { name: t.figures.intakes, values: pick((f) => f.intakes), stroke: '#154273' },
              { name: t.figures.resolvedByIntaker, values: pick((f) => f.resolvedByIntaker), stroke: '#39870c' },
              { name: t.figures.complex, values: pick((f) => f.complex), stroke: '#a90061' },
              { name: t.figures.plansAgreed, values: pick((f) => f.plansAgreed), stroke: '#e17000' },
            ]}
          />
          <Heading level={2}>{t.figures.doorbraken}</Heading>
          <Chart
            label={t.figures.chartOf(t.figures.doorbraken, scopeName)}
            months={figures.map((f) => f.month)}
            series={[
              { name: t.figures.escalations, values: pick((f) => f.escalations.submitted), stroke: '#154273' },
              { name: t.figures.signalsReceived, values: pick((f) => f.signals.received), stroke: '#a90061' },
              { name: t.figures.signalsReached, values: pick((f) => f.signals.reached), stroke: '#e17000' },
              { name: t.figures.helpAccepted, values: pick((f) => f.signals.helpAccepted), stroke: '#39870c' },
            ]}
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
          f.month,
          f.intakes,
          t.figures.percent(f.resolvedByIntakerShare),
          t.figures.percent(f.complexShare),
          f.escalations.submitted,
          f.averageDecisionHours ?? '—',
          f.signals.received,
          f.signals.reached,
          f.signals.helpAccepted,
          f.signals.medianDaysToFirstContact ?? '—',
        ]}
      />
    </div>
  );
}
