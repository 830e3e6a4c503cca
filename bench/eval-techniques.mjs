// Measures the technique classifier against the expert labels by leave-reports-out
// cross-validation: every paper is judged by a model trained without its report.
import { createRequire } from 'module';
import { corpusDir, labelsDir } from './shared.mjs';
import { techniqueReport } from './techniqueMetrics.mjs';
import { FOLDS, loadExamples, shownFor, trainBest } from '../scripts/techniqueTraining.mjs';

const core = createRequire(import.meta.url)('../dist/digest.js');
// `--deal=N` deals the reports into folds another way (0, the default, is the one training uses);
// `--deal=0,1,2` measures each deal in turn and their mean: one deal's figure moves by ±0.005.
const deals = (process.argv.find((a) => a.startsWith('--deal='))?.slice('--deal='.length) ?? '0')
  .split(',')
  .map(Number);
const agreements = deals.map((deal) => {
  const examples = loadExamples(core, corpusDir, labelsDir, deal);
  const reports = new Set(examples.map((e) => e.report)).size;
  console.log(
    `technique classifier: ${examples.length} labelled papers, ${reports} reports, ${FOLDS} folds of whole reports (deal ${deal})`,
  );
  const { l2, agree, judged, model } = trainBest(core, examples, console.log);
  console.log(`\ncross-validated (l2 ${l2}, alternative margin ${model.margin}), the figure that counts:`);
  const predictions = judged.map(({ example, ranked }) => ({
    expected: example.expected,
    primary: ranked[0].id,
    shown: shownFor(ranked, model.margin),
  }));
  for (const line of techniqueReport(predictions)) console.log(`  ${line}`);
  if (process.argv.includes('--verbose'))
    for (const { example, ranked } of judged)
      if (ranked[0].id !== example.expected)
        console.log(
          `  miss ${example.report.slice(0, 16)}: expected ${example.expected}, got ${ranked
            .slice(0, 2)
            .map((t) => `${t.id} ${t.p}`)
            .join(', ')}  ${example.text.title.slice(0, 60)}`,
        );
  console.log('');
  return agree;
});
if (deals.length > 1)
  console.log(
    `cross-validated primary agreement, deals ${deals.join(' / ')}: ${agreements.map((a) => a.toFixed(3)).join(' / ')}, mean ${(
      agreements.reduce((a, b) => a + b, 0) / agreements.length
    ).toFixed(3)}\n`,
  );

// The committed model on the papers it was trained on: a fit, not a measure of what it does on a new report.
const committed = core.createClassifier();
const examples = loadExamples(core, corpusDir, labelsDir);
const fit = examples.map((e) => {
  const matches = committed.classify(e.text);
  return {
    expected: e.expected,
    primary: matches[0].id,
    shown: matches.filter((m, rank) => rank === 0 || m.alternative).map((m) => m.id),
  };
});
console.log('train-on-all (the committed model on its own training papers; NOT the figure that counts):');
for (const line of techniqueReport(fit).slice(0, 2)) console.log(`  ${line}`);
