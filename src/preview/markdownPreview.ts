import type { MarkdownIt } from 'markdown-it';
import * as vscode from 'vscode';
import { formatNumber } from '../digest';
import { techniqueLabel } from '../common/techniqueLabels';
import { kindLabel } from '../language/hover';
import { problemMessage } from '../language/problemMessages';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { digestPreviewPlugin } from './digestPreviewPlugin';
import { cachedDigestReader } from './digestReader';
import type { PreviewText } from './previewText';
import type { ReadingStateSource } from './readingState';

/** The preview's `extendMarkdownIt`, and what keeps open previews in step with the settings. */
export interface PreviewRegistration extends vscode.Disposable {
  readonly extendMarkdownIt: (md: MarkdownIt) => MarkdownIt;
}

/** Settings that change how every digest reads. */
const READING_SETTINGS = ['customTechniques', 'replaceDefaultTechniques', 'maxFileSizeMB'] as const;

/**
 * Digest Lens in VS Code's Markdown preview. The preview's engine gives the plugin text, not
 * a document, so the text is read here, once, with the settings' taxonomy and size limit.
 * When those change, open previews are rendered again: VS Code keeps a document's tokens
 * until the document changes, so they would keep the old chips.
 */
export function registerPreview(
  config: Config,
  store: DigestStore,
  readingState?: ReadingStateSource & { readonly onDidChange: vscode.Event<void> },
): PreviewRegistration {
  const readText = cachedDigestReader(() => ({
    classifier: config.classifier,
    maxSizeMB: config.settings.maxFileSizeMB,
  }));
  /**
   * The store's cached parse when the engine was given an open document's text: the Markdown
   * extension tokenizes a document again after edits (naming it in env.currentDocument, or
   * not at all), and reading a 9 MB digest anew took 250 ms each time. Lengths are compared
   * first, as they cost nothing.
   */
  const digestOf = (source: string, env: unknown) => {
    const uri = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
    const named = uri instanceof vscode.Uri ? uri.toString() : undefined;
    const document = vscode.workspace.textDocuments.find(
      (d) =>
        (named === undefined || d.uri.toString() === named) &&
        d.offsetAt(d.lineAt(d.lineCount - 1).range.end) === source.length &&
        d.getText() === source,
    );
    return document ? store.digestFor(document) : readText(source);
  };
  const text: PreviewText = {
    techniqueLabel: (id) => techniqueLabel(id, config.classifier.taxonomy),
    numberReading: (number) => vscode.l10n.t('Read as {0}: {1}', kindLabel(number.kind), formatNumber(number)),
    problemMessage,
    toAbstract: vscode.l10n.t('Abstract'),
    toBrief: vscode.l10n.t('Brief'),
    read: vscode.l10n.t('Read'),
    starred: vscode.l10n.t('Starred'),
  };
  const refresh = config.onDidChange((names) => {
    if (READING_SETTINGS.some((name) => names.has(name)))
      void vscode.commands.executeCommand('markdown.preview.refresh');
  });
  // Marks are read at render time; a change of reading state renders open previews again.
  const refreshMarks = readingState?.onDidChange(() => void vscode.commands.executeCommand('markdown.preview.refresh'));
  return {
    extendMarkdownIt: (md) => md.use(digestPreviewPlugin, { digestOf, text, readingState }),
    dispose: () => {
      refresh.dispose();
      refreshMarks?.dispose();
    },
  };
}
