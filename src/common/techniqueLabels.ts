import * as vscode from 'vscode';
import type { TechniqueDefinition } from '../digest';

/** True when VS Code's display language is Chinese, where technique labels are shown in Chinese. */
export const displaysChinese = (): boolean => vscode.env.language.toLowerCase().startsWith('zh');

/** A technique's label in the display language; its id when the taxonomy does not know it. */
export function techniqueLabel(id: string, taxonomy: readonly TechniqueDefinition[]): string {
  const definition = taxonomy.find((t) => t.id === id);
  if (!definition) return id;
  return displaysChinese() ? definition.label.zh : definition.label.en;
}
