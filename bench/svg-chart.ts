// A line chart as a standalone SVG document: a few series of (x, y) points, linear or log x axis,
// optional horizontal goal lines, a legend. Hand-written so the bench needs no plotting library.

export interface Series {
  name: string;
  /** A point whose y is NaN lifts the pen: the line starts anew at the next point (a restarted process). */
  points: [number, number][];
  /** Drawn dashed (e.g. a measured reference rather than our figure). */
  dashed?: boolean;
}

export interface ChartSpec {
  title: string;
  /** A second, smaller line under the title (when and on what it was measured). */
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  logX?: boolean;
  /** Horizontal reference lines (goals), labelled at their right end. */
  goals?: { y: number; label: string }[];
  /** Vertical markers (events on a timeline), labelled at their top. */
  markers?: { x: number; label: string }[];
  /** Steps instead of straight segments between points (a count over time). */
  steps?: boolean;
  /** Lines only, no dot per point (long series). */
  noDots?: boolean;
}

const WIDTH = 720;
const HEIGHT = 400;
const PAD = { left: 70, right: 200, top: 52, bottom: 50 };
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Round tick values for [min, max]: 1, 2 or 5 times a power of ten apart. */
function linearTicks(min: number, max: number, count = 6): number[] {
  const span = max - min || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let p = Math.floor(Math.log10(min)); p <= Math.ceil(Math.log10(max)); p++) ticks.push(10 ** p);
  return ticks.filter((t) => t >= min / 1.0001 && t <= max * 1.0001);
}

const label = (value: number): string =>
  Math.abs(value) >= 1000 && Number.isInteger(value) ? value.toLocaleString('en-US') : String(Math.round(value * 100) / 100);

export function lineChart(spec: ChartSpec): string {
  const points = spec.series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const xs = [...points.map(([x]) => x), ...(spec.markers ?? []).map((m) => m.x)];
  const ys = [0, ...points.map(([, y]) => y), ...(spec.goals ?? []).map((g) => g.y)];
  let xMin = Math.min(...xs);
  let xMax = Math.max(...xs);
  if (!spec.logX && xMin > 0 && xMin < (xMax - xMin) / 2) xMin = 0;
  if (xMin === xMax) {
    // One x value (a single scale): widen the axis around it.
    xMin = spec.logX ? xMin / 3 : xMin - 1;
    xMax = spec.logX ? xMax * 3 : xMax + 1;
  }
  const yMax = Math.max(...ys) * 1.08 || 1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const sx = spec.logX
    ? (x: number) => PAD.left + ((Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin) || 1)) * plotW
    : (x: number) => PAD.left + ((x - xMin) / (xMax - xMin)) * plotW;
  const sy = (y: number) => PAD.top + plotH - (y / yMax) * plotH;
  const f = (n: number) => n.toFixed(1);

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`);
  out.push(`<text x="${PAD.left}" y="20" font-size="15" font-weight="bold">${escape(spec.title)}</text>`);
  if (spec.subtitle) out.push(`<text x="${PAD.left}" y="38" font-size="11" fill="#555">${escape(spec.subtitle)}</text>`);
  // Grid and axes.
  for (const t of linearTicks(0, yMax)) {
    if (t > yMax) continue;
    out.push(`<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${f(sy(t))}" y2="${f(sy(t))}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${PAD.left - 6}" y="${f(sy(t) + 4)}" text-anchor="end">${label(t)}</text>`);
  }
  for (const t of spec.logX ? logTicks(xMin, xMax) : linearTicks(xMin, xMax)) {
    out.push(`<line x1="${f(sx(t))}" x2="${f(sx(t))}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="#f0f0f0"/>`);
    out.push(`<text x="${f(sx(t))}" y="${PAD.top + plotH + 16}" text-anchor="middle">${label(t)}</text>`);
  }
  out.push(`<rect x="${PAD.left}" y="${PAD.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${PAD.left + plotW / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escape(spec.xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${PAD.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(spec.yLabel)}</text>`);
  for (const goal of spec.goals ?? []) {
    out.push(`<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${f(sy(goal.y))}" y2="${f(sy(goal.y))}" stroke="#888" stroke-dasharray="6 4"/>`);
    out.push(`<text x="${PAD.left + 6}" y="${f(sy(goal.y) - 4)}" fill="#555">${escape(goal.label)}</text>`);
  }
  // Marker labels right-aligned on their line, one row each, so close markers do not overlap.
  (spec.markers ?? []).forEach((marker, i) => {
    out.push(`<line x1="${f(sx(marker.x))}" x2="${f(sx(marker.x))}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="#888" stroke-dasharray="3 3"/>`);
    out.push(`<text x="${f(sx(marker.x) - 3)}" y="${PAD.top + 14 + i * 14}" text-anchor="end" fill="#555">${escape(marker.label)}</text>`);
  });
  // Series and legend.
  spec.series.forEach((series, i) => {
    const color = COLORS[i % COLORS.length]!;
    const sorted = series.points.filter(([x]) => Number.isFinite(x)).sort((a, b) => a[0] - b[0]);
    const segments: string[] = [];
    let penDown = false;
    for (const [x, y] of sorted) {
      if (!Number.isFinite(y)) {
        penDown = false;
        continue;
      }
      segments.push(!penDown ? `M${f(sx(x))} ${f(sy(y))}` : spec.steps ? `H${f(sx(x))} V${f(sy(y))}` : `L${f(sx(x))} ${f(sy(y))}`);
      penDown = true;
    }
    if (segments.length > 0) {
      out.push(`<path d="${segments.join(' ')}" fill="none" stroke="${color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="6 3"' : ''}/>`);
      if (!spec.steps && !spec.noDots) {
        for (const [x, y] of sorted) {
          if (Number.isFinite(y)) out.push(`<circle cx="${f(sx(x))}" cy="${f(sy(y))}" r="3" fill="${color}"><title>${escape(`${series.name}: ${label(x)} → ${label(y)}`)}</title></circle>`);
        }
      }
    }
    const ly = PAD.top + 10 + i * 18;
    out.push(`<line x1="${PAD.left + plotW + 10}" x2="${PAD.left + plotW + 30}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="6 3"' : ''}/>`);
    out.push(`<text x="${PAD.left + plotW + 34}" y="${ly + 4}">${escape(series.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Charts made by lineChart, one under the other under a common title, as one SVG document. */
export function stackCharts(title: string, charts: readonly string[]): string {
  const top = 30;
  const height = top + charts.length * HEIGHT;
  const nested = charts.map((chart, i) => chart.trimEnd().replace(/^<svg /, `<svg y="${top + i * HEIGHT}" `));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="white"/>`,
    `<text x="10" y="20" font-size="13" font-weight="bold">${escape(title)}</text>`,
    ...nested,
    '</svg>',
    '',
  ].join('\n');
}
