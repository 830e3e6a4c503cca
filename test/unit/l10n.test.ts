import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../corpus';

const read = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
const placeholders = (text: string) => (text.match(/\{\d+\}|\$\([a-z-]+\)/g) ?? []).sort();

suite('Simplified Chinese strings', () => {
  for (const [english, chinese] of [
    ['package.nls.json', 'package.nls.zh-cn.json'],
    ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json'],
  ]) {
    test(`${chinese} translates every key of ${english}, with the same placeholders and icons`, () => {
      const en = read(english);
      const zh = read(chinese);
      assert.deepStrictEqual(Object.keys(zh).sort(), Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        assert.ok(zh[key].trim(), `${key} is translated`);
        assert.deepStrictEqual(placeholders(zh[key]), placeholders(en[key]), key);
      }
    });
  }

  test('every %key% in package.json has an English string', () => {
    const en = read('package.nls.json');
    const keys = [...fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map(
      (m) => m[1],
    );
    assert.ok(keys.length > 20);
    for (const key of keys) assert.ok(en[key], key);
  });

  test('the l10n bundle holds every string the code passes to vscode.l10n.t', () => {
    const en = read('l10n/bundle.l10n.json');
    const sources = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
        );
    const used = sources(path.join(repoRoot, 'src')).flatMap((file) => l10nStrings(fs.readFileSync(file, 'utf8')));
    assert.ok(used.length > 20);
    for (const text of used) assert.ok(text in en, text);
  });

  test('the strings passed to l10n.t are found in every kind of literal, and a call without one fails', () => {
    const source = [
      "vscode.l10n.t('Single {0}', n);",
      'vscode.l10n.t("Double \\"quoted\\" {0}", n);',
      'l10n.t(`Template {0}`, n);',
      "vscode.l10n.t(\n  'On the next line\\'s end',\n);",
      'vscode.l10n.t(`Line\\nbreak`);',
    ].join('\n');
    assert.deepStrictEqual(l10nStrings(source), [
      'Single {0}',
      'Double "quoted" {0}',
      'Template {0}',
      "On the next line's end",
      'Line\nbreak',
    ]);
    assert.throws(() => l10nStrings('vscode.l10n.t(message);'), /not a fixed string/);
    assert.throws(() => l10nStrings('vscode.l10n.t(`Paper ${n}`);'), /not a fixed string/);
  });
});

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

/** The messages a source passes to l10n.t, as JavaScript reads the literals; throws on one that is not a fixed string. */
function l10nStrings(source: string): string[] {
  const calls = source.split(/\bl10n\.t\(\s*/).slice(1);
  return calls.map((call) => {
    const literal = /^(['"`])((?:[^\\]|\\.)*?)\1/s.exec(call);
    if (!literal || (literal[1] === '`' && literal[2].includes('${')))
      throw new Error(`l10n.t(${call.slice(0, 40)}…: not a fixed string`);
    return literal[2].replace(/\\(.)/gs, (_, c: string) => ESCAPES[c] ?? c);
  });
}
