// The Trends page, in the webview. It draws what the extension sends and sends back
// filters, clicks and exports. Report text (titles, institutions) only ever becomes text
// nodes and attribute values, never markup.
import * as Plot from '@observablehq/plot';
import type { Trends } from '../../library/trends';
import type { FromPage, Mark, TrendFilterMessage, TrendsMessage } from '../messages';
import { unpackTrends } from '../wire';
import { element as h, button, select } from './dom';
import { svgForExport, pngOf } from './exportImage';

interface PageState {
  filter?: TrendFilterMessage;
  table?: boolean;
}

declare function acquireVsCodeApi(): {
  postMessage(message: FromPage): void;
  getState(): PageState | undefined;
  setState(state: PageState): void;
};

const vscode = acquireVsCodeApi();
let state: PageState = vscode.getState() ?? {};
/** The VS Code chart colours first, so that themes (high contrast too) set them; then distinct fixed ones. */
const PALETTE = [
  'var(--vscode-charts-blue)',
  'var(--vscode-charts-orange)',
  'var(--vscode-charts-green)',
  'var(--vscode-charts-red)',
  'var(--vscode-charts-purple)',
  'var(--vscode-charts-yellow)',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#aec7e8',
  '#ff9896',
  '#98df8a',
  '#c5b0d5',
];
const MAX_TICKS = 14;

/** What the page draws: the unpacked trends, the filter, and the words kept from the first message. */
interface View {
  readonly trends: Trends;
  readonly filter: TrendFilterMessage;
  readonly techniques: NonNullable<TrendsMessage['techniques']>;
  readonly strings: NonNullable<TrendsMessage['strings']>;
}

let message: View | undefined;
const app = document.getElementById('app')!;
const parts = skeleton();

window.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as TrendsMessage;
  if (data?.type !== 'trends') return;
  const start = performance.now();
  const techniques = data.techniques ?? message?.techniques ?? [];
  const strings = data.strings ?? message?.strings ?? {};
  const choices = data.trends.choices ??
    message?.trends.choices ?? { techniques: [], institutions: [], from: '', to: '' };
  const view: View = { trends: unpackTrends(data.trends, choices), filter: data.filter, techniques, strings };
  message = view;
  state = { ...state, filter: data.filter };
  vscode.setState(state);
  draw(view);
  // Measured once the browser has laid the page out.
  requestAnimationFrame(() =>
    vscode.postMessage({
      type: 'rendered',
      seq: data.seq,
      ms: performance.now() - start,
      bars: view.trends.cells.length,
    }),
  );
});
vscode.postMessage({ type: 'ready', filter: state.filter });

