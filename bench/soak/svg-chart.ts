/** One line of a chart: a name, a colour and a value per x (null = no value there). */
export interface Series {
  name: string;
  color: string;
  values: readonly (number | null)[];
  /** Where a new line starts (true at i: no segment from i-1 to i), e.g. a restarted process. */
  breakBefore?: readonly boolean[];
}

export interface ChartPanel {
  title: string;
  unit: string;
  series: readonly Series[];
}

const WIDTH = 760;
const PANEL_HEIGHT = 220;
const MARGIN = { left: 64, right: 170, top: 28, bottom: 34 };

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A round upper bound for an axis (1, 2 or 5 times a power of ten). */
function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

function panel(p: ChartPanel, xLabels: readonly string[], top: number): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const all = p.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const max = niceMax(Math.max(0, ...all));
  const n = Math.max(1, xLabels.length - 1);
  const x = (i: number): number => MARGIN.left + (i / n) * plotWidth;
  const y = (v: number): number => top + MARGIN.top + plotHeight - (v / max) * plotHeight;
  const parts: string[] = [`<text x="${MARGIN.left}" y="${top + 18}" font-weight="bold">${escape(p.title)} (${escape(p.unit)})</text>`];
  for (let t = 0; t <= 4; t++) {
    const v = (max * t) / 4;
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y(v) + 4}" text-anchor="end">${+v.toPrecision(3)}</text>`);
  }
  const every = Math.max(1, Math.ceil(xLabels.length / 12));
  xLabels.forEach((label, i) => {
    if (i % every === 0 || i === xLabels.length - 1) parts.push(`<text x="${x(i)}" y="${top + PANEL_HEIGHT - 12}" text-anchor="middle">${escape(label)}</text>`);
  });
  p.series.forEach((s, k) => {
    // A gap (null) or a break ends the line: a restarted node is a new process.
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) return void (pen = false);
      if (s.breakBefore?.[i]) pen = false;
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
      pen = true;
    });
    parts.push(`<path d="${d.trim()}" fill="none" stroke="${s.color}" stroke-width="1.8"/>`);
    const ly = top + MARGIN.top + 6 + k * 16;
    parts.push(`<rect x="${WIDTH - MARGIN.right + 12}" y="${ly - 8}" width="12" height="3" fill="${s.color}"/>`);
    parts.push(`<text x="${WIDTH - MARGIN.right + 30}" y="${ly - 3}">${escape(s.name)}</text>`);
  });
  return parts.join('\n');
}

/** Stacked line-chart panels sharing one x axis, as a standalone SVG document. */
export function renderChart(title: string, xLabels: readonly string[], panels: readonly ChartPanel[]): string {
  const height = 30 + panels.length * PANEL_HEIGHT;
  const body = panels.map((p, i) => panel(p, xLabels, 30 + i * PANEL_HEIGHT)).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="18" text-anchor="middle" font-size="13" font-weight="bold">${escape(title)}</text>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}
