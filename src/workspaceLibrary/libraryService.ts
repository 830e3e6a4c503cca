import * as vscode from 'vscode';
import { looksLikeDigest, parseDigestInSlices, type Digest, type DigestPaper } from '../digest';
import {
  identityKeysOf,
  Library,
  loadIndexInSlices,
  paperKeys,
  serialiseIndexInSlices,
  toLibraryDigestInSlices,
  type IndexOptions,
  type LibraryEntry,
} from '../library';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';

const INDEX_FILE = 'library-index.json';
/** Work done between two yields to the event loop: well under the 50 ms a stall may last. */
const SLICE_MS = 15;
/** File events are gathered this long before the library reads them. */
const WATCH_DELAY_MS = 300;
/** Typing in an open digest updates the library once the edits pause, not on every keystroke. */
const EDIT_DELAY_MS = 500;
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

/** Lets the event loop run: other extensions, the user's typing, VS Code's own requests. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Every digest of the workspace as one Library, kept up to date in the background: files
 * found by digestLens.library.include, read with workspace.fs (so virtual workspaces work),
 * re-read on create, change and delete, and taken from the DigestStore's cached parse while
 * open, never parsed twice. Work runs in slices with yields; the index is persisted in
 * workspace storage so that a reload starts from it.
 */
export class LibraryService implements vscode.Disposable {
  private current: Library;
  /** The files the include globs matched at the last scan, and whether digestLens.include forces them. */
  private candidates = new Map<string, { forced: boolean }>();
  /** Files to read, by URI string. */
  private readonly queue = new Set<string>();
  /** Markdown files read and found not to be digests, with their size and mtime then: not read again until they change. */
  private readonly notDigests = new Map<string, string>();
  /** Files to read even if unchanged on disk: the settings that decide how they read changed. */
  private readonly readAgain = new Set<string>();
  private draining: Promise<void> | undefined;
  private cancellation: vscode.CancellationTokenSource | undefined;
  private watchTimer: NodeJS.Timeout | undefined;
  private readonly editedDocuments = new Set<string>();
  private editTimer: NodeJS.Timeout | undefined;
  private rescanDue = false;
  private persistDue = false;
  /** Files over the size limit not yet reported, and those reported (each is reported once). */
  private readonly tooLarge = new Set<string>();
  private readonly reportedTooLarge = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the library's digests or entries changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Resolves when the first indexing is done (or cancelled). */
  readonly ready: Promise<void>;
  /** For measurements: the longest stretch of the library's own work without a yield or an await, in milliseconds. */
  longestSliceMs = 0;
  /** For tests and measurements: files read from disk and parsed, and files taken from an open document. */
  parsedFiles = 0;
  fromOpenDocuments = 0;
  /** Whether the library started from the persisted index. */
  loadedFromIndex = false;

  /** A second service on the same store, config and storage is what a window reload starts as (tests do that). */
  constructor(
    readonly store: DigestStore,
    readonly config: Config,
    readonly storageUri: vscode.Uri | undefined,
    /** Where skipped files and rebuilds are noted; the caller owns it. */
    readonly log: vscode.LogOutputChannel,
  ) {
    this.current = new Library(this.indexOptions());
    this.disposables.push(this.changed, ...this.watchers());
    this.disposables.push(
      store.onDidChange((uri) => uri && this.openDocumentEdited(uri)),
      config.onDidChange((names) => {
        if (names.has('customTechniques') || names.has('replaceDefaultTechniques')) {
          // Techniques are part of each digest's reading: start over.
          this.current = new Library(this.indexOptions());
          this.changed.fire();
        }
        const rereadSettings = ['include', 'exclude', 'maxFileSizeMB', 'libraryInclude', 'customTechniques'];
        if (rereadSettings.some((n) => names.has(n as never))) {
          // Unchanged files may now read otherwise (forced in or not, over the limit or not).
          for (const digest of this.current.digests()) this.readAgain.add(digest.path);
          this.notDigests.clear();
          this.scheduleRescan();
        }
      }),
    );
    this.ready = this.start();
  }

  get library(): Library {
    return this.current;
  }

  /** Files left out for their size (digestLens.maxFileSizeMB), by URI string. */
  get skippedForSize(): ReadonlySet<string> {
    return new Set([...this.tooLarge, ...this.reportedTooLarge]);
  }

