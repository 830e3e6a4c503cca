import * as vscode from 'vscode';
import type { Config } from '../store/config';
import { techniqueLabel } from '../common/techniqueLabels';
import {
  aggregateTrends,
  papersOfMark,
  trendChoices,
  type TrendFilter,
  type TrendPaper,
  type Trends,
} from '../library/trends';
import { trendsCsv, type TrendTable } from '../library/trendsCsv';
import { FromPage, type Mark, type TrendsMessage } from './messages';
import { pageStrings } from './pageStrings';
import { packTrends } from './wire';

export const TRENDS_VIEW_TYPE = 'digestLens.trends';

/** The page's report of a drawing: which message, how long it took from its arrival, how many bars. */
export interface Drawn {
  readonly seq: number;
  readonly ms: number;
  readonly bars: number;
}

/** Where the trends' papers come from: the library, the open digests, or a test's list. */
export interface TrendSource {
  papers(): Promise<readonly TrendPaper[]>;
  readonly onDidChange: vscode.Event<void>;
}

/** A span longer than this many days is drawn per week by default. */
const DAYS_BY_DAY = 60;
const DAY_MS = 86_400_000;

/**
 * The Trends webview panel. The extension aggregates (the pure core) and sends the page
 * counts and labels as JSON; the page draws them and sends back filters, clicks and
 * exports, each validated. The page keeps its filters in its own state, so that a
 * restored panel draws what it showed.
 */
export class TrendsPanel implements vscode.Disposable {
  private papers: Promise<readonly TrendPaper[]> | undefined;
  private filter: TrendFilter | undefined;
  private trends: Trends | undefined;
  /** What the page already has: labels and words once per page load, the choices until they change. */
  private pageHasWords = false;
  private pageChoices: Trends['choices'] | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<Drawn>();
  private seq = 0;
  /** Fires when the page has drawn trends: how long it took from its request, and how many bars. For tests and benches. */
  readonly onDidRender = this.rendered.event;
  /** For measurements: how long the last aggregation took in the extension host, in milliseconds. */
  lastAggregateMs = 0;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.closed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    readonly source: TrendSource,
    private readonly config: Config,
  ) {
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')],
    };
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'digest-lens.svg');
    panel.webview.html = this.html();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      source.onDidChange(() => this.reread()),
      config.onDidChange(() => {
        // Technique labels may have changed.
        this.pageHasWords = false;
        this.reread();
      }),
      this.rendered,
      this.closed,
    );
  }

  /** The current filter and aggregated trends: for tests. */
  get state(): { filter: TrendFilter | undefined; trends: Trends | undefined } {
    return { filter: this.filter, trends: this.trends };
  }

  /** Applies a filter as the page would, and resolves when the page has drawn it: for tests and benches. */
  async applyFilter(filter: TrendFilter): Promise<Drawn> {
    this.filter = filter;
    const seq = await this.post();
    return new Promise((resolve) => {
      const listener = this.onDidRender((drawn) => {
        if (drawn.seq !== seq) return;
        listener.dispose();
        resolve(drawn);
      });
    });
  }

  private currentPapers(): Promise<readonly TrendPaper[]> {
    this.papers ??= this.source.papers();
    return this.papers;
  }

  /** Reads the papers again (a digest opened, closed or changed) and redraws, once the page has asked. */
  private reread(): void {
    this.papers = undefined;
    if (this.filter) void this.post();
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = FromPage.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        this.pageHasWords = false;
        this.pageChoices = undefined;
        this.filter = message.filter ?? (await this.defaultFilter());
        await this.post();
        return;
      case 'filter':
        this.filter = message.filter;
        await this.post();
        return;
      case 'open':
        return this.open(message.mark);
      case 'exportCsv':
        return this.exportCsv(message.table);
      case 'exportImage':
        return this.save(
          message.format,
          message.format === 'svg'
            ? new TextEncoder().encode(message.data)
            : Uint8Array.from(atob(message.data.slice(message.data.indexOf(',') + 1)), (c) => c.charCodeAt(0)),
        );
      case 'rendered':
        return this.rendered.fire({ seq: message.seq, ms: message.ms, bars: message.bars });
    }
  }

  /** Days when the papers span two months or less, weeks beyond. */
  private async defaultFilter(): Promise<TrendFilter> {
    const { from, to } = trendChoices(await this.currentPapers());
    const days = from && to ? (Date.parse(to) - Date.parse(from)) / DAY_MS : 0;
    return { bucket: days > DAYS_BY_DAY ? 'week' : 'day' };
  }

  /** Aggregates and sends the trends; resolves to the message's number. */
  private async post(): Promise<number> {
    const filter = this.filter ?? (await this.defaultFilter());
    const papers = await this.currentPapers();
    const start = performance.now();
    this.trends = aggregateTrends(papers, filter);
    this.lastAggregateMs = performance.now() - start;
    const taxonomy = this.config.classifier.taxonomy;
    const words = this.pageHasWords
      ? {}
      : {
          techniques: taxonomy.map((t) => ({ id: t.id, label: techniqueLabel(t.id, taxonomy) })),
          strings: pageStrings(),
        };
    const message: TrendsMessage = {
      type: 'trends',
      seq: ++this.seq,
      trends: packTrends(this.trends, this.trends.choices !== this.pageChoices),
      filter,
      ...words,
    };
    this.pageHasWords = true;
    this.pageChoices = this.trends.choices;
    void this.panel.webview.postMessage(message);
    return message.seq;
  }

  /** Opens the paper a mark stands for, or lets the user pick among several. */
  private async open(mark: Mark): Promise<void> {
    if (!this.filter) return;
    const papers = papersOfMark(await this.currentPapers(), this.filter, mark);
    if (!papers.length) return;
    const taxonomy = this.config.classifier.taxonomy;
    const paper =
      papers.length === 1
        ? papers[0]
        : (
            await vscode.window.showQuickPick(
              papers.map((p) => ({
                label: p.title || vscode.l10n.t('Untitled paper {0}', p.location.index),
                description: [p.date, techniqueLabel(p.technique, taxonomy)].filter(Boolean).join(' · '),
                detail: p.institutions.map((i) => i.name).join(', '),
                paper: p,
              })),
              {
                title: vscode.l10n.t('{0} papers', papers.length),
                placeHolder: vscode.l10n.t('Pick a paper to open'),
                matchOnDescription: true,
                matchOnDetail: true,
              },
            )
          )?.paper;
    if (paper) await vscode.commands.executeCommand('digestLens.openBrief', paper.location);
  }

  private async exportCsv(table: TrendTable): Promise<void> {
    if (!this.trends) return;
    const taxonomy = this.config.classifier.taxonomy;
    const csv = trendsCsv(this.trends, table, (id) => techniqueLabel(id, taxonomy));
    await this.save('csv', new TextEncoder().encode(csv), table);
  }

  /** Writes an export where the user says, through a save dialog; nothing is written without one. */
  private async save(format: 'svg' | 'png' | 'csv', bytes: Uint8Array, name = 'trends'): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const file = `digest-${name}.${format}`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, file) : undefined,
      filters: { [format.toUpperCase()]: [format] },
      title: vscode.l10n.t('Export Trends'),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
  }

  private html(): string {
    const webview = this.panel.webview;
    // Web Crypto, not Node's: the same code runs in VS Code for the Web.
    const nonce = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path));
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data:`,
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('media', 'trends.css')}">
<title>${escapeHtml(vscode.l10n.t('Trends'))}</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${nonce}" src="${asset('dist', 'trendsPage.js')}"></script>
</body>
</html>`;
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.closed.fire();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