/** The parts that stay while filters change, so that focus stays in the control being used. */
function skeleton() {
  const heading = h('h1');
  const summary = h('p', { class: 'summary', role: 'status' });
  const from = h('input', { type: 'date', id: 'from' });
  const to = h('input', { type: 'date', id: 'to' });
  const technique = select('technique');
  const institution = select('institution');
  const bucket = select('bucket');
  const reset = button('', () => send({ bucket: currentFilter().bucket }));
  const labels = {
    from: h('label', { for: 'from' }),
    to: h('label', { for: 'to' }),
    technique: h('label', { for: 'technique' }),
    institution: h('label', { for: 'institution' }),
    bucket: h('label', { for: 'bucket' }),
  };
  const filters = h(
    'form',
    { class: 'filters' },
    ...(['from', 'to', 'technique', 'institution', 'bucket'] as const).map((k) =>
      h('div', { class: 'field' }, labels[k], { from, to, technique, institution, bucket }[k]),
    ),
    reset,
  );
  filters.addEventListener('submit', (e) => e.preventDefault());
  const onChange = () =>
    send({
      from: from.value || undefined,
      to: to.value || undefined,
      technique: technique.value || undefined,
      institution: institution.value || undefined,
      bucket: bucket.value === 'week' ? 'week' : 'day',
    });
  for (const control of [from, to, technique, institution, bucket]) control.addEventListener('change', onChange);

  const barsTitle = h('h2', { id: 'bars-title' });
  const toggle = button('', () => {
    state = { ...state, table: !state.table };
    vscode.setState(state);
    if (message) draw(message);
  });
  const exportSvg = button('', () => void exportChart('svg'));
  const exportPng = button('', () => void exportChart('png'));
  const exportBars = button('', () => vscode.postMessage({ type: 'exportCsv', table: 'bars' }));
  const legend = h('ul', { class: 'legend' });
  const chart = h('div', { class: 'chart', id: 'bars' });
  const institutionsTitle = h('h2', { id: 'institutions-title' });
  const exportInstitutions = button('', () => vscode.postMessage({ type: 'exportCsv', table: 'institutions' }));
  const institutionCharts = h('div', { class: 'small-multiples', id: 'institutions' });
  const leaderboardsTitle = h('h2', { id: 'leaderboards-title' });
  const exportLeaderboards = button('', () => vscode.postMessage({ type: 'exportCsv', table: 'leaderboards' }));
  const leaderboards = h('div', { class: 'leaderboards', id: 'leaderboards' });

  app.replaceChildren(
    h('header', {}, heading, summary),
    filters,
    h(
      'section',
      { 'aria-labelledby': 'bars-title' },
      h(
        'div',
        { class: 'section-head' },
        barsTitle,
        h('div', { class: 'actions' }, toggle, exportSvg, exportPng, exportBars),
      ),
      legend,
      chart,
    ),
    h(
      'section',
      { 'aria-labelledby': 'institutions-title' },
      h('div', { class: 'section-head' }, institutionsTitle, h('div', { class: 'actions' }, exportInstitutions)),
      institutionCharts,
    ),
    h(
      'section',
      { 'aria-labelledby': 'leaderboards-title' },
      h('div', { class: 'section-head' }, leaderboardsTitle, h('div', { class: 'actions' }, exportLeaderboards)),
      leaderboards,
    ),
  );
  return {
    heading,
    summary,
    labels,
    controls: { from, to, technique, institution, bucket },
    reset,
    barsTitle,
    toggle,
    exportSvg,
    exportPng,
    exportBars,
    legend,
    chart,
    institutionsTitle,
    exportInstitutions,
    institutionCharts,
    leaderboardsTitle,
    exportLeaderboards,
    leaderboards,
  };
}

function currentFilter(): TrendFilterMessage {
  return message?.filter ?? state.filter ?? { bucket: 'day' };
}

function send(filter: TrendFilterMessage): void {
  state = { ...state, filter };
  vscode.setState(state);
  vscode.postMessage({ type: 'filter', filter });
}

function open(mark: Mark): void {
  vscode.postMessage({ type: 'open', mark });
}

/** Fills a template: "{0} papers" with its arguments. */
function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

