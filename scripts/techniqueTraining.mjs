// Learns the technique model from the expert labels: a multinomial logistic regression over
// the classifier's features, trained by full-batch gradient descent (deterministic: the same
// labels give the same weights), and judged by leave-reports-out cross-validation.
import * as fs from 'fs';
import * as path from 'path';

/** Whole reports per fold: report i (in name order) goes to fold i mod FOLDS. */
export const FOLDS = 6;
/** The L2 strengths tried; cross-validation keeps the best. */
export const L2_CHOICES = [0.001, 0.003, 0.01];
const ITERATIONS = 300;
const LEARNING_RATE = 0.05;
const OWN_WORD_PRIOR = { title: 2, technique: 2, results: 0.8, abstract: 0.8 };
const BETA1 = 0.9;
const BETA2 = 0.999;
/** Alternatives are shown for at most this share of papers: the labels say one in six is ambiguous. */
const MAX_UNCERTAIN_SHARE = 1 / 6;
const SECONDARY = 0.25;
/**
 * A paper is decided on its title and brief when they give one technique this probability:
 * its abstract, nine tenths of the text, is read for the rest (about two papers in five).
 * Cross-validated, this costs 0.002 of agreement (docs/technique-experiments.md).
 */
const HEAD_CONFIDENCE = 0.8;

/**
 * Which fold each report goes to. Deal 0: report i (in name order) to fold i mod FOLDS;
 * another deal shuffles the reports first, by a fixed seed, to see how much the figure owes to one deal.
 */
function dealReports(reports, deal) {
  let seed = deal;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const order = deal
    ? reports
        .map((r) => [random(), r])
        .sort((a, b) => a[0] - b[0])
        .map(([, r]) => r)
    : reports;
  return new Map(order.map((r, i) => [r, i % FOLDS]));
}

/** Every labelled paper with the fields the classifier reads, and its fold in the given deal. */
export function loadExamples(core, corpusDir, labelsDir, deal = 0) {
  for (const dir of [corpusDir, labelsDir])
    if (!fs.existsSync(dir)) {
      console.error(`No ${dir}; set DIGEST_CORPUS to the folder of real reports (the labels are beside it).`);
      process.exit(2);
    }
  const labels = ['techniques-dev.jsonl', 'techniques-train.jsonl'].flatMap((file) =>
    fs
      .readFileSync(path.join(labelsDir, file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line)),
  );
  const reports = [...new Set(labels.map((l) => l.report))].sort();
  const digests = new Map(reports.map((r) => [r, core.parseDigest(fs.readFileSync(path.join(corpusDir, r), 'utf8'))]));
  const foldOf = dealReports(reports, deal);
  return labels.map((label) => {
    const paper = digests.get(label.report).papers.find((p) => p.index === label.index);
    if (!paper) throw new Error(`${label.report} has no paper ${label.index}`);
    const text = core.paperText(paper.title, core.readBrief(paper.brief?.text ?? ''), paper.details?.abstract ?? '');
    return { report: label.report, fold: foldOf.get(label.report), expected: label.primary, text };
  });
}

