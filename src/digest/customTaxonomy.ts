import * as z from 'zod/mini';
import { DEFAULT_TAXONOMY, OTHER_TECHNIQUE_ID, type TechniqueDefinition } from './taxonomy';

/** A user's technique group, as in the setting `digestLens.techniques.custom` and the CLI's `--taxonomy` file. */
export const CustomTechnique = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  label: z.optional(z.object({ en: z.optional(z.string()), zh: z.optional(z.string()) })),
  keywords: z.array(z.string()),
});
export type CustomTechnique = z.infer<typeof CustomTechnique>;
export const CustomTechniques = z.array(CustomTechnique);

/**
 * The taxonomy in force: the defaults, with the user's groups replacing those of the same
 * id or joining them before `other`; with `replaceDefaults`, only `other` is kept.
 */
export function buildTaxonomy(
  customTechniques: readonly CustomTechnique[],
  replaceDefaults = false,
): readonly TechniqueDefinition[] {
  if (!customTechniques.length && !replaceDefaults) return DEFAULT_TAXONOMY;
  const custom = customTechniques.map((t): TechniqueDefinition => {
    const base = DEFAULT_TAXONOMY.find((d) => d.id === t.id);
    return {
      id: t.id,
      label: { en: t.label?.en ?? base?.label.en ?? t.id, zh: t.label?.zh ?? base?.label.zh ?? t.label?.en ?? t.id },
      keywords: t.keywords,
    };
  });
  const defaults = replaceDefaults ? DEFAULT_TAXONOMY.filter((d) => d.id === OTHER_TECHNIQUE_ID) : DEFAULT_TAXONOMY;
  const replaced = defaults.map((d) => custom.find((c) => c.id === d.id) ?? d);
  const added = custom.filter((c) => !defaults.some((d) => d.id === c.id));
  const other = replaced.filter((d) => d.id === OTHER_TECHNIQUE_ID);
  return [...replaced.filter((d) => d.id !== OTHER_TECHNIQUE_ID), ...added, ...other];
}
