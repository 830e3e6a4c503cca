import { parseDigest } from '../src/digest';

/**
 * A digest of `count` papers built from real reports' papers, cycled and renumbered
 * 1..count: what the benchmarks measure on. Only fully paired papers are used.
 */
export function buildLargeDigest(reportTexts: readonly string[], count: number): string {
  const blocks: { title: string; brief: string; details: string }[] = [];
  for (const text of reportTexts) {
    const lines = text.split('\n');
    const take = (part: { line: number; endLine: number }) =>
      lines
        .slice(part.line + 1, part.endLine + 1)
        .join('\n')
        .trim();
    for (const paper of parseDigest(text).papers) {
      if (paper.brief && paper.details)
        blocks.push({ title: paper.title, brief: take(paper.brief), details: take(paper.details) });
    }
  }
  if (!blocks.length) throw new Error('no paired papers to build a digest from');
  const briefs: string[] = [];
  const details: string[] = [];
  for (let i = 0; i < count; i++) {
    const block = blocks[i % blocks.length];
    briefs.push(`### ${i + 1}. ${block.title}\n\n${block.brief}\n`);
    details.push(`### ${i + 1}. ${block.title}\n\n${block.details}\n`);
  }
  return `# AI推理加速技术论文分析报告\n生成时间: 2025-10-17 12:13:47\n分析论文数量: ${count}篇\n\n## 论文技术简报\n\n${briefs.join('\n')}\n## 论文详细信息\n\n${details.join('\n')}`;
}
