import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { repoRoot } from '../corpus';

const bundle = path.join(repoRoot, 'dist', 'extension.web.js');

/**
 * What a web worker offers besides the language itself. No process, Buffer, require or
 * __dirname: touching one while loading throws.
 */
const workerGlobals = () => ({ console, performance, setTimeout, clearTimeout, TextDecoder, TextEncoder, URL });

/** Stands in for the vscode module while the bundle loads: any property, call or `new` works. */
function inertModule(): unknown {
  const target = function () {};
  // getPrototypeOf too: esbuild's interop copies a module onto an object inheriting from it.
  const proxy: object = new Proxy(target, {
    get: () => proxy,
    getPrototypeOf: () => proxy,
    apply: () => proxy,
    construct: () => proxy,
  });
  return proxy;
}

suite('the VS Code for the Web bundle', () => {
  const code = fs.readFileSync(bundle, 'utf8');

  test('package.json points its browser entry at the bundle', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.strictEqual(path.join(repoRoot, manifest.browser), bundle);
  });

  test('requires nothing but vscode', () => {
    // Calls, not comments (a development build keeps a library's `.tlds(require('tlds'))` example).
    const calls = code.replace(/^\s*(\/\/|\*).*$/gm, '');
    const required = new Set([...calls.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
    assert.deepStrictEqual([...required], ['vscode']);
  });

  test('loads in a context with no Node built-ins, and exports activate and deactivate', () => {
    const required: string[] = [];
    const module = { exports: {} as Record<string, unknown> };
    const context = vm.createContext(workerGlobals());
    const load = vm.runInContext(`(function (module, exports, require) {\n${code}\n})`, context, { filename: bundle });
    load(module, module.exports, (name: string) => {
      required.push(name);
      if (name !== 'vscode') throw new Error(`${name} is not available in a web worker`);
      return inertModule();
    });
    assert.deepStrictEqual([...new Set(required)], ['vscode']);
    assert.strictEqual(typeof module.exports.activate, 'function');
    assert.strictEqual(typeof module.exports.deactivate, 'function');
    for (const name of ['process', 'Buffer', 'require', '__dirname'])
      assert.strictEqual(vm.runInContext(`typeof ${name}`, context), 'undefined', `${name} is absent`);
  });
});