/** Trains on `examples`; returns the model without its margin and secondary share. */
export function train(classifier, examples, l2) {
  const classes = classifier.taxonomy.map((d) => d.id);
  const featureCount = classifier.features.length;
  const data = examples.map((e) => ({ ...classifier.featuresOf(e.text), y: classes.indexOf(e.expected) }));
  const K = classes.length;
  const W = new Float64Array(K * featureCount);
  const b = new Float64Array(K);
  const gradW = new Float64Array(K * featureCount);
  const gradB = new Float64Array(K);
  const p = new Float64Array(K);
  const n = data.length;
  // The weights are pulled towards a prior instead of zero: a technique's own words are
  // evidence for it, the title's and clause's more than the rest. Rare techniques keep it.
  const prior = new Float64Array(K * featureCount);
  classifier.features.forEach((name, k) => {
    const [id, field] = name.split('@');
    const c = classes.indexOf(id);
    if (c >= 0 && id !== 'other') prior[c * featureCount + k] = OWN_WORD_PRIOR[field];
  });
  const m = new Float64Array(W.length + K);
  const v = new Float64Array(W.length + K);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    gradW.fill(0);
    gradB.fill(0);
    for (const { indices, values, y } of data) {
      let max = -Infinity;
      for (let c = 0; c < K; c++) {
        let z = b[c];
        for (let i = 0; i < indices.length; i++) z += W[c * featureCount + indices[i]] * values[i];
        p[c] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let c = 0; c < K; c++) sum += p[c] = Math.exp(p[c] - max);
      for (let c = 0; c < K; c++) {
        const error = p[c] / sum - (c === y ? 1 : 0);
        gradB[c] += error;
        for (let i = 0; i < indices.length; i++) gradW[c * featureCount + indices[i]] += error * values[i];
      }
    }
    // Adam: features seen by few papers learn as fast as the bias does.
    const t = iteration + 1;
    const step = (LEARNING_RATE * Math.sqrt(1 - BETA2 ** t)) / (1 - BETA1 ** t);
    for (let j = 0; j < W.length + K; j++) {
      const g = j < W.length ? gradW[j] / n + l2 * (W[j] - prior[j]) : gradB[j - W.length] / n;
      m[j] = BETA1 * m[j] + (1 - BETA1) * g;
      v[j] = BETA2 * v[j] + (1 - BETA2) * g * g;
      const delta = (step * m[j]) / (Math.sqrt(v[j]) + 1e-8);
      if (j < W.length) W[j] -= delta;
      else b[j - W.length] -= delta;
    }
  }
  // Only the features some weight uses are kept: the file stays small.
  const round = (x) => Math.round(x * 1000) / 1000 || 0;
  const used = classifier.features
    .map((name, k) => ({ name, k }))
    .filter(({ k }) => classes.some((_, c) => round(W[c * featureCount + k]) !== 0));
  return {
    classes,
    features: used.map((u) => u.name),
    weights: classes.map((_, c) => used.map(({ k }) => round(W[c * featureCount + k]))),
    bias: [...b].map(round),
  };
}

/** Each example judged by a model trained on the other folds: its probabilities, ranked. */
export function crossValidate(core, examples, l2) {
  const judged = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const trained = train(
      core.createClassifier(),
      examples.filter((e) => e.fold !== fold),
      l2,
    );
    const classifier = core.createClassifier(core.DEFAULT_TAXONOMY, {
      ...trained,
      margin: 1,
      secondary: 0,
      headConfidence: HEAD_CONFIDENCE,
    });
    for (const e of examples.filter((x) => x.fold === fold)) {
      const ranked = classifier.classify(e.text);
      judged.push({ example: e, ranked: ranked.map((t) => ({ id: t.id, p: t.score })) });
    }
  }
  return judged;
}

/** The groups a paper is shown under for a margin: the primary, and the second when it is that close. */
export function shownFor(ranked, margin) {
  const [first, second] = ranked;
  return second && first.p - second.p < margin ? [first.id, second.id] : [first.id];
}

/** The largest margin that shows alternatives for no more than MAX_UNCERTAIN_SHARE of the judged papers. */
export function chooseMargin(judged) {
  let best = 0;
  for (let margin = 0.01; margin <= 0.5; margin += 0.01) {
    const uncertain = judged.filter((j) => shownFor(j.ranked, margin).length > 1).length;
    if (uncertain / judged.length <= MAX_UNCERTAIN_SHARE) best = Math.round(margin * 100) / 100;
  }
  return best;
}

/** Cross-validates every L2 choice, keeps the best, and trains on all examples with it. */
export function trainBest(core, examples, log = () => {}) {
  let best = null;
  for (const l2 of L2_CHOICES) {
    const judged = crossValidate(core, examples, l2);
    const agree = judged.filter((j) => j.ranked[0].id === j.example.expected).length / judged.length;
    log(`  l2 ${l2}: cross-validated primary agreement ${agree.toFixed(3)}`);
    if (!best || agree > best.agree) best = { l2, agree, judged };
  }
  const model = train(core.createClassifier(), examples, best.l2);
  return {
    ...best,
    model: { ...model, margin: chooseMargin(best.judged), secondary: SECONDARY, headConfidence: HEAD_CONFIDENCE },
  };
}
