// Drives the real workbench as a person would, with the built VSIX installed (not loaded
// from source): checks that it activates on a corpus report, reads the Papers view and a
// hover card from the DOM, and clicks a paper. Its screenshots go to .test-output/screenshots;
// npm run screenshots copies them into media/screenshots for the README, on purpose.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { repoRoot } from './code-server.mjs';
import { check, openWorkbench, results, runCommand } from './ui-checks.mjs';

const require = createRequire(import.meta.url);
const { parseDigest, DEFAULT_TAXONOMY } = require('../dist/digest.js');
const { version } = require('../package.json');

const corpusDir = process.env.DIGEST_CORPUS ?? path.resolve(repoRoot, '..', 'shared', 'corpus');
const REPORT = '2025-10_10-10_ai_inference_report_20251017_121347.md';
const vsix = path.join(repoRoot, `digest-lens-${version}.vsix`);
/** JPEG, cropped to what a shot is about: small enough to ship in the VSIX for the README. */
/** Shots a test takes to be looked at: an ignored folder (npm run screenshots copies them for the README). */
const testShots = path.join(repoRoot, '.test-output', 'screenshots');
const shot = (name, clip) => page.screenshot({ path: path.join(testShots, name), type: 'jpeg', quality: 45, clip });

async function until(probe, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The Markdown preview's frame, once open. */
let preview;
const TRANSPARENT = /rgba\(0, 0, 0, 0\)|transparent/;
const chipStyle = () =>
  preview
    .locator('.dl-chip')
    .first()
    .evaluate((e) => {
      const { backgroundColor, borderTopColor } = globalThis.getComputedStyle(e);
      return { backgroundColor, borderTopColor };
    });

if (!fs.existsSync(path.join(corpusDir, REPORT))) {
  console.error(`No corpus report at ${path.join(corpusDir, REPORT)} (set DIGEST_CORPUS).`);
  process.exit(process.env.CI === 'true' ? 1 : 0);
}
if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);

/** The names of the installed fonts with Chinese glyphs; without one, every Chinese character shows as an empty box. */
function chineseFonts() {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}
if (!chineseFonts()) {
  console.error(
    'No font with Chinese glyphs is installed (fc-list :lang=zh lists none), so the reports would show as empty boxes.\n' +
      'Install one, for example: apt-get install fonts-noto-cjk',
  );
  process.exit(1);
}

