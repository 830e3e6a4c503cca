import * as assert from 'assert';
import * as fs from 'fs';
import MarkdownIt from 'markdown-it';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import { pathToFileURL } from 'url';
import * as vscode from 'vscode';
import { LibraryService } from '../../src/workspaceLibrary/libraryService';
import { buildLargeDigest } from '../largeDigest';
import { corpusReports, readReport, repoRoot } from '../corpus';
import { api, until, withSetting, workspaceDir } from './helpers';

/**
 * The library's figure in a real VS Code (issue #11): the longest event-loop stall of the
 * extension host while it indexes a 1,000-digest workspace, cold (no index) and warm (from
 * the persisted index), beside a baseline in the same run: markdown-it's own parse of the
 * same files, one file per turn of the event loop, so that its stall is the longest single
 * parse. It prints; it asserts only that the library read every digest.
 */
const DIGESTS = Number(process.env.BENCH_DIGESTS) || 1000;
const RUNS = 3;
const LARGE = 5000;

/** The longest delay of the event loop while `run` runs, sampled every 5 ms, and how long `run` took. */
async function stall(run: () => Promise<unknown>): Promise<{ longestMs: number; totalMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const start = performance.now();
  await run();
  const totalMs = performance.now() - start;
  // The sampling timer records a delay when it runs: let it run after the last of the work.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  // The histogram counts the sampling interval itself as delay.
  return { longestMs: delay.max / 1e6 - 5, totalMs };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function indexed(service: LibraryService): Promise<void> {
  await service.ready;
  await until(() => !service.busy || undefined, 'indexing', 30 * 60 * 1000);
}

const storage = () => vscode.Uri.file(path.join(repoRoot, '.test-output', 'bench-vscode-storage'));

suite('the library in a real VS Code: event-loop stalls while indexing', () => {
  suiteSetup(function () {
    if (!corpusReports().length) this.skip();
  });

  test(`${DIGESTS} digests: longest stall, cold and warm, against markdown-it parsing the same files`, async function () {
    this.timeout(60 * 60 * 1000);
    const { library } = await api();
    // The bench runs services of its own; the extension's would index the same files at the same time.
    library.dispose();
    const folder = path.join(workspaceDir(), 'bench-library');
    const workspaceModule = pathToFileURL(path.join(repoRoot, 'bench', 'libraryWorkspace.mjs')).href;
    const { createLibraryWorkspace } = (await import(workspaceModule)) as {
      createLibraryWorkspace: (folder: string, options: { digests: number }) => { files: string[]; bytes: number };
    };
    const made = createLibraryWorkspace(folder, { digests: DIGESTS });
    const storageUri = storage();
    const markdownIt = new MarkdownIt();
    const figures = { baseline: [] as number[], baselineTotal: [] as number[], cold: [] as number[] };
    const more = { coldTotal: [] as number[], warm: [] as number[], warmTotal: [] as number[] };
    // The longest slice of the service's own work between two yields: what it holds the loop for itself.
    const slices = { cold: [] as number[], warm: [] as number[] };
    let digests = 0;
    for (let run = 0; run < RUNS; run++) {
      const baseline = await stall(async () => {
        for (const file of made.files) {
          markdownIt.parse(await fs.promises.readFile(file, 'utf8'), {});
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      });
      figures.baseline.push(baseline.longestMs);
      figures.baselineTotal.push(baseline.totalMs);

      fs.rmSync(storageUri.fsPath, { recursive: true, force: true });
      let service = new LibraryService(library.store, library.config, storageUri, library.log);
      const cold = await stall(() => indexed(service));
      digests = service.library.counts.digests;
      slices.cold.push(service.longestSliceMs);
      service.dispose();
      figures.cold.push(cold.longestMs);
      more.coldTotal.push(cold.totalMs);

      service = new LibraryService(library.store, library.config, storageUri, library.log);
      const warm = await stall(() => indexed(service));
      assert.ok(service.loadedFromIndex, 'the warm start read the persisted index');
      slices.warm.push(service.longestSliceMs);
      service.dispose();
      more.warm.push(warm.longestMs);
      more.warmTotal.push(warm.totalMs);
    }
    const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;
    console.log(
      `      ${made.files.length} digests, ${(made.bytes / 1024 / 1024).toFixed(1)} MB; median of ${RUNS} runs\n` +
        `      markdown-it, one file per turn: longest stall ${ms(figures.baseline)}, total ${ms(figures.baselineTotal)}\n` +
        `      library, cold (no index):       longest stall ${ms(figures.cold)}, total ${ms(more.coldTotal)} ` +
        `(stall ${(median(figures.cold) / median(figures.baseline)).toFixed(2)}× markdown-it's; target < 50 ms)\n` +
        `      library, warm (persisted index): longest stall ${ms(more.warm)}, total ${ms(more.warmTotal)}\n` +
        `      library's own longest slice between yields: cold ${ms(slices.cold)}, warm ${ms(slices.warm)}`,
    );
    assert.ok(digests >= made.files.length, `${digests} digests indexed`);
  });

  test(`one ${LARGE}-paper digest: longest stall while it is indexed, against markdown-it parsing it`, async function () {
    this.timeout(30 * 60 * 1000);
    const { library } = await api();
    library.dispose();
    const file = path.join(workspaceDir(), 'bench-large', `digest-${LARGE}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, buildLargeDigest(corpusReports().map(readReport), LARGE));
    const markdownIt = new MarkdownIt();
    const baseline: number[] = [];
    const cold: number[] = [];
    const slices: number[] = [];
    const restore = await withSetting('library.include', ['bench-large/**/*.md']);
    try {
      for (let run = 0; run < RUNS; run++) {
        baseline.push(
          (await stall(async () => markdownIt.parse(await fs.promises.readFile(file, 'utf8'), {}))).longestMs,
        );
        fs.rmSync(storage().fsPath, { recursive: true, force: true });
        const service = new LibraryService(library.store, library.config, storage(), library.log);
        try {
          cold.push((await stall(() => indexed(service))).longestMs);
          slices.push(service.longestSliceMs);
          assert.strictEqual(service.library.counts.papers, LARGE);
        } finally {
          service.dispose();
        }
      }
    } finally {
      await restore();
    }
    const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;
    console.log(
      `      one ${LARGE}-paper digest (${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB), median of ${RUNS} runs: ` +
        `markdown-it's parse stalls ${ms(baseline)}; the library indexing it: longest stall ${ms(cold)}, ` +
        `its own longest slice ${ms(slices)} (target < 50 ms)`,
    );
  });
});
