import { looksLikeDigest, parseDigest, type Digest, type ParseOptions } from '../digest';

/**
 * Reads text the detector takes for a digest, remembering the last text read: the preview
 * renders the same text again on scrolls, theme changes and settings changes.
 */
export function cachedDigestReader(options: () => ParseOptions = () => ({})): (text: string) => Digest | undefined {
  let last: { text: string; digest: Digest | undefined } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, digest: looksLikeDigest(text) ? parseDigest(text, options()) : undefined };
    return last.digest;
  };
}
