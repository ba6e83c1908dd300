import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Dashboard } from '../api/dashboard.api';
import { countOf, formatNumber } from '../lib/format';

/** `what` names the runs in the caption, e.g. "load runs". */
type Props = { days: Dashboard['loadRunsByDay']; what: string };

const COLORS = { completed: '#16a34a', failed: '#dc2626' };

/**
 * Runs per day as bars (uPlot: canvas, ~50 kB, no dependencies). The canvas is drawn
 * for sighted users; the figure's label and the caption carry the same numbers for everyone.
 */
export function RunsChart({ days, what }: Props) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const x = days.map((d) => Date.parse(`${d.day}T12:00:00Z`) / 1000);
    // Completed left of the day's tick, failed right of it: side by side, never hiding each other.
    const bars = (align: -1 | 1) => uPlot.paths.bars?.({ size: [0.35, 12], gap: 1, align });
    const chart = new uPlot(
      {
        width: el.clientWidth || 600,
        height: 180,
        legend: { show: true },
        cursor: { points: { show: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [{}, { size: 40, incrs: [1, 2, 5, 10, 20, 50, 100] }],
        series: [
          {},
          { label: 'Completed', stroke: COLORS.completed, fill: `${COLORS.completed}99`, paths: bars(-1), points: { show: false } },
          { label: 'Failed', stroke: COLORS.failed, fill: `${COLORS.failed}99`, paths: bars(1), points: { show: false } },
        ],
      },
      [x, days.map((d) => d.completed), days.map((d) => d.failed)],
      el,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: el.clientWidth, height: 180 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days]);

  const completed = days.reduce((n, d) => n + d.completed, 0);
  const failed = days.reduce((n, d) => n + d.failed, 0);
  const summary = `Last ${countOf(days.length, 'day')}: ${formatNumber(completed)} completed and ${formatNumber(failed)} failed ${what}.`;
  // The caption names the figure; an aria-label as well would have it read twice.
  return (
    <figure className="chart">
      <div ref={host} className="chart-canvas" aria-hidden="true" />
      <figcaption className="text-muted">{summary}</figcaption>
    </figure>
  );
}
