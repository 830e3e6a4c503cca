/** Reports over this size are not read unless the user raises the limit (setting digestLens.maxFileSizeMB, CLI --max-size-mb). */
export const DEFAULT_MAX_SIZE_MB = 20;
