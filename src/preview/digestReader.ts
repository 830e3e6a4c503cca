import { looksLikeDigest, parseDigest, utf8Length, type Digest, type TechniqueClassifier } from '../digest';

export interface ReaderOptions {
  /** A user's taxonomy; the default otherwise. */
  readonly classifier?: TechniqueClassifier;
  /** Larger texts are not read (the size limit, digestLens.maxFileSizeMB). */
  readonly maxSizeMB?: number;
}

/**
 * Reads text the detector takes for a digest, remembering the last text read with the
 * options in force: the preview renders the same text again on scrolls and theme changes,
 * and reads it anew when the taxonomy or the size limit changes.
 */
export function cachedDigestReader(options: () => ReaderOptions = () => ({})): (text: string) => Digest | undefined {
  let last: { text: string; options: ReaderOptions; digest: Digest | undefined } | undefined;
  return (text) => {
    const current = options();
    if (
      last?.text !== text ||
      last.options.classifier !== current.classifier ||
      last.options.maxSizeMB !== current.maxSizeMB
    ) {
      const tooLarge = current.maxSizeMB !== undefined && utf8Length(text) > current.maxSizeMB * 1024 * 1024;
      const digest =
        !tooLarge && looksLikeDigest(text) ? parseDigest(text, { classifier: current.classifier }) : undefined;
      last = { text, options: current, digest };
    }
    return last.digest;
  };
}
