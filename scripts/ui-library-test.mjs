// Drives the real workbench, with the built VSIX installed, over a workspace of the corpus
// and the library's re-run fixtures: reads the Papers view's All digests tree and the Go to
// Paper quick pick from the DOM, opens a paper from it, and saves screenshots under
// .test-output/ui-library/ (the README's images are updated on purpose, not by tests).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from './code-server.mjs';
import { check, openWorkbench, results, runCommand } from './ui-checks.mjs';
import { createTestWorkspace } from './test-workspace.mjs';

const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const vsix = path.join(repoRoot, `digest-lens-${version}.vsix`);
const shots = path.join(repoRoot, '.test-output', 'ui-library');
const PAGED_KV = 'PagedKV: Elastic KV Cache Paging for Long-Context LLM Serving';

if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
const workspace = createTestWorkspace();
if (!fs.existsSync(path.join(workspace, 'library', 'corpus'))) {
  console.error('No corpus to build the library from (set DIGEST_CORPUS).');
  process.exit(process.env.CI === 'true' ? 1 : 0);
}
// The core's figures for the same folder, from the CLI.
const core = JSON.parse(
  execFileSync(
    process.execPath,
    [
      path.join(repoRoot, 'dist', 'cli.js'),
      'index',
      '--json',
      '--index-file',
      path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-index-')), 'index.json'),
      workspace,
    ],
    { encoding: 'utf8' },
  ),
);
fs.mkdirSync(shots, { recursive: true });
const { page, close } = await openWorkbench(vsix, workspace);
const shot = (name) => page.screenshot({ path: path.join(shots, name), type: 'jpeg', quality: 45 });
try {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Papers/ }) });

  await check('the All digests tree lists every library entry once, grouped by technique', async () => {
    await page
      .locator(
        '.activitybar .action-item a[aria-label^="Digest Lens"], .activitybar .action-item[aria-label^="Digest Lens"]',
      )
      .first()
      .click();
    await runCommand(page, 'Digest Lens: Show All Digests');
    const description = pane.locator('.pane-header .description');
    await page.waitForFunction(
      (expected) =>
        [...globalThis.document.querySelectorAll('.pane-header')].some((e) => e.textContent.includes(expected)),
      `${core.distinctPapers} papers in ${core.digests} digests`,
      { timeout: 60000 },
    );
    assert.match(await description.innerText(), new RegExp(`${core.distinctPapers} papers in ${core.digests} digests`));
    await pane.locator('.monaco-list-row[aria-level="1"] .label-name').first().waitFor({ timeout: 15000 });
    const groups = await pane.locator('.monaco-list-row[aria-level="1"] .label-name').allInnerTexts();
    assert.ok(groups.length >= 3, groups.join(' | '));
    for (const group of groups) assert.match(group, /^.+ \(\d+\)$/);
  });

  await check('a paper in three digests is one row marked ×3', async () => {
    await runCommand(page, 'Digest Lens: Filter…');
    await page
      .locator('.quick-input-widget .quick-input-title', { hasText: 'Filter papers' })
      .waitFor({ timeout: 15000 });
    await page.keyboard.type('PagedKV');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => [...globalThis.document.querySelectorAll('.pane-body')].some((e) => /Filter “PagedKV”/.test(e.textContent)),
      undefined,
      { timeout: 15000 },
    );
    // Library groups start collapsed: open each the filter left.
    const collapsed = pane.locator('.monaco-list-row[aria-level="1"][aria-expanded="false"]');
    while ((await collapsed.count()) > 0) await collapsed.first().click();
    const row = pane.locator('.monaco-list-row[aria-level="2"]', { hasText: PAGED_KV });
    await row.waitFor({ timeout: 15000 });
    assert.match(await row.locator('.label-description').innerText(), /^×3 · /);
    await shot('all-digests.jpg');
    await runCommand(page, 'Digest Lens: Clear Filter');
  });

  await check('Go to Paper ranks as you type and opens the paper at its newest appearance', async () => {
    await runCommand(page, 'Digest Lens: Go to Paper');
    await page
      .locator('.quick-input-widget .quick-input-title', { hasText: 'Go to Paper' })
      .waitFor({ timeout: 15000 });
    await page.keyboard.type('paged kv cache');
    const first = page.locator('.quick-input-list .monaco-list-row').first();
    await page.waitForFunction(
      (title) => globalThis.document.querySelector('.quick-input-list .monaco-list-row')?.textContent.includes(title),
      PAGED_KV,
      { timeout: 15000 },
    );
    assert.ok((await first.innerText()).includes('×3'));
    await shot('go-to-paper.jpg');
    // Results rerank as the search catches up with typing: press Enter on a settled, focused row.
    await page.waitForFunction(
      (title) =>
        globalThis.document.querySelector('.quick-input-list .monaco-list-row.focused')?.textContent.includes(title),
      PAGED_KV,
      { timeout: 15000 },
    );
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: '2025-10-10_report.md' }).waitFor({ timeout: 30000 });
    // PagedKV is paper 2 of the 2025-10-10 fixture: its brief heading is line 11.
    await page.locator('.statusbar-item', { hasText: /Ln 11,/ }).waitFor({ timeout: 15000 });
  });
} finally {
  await close();
  fs.rmSync(workspace, { recursive: true, force: true });
}
const { passed, failed } = results();
console.log(`ui (library): ${passed} passed, ${failed} failed; screenshots in ${path.relative(repoRoot, shots)}`);
process.exit(failed ? 1 : 0);
