/** A fitting codicon for each default technique group. */
export const TECHNIQUE_ICONS: Readonly<Record<string, string>> = {
  quantization: 'symbol-numeric',
  'pruning-sparsity': 'filter',
  distillation: 'mortar-board',
  'low-rank': 'layers',
  'kv-cache': 'database',
  'token-reduction': 'fold',
  'speculative-decoding': 'rocket',
  'efficient-attention': 'eye',
  moe: 'type-hierarchy',
  'dynamic-compute': 'debug-step-out',
  'diffusion-acceleration': 'sparkle',
  'reasoning-efficiency': 'lightbulb',
  'serving-systems': 'server',
  'hardware-compilers': 'circuit-board',
  other: 'ellipsis',
};

export const CUSTOM_TECHNIQUE_ICON = 'tag';
export const INSTITUTION_ICON = 'organization';
export const FOLLOWED_ICON = 'star-full';
