import * as vscode from 'vscode';
import type { Digest, DigestPaper } from '../digest';
import type { PaperAppearance } from '../library';
import { commandLink, literal } from '../common/markdownString';
import { techniqueLabel } from '../common/techniqueLabels';
import type { Config } from '../store/config';
import type { LibraryService } from './libraryService';
import type { ReadingStateStore } from './readingStateStore';

/** The command the hover's "Also in" links run: ours, and the only one those links may run. */
export const OPEN_APPEARANCE_COMMAND = 'digestLens.openLibraryPaper';

/** What a paper card says about the paper across the library: other days, new, and the reader's state. */
export class LibraryHoverSection {
  constructor(
    private readonly library: LibraryService,
    private readonly states: ReadingStateStore,
    private readonly config: Config,
  ) {}

  /** Markdown to append to the card; report text in it is escaped, and only we make links. */
  markdown(uri: vscode.Uri, digest: Digest, paper: DigestPaper): string {
    const entry = this.library.entryOf(uri, digest, paper);
    if (!entry) return '';
    const lines: string[] = [];
    const state = this.states.of(entry);
    if (state.technique)
      lines.push(
        `**${literal(vscode.l10n.t('Technique (yours)'))}**: ${literal(techniqueLabel(state.technique, this.config.classifier.taxonomy))}`,
      );
    const marks = [
      this.library.library.isNew(entry) && this.library.library.counts.digests > 1
        ? vscode.l10n.t('New in the newest digest')
        : '',
      state.starred ? vscode.l10n.t('Starred') : '',
      state.read ? vscode.l10n.t('Read') : '',
    ].filter(Boolean);
    if (marks.length) lines.push(`*${marks.map(literal).join(' · ')}*`);
    if (state.note) lines.push(`**${literal(vscode.l10n.t('Note'))}**: ${literal(state.note)}`);
    const here = uri.toString();
    const position = digest.papers.indexOf(paper);
    const others = entry.appearances.filter((a) => a.report !== here || a.position !== position);
    if (others.length)
      lines.push(
        `${literal(vscode.l10n.t('Also in'))} ${others.map((a) => commandLink(literal(appearanceName(a)), OPEN_APPEARANCE_COMMAND, { report: a.report, line: a.line })).join(', ')}`,
      );
    return lines.join('\n\n');
  }
}

/** "2025-10-09 #4", or the file's name when the digest has no date. */
export function appearanceName(appearance: PaperAppearance): string {
  const day = appearance.date || vscode.workspace.asRelativePath(vscode.Uri.parse(appearance.report));
  return `${day} #${appearance.index}`;
}
