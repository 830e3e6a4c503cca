import * as assert from 'assert';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { corpusReports, repoRoot } from '../corpus';

suite('technique model', () => {
  test('the committed model is what npm run train makes from the labels, byte for byte', function () {
    if (!corpusReports().length) this.skip();
    this.timeout(300_000);
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'train-techniques.mjs'), '--check'], {
      encoding: 'utf8',
    });
    assert.strictEqual(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /matches a fresh training/);
  });
});
