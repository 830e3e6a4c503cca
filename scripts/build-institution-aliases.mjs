// Builds src/library/institutionAliases.generated.json from the reviewed seeds and the corpus,
// and prints how many distinct institutions the corpus names before and after normalisation.
// Run after `npm run build`: node scripts/build-institution-aliases.mjs [corpus folder] [--check]
import * as fs from 'fs';
import * as path from 'path';
import { createRequire } from 'module';
import { loadLibrary } from './library-bundle.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const check = args.includes('--check');
const corpus =
  args.find((a) => !a.startsWith('--')) ?? process.env.DIGEST_CORPUS ?? path.resolve(root, '..', 'shared', 'corpus');
const output = path.join(root, 'src', 'library', 'institutionAliases.generated.json');

const { deriveAliasTable, InstitutionNames } = await loadLibrary();
const { parseDigest } = require(path.join(root, 'dist', 'digest.js'));
const seeds = JSON.parse(fs.readFileSync(path.join(root, 'src', 'library', 'institutionSeeds.json'), 'utf8'));

const papers = fs
  .readdirSync(corpus)
  .filter((f) => /^\d{4}-\d{2}_.*\.md$/.test(f))
  .flatMap((f) => parseDigest(fs.readFileSync(path.join(corpus, f), 'utf8')).papers)
  .map((p) => ({ phrase: p.institutionShort, names: p.details?.institutions ?? [] }));
if (!papers.length) throw new Error(`no reports in ${corpus}`);
const table = deriveAliasTable(papers, seeds);
const text = `${JSON.stringify(table, null, 2)}\n`;
if (check) {
  if (fs.readFileSync(output, 'utf8') !== text) throw new Error(`${output} is out of date: run this script`);
} else fs.writeFileSync(output, text);

const raw = new Set(papers.flatMap((p) => p.names.map((n) => n.trim())).filter(Boolean));
const distinct = (names) => new Set(papers.flatMap((p) => names.normalizeAll(p.names).map((n) => n.key))).size;
console.log(`${papers.length} papers, ${Object.keys(table.aliases).length} aliases`);
console.log(`distinct institutions: ${raw.size} as written`);
console.log(`  ${distinct(new InstitutionNames({ brands: {}, aliases: {} }))} after the rules alone`);
console.log(`  ${distinct(new InstitutionNames(table))} after the rules and the alias table`);