  /** Whether indexing is under way. */
  get busy(): boolean {
    return this.draining !== undefined;
  }

  /** The library entry of a paper of a parsed digest: by its title or abstract, whatever its place. */
  entryOf(uri: vscode.Uri, digest: Digest, paper: DigestPaper): LibraryEntry | undefined {
    const keys = identityKeysOf(paper);
    // The place is a key only for a paper with neither title nor abstract.
    const position = keys.titleKey || keys.abstractKey ? -1 : digest.papers.indexOf(paper);
    for (const key of paperKeys({ report: uri.toString(), position, ...keys })) {
      const entry = this.current.entry(key);
      if (entry) return entry;
    }
    return undefined;
  }

  /** A digest file in full, for export: an open document's cached parse, else the file read and parsed. */
  async readDigest(uri: vscode.Uri): Promise<Digest | undefined> {
    const digest = await this.parse(uri, true);
    return digest === 'unreadable' ? undefined : digest;
  }

  /** Finds the workspace's digests again and reads what changed; resolves when done. */
  rescan(): Promise<void> {
    this.rescanDue = true;
    return this.drain();
  }

  /** Stops the indexing under way; what was read stays, the rest is read on the next change or rescan. */
  cancel(): void {
    this.cancellation?.cancel();
  }

  private async start(): Promise<void> {
    await this.loadPersisted();
    await this.rescan();
  }

  private indexOptions(): IndexOptions {
    const { customTechniques, replaceDefaultTechniques } = this.config.settings;
    return {
      // Search finds a technique by its English and its Chinese label, whatever the display language.
      taxonomy: this.config.classifier.taxonomy,
      settings: JSON.stringify([customTechniques, replaceDefaultTechniques]),
    };
  }

  private get indexUri(): vscode.Uri | undefined {
    return this.storageUri && vscode.Uri.joinPath(this.storageUri, INDEX_FILE);
  }

