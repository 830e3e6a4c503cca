// A year (and more) of digests for the library benchmarks: writes `digests` reports of
// `papersPerDigest` papers each, built from the corpus papers, to a folder. Most papers are
// distinct, as in real digests (the corpus papers with a numbered title and abstract); about
// one in ten recurs from an earlier day unchanged. Deterministic: the same options write the
// same files. Used by `npm run bench:library`; the VS Code and trends benchmarks reuse it.
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { corpusFiles } from './shared.mjs';

const require = createRequire(import.meta.url);

/** The corpus papers as plain fields: title, brief, institutions, authors, abstract. */
export function corpusPapers() {
  const { parseDigest } = require('../dist/digest.js');
  return corpusFiles().flatMap((file) =>
    parseDigest(fs.readFileSync(file, 'utf8'))
      .papers.filter((p) => p.brief && p.details)
      .map((p) => ({
        title: p.title,
        brief: p.brief.text,
        institutions: p.details.institutionsText,
        authors: p.details.authorCount ?? 1,
        abstract: p.details.abstract,
      })),
  );
}

function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function reportText(date, papers) {
  const briefs = papers.map((p, i) => `### ${i + 1}. ${p.title}\n\n${p.brief}\n`);
  const details = papers.map(
    (p, i) =>
      `### ${i + 1}. ${p.title}\n\n**主要机构**: ${p.institutions}\n**作者数量**: ${p.authors}人\n\n**摘要**:\n${p.abstract}\n`,
  );
  return (
    `# AI推理加速技术论文分析报告\n生成时间: ${date} 12:00:00\n分析论文数量: ${papers.length}篇\n\n` +
    `## 论文技术简报\n\n${briefs.join('\n')}\n## 论文详细信息\n\n${details.join('\n')}`
  );
}

/**
 * Writes the workspace into `folder` (emptied first) and returns what it holds:
 * { files, bytes, papers, distinctPapers }.
 */
export function createLibraryWorkspace(
  folder,
  { digests = 1000, papersPerDigest = 30, recurring = 0.1, seed = 11 } = {},
) {
  const source = corpusPapers();
  const random = seeded(seed);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  const published = [];
  const files = [];
  let bytes = 0;
  let next = 0;
  const day = new Date(Date.UTC(2024, 0, 1));
  for (let d = 0; d < digests; d++) {
    const date = day.toISOString().slice(0, 10);
    day.setUTCDate(day.getUTCDate() + 1);
    const papers = [];
    const inThisDigest = new Set();
    for (let p = 0; p < papersPerDigest; p++) {
      let paper;
      if (published.length > 0 && random() < recurring) paper = published[Math.floor(random() * published.length)];
      // A paper with neither title nor abstract cannot be recognised again: it only appears once.
      if (!paper || inThisDigest.has(paper) || !(paper.title || paper.abstract)) {
        const base = source[next % source.length];
        const variant = Math.floor(next / source.length);
        next++;
        paper =
          variant === 0
            ? base
            : {
                ...base,
                // An empty title or abstract stays empty, as the pipeline writes it.
                title: base.title && `${base.title} (${variant})`,
                abstract: base.abstract && `${base.abstract} [Variant ${variant}.]`,
              };
        published.push(paper);
      }
      inThisDigest.add(paper);
      papers.push(paper);
    }
    const file = path.join(folder, `${date.slice(0, 4)}`, `${date}_ai_inference_report.md`);
    const text = reportText(date, papers);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes, papers: digests * papersPerDigest, distinctPapers: published.length };
}
