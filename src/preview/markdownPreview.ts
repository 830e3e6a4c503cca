import type { MarkdownIt } from 'markdown-it';
import * as vscode from 'vscode';
import { formatNumber, type Digest } from '../digest';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { kindLabel } from '../language/hover';
import { problemMessage } from '../language/problemMessages';
import { techniqueLabel } from '../common/techniqueLabels';
import { digestPreviewPlugin } from './digestPreviewPlugin';
import { cachedDigestReader } from './digestReader';
import type { PreviewText } from './previewText';

/** The document VS Code's preview renders, from the env its engine passes to markdown-it. */
function renderedDocument(env: unknown): vscode.TextDocument | undefined {
  const uri = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  if (!(uri instanceof vscode.Uri)) return undefined;
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/**
 * `extendMarkdownIt` for VS Code's preview. An open document is read through the store (one
 * parse per version, and the include/exclude settings); other text, such as
 * `markdown.api.render` of a string, is parsed once and kept while it is rendered again.
 */
export function previewExtension(store: DigestStore, config: Config): (md: MarkdownIt) => MarkdownIt {
  const readText = cachedDigestReader(() => ({ classifier: config.classifier }));
  const digestOf = (text: string, env: unknown): Digest | undefined => {
    const document = renderedDocument(env);
    if (document && document.getText() === text) return store.digestFor(document);
    return readText(text);
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
  return (md) => md.use(digestPreviewPlugin, { digestOf, text });
}
