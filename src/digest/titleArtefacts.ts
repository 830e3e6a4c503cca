/**
 * Text a PDF's running header or footer leaves in a title when the generator extracts it:
 * "Under review as a conference paper at ICLR 2026 MEMMAMBA: …", "… A PREPRINT",
 * "arXiv:2510.01234v2 [cs.CL] 3 Oct 2025".
 */
export type TitleArtefactKind = 'venue-notice' | 'preprint' | 'arxiv-id';

export interface TitleArtefact {
  readonly kind: TitleArtefactKind;
  /** The artefact as it is written in the title. */
  readonly text: string;
}

const VENUE = String.raw`(?:\s+(?:at|to|in)\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+\d{4})?)?`;

const ARTEFACTS: readonly (readonly [TitleArtefactKind, RegExp])[] = [
  [
    'venue-notice',
    new RegExp(
      String.raw`^(?:under\s+review|published|accepted|submitted)\s+as\s+an?\s+(?:conference|workshop|journal|main\s+conference)\s+paper${VENUE}(?=\s)`,
      'i',
    ),
  ],
  ['preprint', /^preprint(?:\.\s*under\s+review)?\.?(?=\s)/i],
  // Upper case only: the arXiv template's footer, not a title that mentions preprints. The space
  // before it is matched (and trimmed off), not looked behind for: a lookbehind is tried at every character.
  ['preprint', /\s(?:A\s+)?PREPRINT\.?$/],
  ['arxiv-id', /\barXiv:\d{4}\.\d{4,5}(?:v\d+)?(?:\s+\[[\w.-]+\])?(?:\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4})?/i],
];

/** The title without the artefacts it carries, and the artefacts; a title of nothing else is kept. */
export function withoutTitleArtefacts(title: string): { title: string; artefacts: TitleArtefact[] } {
  let clean = title;
  const artefacts: TitleArtefact[] = [];
  for (const [kind, pattern] of ARTEFACTS) {
    const match = pattern.exec(clean);
    if (!match) continue;
    const rest = (clean.slice(0, match.index) + ' ' + clean.slice(match.index + match[0].length))
      .replace(/\s+/g, ' ')
      .trim();
    if (!rest) continue;
    artefacts.push({ kind, text: match[0].trim() });
    clean = rest;
  }
  return { title: artefacts.length ? clean : title, artefacts };
}
