import * as vscode from 'vscode';
import type { TechniqueDefinition, TechniqueMatch, TechniqueReason } from '../digest';

/** True when VS Code's display language is Chinese, where technique labels are shown in Chinese. */
export const displaysChinese = (): boolean => vscode.env.language.toLowerCase().startsWith('zh');

/** A technique's label in the display language; its id when the taxonomy does not know it. */
export function techniqueLabel(id: string, taxonomy: readonly TechniqueDefinition[]): string {
  const definition = taxonomy.find((t) => t.id === id);
  if (!definition) return id;
  return displaysChinese() ? definition.label.zh : definition.label.en;
}

/** The paper's technique as the classifier is sure of it: "Quantization", or "Quantization or Pruning & Sparsity". */
export function techniqueVerdict(
  techniques: readonly TechniqueMatch[],
  taxonomy: readonly TechniqueDefinition[],
): string {
  const [primary, second] = techniques;
  const label = techniqueLabel(primary?.id ?? 'other', taxonomy);
  return second?.alternative ? vscode.l10n.t('{0} or {1}', label, techniqueLabel(second.id, taxonomy)) : label;
}

/** A reason, as plain text: "“4-bit” in the title". Escape it before it goes into Markdown. */
export function reasonText(reason: TechniqueReason): string {
  const where: Record<TechniqueReason['field'], string> = {
    title: vscode.l10n.t('“{0}” in the title', reason.text),
    technique: vscode.l10n.t('“{0}” in the brief’s technique clause', reason.text),
    results: vscode.l10n.t('“{0}” in the brief’s results', reason.text),
    abstract: vscode.l10n.t('“{0}” in the abstract', reason.text),
  };
  return where[reason.field];
}

/**
 * What the hover and the tooltip say of a paper's techniques, as plain-text label and value
 * pairs: the verdict, any further techniques, and why (the words that decided it and where).
 */
export function techniqueFacts(
  techniques: readonly TechniqueMatch[],
  taxonomy: readonly TechniqueDefinition[],
): { label: string; value: string }[] {
  const [primary] = techniques;
  const further = techniques.slice(1).filter((t) => !t.alternative);
  const facts = [{ label: vscode.l10n.t('Technique'), value: techniqueVerdict(techniques, taxonomy) }];
  if (further.length)
    facts.push({
      label: vscode.l10n.t('Also'),
      value: further.map((t) => techniqueLabel(t.id, taxonomy)).join(', '),
    });
  facts.push({
    label: vscode.l10n.t('Why'),
    value: primary?.reasons.length
      ? primary.reasons.map(reasonText).join(' · ')
      : vscode.l10n.t('no technique words found'),
  });
  return facts;
}
