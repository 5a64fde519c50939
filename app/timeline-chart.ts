import type { ClaimStatus } from '../core/answer.js';
import type { Timeline } from '../claims/timeline.js';

/** Status colours, the same hues as the badges in Discord (🟢 🔵 ⚪ 🟡 🔴 ⚫). */
const STATUS_COLOURS: Record<ClaimStatus, string> = {
  verified: '#2ecc71', corroborated: '#3498db', reported: '#bdc3c7', unverified: '#f1c40f', disputed: '#e74c3c', refuted: '#2c3e50',
};
const WIDTH = 720;
const LANE = 34;
const MAX_LANES = 20;

const DAY = 86_400_000;

/** Where each entry sits on the time axis: its day, spread over the day in document order when a day has several. */
export function entryTimes(dates: readonly string[]): number[] {
  const perDay = new Map<string, number>();
  for (const d of dates) perDay.set(d, (perDay.get(d) ?? 0) + 1);
  const seen = new Map<string, number>();
  return dates.map((d) => {
    const k = seen.get(d) ?? 0;
    seen.set(d, k + 1);
    return Date.parse(`${d}T00:00:00Z`) + ((k + 0.5) / perDay.get(d)!) * DAY;
  });
}

/** Consecutive spans of one status, from the time of a change to the next one (the last to the end of its day). */
export function statusSpans(points: readonly { t: number; status: ClaimStatus }[]): { from: number; to: number; status: ClaimStatus }[] {
  const sorted = [...points].sort((a, b) => a.t - b.t);
  const spans: { from: number; to: number; status: ClaimStatus }[] = [];
  sorted.forEach((p, i) => {
    const to = sorted[i + 1]?.t ?? (Math.floor(p.t / DAY) + 1) * DAY;
    const last = spans.at(-1);
    if (last && last.status === p.status) last.to = to;
    else spans.push({ from: p.t, to, status: p.status });
  });
  return spans;
}

/**
 * The Vega-Lite specification of a timeline's picture: one lane per actor (at most MAX_LANES, the most
 * active), a point per statement coloured by stance, and the story's status band along the bottom.
 */
export function timelineSpec(t: Timeline, title: string): Record<string, unknown> {
  const counts = new Map<string, number>();
  for (const e of t.entries) counts.set(e.actor, (counts.get(e.actor) ?? 0) + 1);
  const lanes = [...counts].sort((a, b) => b[1] - a[1]).slice(0, MAX_LANES).map(([a]) => a);
  const times = entryTimes(t.entries.map((e) => e.date));
  const points = t.entries.map((e, i) => ({ t: times[i]!, date: e.date, actor: e.actor, stance: e.stance, speaker: e.speaker, status: e.status, quote: e.quote.slice(0, 120) }))
    .filter((p) => lanes.includes(p.actor));
  const reviews = t.reviews.map((r) => ({ t: Date.parse(`${r.date}T12:00:00Z`), status: r.status }));
  const spans = statusSpans([...t.entries.map((e, i) => ({ t: times[i]!, status: e.status })), ...reviews]);
  const lo = Math.floor(Math.min(...times, ...reviews.map((r) => r.t)) / DAY) * DAY;
  const hi = Math.max(lo + DAY, ...spans.map((x) => x.to));
  const axis = { format: '%d %b %Y', labelAngle: 0, tickCount: { interval: 'day', step: Math.max(1, Math.ceil((hi - lo) / DAY / 6)) }, labelOverlap: true };
  const x = (field: string) => ({ field, type: 'temporal', title: null, scale: { domain: [lo, hi] }, axis });
  const statuses = (Object.keys(STATUS_COLOURS) as ClaimStatus[]).filter((s) => spans.some((p) => p.status === s));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title.slice(0, 90), anchor: 'start' },
    background: 'white',
    config: { font: 'DejaVu Sans, sans-serif', view: { stroke: '#dddddd' } },
    resolve: { scale: { color: 'independent', x: 'independent' } },
    vconcat: [
      {
        name: 'lanes', width: WIDTH, height: Math.max(1, lanes.length) * LANE, data: { values: points },
        mark: { type: 'point', filled: true, size: 160, opacity: 0.9 },
        encoding: {
          x: x('t'),
          y: { field: 'actor', type: 'nominal', title: null, sort: lanes, axis: { labelLimit: 220, labelFontSize: 12 } },
          color: { field: 'stance', type: 'nominal', title: 'stance', scale: { scheme: 'tableau10' } },
          tooltip: [{ field: 'date' }, { field: 'speaker' }, { field: 'stance' }, { field: 'status' }, { field: 'quote' }],
        },
      },
      {
        name: 'status', width: WIDTH, height: 30, data: { values: spans },
        layer: [
          {
            mark: { type: 'rect', stroke: 'white' },
            encoding: {
              x: x('from'), x2: { field: 'to' },
              color: { field: 'status', type: 'nominal', title: 'status', scale: { domain: statuses, range: statuses.map((s) => STATUS_COLOURS[s]) } },
              tooltip: [{ field: 'status' }],
            },
          },
          { mark: { type: 'text', fontSize: 11, color: 'black', dx: 4, align: 'left' }, encoding: { x: { field: 'from', type: 'temporal' }, text: { field: 'status' } } },
        ],
      },
    ],
  };
}

/** The picture as SVG (Vega-Lite compiled to Vega, rendered headless; the packages load on first use). */
export async function timelineSvg(t: Timeline, title: string): Promise<string> {
  const [{ compile }, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  // Vega-Lite warns that a layer's explicit time domain and its datetime form "conflict" (they are the same
  // domain); nothing to act on, so its logger is quiet.
  const spec = compile(timelineSpec(t, title) as never, { logger: vega.logger(vega.None) }).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The picture as PNG: the SVG rasterised by resvg at twice the size, with the system's fonts. */
export async function timelinePng(t: Timeline, title: string): Promise<Uint8Array> {
  const svg = await timelineSvg(t, title);
  const { Resvg } = await import('@resvg/resvg-js');
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  }).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
