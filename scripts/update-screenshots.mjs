// Copies the screenshots the last UI test took (.test-output/screenshots, ignored) into
// media/screenshots, where the README shows them: run on purpose, after `npm run test:ui`,
// when the pictures should change.
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './code-server.mjs';

const taken = path.join(repoRoot, '.test-output', 'screenshots');
const shown = path.join(repoRoot, 'media', 'screenshots');
const shots = fs.existsSync(taken) ? fs.readdirSync(taken) : [];
if (!shots.length) {
  console.error(`No screenshots in ${taken}: run npm run test:ui first.`);
  process.exit(1);
}
for (const name of shots) {
  fs.copyFileSync(path.join(taken, name), path.join(shown, name));
  console.log(`media/screenshots/${name}`);
}
