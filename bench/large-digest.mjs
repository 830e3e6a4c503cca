// Builds a large digest from the real papers of the corpus, renumbered, for benchmarks.
import * as fs from 'fs';
import { createRequire } from 'module';
import { corpusFiles } from './shared.mjs';

const { parseDigest } = createRequire(import.meta.url)('../dist/digest.js');

function paperBlocks() {
  const blocks = [];
  for (const file of corpusFiles()) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    for (const paper of parseDigest(lines.join('\n')).papers) {
      if (!paper.brief || !paper.details) continue;
      const take = (part) => lines.slice(part.line + 1, part.endLine + 1).join('\n').trim();
      blocks.push({ title: paper.title, brief: take(paper.brief), details: take(paper.details) });
    }
  }
  return blocks;
}

/** A digest of `count` papers, cycling through the corpus papers and numbering them 1..count. */
export function buildLargeDigest(count) {
  const blocks = paperBlocks();
  const briefs = [];
  const details = [];
  for (let i = 0; i < count; i++) {
    const block = blocks[i % blocks.length];
    briefs.push(`### ${i + 1}. ${block.title}\n\n${block.brief}\n`);
    details.push(`### ${i + 1}. ${block.title}\n\n${block.details}\n`);
  }
  return `# AI推理加速技术论文分析报告\n生成时间: 2025-10-17 12:13:47\n分析论文数量: ${count}篇\n\n## 论文技术简报\n\n${briefs.join('\n')}\n## 论文详细信息\n\n${details.join('\n')}`;
}
