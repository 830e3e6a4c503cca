import * as fs from 'fs';
import * as path from 'path';
import { parseDigest } from '../src/digest';
import { Library } from '../src/library';
import { repoRoot } from './corpus';

/** The re-run day of test/fixtures/library (its README says what each file holds). */
export const rerunFolder = path.join(repoRoot, 'test', 'fixtures', 'library');
export const DAY1 = '2025-10-09_report.md';
export const RERUN = '2025-10-09_report_rerun.md';
export const DAY2 = '2025-10-10_report.md';

export function addFixture(library: Library, name: string): void {
  const text = fs.readFileSync(path.join(rerunFolder, name), 'utf8');
  library.addDigest({ path: name, size: text.length, mtime: 1 }, parseDigest(text));
}

export function fixtureLibrary(...names: string[]): Library {
  const library = new Library();
  for (const name of names) addFixture(library, name);
  return library;
}

/** A digest of the given papers, as the generator writes one. */
export function digestText(
  papers: { title: string; brief: string; institutions?: string; abstract: string }[],
): string {
  const briefs = papers.map((p, i) => `### ${i + 1}. ${p.title}\n\n${p.brief}\n`);
  const details = papers.map(
    (p, i) =>
      `### ${i + 1}. ${p.title}\n\n**主要机构**: ${p.institutions ?? ''}\n**作者数量**: 3人\n\n**摘要**:\n${p.abstract}\n`,
  );
  return `# AI推理加速技术论文分析报告\n生成时间: 2025-10-01 10:00:00\n分析论文数量: ${papers.length}篇\n\n## 论文技术简报\n\n${briefs.join('\n')}\n## 论文详细信息\n\n${details.join('\n')}`;
}
