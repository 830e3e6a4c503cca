// Bundles the three entry points. The core is bundled once, into dist/digest.js;
// the extension and the CLI load it from there instead of carrying their own copy.
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

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'es2022',
  minify: !process.argv.includes('--dev'),
  sourcemap: process.argv.includes('--dev') ? 'inline' : false,
  logLevel: 'warning',
};

const fs = require('fs');
const testFiles = (dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));

Promise.all([
  esbuild.build({ ...common, entryPoints: [coreEntry], outfile: 'dist/digest.js' }),
  esbuild.build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', plugins: [sharedCore] }),
  esbuild.build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [sharedCore],
  }),
  // Tests: unit tests bundle the core from source; integration tests run inside VS Code.
  esbuild.build({ ...common, minify: false, entryPoints: ['test/largeDigest.ts'], outfile: 'out/test/largeDigest.js' }),
  esbuild.build({
    ...common,
    minify: false,
    entryPoints: testFiles('test/unit'),
    outdir: 'out/test/unit',
    external: ['mocha'],
  }),
  fs.existsSync('test/integration') &&
    esbuild.build({
      ...common,
      minify: false,
      entryPoints: testFiles('test/integration'),
      outdir: 'out/test/integration',
      external: ['vscode', 'mocha'],
    }),
]).catch(() => process.exit(1));
