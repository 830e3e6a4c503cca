import * as z from 'zod/mini';
import { CustomTechniques, DEFAULT_MAX_SIZE_MB, type CustomTechnique } from '../digest';

/**
 * Every setting: its key under `digestLens.`, its schema and its default. Plain data without
 * VS Code, so that a unit test can hold it against package.json's contributes.configuration.
 */
export const SETTINGS = {
  include: ['include', z.array(z.string()), [] as string[]],
  exclude: ['exclude', z.array(z.string()), [] as string[]],
  maxFileSizeMB: ['maxFileSizeMB', z.number().check(z.positive()), DEFAULT_MAX_SIZE_MB],
  hoverEnabled: ['hover.enabled', z.boolean(), true],
  codeLensEnabled: ['codeLens.enabled', z.boolean(), true],
  outlineEnabled: ['outline.enabled', z.boolean(), true],
  diagnosticsEnabled: ['diagnostics.enabled', z.boolean(), true],
  secondaryTechniques: ['tree.secondaryTechniques', z.boolean(), false],
  followCursor: ['tree.followCursor', z.boolean(), true],
  titleCase: ['tree.titleCase', z.boolean(), true],
  customTechniques: ['techniques.custom', CustomTechniques, [] as CustomTechnique[]],
  replaceDefaultTechniques: ['techniques.replaceDefaults', z.boolean(), false],
  libraryInclude: ['library.include', z.array(z.string()), ['**/*.md'] as string[]],
  institutionAliases: ['institutions.aliases', z.record(z.string(), z.string()), {} as Record<string, string>],
} as const;

export type SettingName = keyof typeof SETTINGS;
export type DigestLensSettings = { -readonly [K in SettingName]: (typeof SETTINGS)[K][2] };
