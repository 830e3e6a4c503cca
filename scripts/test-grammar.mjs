// Tests the TextMate injection grammar with vscode-tmgrammar-test, against VS Code's own
// Markdown grammar (from the code-server install), on lines from real reports.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { installCodeServer, repoRoot } from './code-server.mjs';
import { cases } from '../test/grammar/cases.mjs';

const COMMENT = '%';
const lines = [`${COMMENT} SYNTAX TEST "text.html.markdown" "Digest Lens injection"`];
for (const [line, checks] of cases) {
  lines.push('', line);
  for (const [text, scope] of checks) {
    const column = line.indexOf(text);
    if (column < COMMENT.length)
      throw new Error(`"${text}" must not start before column ${COMMENT.length} of: ${line}`);
    lines.push(COMMENT + ' '.repeat(column - COMMENT.length) + '^'.repeat(text.length) + ' ' + scope);
  }
}
const outDir = path.join(repoRoot, 'out', 'test', 'grammar');
fs.mkdirSync(outDir, { recursive: true });
const testFile = path.join(outDir, 'digest.test.md');
fs.writeFileSync(testFile, lines.join('\n') + '\n');

const { entry } = installCodeServer();
const markdownGrammar = path.join(
  path.dirname(entry),
  '..',
  '..',
  'lib',
  'vscode',
  'extensions',
  'markdown-basics',
  'syntaxes',
  'markdown.tmLanguage.json',
);
const result = spawnSync(
  process.execPath,
  [
    path.join(repoRoot, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js'),
    '-g',
    markdownGrammar,
    '-g',
    path.join(repoRoot, 'syntaxes', 'digest.injection.tmLanguage.json'),
    testFile,
  ],
  { encoding: 'utf8' },
);
// Embedded languages the Markdown grammar names but this test does not load are not errors.
process.stdout.write(
  (result.stdout + result.stderr)
    .split('\n')
    .filter((l) => !/^grammar not found/.test(l))
    .join('\n'),
);
const assertions = cases.reduce((n, [, checks]) => n + checks.length, 0);
console.log(result.status === 0 ? `grammar: ${assertions} passed, 0 failed` : 'grammar: scope assertions failed');
process.exit(result.status ?? 1);
