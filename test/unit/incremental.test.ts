import * as assert from 'assert';
import { SourceLines, parseDigest, updateDigest, type Digest, type LineChange } from '../../src/digest';
import { corpusReports, requireCorpus, readReport } from '../corpus';
import { random } from '../random';

/** Applies an edit to whole lines and describes it as VS Code's change event would. */
function edit(
  text: string,
  startLine: number,
  oldEndLine: number,
  replacement: string[],
): { text: string; change: LineChange } {
  const lines = text.split('\n');
  lines.splice(startLine, oldEndLine - startLine + 1, ...replacement);
  return { text: lines.join('\n'), change: { startLine, oldEndLine, newEndLine: startLine + replacement.length - 1 } };
}

/** The edits a reader makes inside a brief or an abstract, and some that change structure. */
function edits(digest: Digest, text: string, next: () => number): { name: string; text: string; change: LineChange }[] {
  const lines = text.split('\n');
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const candidates = digest.papers.filter((p) => p.brief?.text && p.details?.abstract);
  if (!candidates.length) return [];
  const paper = pick(candidates);
  const briefLine = paper.brief!.textLine;
  const abstractLine = paper.details!.abstractLine! + 1;
  const at = Math.floor(next() * (lines[briefLine].length + 1));
  return [
    {
      name: 'type a character in a brief',
      ...edit(text, briefLine, briefLine, [lines[briefLine].slice(0, at) + '新' + lines[briefLine].slice(at)]),
    },
    { name: 'change a number in a brief', ...edit(text, briefLine, briefLine, [lines[briefLine].replace(/\d/, '9')]) },
    {
      name: 'split a brief into two paragraphs',
      ...edit(text, briefLine, briefLine, [lines[briefLine].slice(0, at), '', lines[briefLine].slice(at)]),
    },
    {
      name: 'add a line to an abstract',
      ...edit(text, abstractLine, abstractLine, [lines[abstractLine], 'Quantization and pruning give a 3x speedup.']),
    },
    { name: 'empty an abstract', ...edit(text, abstractLine, abstractLine, ['']) },
    {
      name: 'replace the brief with a refusal',
      ...edit(text, briefLine, briefLine, ['请提供论文的标题、主要机构和摘要信息，以便生成技术简报。']),
    },
    {
      name: 'empty the institutions',
      ...edit(text, paper.details!.institutionsLine!, paper.details!.institutionsLine!, ['**主要机构**: ']),
    },
    {
      name: 'add a heading inside a brief (structural)',
      ...edit(text, briefLine, briefLine, [lines[briefLine], '### 999. New paper']),
    },
  ];
}

