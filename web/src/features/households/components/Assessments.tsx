import { type FormEvent, lazy, Suspense, useMemo, useState } from 'react';
import { LIFE_DOMAINS, type LifeDomain } from '#shared/domain/life-domains.ts';
import type { ChartSeries } from '../../../components/chart.tsx';
import { Alert, Button, Fieldset, Heading, Paragraph, SelectField, SelectOption, TextareaField } from '../../../components/nlds.tsx';
import { ErrorAlert, inputValue, ListTable, Loading, useProblem } from '../../../components/ui.tsx';
import type { Schemas } from '../../../lib/api.ts';
import { t } from '../../../lib/texts.ts';
import { recordAssessment } from '../api.ts';

type Assessment = Schemas['Assessment'];

/** The chart comes with uPlot: loaded when a dossier with assessments shows, not with the first load. */
const LineChart = lazy(() => import('../../../components/chart.tsx').then((m) => ({ default: m.LineChart })));
const DAY_TICK: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'Europe/Amsterdam' };
const SCORE_RANGE: [number, number] = [1, 5];

/**
 * The household's ZRM assessments (newest first, as the API lists them): a chart of each domain
 * over time, the table it pictures, and, for the workers, the form that records the next one.
 */
export function Assessments({
  householdId,
  assessments,
  canRecord,
  onRecorded,
}: {
  householdId: string;
  assessments: Assessment[];
  canRecord: boolean;
  onRecorded: () => void;
}) {
  // The domains measured at least once: a column of the table and a line of the chart each.
  const { scored, chart } = useMemo(() => {
    const oldestFirst = [...assessments].reverse();
    const scored = LIFE_DOMAINS.filter((domain) => assessments.some((a) => a.scores[domain] !== undefined));
    return {
      scored,
      chart: {
        moments: oldestFirst.map((a) => new Date(a.assessedAt)),
        series: scored.map(
          (domain): ChartSeries => ({ name: t.domains[domain] ?? domain, values: oldestFirst.map((a) => a.scores[domain] ?? null) }),
        ),
      },
    };
  }, [assessments]);
  const latest = assessments[0];
  return (
    <section className="wt-stack" aria-labelledby="zrm">
      <Heading level={2} id="zrm">
        {t.assessments.title}
      </Heading>
      {assessments.length > 1 && (
        <Suspense fallback={<Loading />}>
          <LineChart label={t.assessments.chart} moments={chart.moments} series={chart.series} tick={DAY_TICK} range={SCORE_RANGE} />
        </Suspense>
      )}
      <ListTable
        state={{ data: assessments, loading: false }}
        caption={t.assessments.table}
        columns={[t.assessments.date, ...scored.map((d) => t.domains[d] ?? d), t.assessments.note]}
        empty={t.assessments.none}
        rowKey={(a) => a.id}
        cells={(a) => [t.date(a.assessedAt), ...scored.map((d) => a.scores[d] ?? '—'), a.note ?? '']}
      />
      {latest && Object.keys(latest.changeSinceFirst).length > 0 && (
        <Paragraph>
          {t.assessments.sinceFirst}:{' '}
          {Object.entries(latest.changeSinceFirst)
            .map(([domain, change]) => `${t.domains[domain]} ${change > 0 ? `+${change}` : change}`)
            .join(', ')}
        </Paragraph>
      )}
      {canRecord && <RecordAssessment householdId={householdId} previous={latest} onRecorded={onRecorded} />}
    </section>
  );
}

/** Records a ZRM assessment: a score 1–5 for the domains assessed this time (the previous scores are offered as a start). */
function RecordAssessment({
  householdId,
  previous,
  onRecorded,
}: {
  householdId: string;
  previous?: Assessment | undefined;
  onRecorded: () => void;
}) {
  const [scores, setScores] = useState<Partial<Record<LifeDomain, string>>>(() =>
    Object.fromEntries(Object.entries(previous?.scores ?? {}).map(([domain, score]) => [domain, String(score)])),
  );
  const [note, setNote] = useState('');
  const { error, fieldErrors, setFieldErrors, fail, clear } = useProblem();
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body: Schemas['NewAssessment'] = {
      scores: Object.fromEntries(Object.entries(scores).flatMap(([domain, score]) => (score ? [[domain, Number(score)]] : []))),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    if (Object.keys(body.scores).length === 0) {
      setFieldErrors({ scores: t.assessments.scoreOne });
      return;
    }
    try {
      await recordAssessment(householdId, body);
      clear();
      setNote('');
      setSaved(true);
      onRecorded();
    } catch (caught) {
      fail(caught);
    }
  };

  return (
    <form className="wt-stack" onSubmit={submit} noValidate aria-labelledby="zrm-nieuw">
      <Heading level={3} id="zrm-nieuw">
        {t.assessments.record}
      </Heading>
      <ErrorAlert error={error} />
      {saved && (
        <Alert type="ok">
          <Paragraph>{t.assessments.saved}</Paragraph>
        </Alert>
      )}
      <Fieldset legend={t.assessments.scores}>
        {fieldErrors.scores && <Paragraph className="utrecht-form-field-error-message">{fieldErrors.scores}</Paragraph>}
        <div className="wt-grid">
          {LIFE_DOMAINS.map((domain) => (
            <SelectField
              key={domain}
              id={`veld-scores-${domain}`}
              label={t.domains[domain] ?? domain}
              value={scores[domain] ?? ''}
              errorMessage={fieldErrors[`scores.${domain}`]}
              onChange={(e) => setScores((s) => ({ ...s, [domain]: inputValue(e) }))}
            >
              <SelectOption value="">{t.assessments.notScored}</SelectOption>
              {[1, 2, 3, 4, 5].map((score) => (
                <SelectOption key={score} value={String(score)}>
                  {t.assessments.score(score)}
                </SelectOption>
              ))}
            </SelectField>
          ))}
        </div>
      </Fieldset>
      <TextareaField
        id="veld-note"
        label={t.assessments.note}
        value={note}
        errorMessage={fieldErrors.note}
        onChange={(e) => setNote(inputValue(e))}
      />
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.assessments.save}
        </Button>
      </div>
    </form>
  );
}
