// Drives the Trends panel in the real workbench (code-server + chromium), reading the
// webview's DOM through its frames: the bars' counts equal the core's aggregation of the
// workspace's library of the same reports, a click on a bar opens its paper, and hostile report text shows as text.
// Screenshots go to .test-output/; `--screenshots` writes the README's light and dark ones
// to media/screenshots instead.
import * as assert from 'assert';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { launchBrowser, repoRoot, startCodeServer, workbenchUrl } from './code-server.mjs';
import { loadLibrary } from './library-bundle.mjs';
import { createChecks, runCommand } from './ui-checks.mjs';

const require = createRequire(import.meta.url);
const { parseDigest } = require('../dist/digest.js');
const { aggregateTrends, createInstitutionNames, Library, papersOfMark, trendPapersOfLibrary } = await loadLibrary();

const forReadme = process.argv.includes('--screenshots');
const corpusDir = process.env.DIGEST_CORPUS ?? path.resolve(repoRoot, '..', 'shared', 'corpus');
const shots = forReadme
  ? path.join(repoRoot, 'media', 'screenshots')
  : path.join(repoRoot, '.test-output', 'ui-trends');
/** Reports of different days, so that the chart has several bars. */
const REPORTS = ['2025-09_09-01', '2025-09_09-11', '2025-09_09-16', '2025-09_09-22', '2025-10_10-10'];
const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';

const { check, counts } = createChecks();

if (!fs.existsSync(corpusDir)) {
  console.error(`No corpus at ${corpusDir} (set DIGEST_CORPUS).`);
  process.exit(process.env.CI === 'true' ? 1 : 0);
}