  /** Starts from the persisted index; a missing, corrupt or older one is rebuilt quietly (a line in the log). */
  private async loadPersisted(): Promise<void> {
    const uri = this.indexUri;
    if (!uri) return;
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined;
    }
    const result = await this.sliced(loadIndexInSlices(text, this.indexOptions()));
    if (result.status === 'rebuild') {
      if (result.reason !== 'empty') this.log.info(`Rebuilding the library index (${result.reason}: ${result.detail})`);
      return;
    }
    this.current = result.library;
    this.loadedFromIndex = true;
    this.changed.fire();
  }

  /** Writes the index atomically: a temporary file renamed over the old one, so a reader never sees half. */
  private async persist(): Promise<void> {
    const uri = this.indexUri;
    if (!uri || !this.storageUri) return;
    const text = await this.sliced(serialiseIndexInSlices(this.current, this.indexOptions()));
    const temporary = vscode.Uri.joinPath(
      this.storageUri,
      `${INDEX_FILE}.${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`,
    );
    try {
      await vscode.workspace.fs.createDirectory(this.storageUri);
      await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
      await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
    } catch (error) {
      this.log.warn(`Could not save the library index: ${String(error)}`);
      await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    }
  }

  private watchers(): vscode.Disposable[] {
    return this.config.settings.libraryInclude.map((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidCreate(() => this.scheduleRescan());
      watcher.onDidChange((uri) => this.candidates.has(uri.toString()) && this.schedule(uri.toString()));
      watcher.onDidDelete((uri) => {
        this.candidates.delete(uri.toString());
        if (this.current.removeDigest(uri.toString())) this.settled();
      });
      return watcher;
    });
  }

  /** An open digest was edited or closed: take its cached parse, or read the file again once closed. */
  private openDocumentEdited(uri: vscode.Uri): void {
    if (!this.candidates.has(uri.toString())) return;
    this.editedDocuments.add(uri.toString());
    clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => {
      const edited = [...this.editedDocuments];
      this.editedDocuments.clear();
      for (const id of edited) this.openDocumentChanged(id);
    }, EDIT_DELAY_MS);
  }

  private openDocumentChanged(id: string): void {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === id);
    if (!document) return this.schedule(id);
    const digest = this.store.digestFor(document);
    // No size or mtime: the file on disk is not what was read, so the next scan reads it again.
    if (digest) this.current.addDigest({ path: id, size: -1, mtime: -1 }, digest);
    else if (!this.current.removeDigest(id)) return;
    // Not persisted: the index stands for the files on disk, which a save or a close reads again.
    this.changed.fire();
  }

  private schedule(id: string): void {
    this.queue.add(id);
    this.startSoon();
  }

  private scheduleRescan(): void {
    this.rescanDue = true;
    this.startSoon();
  }

  private startSoon(): void {
    clearTimeout(this.watchTimer);
    this.watchTimer = setTimeout(() => void this.drain(), WATCH_DELAY_MS);
  }

  /** Runs the queue (after a scan when one is due) under window progress; one run at a time. */
  private drain(): Promise<void> {
    if (this.draining) return this.draining;
    const run = vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing digests') },
      async (progress) => {
        this.cancellation = new vscode.CancellationTokenSource();
        void vscode.commands.executeCommand('setContext', 'digestLens.libraryIndexing', true);
        const token = this.cancellation.token;
        while ((this.rescanDue || this.queue.size) && !token.isCancellationRequested) {
          if (this.rescanDue) {
            this.rescanDue = false;
            await this.scan();
          }
          await this.readQueued(token, progress);
        }
        if (token.isCancellationRequested) {
          this.queue.clear();
          this.log.info('Indexing cancelled');
        }
        await this.prepareSearch(token);
        if (this.persistDue) {
          this.persistDue = false;
          await this.persist();
        }
        this.reportTooLarge();
      },
    );
    this.draining = Promise.resolve(run).then(() => {
      this.draining = undefined;
      this.cancellation?.dispose();
      this.cancellation = undefined;
      void vscode.commands.executeCommand('setContext', 'digestLens.libraryIndexing', false);
      // Work that arrived while the run was finishing.
      if (this.rescanDue || this.queue.size) this.startSoon();
    });
    return this.draining;
  }

  /** Finds the candidates; queues them all (reading skips unchanged ones) and drops digests no longer found. */
  private async scan(): Promise<void> {
    const { libraryInclude, include, exclude } = this.config.settings;
    const excluded = glob([...ALWAYS_EXCLUDED, ...exclude]);
    const [found, forced] = await Promise.all([
      libraryInclude.length ? vscode.workspace.findFiles(glob(libraryInclude), excluded) : [],
      include.length ? vscode.workspace.findFiles(glob(include), excluded) : [],
    ]);
    const forcedIds = new Set(forced.map((uri) => uri.toString()));
    this.candidates = new Map(
      [...found, ...forced].map((uri) => [uri.toString(), { forced: forcedIds.has(uri.toString()) }]),
    );
    let removed = false;
    for (const digest of this.current.digests())
      if (!this.candidates.has(digest.path)) removed = this.current.removeDigest(digest.path) || removed;
    if (removed) this.settled();
    for (const id of [...this.candidates.keys()].sort()) this.queue.add(id);
  }

  private async readQueued(
    token: vscode.CancellationToken,
    progress: vscode.Progress<{ message?: string }>,
  ): Promise<void> {
    let sliceStart = performance.now();
    let done = 0;
    let changed = false;
    for (const id of this.queue) {
      if (token.isCancellationRequested) return;
      this.queue.delete(id);
      changed = (await this.read(id)) || changed;
      done++;
      const elapsed = performance.now() - sliceStart;
      // Awaited file reads let the event loop run too; a yield also lets the view redraw.
      if (elapsed >= SLICE_MS) {
        progress.report({ message: vscode.l10n.t('{0} files left', this.queue.size) });
        if (changed) this.settled();
        changed = false;
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    if (changed || done === 0) this.settled();
  }

  /** Reads one file into the library; whether the library changed. Never throws. */
  private async read(id: string): Promise<boolean> {
    const candidate = this.candidates.get(id);
    if (!candidate) return false;
    const uri = vscode.Uri.parse(id);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      // Deleted since it was found: the watcher's delete event may not have come yet.
      this.candidates.delete(id);
      return this.current.removeDigest(id);
    }
    const stamp = { path: id, size: stat.size, mtime: stat.mtime };
    const stampKey = `${stat.size}:${stat.mtime}`;
    const unchanged =
      ((this.current.isCurrent(stamp) && this.current.digest(id)?.hasText) || this.notDigests.get(id) === stampKey) &&
      !this.readAgain.has(id);
    this.readAgain.delete(id);
    if (unchanged) return false;
    const limitMB = this.config.settings.maxFileSizeMB;
    if (stat.size > limitMB * 1024 * 1024) {
      if (!this.reportedTooLarge.has(id)) this.tooLarge.add(id);
      return this.current.removeDigest(id);
    }
    this.reportedTooLarge.delete(id);
    const digest = await this.parse(uri, candidate.forced);
    if (digest === 'unreadable') return false;
    if (!digest) {
      this.notDigests.set(id, stampKey);
      return this.current.removeDigest(id);
    }
    this.notDigests.delete(id);
    const libraryDigest = await this.sliced(toLibraryDigestInSlices(stamp, digest));
    const addStart = performance.now();
    this.current.add([libraryDigest]);
    this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - addStart);
    this.persistDue = true;
    return true;
  }

  /** The file's digest: the store's cached parse while it is open, else read and parsed here. */
  private async parse(uri: vscode.Uri, forced: boolean): Promise<Digest | undefined | 'unreadable'> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document) {
      this.fromOpenDocuments++;
      return this.store.digestFor(document);
    }
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      this.log.warn(`${uri.toString(true)}: cannot read (${String(error)})`);
      return 'unreadable';
    }
    const decodeStart = performance.now();
    // Bytes that are not UTF-8 become U+FFFD: the rest of the report still reads.
    const text = new TextDecoder('utf-8').decode(bytes);
    const isDigest = forced || looksLikeDigest(text);
    this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - decodeStart);
    if (!isDigest) return undefined;
    this.parsedFiles++;
    // A step at a time: a digest of thousands of papers would hold the extension host for its whole parse.
    await yieldToEventLoop();
    return this.sliced(parseDigestInSlices(text, { classifier: this.config.classifier }));
  }

  /** Runs a generator of the core a slice of SLICE_MS at a time, yielding to the event loop in between. */
  private async sliced<T>(slices: Generator<void, T>): Promise<T> {
    for (;;) {
      const sliceStart = performance.now();
      for (;;) {
        const step = slices.next();
        if (step.done) {
          this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - sliceStart);
          return step.value;
        }
        if (performance.now() - sliceStart >= SLICE_MS) break;
      }
      this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - sliceStart);
      await yieldToEventLoop();
    }
  }

  private async prepareSearch(token: vscode.CancellationToken): Promise<void> {
    for (;;) {
      const sliceStart = performance.now();
      const done = this.current.prepareSearch(() => performance.now() - sliceStart >= SLICE_MS);
      this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - sliceStart);
      if (done || token.isCancellationRequested) return;
      await yieldToEventLoop();
    }
  }

  private settled(): void {
    this.persistDue = true;
    this.changed.fire();
  }

  /** One message for the files left out for their size, naming the setting that lets them in. */
  private reportTooLarge(): void {
    if (!this.tooLarge.size) return;
    const names = [...this.tooLarge].map((id) => vscode.workspace.asRelativePath(vscode.Uri.parse(id)));
    for (const id of this.tooLarge) this.reportedTooLarge.add(id);
    this.tooLarge.clear();
    const openSettings = vscode.l10n.t('Open Settings');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          '{0} files are over the Digest Lens limit of {1} MB and were left out of the library: {2}. Raise the limit in the setting digestLens.maxFileSizeMB.',
          names.length,
          this.config.settings.maxFileSizeMB,
          names.join(', '),
        ),
        openSettings,
      )
      .then(
        (choice) =>
          choice === openSettings &&
          vscode.commands.executeCommand('workbench.action.openSettings', 'digestLens.maxFileSizeMB'),
      );
  }

  dispose(): void {
    clearTimeout(this.watchTimer);
    clearTimeout(this.editTimer);
    this.cancellation?.cancel();
    for (const d of this.disposables) d.dispose();
  }
}

/** One glob for several: `{a,b}`. */
function glob(patterns: readonly string[]): string {
  return patterns.length === 1 ? patterns[0] : `{${patterns.join(',')}}`;
}
