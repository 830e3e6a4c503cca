/** A paper of an inline test digest; a part left out is left out of the text. */
export interface InlinePaper {
  readonly index?: number;
  readonly title: string;
  readonly brief?: string;
  readonly institutions?: string;
  readonly authors?: number;
  readonly abstract?: string;
}

/** The text of a digest as the generator writes it, from a few papers. */
export function inlineDigest(papers: readonly InlinePaper[], declaredCount: number = papers.length): string {
  const number = (paper: InlinePaper, i: number) => paper.index ?? i + 1;
  const briefs = papers.flatMap((paper, i) =>
    paper.brief === undefined ? [] : [`### ${number(paper, i)}. ${paper.title}`, '', paper.brief, ''],
  );
  const details = papers.flatMap((paper, i) => [
    `### ${number(paper, i)}. ${paper.title}`,
    '',
    ...(paper.institutions === undefined ? [] : [`**主要机构**: ${paper.institutions}`]),
    ...(paper.authors === undefined ? [] : [`**作者数量**: ${paper.authors}人`]),
    '',
    ...(paper.abstract === undefined ? [] : ['**摘要**:', paper.abstract, '']),
  ]);
  return [
    '# AI推理加速技术论文分析报告',
    '生成时间: 2025-10-17 12:13:47',
    `分析论文数量: ${declaredCount}篇`,
    '',
    '## 论文技术简报',
    '',
    ...briefs,
    '## 论文详细信息',
    '',
    ...details,
  ].join('\n');
}
