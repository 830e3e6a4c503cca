import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SETTINGS } from '../../src/store/settings';
import { repoRoot } from '../corpus';

suite('settings: the code and package.json agree', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const contributed: Record<string, { default: unknown }> = manifest.contributes.configuration.properties;

  test('every contributed setting is read by the code, and every setting the code reads is contributed', () => {
    const inCode = Object.values(SETTINGS).map(([key]) => `digestLens.${key}`);
    assert.deepStrictEqual([...inCode].sort(), Object.keys(contributed).sort());
  });

  test("each setting's default in code equals its default in package.json, and passes its own schema", () => {
    for (const [key, schema, fallback] of Object.values(SETTINGS)) {
      assert.deepStrictEqual(fallback, contributed[`digestLens.${key}`].default, `digestLens.${key}`);
      assert.ok(schema.safeParse(fallback).success, `digestLens.${key}`);
    }
  });
});
