import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface ChartSeries {
  name: string;
  /** One value per moment; null where the series has none (a domain not scored that time). */
  values: (number | null)[];
}

/** Colours of the Rijkshuisstijl palette, distinguishable side by side; the nth series takes the nth. */
const STROKES = [
  '#154273',
  '#39870c',
  '#a90061',
  '#e17000',
  '#42145f',
  '#007bc7',
  '#ca005d',
  '#673327',
  '#275937',
  '#b15c00',
  '#01689b',
  '#d52b1e',
  '#777c00',
];

/**
 * A line chart (uPlot, on a canvas): a picture of a table on the same screen that holds the
 * same figures, so the canvas is one image with a name and the table is what a screen reader reads.
 */
export function LineChart({
  label,
  moments,
  series,
  tick,
  range,
}: {
  label: string;
  /** The x axis: one moment per value of each series. */
  moments: Date[];
  series: ChartSeries[];
  /** How a moment on the axis reads. */
  tick: Intl.DateTimeFormatOptions;
  /** A fixed y range (ZRM scores are 1–5); else uPlot fits the values. */
  range?: [number, number];
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const format = new Intl.DateTimeFormat('nl-NL', tick);
    const x = moments.map((m) => m.getTime() / 1000);
    const every = Math.ceil(x.length / 8);
    const ticks = x.filter((_, i) => i % every === 0 || i === x.length - 1);
    const plot = new uPlot(
      {
        width: Math.min(720, box.current.clientWidth || 720),
        height: 240,
        // Room at the right for the last moment's label, which uPlot centres on the plot's edge (else it is cut off).
        padding: [12, 40, null, null],
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.name,
            stroke: STROKES[i % STROKES.length],
            width: 2,
            spanGaps: true,
            points: { show: true },
          })),
        ],
        // A tick at each moment measured (at most eight, spread evenly), labelled as the table labels it.
        axes: [{ splits: () => ticks, values: (_u, at) => at.map((tick) => format.format(new Date(tick * 1000))) }, {}],
        scales: { x: { time: true }, ...(range ? { y: { range } } : {}) },
        cursor: { show: false },
        // The legend names the lines; the values are in the table.
        legend: { live: false },
      },
      [x, ...series.map((s) => s.values)],
      box.current,
    );
    return () => plot.destroy();
  }, [moments, series, tick, range]);
  return <div ref={box} role="img" aria-label={label} />;
}