function draw(m: View): void {
  const s = m.strings;
  const { trends, filter } = m;
  const labelOf = new Map(m.techniques.map((t) => [t.id, t.label]));
  const label = (id: string) => labelOf.get(id) ?? id;
  // Colours follow the taxonomy's order, so that a technique keeps its colour under any filter.
  const order = [...m.techniques.map((t) => t.id), ...trends.choices.techniques.filter((id) => !labelOf.has(id))];
  const colour = (id: string) => PALETTE[order.indexOf(id) % PALETTE.length];
  const color = { type: 'ordinal' as const, domain: order, range: order.map(colour) };

  document.title = s.title;
  parts.heading.textContent = s.title;
  parts.summary.textContent = trends.total
    ? format(s.summary, trends.total, filter.from || trends.choices.from, filter.to || trends.choices.to)
    : s.empty;
  fillControls(m, label);

  parts.barsTitle.textContent = s.bars;
  parts.toggle.textContent = state.table ? s.showChart : s.showTable;
  parts.toggle.setAttribute('aria-pressed', String(Boolean(state.table)));
  parts.exportSvg.textContent = s.exportSvg;
  parts.exportPng.textContent = s.exportPng;
  parts.exportSvg.disabled = parts.exportPng.disabled = Boolean(state.table) || !trends.cells.length;
  for (const b of [parts.exportBars, parts.exportInstitutions, parts.exportLeaderboards]) b.textContent = s.exportCsv;

  const present = order.filter((id) => trends.cells.some((c) => c.technique === id));
  parts.legend.replaceChildren(
    ...present.map((id) =>
      h(
        'li',
        {},
        button(label(id), () => send({ ...filter, technique: filter.technique === id ? undefined : id }), {
          class: 'swatch',
          'aria-pressed': String(filter.technique === id),
          'data-technique': id,
        }),
      ),
    ),
  );
  // The swatch colour is set through the CSSOM (allowed by the page's policy, unlike style attributes).
  parts.legend.querySelectorAll<HTMLElement>('.swatch').forEach((b) => {
    b.style.setProperty('--swatch', colour(b.dataset.technique!));
  });

  parts.chart.replaceChildren(
    !trends.cells.length
      ? h('p', { class: 'empty' }, s.empty)
      : state.table
        ? barsTable(m, present, label)
        : barsChart(m, color, label),
  );

  parts.institutionsTitle.textContent = s.institutions;
  // Five bars per technique, as HTML: fifteen small Plot charts cost more to draw than the main one.
  parts.institutionCharts.replaceChildren(
    ...trends.topInstitutions.map(({ technique, institutions }) => {
      const max = institutions[0]?.count ?? 1;
      const rows = institutions.map((i) => {
        const text = format(s.institutionBar, label(technique), i.name, i.count);
        const fill = h('span', { class: 'fill' });
        // Through the CSSOM: the page's policy refuses style attributes.
        fill.style.width = `${(100 * i.count) / max}%`;
        fill.style.background = colour(technique);
        const row = button('', () => open({ kind: 'institution', technique, institution: i.key }), {
          class: 'bar-row',
          title: text,
          'aria-label': text,
          'data-institution': i.key,
          'data-technique': technique,
          'data-count': String(i.count),
        });
        row.append(
          h('span', { class: 'name' }, i.name),
          h('span', { class: 'track' }, fill),
          h('span', { class: 'count' }, String(i.count)),
        );
        return h('li', {}, row);
      });
      return h(
        'figure',
        { class: 'small' },
        h('figcaption', {}, label(technique)),
        h('ol', { class: 'bars' }, ...rows),
      );
    }),
  );

  parts.leaderboardsTitle.textContent = s.leaderboards;
  parts.leaderboards.replaceChildren(
    ...trends.leaderboards.map((board) =>
      h(
        'section',
        { class: 'board', 'data-board': board.id },
        h('h3', {}, s[board.id]),
        board.entries.length
          ? h(
              'ol',
              {},
              ...board.entries.map((e) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'value' }, e.text),
                  button(e.title || s.untitled, () => open({ kind: 'paper', paper: e.paper }), { class: 'link' }),
                  h('span', { class: 'muted' }, label(e.technique)),
                ),
              ),
            )
          : h('p', { class: 'empty' }, s.noResults),
      ),
    ),
  );
  app.setAttribute('aria-busy', 'false');
}

function fillControls(m: View, label: (id: string) => string): void {
  const s = m.strings;
  const { controls, labels } = parts;
  const { choices } = m.trends;
  labels.from.textContent = s.from;
  labels.to.textContent = s.to;
  labels.technique.textContent = s.technique;
  labels.institution.textContent = s.institution;
  labels.bucket.textContent = s.period;
  parts.reset.textContent = s.reset;
  for (const input of [controls.from, controls.to]) {
    input.min = choices.from;
    input.max = choices.to;
  }
  controls.from.value = m.filter.from ?? '';
  controls.to.value = m.filter.to ?? '';
  setOptions(
    controls.technique,
    [['', s.all], ...choices.techniques.map((id): [string, string] => [id, label(id)])],
    m.filter.technique,
  );
  const institutions: [string, string][] = choices.institutions.map((i) => [i.key, `${i.name} (${i.count})`]);
  setOptions(controls.institution, [['', s.all], ...institutions], m.filter.institution);
  setOptions(
    controls.bucket,
    [
      ['day', s.day],
      ['week', s.week],
    ],
    m.filter.bucket,
  );
}

function setOptions(control: HTMLSelectElement, options: [string, string][], value: string | undefined): void {
  control.replaceChildren(...options.map(([v, text]) => h('option', { value: v }, text)));
  control.value = value ?? '';
}