// The workspace: copies of a few corpus reports, and a digest whose title and institution are markup.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-trends-'));
const files = REPORTS.map((prefix) => {
  const name = fs.readdirSync(corpusDir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no corpus report starts with ${prefix}`);
  fs.copyFileSync(path.join(corpusDir, name), path.join(workspace, name));
  return name;
});
const hostile = 'hostile-digest.md';
fs.writeFileSync(
  path.join(workspace, hostile),
  [
    '# AI推理加速技术论文分析报告',
    '生成时间: 2025-10-21 09:00:00',
    '分析论文数量: 1篇',
    '',
    '## 论文技术简报',
    '',
    `### 1. ${HOSTILE_TITLE}`,
    '',
    `<b>Evil Lab</b>发布了${HOSTILE_TITLE}论文，使用KV缓存量化，解决了显存瓶颈，达成了9999倍加速。`,
    '',
    '## 论文详细信息',
    '',
    `### 1. ${HOSTILE_TITLE}`,
    '',
    '**主要机构**: <script>alert(2)</script> University',
    '**作者数量**: 2人',
    '',
    '**摘要**:',
    'An abstract.',
    '',
  ].join('\n'),
);
files.push(hostile);

// The workspace holds these digests alone: the panel shows them as its library, each paper once.
const library = new Library();
for (const f of files) {
  const text = fs.readFileSync(path.join(workspace, f), 'utf8');
  library.addDigest({ path: pathToFileURL(path.join(workspace, f)).href, size: 0, mtime: 0 }, parseDigest(text));
}
const papers = trendPapersOfLibrary(library, createInstitutionNames());

const server = await startCodeServer({
  settings: {
    'workbench.colorTheme': 'Default Light Modern',
    'editor.minimap.enabled': false,
    'window.zoomLevel': 0,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  },
});
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
fs.mkdirSync(shots, { recursive: true });
/** JPEG for the README (small enough to ship), PNG for a test's output. */
/** The README's: JPEG of the editor area alone, small enough to ship in the VSIX. A test's: PNG of the window. */
async function shot(name) {
  if (!forReadme) return page.screenshot({ path: path.join(shots, `${name}.png`) });
  // The page's filters and chart: the VSIX ships these shots, and must stay under 600 KB.
  const editor = await page.locator('.part.editor').boundingBox();
  const clip = { ...editor, y: editor.y + 35, height: Math.min(editor.height - 35, 440) };
  return page.screenshot({ path: path.join(shots, `${name}.jpg`), type: 'jpeg', quality: 40, clip });
}

async function openFile(name) {
  await page.keyboard.press('Control+P');
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name.slice(0, 20)}"]`, {
    timeout: 15000,
  });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab[aria-label*="${name.slice(0, 20)}"]`, { timeout: 30000 });
}

/** The Trends page's frame: the webview's inner frame, once it has drawn. */
async function trendsFrame() {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$('#app[aria-busy="false"]')) return frame;
      } catch {
        // a frame that went away
      }
    }
    await page.waitForTimeout(200);
  }
  throw new Error('the Trends page did not draw');
}

async function bars(frame) {
  return frame.$$eval('#bars rect[role="button"]', (rects) =>
    rects.map((r) => ({ bucket: r.dataset.bucket, technique: r.dataset.technique, count: Number(r.dataset.count) })),
  );
}

try {
  await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: repoRoot }));
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForTimeout(1500);
  for (const file of files) await openFile(file);
  await runCommand(page, 'Digest Lens: Show Trends');
  let frame = await trendsFrame();

  await check("the bars' counts equal the core's aggregation of the workspace's library", async () => {
    const bucket = await frame.$eval('#bucket', (s) => s.value);
    const expected = aggregateTrends(papers, { bucket }).cells.map(({ bucket, technique, count }) => ({
      bucket,
      technique,
      count,
    }));
    const key = (c) => `${c.bucket} ${c.technique}`;
    const sorted = async () => [...(await bars(frame))].sort((a, b) => key(a).localeCompare(key(b)));
    // The library may still be indexing when the panel opens: its redraw follows.
    for (let tries = 0; tries < 50 && JSON.stringify(await sorted()) !== JSON.stringify(expected); tries++)
      await page.waitForTimeout(200);
    assert.deepStrictEqual(await sorted(), expected);
    assert.ok(expected.length >= 10, `${expected.length} bars`);
    await shot('trends-light');
  });

  await check('a filter by technique redraws only that technique', async () => {
    const technique = papers[0].technique;
    await frame.selectOption('#technique', technique);
    await frame.waitForFunction(
      (t) =>
        [...globalThis.document.querySelectorAll('#bars rect[role="button"]')].every((r) => r.dataset.technique === t),
      technique,
    );
    const bucket = await frame.$eval('#bucket', (s) => s.value);
    const expected = aggregateTrends(papers, { bucket, technique }).cells.reduce((sum, c) => sum + c.count, 0);
    const shown = (await bars(frame)).reduce((sum, c) => sum + c.count, 0);
    assert.strictEqual(shown, expected);
    await frame.selectOption('#technique', '');
    await frame.waitForFunction(
      () => new Set([...globalThis.document.querySelectorAll('#bars rect')].map((r) => r.dataset.technique)).size > 1,
    );
  });

  await check('the table view shows the same counts', async () => {
    await frame.click('text=Show as Table');
    const cells = await frame.$$eval('#bars td[data-technique]', (tds) =>
      tds
        .filter((td) => td.textContent)
        .map((td) => ({ bucket: td.dataset.bucket, technique: td.dataset.technique, count: Number(td.textContent) })),
    );
    const bucket = await frame.$eval('#bucket', (s) => s.value);
    assert.strictEqual(cells.length, aggregateTrends(papers, { bucket }).cells.length);
    await frame.click('text=Show as Chart');
    await frame.waitForSelector('#bars svg');
  });

  await check('a click on a bar of one paper opens that paper at its brief', async () => {
    const one = (await bars(frame)).find((b) => b.count === 1);
    assert.ok(one, 'a bar of one paper');
    const bucket = await frame.$eval('#bucket', (s) => s.value);
    const [paper, ...others] = papersOfMark(
      papers,
      { bucket },
      { kind: 'cell', bucket: one.bucket, technique: one.technique },
    );
    assert.strictEqual(others.length, 0);
    const file = decodeURIComponent(path.basename(paper.location.uri));
    const digest = parseDigest(fs.readFileSync(path.join(workspace, file), 'utf8'));
    const line =
      digest.papers.filter((p) => p.index === paper.location.index)[paper.location.occurrence].brief.line + 1;
    await frame.click(`#bars rect[data-bucket="${one.bucket}"][data-technique="${one.technique}"]`);
    await page.waitForFunction(
      ([name, line]) =>
        globalThis.document.querySelector('.tab.active')?.getAttribute('aria-label')?.includes(name) &&
        [...globalThis.document.querySelectorAll('.statusbar-item')].some((e) => e.textContent.includes(`Ln ${line},`)),
      [file.slice(0, 20), line],
      { timeout: 30000 },
    );
  });

  await check('a bar of several papers offers them in a quick pick', async () => {
    await page.locator('.tab', { hasText: 'Trends' }).click();
    frame = await trendsFrame();
    const several = (await bars(frame)).find((b) => b.count > 1);
    await frame.focus(`#bars rect[data-bucket="${several.bucket}"][data-technique="${several.technique}"]`);
    await frame.press(`#bars rect[data-bucket="${several.bucket}"][data-technique="${several.technique}"]`, 'Enter');
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10000 });
    const rows = await page.$$eval('.quick-input-list .monaco-list-row', (r) => r.length);
    assert.strictEqual(rows, Math.min(several.count, rows));
    assert.ok(rows >= 2, `${rows} rows`);
    await page.keyboard.press('Escape');
  });

  await check('hostile report text shows as text', async () => {
    const entry = await frame.$eval('[data-board="speedup"] li button', (b) => b.textContent);
    assert.strictEqual(entry, HOSTILE_TITLE);
    // Markup in report text would have made elements: an <img> with onerror, a <b>, a <script> in the page.
    assert.strictEqual(await frame.$$eval('#app img, #app b, #app script, [onerror]', (e) => e.length), 0);
    const institutions = await frame.$$eval('#institutions .name', (t) => t.map((e) => e.textContent).join('\n'));
    assert.ok(!/<script>/.test(await frame.$eval('#institutions', (e) => e.innerHTML)), 'no script element');
    assert.ok(institutions.includes('<script>alert(2)</script> University'), institutions);
  });

  await check('after a reload the panel comes back with its filters', async () => {
    await frame.selectOption('#bucket', 'week');
    await frame.selectOption('#technique', papers[0].technique);
    await frame.waitForFunction(
      (t) =>
        [...globalThis.document.querySelectorAll('#bars rect[role="button"]')].every((r) => r.dataset.technique === t),
      papers[0].technique,
    );
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForTimeout(3000);
    frame = await trendsFrame();
    assert.strictEqual(await frame.$eval('#technique', (s) => s.value), papers[0].technique);
    assert.strictEqual(await frame.$eval('#bucket', (s) => s.value), 'week');
    await frame.selectOption('#technique', '');
    await frame.selectOption('#bucket', 'day');
    await frame.waitForFunction(
      () => new Set([...globalThis.document.querySelectorAll('#bars rect')].map((r) => r.dataset.technique)).size > 1,
    );
  });

  if (forReadme) {
    // Ctrl+K Ctrl+T: the installed themes (the palette's first match may be the marketplace's command).
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Light Modern"]', { timeout: 30000 });
    await page.keyboard.type('Dark Modern');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label^="Dark Modern"]', { timeout: 30000 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(2000);
    await shot('trends-dark');
  }
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
}
console.log(`ui trends: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed ? 1 : 0);
