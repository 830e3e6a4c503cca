import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

/**
 * The standard @vscode/test-electron entry: runs every *.test.js beside this file, or the
 * *.bench.js measurements when DIGEST_LENS_SUITE=bench, or the *.web.js tests of the web
 * extension when DIGEST_LENS_SUITE=web.
 */
export function run(): Promise<void> {
  // DIGEST_LENS_GREP runs only the tests whose names match, while working on them.
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: 300000,
    reporter: 'spec',
    grep: process.env.DIGEST_LENS_GREP,
  });
  const suite = process.env.DIGEST_LENS_SUITE;
  const ending = suite === 'bench' ? '.bench.js' : suite === 'web' ? '.web.js' : '.test.js';
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(ending))
    .sort())
    mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}
