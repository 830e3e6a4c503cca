import * as vscode from 'vscode';
import { looksLikeDigest, parseDigest, updateDigest, utf8Length, type Digest } from '../digest';
import { documentLines } from '../common/documentLines';
import type { Config } from './config';

/** What the store knows of a document. */
export type DigestLookup =
  | { readonly status: 'digest'; readonly digest: Digest }
  | { readonly status: 'tooLarge'; readonly sizeMB: number; readonly limitMB: number }
  | { readonly status: 'none' };

const NOT_A_DIGEST: DigestLookup = { status: 'none' };
/** Change events for one document are merged within this window. */
const CHANGE_WINDOW_MS = 150;
/** The detector looks at this many lines from the top. */
const DETECT_LINES = 400;

/**
 * Exactly one parse per (document, version), shared by every feature. Parses are lazy:
 * nothing is read until a feature asks. An edit inside a paper updates the entry at once;
 * any other edit drops it, and the next lookup parses in full.
 */
export class DigestStore implements vscode.Disposable {
  /** Per document: the version read, and what it is. */
  private readonly cache = new Map<string, { version: number; lookup: DigestLookup }>();
  /** Per document: the version the detector last looked at, and what it decided. */
  private readonly detected = new Map<string, { version: number; isDigest: boolean }>();
  /** Per document, the open throttling window and whether an event is due when it closes. */
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; dirty: boolean }>();
  private readonly warnedTooLarge = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  /**
   * Fires when a document's digest may have changed (`undefined`: all of them), at most once
   * per window: at once when the edit was applied to the parse, at the end of the window
   * when the next lookup must parse in full, so that typing does not parse on every key.
   */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  /** For tests and measurements: how many times a document was parsed in full or updated, and when first. */
  parseCount = 0;
  updateCount = 0;
  /** How long the last full parse or update took, in milliseconds. */
  lastReadMs = 0;
  firstParseAt: number | undefined;

  constructor(private readonly config: Config) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        const entry = this.cache.get(key(event.document));
        if (!entry || event.contentChanges.length === 0) return;
        this.cache.delete(key(event.document));
        this.scheduleChange(event.document.uri, this.updateAfter(event, entry));
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.detected.delete(key(document));
        if (this.cache.delete(key(document))) this.scheduleChange(document.uri);
      }),
      config.onDidChange((names) => {
        if (
          ['include', 'exclude', 'maxFileSizeMB', 'customTechniques', 'replaceDefaultTechniques'].some((n) =>
            names.has(n as never),
          )
        ) {
          this.cache.clear();
          this.detected.clear();
          this.changed.fire(undefined);
        }
      }),
      this.changed,
    );
  }

  /** The document's digest, parsed at most once for its current version. */
  lookup(document: vscode.TextDocument): DigestLookup {
    const cached = this.cache.get(key(document));
    if (cached && cached.version === document.version) return cached.lookup;
    const lookup = this.read(document);
    this.cache.set(key(document), { version: document.version, lookup });
    return lookup;
  }

  digestFor(document: vscode.TextDocument): Digest | undefined {
    const lookup = this.lookup(document);
    return lookup.status === 'digest' ? lookup.digest : undefined;
  }

  /** Whether a document is a digest, without parsing it. */
  isDigest(document: vscode.TextDocument): boolean {
    const cached = this.cache.get(key(document));
    if (cached && cached.version === document.version) return cached.lookup.status !== 'none';
    return this.detect(document);
  }

  /** Whether a document is a digest, decided once per version from its first lines and the settings. */
  private detect(document: vscode.TextDocument): boolean {
    const known = this.detected.get(key(document));
    if (known?.version === document.version) return known.isDigest;
    const isDigest = this.readsAsDigest(document);
    this.detected.set(key(document), { version: document.version, isDigest });
    return isDigest;
  }

  private readsAsDigest(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'markdown') return false;
    const { include, exclude } = this.config.settings;
    const matches = (patterns: string[]) =>
      patterns.length > 0 &&
      vscode.languages.match(
        patterns.map((pattern) => ({ pattern })),
        document,
      ) > 0;
    if (matches(exclude)) return false;
    if (matches(include)) return true;
    return looksLikeDigest(document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, DETECT_LINES), 0)));
  }

  /**
   * An edit inside one paper is applied to the previous parse (a few milliseconds), reading
   * only that paper's lines from the document, so that typing in a large digest neither
   * parses it again nor copies its text; otherwise the entry is dropped and the next
   * lookup parses in full.
   */
  private updateAfter(
    event: vscode.TextDocumentChangeEvent,
    entry: { version: number; lookup: DigestLookup },
  ): boolean {
    const [change, ...more] = event.contentChanges;
    if (more.length || entry.lookup.status !== 'digest' || entry.version !== event.document.version - 1) return false;
    const document = event.document;
    const startLine = change.range.start.line;
    const lineChange = {
      startLine,
      oldEndLine: change.range.end.line,
      newEndLine: startLine + (change.text.match(/\n/g)?.length ?? 0),
    };
    const start = performance.now();
    const digest = updateDigest(entry.lookup.digest, documentLines(document), lineChange, {
      classifier: this.config.classifier,
    });
    if (!digest) return false;
    this.lastReadMs = performance.now() - start;
    this.updateCount++;
    this.cache.set(key(document), { version: document.version, lookup: { status: 'digest', digest } });
    return true;
  }

  private read(document: vscode.TextDocument): DigestLookup {
    if (!this.detect(document)) return NOT_A_DIGEST;
    const text = document.getText();
    const sizeMB = utf8Length(text) / (1024 * 1024);
    const limitMB = this.config.settings.maxFileSizeMB;
    if (sizeMB > limitMB) {
      this.warnTooLarge(document, sizeMB, limitMB);
      return { status: 'tooLarge', sizeMB, limitMB };
    }
    this.parseCount++;
    const start = performance.now();
    const digest = parseDigest(text, { classifier: this.config.classifier });
    this.lastReadMs = performance.now() - start;
    this.firstParseAt ??= performance.now();
    return { status: 'digest', digest };
  }

  private warnTooLarge(document: vscode.TextDocument, sizeMB: number, limitMB: number): void {
    if (this.warnedTooLarge.has(key(document))) return;
    this.warnedTooLarge.add(key(document));
    const raise = vscode.l10n.t('Raise Limit');
    // Fire and forget: the lookup answers at once; the warning's button acts whenever it is clicked.
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          '{0} is {1} MB, over the Digest Lens limit of {2} MB, so it is not read as a digest. Raise the limit in the setting digestLens.maxFileSizeMB.',
          vscode.workspace.asRelativePath(document.uri),
          sizeMB.toFixed(1),
          limitMB,
        ),
        raise,
      )
      .then(
        (choice) =>
          choice === raise &&
          vscode.commands.executeCommand('workbench.action.openSettings', 'digestLens.maxFileSizeMB'),
      );
  }

  /**
   * Throttles change events per document. An edit applied to the parse is announced at
   * once unless an event went out within the window, in which case it goes out when the
   * window closes. An edit that needs a full parse waits until edits pause for a window.
   */
  private scheduleChange(uri: vscode.Uri, updated = false): void {
    const id = uri.toString();
    const window = this.pending.get(id);
    if (updated && !window) {
      this.changed.fire(uri);
      this.openWindow(uri, false);
    } else if (updated && window) {
      window.dirty = true;
    } else {
      clearTimeout(window?.timer);
      this.openWindow(uri, true);
    }
  }

  private openWindow(uri: vscode.Uri, dirty: boolean): void {
    const id = uri.toString();
    const timer = setTimeout(() => {
      const closing = this.pending.get(id);
      this.pending.delete(id);
      if (!closing?.dirty) return;
      this.changed.fire(uri);
      this.openWindow(uri, false);
    }, CHANGE_WINDOW_MS);
    this.pending.set(id, { timer, dirty });
  }

  dispose(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}

const key = (document: vscode.TextDocument) => document.uri.toString();
