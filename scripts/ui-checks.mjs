// What the UI tests share: the workbench with the built VSIX installed, and named checks
// that report and count instead of stopping the run.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { installVsix, launchBrowser, startCodeServer, workbenchUrl } from './code-server.mjs';

/** Named checks with their own counts: each runs, prints ✔ or ✖ with the start of its stack, and counts. */
export function createChecks() {
  const counts = { passed: 0, failed: 0 };
  async function check(name, run) {
    try {
      await run();
      counts.passed++;
      console.log(`  ✔ ${name}`);
    } catch (error) {
      counts.failed++;
      console.log(
        `  ✖ ${name}\n    ${String(error?.stack ?? error)
          .split('\n')
          .slice(0, 4)
          .join('\n    ')}`,
      );
    }
  }
  return { check, counts };
}

const shared = createChecks();

/** Runs one named check; a failure prints its first lines and the run goes on. */
export const check = shared.check;

/** How many checks passed and failed so far. */
export const results = () => ({ ...shared.counts });

/** A workbench on `folder` with `vsix` installed, in a light theme, loaded; close() ends it all. */
export async function openWorkbench(vsix, folder) {
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-exts-'));
  installVsix(vsix, extensionsDir);
  const server = await startCodeServer({
    extensionsDir,
    settings: {
      'workbench.colorTheme': 'Default Light Modern',
      'editor.minimap.enabled': false,
      'window.zoomLevel': 0,
    },
  });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const close = async () => {
    await browser.close();
    await server.stop();
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  };
  await page.goto(workbenchUrl(server, { folder }));
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForTimeout(1500);
  return { page, close };
}

/**
 * Runs a command from the palette: its input is filled, not typed into, because a key sent
 * while a webview (the preview, the Trends panel) has focus can stay in the webview; the
 * row is clicked, because Enter would run whichever row the palette ranks first.
 */
export async function runCommand(page, title, row = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)) {
  const input = page.locator('.quick-input-widget .quick-input-box input').first();
  // A palette still closing (after a pick) would take the text and vanish: start from none.
  await page.keyboard.press('Escape');
  await input.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => undefined);
  for (let tries = 0; ; tries++) {
    // Focus back to the workbench: out of a webview's frame, whose keys the workbench may not see.
    await page.evaluate(() => globalThis.document.activeElement?.blur());
    await page.keyboard.press('F1');
    if (
      await input.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      )
    )
      break;
    if (tries === 4) throw new Error(`the command palette did not open for ${title}`);
  }
  await input.fill(`>${title}`);
  const found = page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first();
  await found.waitFor({ timeout: 30000 });
  await found.click();
}