fs.mkdirSync(testShots, { recursive: true });
const digest = parseDigest(fs.readFileSync(path.join(corpusDir, REPORT), 'utf8'));
const { page, close } = await openWorkbench(vsix, corpusDir);
try {
  await check('the installed VSIX activates on a corpus report (status bar)', async () => {
    await page.keyboard.press('Control+P');
    await page.keyboard.type(REPORT.slice(0, 30));
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${REPORT.slice(0, 20)}"]`, {
      timeout: 15000,
    });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 15000 });
    const item = page.locator('.statusbar-item', { hasText: `${digest.papers.length} papers` });
    await item.waitFor({ timeout: 20000 });
    assert.match(
      await item.innerText(),
      new RegExp(`${digest.papers.length} papers · ${digest.problems.length} problems`),
    );
  });

  await check('the Papers view shows the technique groups and counts of the model', async () => {
    await page
      .locator(
        '.activitybar .action-item a[aria-label^="Digest Lens"], .activitybar .action-item[aria-label^="Digest Lens"]',
      )
      .first()
      .click();
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Papers/ }) });
    await pane.locator('.monaco-list-row').first().waitFor({ timeout: 15000 });
    const counts = new Map();
    for (const p of digest.papers) counts.set(p.techniques[0].id, (counts.get(p.techniques[0].id) ?? 0) + 1);
    const expected = DEFAULT_TAXONOMY.filter((t) => counts.has(t.id)).map((t) => `${t.label.en} (${counts.get(t.id)})`);
    const groupRows = await pane.locator('.monaco-list-row[aria-level="1"] .label-name').allInnerTexts();
    assert.deepStrictEqual(groupRows.slice(0, expected.length), expected.slice(0, groupRows.length));
    assert.ok(groupRows.length >= 3, `${groupRows.length} groups visible`);
    const paperRows = await pane.locator('.monaco-list-row[aria-level="2"] .label-name').allInnerTexts();
    assert.ok(
      paperRows.some((t) => t.startsWith('1. Autoencoding-Free')),
      paperRows.join(' | '),
    );
  });

  await check('clicking a paper puts the cursor on its brief heading', async () => {
    const paper = digest.papers.find((p) => p.index === 2);
    await page.locator('.monaco-list-row[aria-level="2"]', { hasText: '2. BALDWHISPER' }).click();
    const position = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ });
    await page.waitForFunction(
      (line) =>
        [...globalThis.document.querySelectorAll('.statusbar-item')].some((e) => e.textContent.includes(`Ln ${line},`)),
      paper.brief.line + 1,
      { timeout: 10000 },
    );
    assert.match(await position.first().innerText(), new RegExp(`Ln ${paper.brief.line + 1},`));
    await shot('papers-view.jpg', { x: 0, y: 0, width: 900, height: 640 });
  });

  await check('CodeLens links show above the brief heading', async () => {
    const lens = page.locator('.codelens-decoration', { hasText: 'Abstract' }).first();
    await lens.waitFor({ timeout: 10000 });
    assert.match(await page.locator('.codelens-decoration').first().innerText(), /Abstract|Brief/);
  });

  await check('hovering a brief heading shows the paper card', async () => {
    // A hover is at most a quarter of the editor's height: a tall window lets the whole card show.
    await page.setViewportSize({ width: 1400, height: 1800 });
    await page.waitForTimeout(500);
    const heading = page.locator('.view-line', { hasText: '### 2. BALDWHISPER' }).first();
    const box = await heading.boundingBox();
    await page.mouse.move(box.x + 60, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'CNRS' }).first();
    await hover.waitFor({ timeout: 15000 });
    const text = await hover.innerText();
    for (const expected of ['BALDWHISPER', 'CNRS', 'LORIA', 'Authors', '2.15倍', 'speedup', 'Go to Abstract'])
      assert.ok(text.includes(expected), `${expected} in: ${text}`);
    // The whole card, not cut off by a scrollbar: its content fits the hover's height.
    const content = hover.locator('.monaco-scrollable-element').first();
    const [shown, full] = await content.evaluate((e) => [e.clientHeight, e.firstElementChild.scrollHeight]);
    assert.ok(full <= shown + 1, `the card's content (${full} px) fits the hover (${shown} px)`);
    const card = await hover.boundingBox();
    await shot('hover.jpg', {
      x: Math.max(0, card.x - 12),
      y: Math.max(0, card.y - 12),
      width: card.width + 24,
      height: card.height + 24,
    });
  });
  await check(
    "the Markdown preview shows chips, marked numbers and working links, in the theme's colours",
    async () => {
      await page.keyboard.press('Escape');
      await runCommand(page, 'Markdown: Open Preview', /^Markdown: Open Preview$/);
      preview = await until(async () => {
        for (const frame of page.frames()) if (await frame.$('.dl-chip').catch(() => null)) return frame;
      }, 'the preview with Digest Lens chips');
      const briefs = digest.papers.filter((p) => p.brief).length;
      assert.strictEqual(await preview.locator('.dl-chip[data-technique]').count(), briefs);
      const title = await preview.locator('mark.dl-number').first().getAttribute('title');
      assert.match(title, /^Read as \w/);
      const { backgroundColor, borderTopColor } = await chipStyle();
      assert.ok(!TRANSPARENT.test(backgroundColor), `the chip has the badge colour, not ${backgroundColor}`);
      assert.match(borderTopColor, TRANSPARENT, 'no border in a light theme');
      fs.mkdirSync(testShots, { recursive: true });
      const webview = await page.locator('.webview.ready, iframe.webview').first().boundingBox();
      await page.screenshot({
        path: path.join(testShots, 'preview.jpg'),
        type: 'jpeg',
        quality: 45,
        clip: { ...webview, width: Math.min(webview.width, 960), height: Math.min(webview.height, 600) },
      });
      // The preview follows in-page links itself: ↓ Abstract brings the details heading to the top.
      await preview.locator('.dl-jump').first().click();
      await until(
        async () => (await preview.locator('#dl-details-1').boundingBox())?.y < 200,
        'the details heading scrolled into view',
      );
    },
  );
  await check('in a high-contrast theme, chips get the theme’s contrast border', async () => {
    assert.ok(preview, 'the preview is open');
    await runCommand(page, 'Preferences: Color Theme');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor();
    await page.keyboard.type('Dark High Contrast');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark High Contrast' }).first().click();
    const { borderTopColor } = await until(async () => {
      const style = await chipStyle();
      return !TRANSPARENT.test(style.borderTopColor) && style;
    }, 'the chip border of the high-contrast theme').catch(async (error) => {
      await page.screenshot({ path: path.join(testShots, 'high-contrast-failure.png') });
      throw error;
    });
    assert.ok(borderTopColor);
  });
} finally {
  await close();
}
const { passed, failed } = results();
console.log(`ui: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
