// Loads the pure library core (src/library) from source in a script: bundled on the fly
// into out/scripts, as the shipped code bundles it into the extension.
import * as esbuild from 'esbuild';
import { createRequire } from 'module';
import * as path from 'path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

export async function loadLibrary() {
  const outfile = path.join(root, 'out', 'scripts', 'library.js');
  await esbuild.build({
    stdin: {
      contents: [
        'institutionAliasDerivation',
        'institutionAliases',
        'institutionNames',
        'library',
        'trendPapers',
        'trendPapersOfLibrary',
        'trends',
      ]
        .map((m) => `export * from './${m}';`)
        .join('\n'),
      resolveDir: path.join(root, 'src', 'library'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
  });
  return require(outfile);
}
