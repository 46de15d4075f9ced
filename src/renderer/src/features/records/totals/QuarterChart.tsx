import { useEffect, useRef, useState, type JSX } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatPence } from '@shared/domain/money';
import type { QuarterTotalView } from '@shared/ipc/channels/records';
import { valueAxis } from './value-axis';

const HEIGHT = 240;

/** Colours from the theme, so the chart follows the OS's light or dark mode. */
function themeColours() {
  const css = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    income: read('--chart-income', '#1f7a4d'),
    expenses: read('--chart-expenses', '#b3541e'),
    axis: read('--text-muted', '#4a5666'),
    grid: read('--border', '#d5dbe3'),
  };
}

const compactPounds = (pounds: number) =>
  Math.abs(pounds) >= 1000
    ? `£${(pounds / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })}k`
    : formatPence(Math.round(pounds * 100)).replace(/\.00$/, '');

/**
 * Income and expenses per quarter as grouped bars (uPlot on a canvas). The canvas is a picture
 * for sighted readers; the figures are in the table beside it for everyone else.
 */
export default function QuarterChart({
  quarters,
  labelledBy,
}: {
  quarters: readonly QuarterTotalView[];
  labelledBy: string;
}): JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const [dark, setDark] = useState(() => window.matchMedia('(prefers-color-scheme: dark)').matches);

  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const colours = themeColours();
    const xs = quarters.map((q) => q.quarter);
    const income = quarters.map((q) => q.incomePence / 100);
    const expenses = quarters.map((q) => q.expensesPence / 100);
    const bars = uPlot.paths.bars!;
    const y = valueAxis(Math.max(...income, ...expenses, 0));
    const axis = {
      stroke: colours.axis,
      grid: { stroke: colours.grid, width: 1 },
      ticks: { show: false },
    };
    const chart = new uPlot(
      {
        width: Math.max(el.clientWidth, 280),
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [0.4, xs.length + 0.6] },
          y: { range: () => [0, y.top] },
        },
        axes: [
          {
            ...axis,
            grid: { show: false },
            splits: () => xs,
            values: (_u, splits) => splits.map((v) => `Q${v}`),
          },
          {
            ...axis,
            size: 64,
            splits: () => y.splits,
            values: (_u, splits) => splits.map(compactPounds),
          },
        ],
        series: [
          {},
          {
            label: 'Income',
            fill: colours.income,
            stroke: colours.income,
            paths: bars({ size: [0.32], align: -1, gap: 2 }),
            points: { show: false },
          },
          {
            label: 'Expenses',
            fill: colours.expenses,
            stroke: colours.expenses,
            paths: bars({ size: [0.32], align: 1, gap: 2 }),
            points: { show: false },
          },
        ],
      },
      [xs, income, expenses],
      el,
    );
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(el.clientWidth, 280), height: HEIGHT }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [quarters, dark]);

  return (
    <figure className="records-chart">
      <div
        ref={box}
        role="img"
        aria-labelledby={labelledBy}
        aria-describedby="records-chart-note"
        className="records-chart-canvas"
      />
      <figcaption className="records-chart-legend">
        <span className="records-key records-key-income" aria-hidden="true" /> Income{' '}
        <span className="records-key records-key-expenses" aria-hidden="true" /> Expenses
        <span id="records-chart-note" className="visually-hidden">
          Bar chart. The same figures are in the table below.
        </span>
      </figcaption>
    </figure>
  );
}
