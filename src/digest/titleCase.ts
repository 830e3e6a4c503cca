/**
 * Rows in a narrow sidebar: a title set in capitals (as PDF extraction often gives it)
 * crowds out the institution and result, so it is shown in title case instead. What
 * cannot be recased without knowing the words stays as written: a short name before the
 * colon ("BALDWHISPER:"), words with digits (3D, FP8) and the acronyms below.
 */

/** Acronyms of the field, by their capitals, spelled as papers write them. */
const ACRONYMS = new Map(
  'AI ASR CNN CPU CT DiT dLLM DNN FPGA GAN GNN GPT GPU GRPO GUI KAN KV LLM LoRA LSTM MLLM MLP MoE NAS NLP NPU PCA PDE Q&A RAG RL RNN SLM SNN SSM TPU TTS ViT VLA VLM VQA'
    .split(' ')
    .map((word) => [word.toUpperCase(), word]),
);

/** Words lower-cased inside a title, as in the usual English title case. */
const MINOR = new Set('a an and as at but by for from in into nor of on or over per the to via vs with'.split(' '));

/** The longest name before a colon kept as written, in words. */
const NAME_WORDS = 2;

/** Whether a title is set in capitals: no lower-case letter, and at least three words. */
function isAllCaps(title: string): boolean {
  return !/\p{Ll}/u.test(title) && /\p{Lu}/u.test(title) && title.trim().split(/\s+/).length >= 3;
}

/** A title set in capitals, in title case; any other title as it is. */
export function titleCase(title: string): string {
  if (!isAllCaps(title)) return title;
  const colon = title.indexOf(':');
  const name = colon > 0 ? title.slice(0, colon) : '';
  if (name && name.trim().split(/\s+/).length <= NAME_WORDS) return `${name}:${recase(title.slice(colon + 1))}`;
  return recase(title);
}

/** Recases a run of words; the first word, and one after a colon, always starts with a capital. */
function recase(text: string): string {
  let leading = true;
  return text.replace(/\S+/g, (token) => {
    const word = token
      .split('-')
      .map((part, i) => recaseWord(part, leading && i === 0))
      .join('-');
    leading = token.endsWith(':');
    return word;
  });
}

function recaseWord(word: string, leading: boolean): string {
  const core = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}&]+$/gu, '');
  // Digits or inner punctuation (FP8, 3D, N:M) say it is not an ordinary word.
  if (!core || /[^\p{L}&']/u.test(core)) return word;
  const acronym = ACRONYMS.get(core) ?? (core.endsWith('S') ? pluralAcronym(core) : undefined);
  const lower = core.toLowerCase();
  const recased = acronym ?? (!leading && MINOR.has(lower) ? lower : lower.charAt(0).toUpperCase() + lower.slice(1));
  return word.replace(core, recased);
}

/** "LLMS" → "LLMs": a known acronym with a plural s. */
function pluralAcronym(word: string): string | undefined {
  const singular = ACRONYMS.get(word.slice(0, -1));
  return singular && `${singular}s`;
}
