import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

/**
 * The standard @vscode/test-electron entry: runs every *.test.js beside this file, or the
 * *.bench.js measurements when DIGEST_LENS_SUITE=bench.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 300000, reporter: 'spec' });
  const ending = process.env.DIGEST_LENS_SUITE === 'bench' ? '.bench.js' : '.test.js';
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(ending))
    .sort())
    mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}
