import * as vscode from 'vscode';
import * as z from 'zod/mini';
import {
  buildTaxonomy,
  createClassifier,
  defaultClassifier,
  DEFAULT_TAXONOMY,
  type TechniqueClassifier,
} from '../digest';
import { createInstitutionNames } from '../library/institutionAliases';
import type { InstitutionNames } from '../library/institutionNames';
import { SETTINGS, type DigestLensSettings, type SettingName } from './settings';

/**
 * The one place settings are read: validated with zod when they change, never in a hot
 * path. An invalid value falls back to its default, and the user is told which one.
 */
export class Config implements vscode.Disposable {
  private current!: DigestLensSettings;
  /** Undefined while the default taxonomy is in force: its shared classifier is compiled on first use. */
  private customClassifier: TechniqueClassifier | undefined;
  private names!: InstitutionNames;
  private readonly changed = new vscode.EventEmitter<ReadonlySet<SettingName>>();
  /** Fires with the names of the settings that changed. */
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.read();
    this.listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('digestLens')) return;
      const names = (Object.keys(SETTINGS) as SettingName[]).filter((name) =>
        event.affectsConfiguration(`digestLens.${SETTINGS[name][0]}`),
      );
      this.read();
      this.changed.fire(new Set(names));
    });
  }

  get settings(): Readonly<DigestLensSettings> {
    return this.current;
  }

  get classifier(): TechniqueClassifier {
    return this.customClassifier ?? defaultClassifier();
  }

  /** Institution names with the shipped aliases and the user's. */
  get institutionNames(): InstitutionNames {
    return this.names;
  }

  private read(): void {
    const section = vscode.workspace.getConfiguration('digestLens');
    const invalid: string[] = [];
    const settings = {} as Record<SettingName, unknown>;
    for (const name of Object.keys(SETTINGS) as SettingName[]) {
      const [key, schema, fallback] = SETTINGS[name];
      const parsed = (schema as z.ZodMiniType).safeParse(section.get(key, fallback));
      if (!parsed.success) invalid.push(`digestLens.${key}`);
      settings[name] = parsed.success ? parsed.data : fallback;
    }
    this.current = settings as DigestLensSettings;
    this.names = createInstitutionNames(this.current.institutionAliases);
    const taxonomy = buildTaxonomy(this.current.customTechniques, this.current.replaceDefaultTechniques);
    try {
      // A custom taxonomy is compiled now, so that a bad keyword is reported at once.
      this.customClassifier = taxonomy === DEFAULT_TAXONOMY ? undefined : createClassifier(taxonomy);
    } catch (error) {
      invalid.push(`digestLens.techniques.custom (${error instanceof Error ? error.message : String(error)})`);
      this.customClassifier = undefined;
    }
    if (invalid.length) {
      // Fire and forget: reading settings must not wait for the user to dismiss the warning.
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Digest Lens ignored invalid settings and uses their defaults: {0}', invalid.join(', ')),
      );
    }
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
