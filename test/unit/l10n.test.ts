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
    const used = sources(path.join(repoRoot, 'src')).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) =>
        m[1].replace(/\\'/g, "'"),
      ),
    );
    assert.ok(used.length > 20);
    for (const text of used) assert.ok(text in en, text);
  });
});
