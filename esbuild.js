// Bundles the entry points: the core, the CLI, and the extension for Node and for the
// browser. The core is bundled once, into dist/digest.js; the Node extension and the CLI
// load it from there instead of carrying their own copy.
const esbuild = require('esbuild');
const path = require('path');

const coreEntry = path.join(__dirname, 'src', 'digest', 'index.ts');

/** Resolves every import of the core's public entry to the shared dist/digest.js. */
const sharedCore = {
  name: 'shared-core',
  setup(build) {
    build.onResolve({ filter: /digest(\/index)?$/ }, (args) => {
      const resolved = path.resolve(args.resolveDir, args.path);
      if (resolved === path.dirname(coreEntry) || resolved + '.ts' === coreEntry) {
        return { path: './digest.js', external: true };
      }
      return undefined;
    });
  },
};

/** Fails the browser build on any Node built-in: VS Code for the Web has none. */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    const builtins = new Set(require('module').builtinModules);
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('node:') || builtins.has(args.path.split('/')[0])
        ? { errors: [{ text: `${args.path} is a Node built-in, which VS Code for the Web does not have` }] }
        : undefined,
    );
  },
};

const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'es2022',
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  logLevel: 'warning',
};

const fs = require('fs');
const testFiles = (dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));

/** Logs rebuilds in watch mode, once for all bundles, in the form the F5 task's problem matcher waits for. */
let running = 0;
const watchLog = {
  name: 'watch-log',
  setup(build) {
    build.onStart(() => {
      if (running++ === 0) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors)
        console.error(`✘ [ERROR] ${text}\n    ${location?.file}:${location?.line}:${location?.column}:`);
      if (--running === 0) console.log('[watch] build finished');
    });
  },
};

const builds = [
  { ...common, entryPoints: [coreEntry], outfile: 'dist/digest.js' },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', plugins: [sharedCore] },
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [sharedCore],
  },
  // The web extension carries its own copy of the core: a web worker cannot require dist/digest.js.
  {
    ...common,
    platform: 'browser',
    entryPoints: ['src/extension.web.ts'],
    outfile: 'dist/extension.web.js',
    external: ['vscode'],
    plugins: [noNodeBuiltins],
  },
  // The Trends page runs in the webview, a browser.
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    entryPoints: ['src/trends/webview/trendsPage.ts'],
    outfile: 'dist/trendsPage.js',
  },
  // Tests: unit tests bundle the core from source; integration tests run inside VS Code.
  { ...common, minify: false, entryPoints: ['test/largeDigest.ts'], outfile: 'out/test/largeDigest.js' },
  { ...common, minify: false, entryPoints: ['bench/preview.bench.ts'], outfile: 'out/bench/preview.bench.js' },
  { ...common, minify: false, entryPoints: ['test/trendLibrary.ts'], outfile: 'out/test/trendLibrary.js' },
  {
    ...common,
    minify: false,
    entryPoints: testFiles('test/unit'),
    outdir: 'out/test/unit',
    external: ['mocha'],
  },
  fs.existsSync('test/integration') && {
    ...common,
    minify: false,
    entryPoints: testFiles('test/integration'),
    outdir: 'out/test/integration',
    external: ['vscode', 'mocha'],
  },
].filter(Boolean);

if (watch) {
  // Rebuilds on every save; type errors come from `tsc --noEmit` beside it.
  Promise.all(builds.map((options) => esbuild.context({ ...options, plugins: [...(options.plugins ?? []), watchLog] })))
    .then((contexts) => Promise.all(contexts.map((context) => context.watch())))
    .catch(() => process.exit(1));
} else {
  Promise.all(builds.map((options) => esbuild.build(options))).catch(() => process.exit(1));
}
