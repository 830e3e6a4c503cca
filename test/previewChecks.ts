import * as assert from 'assert';
import { OTHER_TECHNIQUE_ID, type Digest } from '../src/digest';
import { briefAnchor, detailsAnchor } from '../src/preview/digestPreviewPlugin';
import type { PaperLabel } from './corpus';

const unescapeHtml = (html: string) =>
  html.replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name]!);

/** The ids, in-page links and marked numbers of rendered HTML. */
export const idsOf = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
export const hrefsOf = (html: string) => [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => m[1]);
export const marksOf = (html: string) =>
  [...html.matchAll(/<mark class="dl-number"[^>]*>([^<]*)<\/mark>/g)].map((m) => unescapeHtml(m[1]));

/**
 * Checks a report's preview: every in-page link resolves, every paper with a brief has its
 * anchor and chip, every number the core read is marked (so every labelled one it read),
 * and every problem has its note. Returns how many labelled numbers were checked.
 */
export function checkPreviewHtml(html: string, digest: Digest, labels: readonly PaperLabel[]): number {
  let labelledNumbersChecked = 0;
  // Each heading's part of the page, up to the next heading.
  const sections = html.split(/(?=<h[1-6][ >])/);
  const ids = new Set(idsOf(html));
  for (const href of hrefsOf(html)) assert.ok(ids.has(href), `#${href} resolves`);
  const seen = new Map<number, number>();
  for (const paper of digest.papers) {
    const occurrence = seen.get(paper.index) ?? 0;
    seen.set(paper.index, occurrence + 1);
    if (paper.details) assert.ok(ids.has(detailsAnchor(paper.index, occurrence)));
    if (!paper.brief) continue;
    const anchor = briefAnchor(paper.index, occurrence);
    const section = sections.find((s) => s.includes(`id="${anchor}"`));
    assert.ok(section, `paper ${paper.index} has its anchor`);
    const technique = paper.techniques[0]?.id ?? OTHER_TECHNIQUE_ID;
    assert.ok(section.includes(`data-technique="${technique}"`), `paper ${paper.index} has its chip`);
    const marks = marksOf(section);
    const found = new Set(paper.headlineNumbers.map((n) => n.text));
    for (const number of labels.find((l) => l.index === paper.index)?.headline_numbers ?? [])
      if (found.has(number)) {
        assert.ok(marks.includes(number), `paper ${paper.index}: ${number} is marked`);
        labelledNumbersChecked++;
      }
    assert.deepStrictEqual(
      marks,
      paper.headlineNumbers.map((n) => n.text),
      `paper ${paper.index}: every number the core read is marked`,
    );
  }
  assert.strictEqual((html.match(/class="dl-note /g) ?? []).length, digest.problems.length);
  return labelledNumbersChecked;
}