suite('incremental update after an edit', () => {
  suiteSetup(function () {
    requireCorpus(this);
  });

  test('equals a full parse of the edited text, for edits in every corpus report', () => {
    const next = random(11);
    let incremental = 0;
    for (const name of corpusReports()) {
      const text = readReport(name);
      const digest = parseDigest(text);
      for (const { name: what, text: edited, change } of edits(digest, text, next)) {
        const updated = updateDigest(digest, new SourceLines(edited), change);
        if (what.includes('structural')) {
          assert.strictEqual(updated, undefined, `${name}: ${what} needs a full parse`);
          continue;
        }
        assert.ok(updated, `${name}: ${what} is local`);
        incremental++;
        assert.deepStrictEqual(
          JSON.parse(JSON.stringify(updated)),
          JSON.parse(JSON.stringify(parseDigest(edited))),
          `${name}: ${what}`,
        );
      }
    }
    assert.ok(incremental >= 23 * 7, `${incremental} local edits`);
  });

  test('papers an edit neither changes nor moves stay the same objects', () => {
    // The report with the most problems, so that other papers' problems are there to keep.
    const [text, digest] = corpusReports()
      .map((report) => readReport(report))
      .map((t) => [t, parseDigest(t)] as const)
      .reduce((a, b) => (b[1].problems.length > a[1].problems.length ? b : a));
    const edited = digest.papers[1];
    const line = edited.brief!.textLine;
    const sameLines = edit(text, line, line, [`x${text.split('\n')[line]}`]);
    const updated = updateDigest(digest, new SourceLines(sameLines.text), sameLines.change)!;
    const kept = updated.papers.filter((paper, i) => paper === digest.papers[i]);
    assert.strictEqual(kept.length, digest.papers.length - 1, 'all but the edited paper');
    assert.notStrictEqual(updated.papers[1], edited);
    const othersProblems = (d: typeof digest) => d.problems.filter((p) => p.paperIndex !== edited.index);
    assert.ok(
      othersProblems(updated).every((problem, i) => problem === othersProblems(digest)[i]),
      'and so do the problems of the other papers',
    );
    assert.ok(othersProblems(digest).length >= 5, `${othersProblems(digest).length} problems of other papers`);
    const oneMore = edit(text, line, line, [text.split('\n')[line], 'y']);
    const moved = updateDigest(digest, new SourceLines(oneMore.text), oneMore.change)!;
    assert.strictEqual(moved.papers[0].brief!.line, digest.papers[0].brief!.line);
    assert.notStrictEqual(moved.papers[2], digest.papers[2], 'a paper moved down is a new object');
  });

  test('edits outside a paper block, or in a heading, are left to a full parse', () => {
    const text = readReport(corpusReports()[0]);
    const digest = parseDigest(text);
    const heading = digest.papers[0].brief!.line;
    assert.strictEqual(
      updateDigest(digest, new SourceLines(edit(text, heading, heading, ['### 1. Renamed']).text), {
        startLine: heading,
        oldEndLine: heading,
        newEndLine: heading,
      }),
      undefined,
    );
    assert.strictEqual(
      updateDigest(digest, new SourceLines(edit(text, 1, 1, ['生成时间: x']).text), {
        startLine: 1,
        oldEndLine: 1,
        newEndLine: 1,
      }),
      undefined,
    );
    const line = digest.papers[0].brief!.textLine;
    assert.strictEqual(
      updateDigest(digest, new SourceLines(text), { startLine: line, oldEndLine: line, newEndLine: line + 1 }),
      undefined,
      'a change that does not match the text',
    );
  });

  test('random line edits in papers that hold fences, indented code and sub-headings: an update always equals a full parse', () => {
    const next = random(5);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    const PLAIN_LINES = ['正文一行', 'Plain text 2.1× faster', '', '**摘要**: text', '  two spaces'];
    const BODY_LINES = [...PLAIN_LINES, '    indented code', '```', '~~~', '#### A sub-heading', '### 7. A heading'];
    let updates = 0;
    let removedStructure = 0;
    for (let round = 0; round < 3000; round++) {
      const papers = Array.from({ length: 3 }, (_, i) => [
        `### ${i + 1}. Paper ${i + 1}`,
        '',
        ...Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(next() < 0.6 ? PLAIN_LINES : BODY_LINES)),
        '',
      ]);
      const text = [
        '# Digest',
        '',
        '## 论文技术简报',
        '',
        ...papers.flat(),
        '## 论文详细信息',
        '',
        ...papers.flat(),
      ].join('\n');
      const digest = parseDigest(text);
      const lineCount = text.split('\n').length;
      const startLine = Math.floor(next() * lineCount);
      const oldEndLine = Math.min(lineCount - 1, startLine + Math.floor(next() * 2));
      // Mostly plain lines, so that many edits remove a block's last structural line.
      const replacement = Array.from({ length: 1 + Math.floor(next() * 2) }, () =>
        pick(next() < 0.7 ? PLAIN_LINES : BODY_LINES),
      );
      const edited = edit(text, startLine, oldEndLine, replacement);
      const updated = updateDigest(digest, new SourceLines(edited.text), edited.change);
      if (!updated) continue;
      updates++;
      if (
        text
          .split('\n')
          .slice(startLine, oldEndLine + 1)
          .some((l) => /^(?:#|```|~~~| {4})/.test(l))
      )
        removedStructure++;
      assert.deepStrictEqual(
        JSON.parse(JSON.stringify(updated)),
        JSON.parse(JSON.stringify(parseDigest(edited.text))),
        JSON.stringify({ text, edited: edited.text }),
      );
    }
    assert.ok(
      updates > 300 && removedStructure > 50,
      `${updates} edits were applied as updates, ${removedStructure} of them removing a structural line`,
    );
  });
});