function barsChart(
  m: View,
  color: { type: 'ordinal'; domain: string[]; range: string[] },
  label: (id: string) => string,
): Element {
  const s = m.strings;
  const cells = m.trends.cells;
  const buckets = [...new Set(cells.map((c) => c.bucket))];
  const step = Math.ceil(buckets.length / MAX_TICKS);
  const stacks = new Map<string, number>();
  for (const c of cells) stacks.set(c.bucket, (stacks.get(c.bucket) ?? 0) + c.count);
  const text = (c: (typeof cells)[number]) => format(s.bar, c.bucket, label(c.technique), c.count);
  const plot = Plot.plot({
    width: Math.max(parts.chart.clientWidth || 800, 320),
    height: 320,
    marginBottom: 48,
    x: { type: 'band', domain: buckets, label: null, ticks: buckets.filter((_, i) => i % step === 0), tickRotate: -30 },
    y: { label: s.papers, grid: true, ticks: integerTicks(Math.max(...stacks.values())), tickFormat: 'd' },
    color,
    ariaLabel: s.bars,
    ariaDescription: s.barsDescription,
    marks: [
      Plot.barY(cells, {
        x: 'bucket',
        y: 'count',
        fill: 'technique',
        order: color.domain,
        title: text,
        render: focusable(cells, (c) => ({
          mark: { kind: 'cell', bucket: c.bucket, technique: c.technique },
          label: text(c),
          data: { bucket: c.bucket, technique: c.technique, count: String(c.count) },
        })),
      }),
      Plot.ruleY([0]),
    ],
  });
  return withoutStyles(plot);
}

/** The same counts as the bars, as a table: a period per row, a technique per column. */
function barsTable(m: View, techniques: string[], label: (id: string) => string): Element {
  const s = m.strings;
  const byBucket = new Map<string, Map<string, number>>();
  for (const c of m.trends.cells) {
    const row = byBucket.get(c.bucket) ?? new Map<string, number>();
    row.set(c.technique, c.count);
    byBucket.set(c.bucket, row);
  }
  return h(
    'table',
    { class: 'data' },
    h('caption', {}, s.bars),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, s.periodColumn),
        ...techniques.map((id) => h('th', { scope: 'col' }, label(id))),
        h('th', { scope: 'col' }, s.total),
      ),
    ),
    h(
      'tbody',
      {},
      ...[...byBucket].map(([bucket, row]) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, bucket),
          ...techniques.map((id) => {
            const count = row.get(id);
            return h(
              'td',
              { 'data-technique': id, 'data-bucket': bucket },
              count
                ? button(String(count), () => open({ kind: 'cell', bucket, technique: id }), {
                    class: 'link',
                    'aria-label': format(s.bar, bucket, label(id), count),
                  })
                : '',
            );
          }),
          h('td', {}, String([...row.values()].reduce((a, b) => a + b, 0))),
        ),
      ),
    ),
  );
}

/**
 * A Plot render hook that makes each mark's element a button: focusable, labelled, opened
 * by a click, Enter or Space, and carrying its data for tests. Plot draws one element per
 * index, in index order.
 */
function focusable<T>(
  data: readonly T[],
  describe: (d: T) => { mark: Mark; label: string; data: Record<string, string> },
): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next?.(index, scales, values, dimensions, context);
    if (!g) return null;
    const elements = g.querySelectorAll('rect');
    index.forEach((i, j) => {
      const el = elements[j];
      if (!el) return;
      const { mark, label, data: attributes } = describe(data[i]);
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
      el.setAttribute('aria-label', label);
      for (const [k, v] of Object.entries(attributes)) el.setAttribute(`data-${k}`, v);
      el.addEventListener('click', () => open(mark));
      el.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        open(mark);
      });
    });
    return g;
  };
}

/** Plot adds a <style> element of its own; the page's policy refuses inline styles, and trends.css has them. */
function withoutStyles<T extends Element>(plot: T): T {
  plot.querySelectorAll('style').forEach((s) => s.remove());
  return plot;
}

/** About five whole-number ticks from 0 to `max`, on round steps: counts have no fractions. */
function integerTicks(max: number): number[] {
  const rough = Math.max(1, max / 5);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}

async function exportChart(format: 'svg' | 'png'): Promise<void> {
  const svg = parts.chart.querySelector('svg');
  if (!svg) return;
  const text = svgForExport(svg);
  vscode.postMessage(
    format === 'svg'
      ? { type: 'exportImage', format, data: text }
      : { type: 'exportImage', format, data: await pngOf(text, svg) },
  );
}
