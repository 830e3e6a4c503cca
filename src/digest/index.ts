/** The pure core of Digest Lens: no `vscode` import, usable from the CLI, tests and benchmarks. */
export { parseDigest, parseDigestInSlices, type ParseOptions } from './parse';
export { runToEnd } from './steps';
export { looksLikeDigest } from './detect';
export {
  createClassifier,
  defaultClassifier,
  paperText,
  type FeatureVector,
  type PaperText,
  type TechniqueClassifier,
} from './techniques';
export { type TechniqueModel } from './techniqueModel';
export { readBrief } from './brief';
export { buildTaxonomy, CustomTechnique, CustomTechniques } from './customTaxonomy';
export { DEFAULT_TAXONOMY, OTHER_TECHNIQUE_ID, type TechniqueDefinition } from './taxonomy';
export { compareStrength, formatNumber, numberPhrase, strongestNumber } from './numbers';
export { readInstitutions, splitInstitutions } from './institutions';
export { toExportRows, toCsv, csvTable, type ExportRow } from './export';
export * from './model';
export {
  arrangePapers,
  type ArrangeOptions,
  type ArrangedPaper,
  type GroupBy,
  type PaperGroup,
  type SortBy,
} from './arrange';
export {
  findPaper,
  paperAtLine,
  paperKey,
  paperRef,
  problemsOf,
  withOccurrences,
  type DigestPaperRef,
} from './paperIndex';
export { headingSlug, slugify } from './slug';
export { DEFAULT_MAX_SIZE_MB, utf8Length } from './limits';
export { updateDigest, type LineChange } from './incremental';
export { SourceLines, type TextLines } from './source';
export { PARSER_VERSION } from './version';
export { markdownLink } from './markdownLink';
export { titleCase } from './titleCase';
