import { useEffect, useRef, useState } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A small line chart over labelled buckets (weeks, months), drawn with uPlot: a maintained canvas
 * chart library of ~50 kB that needs no eval and no inline styles from a CSP point of view, which
 * suits an MV3 extension page. Colours come from CSS custom properties, so the chart follows the
 * light or dark theme; it is redrawn when the browser's scheme changes.
 *
 * The canvas is decorative for assistive technology (`aria-hidden`): every chart in GapLens comes
 * with the same numbers as a table.
 */

export interface ChartSeries {
  label: string;
  /** One value per bucket; null leaves a gap (a bucket below the minimum sample). */
  values: readonly (number | null)[];
  /** A CSS custom property, e.g. `--chart-actual`. */
  color: string;
  dash?: number[];
  /** Band edges are drawn as the band only, without a line or a legend entry of their own. */
  bandEdge?: boolean;
}

export interface TrendChartProps {
  /** What the chart shows, for the figure's caption. */
  caption: string;
  /** One label per bucket: `W47`, `Nov 2026`. */
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** The value axis, e.g. [0, 1] or [−1, 1]. */
  range: [number, number];
  /** Fills between two series (indices into `series`), e.g. a confidence interval. */
  band?: { upper: number; lower: number; color: string };
  /** Draws a line at 0. */
  zeroLine?: boolean;
  format: (value: number) => string;
  height?: number;
}

function cssVar(element: Element, name: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || '#888';
}

/** Re-renders when the browser switches between light and dark. */
function useColorScheme(): string {
  const query = '(prefers-color-scheme: dark)';
  const [scheme, setScheme] = useState(() => (matchMedia(query).matches ? 'dark' : 'light'));
  useEffect(() => {
    const media = matchMedia(query);
    const onChange = () => setScheme(media.matches ? 'dark' : 'light');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return scheme;
}

/**
 * The chart's options. Labels and the number format are read through `latest` when uPlot draws, so
 * new data only needs `setData`, not a new chart.
 */
function buildOptions(host: HTMLElement, latest: { current: TrendChartProps }, width: number): Options {
  const { series, range, band, zeroLine, height = 160 } = latest.current;
  const labelAt = (index: number) => latest.current.labels[index] ?? '';
  const format = (value: number) => latest.current.format(value);
  const text = cssVar(host, '--muted');
  const grid = cssVar(host, '--border');
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return {
    width,
    height,
    scales: { x: { time: false }, y: { range: () => range } },
    axes: [
      {
        ...axis,
        // Bucket labels instead of numbers; only whole bucket positions get one.
        values: (_u, splits) => splits.map((split) => (Number.isInteger(split) ? labelAt(split) : '')),
      },
      { ...axis, size: 44, values: (_u, splits) => splits.map(format) },
    ],
    series: [
      { label: 'Period', value: (_u, index) => (index === null ? '' : labelAt(index)) },
      ...series.map((s) => ({
        label: s.label,
        stroke: s.bandEdge ? 'transparent' : cssVar(host, s.color),
        width: s.bandEdge ? 0 : 2,
        dash: s.dash,
        points: { show: !s.bandEdge, size: 5 },
        spanGaps: false,
        value: (_u: uPlot, value: number | null) => (value === null ? '–' : format(value)),
      })),
      ...(zeroLine ? [{ label: '0', stroke: grid, width: 1, points: { show: false }, value: () => '' }] : []),
    ],
    bands: band ? [{ series: [band.upper + 1, band.lower + 1], fill: cssVar(host, band.color) }] : [],
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false }, points: { size: 6 } },
  };
}

function dataOf(props: TrendChartProps): AlignedData {
  return [
    props.labels.map((_, index) => index),
    ...props.series.map((s) => [...s.values]),
    ...(props.zeroLine ? [props.labels.map(() => 0)] : []),
  ] as AlignedData;
}

export function TrendChart(props: TrendChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef(props);
  const scheme = useColorScheme();
  // What the chart is built from; data alone changes through setData (a filter change redraws in
  // about a millisecond instead of building the chart and its legend again).
  const shape = JSON.stringify({
    series: props.series.map((s) => [s.label, s.color, s.dash, s.bandEdge]),
    range: props.range,
    band: props.band,
    zeroLine: props.zeroLine,
    height: props.height,
  });

  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const built = new uPlot(buildOptions(element, latest, element.clientWidth || 320), dataOf(latest.current), element);
    chart.current = built;
    // Legend entries for band edges and the zero line would only repeat what the chart shows; hide them.
    const entries = built.root.querySelectorAll<HTMLElement>('.u-legend .u-series');
    latest.current.series.forEach((s, index) => {
      if (s.bandEdge) entries[index + 1]?.classList.add('u-off-legend');
    });
    if (latest.current.zeroLine) entries[latest.current.series.length + 1]?.classList.add('u-off-legend');
    const resize = new ResizeObserver(() =>
      built.setSize({ width: element.clientWidth, height: latest.current.height ?? 160 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      built.destroy();
      chart.current = null;
    };
  }, [shape, scheme]);

  useEffect(() => {
    chart.current?.setData(dataOf(props));
  }, [props]);

  return (
    <figure className="trend-chart">
      <div ref={host} aria-hidden="true" />
      <figcaption className="muted small">{props.caption}</figcaption>
    </figure>
  );
}
