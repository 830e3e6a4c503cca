import * as assert from 'assert';
import { titleCase } from '../../src/digest';

suite('titleCase: ALL-CAPS titles, readable in a narrow row', () => {
  const table: [string, string][] = [
    [
      'BALDWHISPER: FASTER WHISPER WITH HEAD SHEARING AND LAYER MERGING',
      'BALDWHISPER: Faster Whisper with Head Shearing and Layer Merging',
    ],
    [
      'AUTOENCODING-FREE CONTEXT COMPRESSION FOR LLMS VIA CONTEXTUAL SEMANTIC ANCHORS',
      'Autoencoding-Free Context Compression for LLMs via Contextual Semantic Anchors',
    ],
    [
      'COLLABORATIVE COMPRESSION FOR LARGE-SCALE MOE DEPLOYMENT ON EDGE',
      'Collaborative Compression for Large-Scale MoE Deployment on Edge',
    ],
    [
      'GUI-KV: EFFICIENT GUI AGENTS VIA KV CACHE WITH SPATIO-TEMPORAL AWARENESS',
      'GUI-KV: Efficient GUI Agents via KV Cache with Spatio-Temporal Awareness',
    ],
    // A long phrase before the colon is no name: it is recased, and the word after the colon is capitalised.
    [
      'EYE GAZE TELLS YOU WHERE TO COMPUTE: GAZE-DRIVEN EFFICIENT VLMS',
      'Eye Gaze Tells You Where to Compute: Gaze-Driven Efficient VLMs',
    ],
    [
      'EXGS: EXTREME 3D GAUSSIAN COMPRESSION WITH DIFFUSION PRIORS',
      'EXGS: Extreme 3D Gaussian Compression with Diffusion Priors',
    ],
    [
      'LIGHTWEIGHT ERROR MITIGATION FOR POST-TRAINING N:M ACTIVATION SPARSITY ON GPU',
      'Lightweight Error Mitigation for Post-Training N:M Activation Sparsity on GPU',
    ],
    ['A SURVEY OF THE FIELD', 'A Survey of the Field'],
    ['COMPLLM: COMPRESSION FOR LONG CONTEXT Q&A', 'COMPLLM: Compression for Long Context Q&A'],
    [
      'FC3DNET: A FULLY CONNECTED ENCODER-DECODER FOR EFFICIENT DEMOIRÉING',
      'FC3DNET: A Fully Connected Encoder-Decoder for Efficient Demoiréing',
    ],
    // Titles that are not all capitals, or too short to tell, are left alone.
    ['MoE-Lens: Towards the Hardware Limit', 'MoE-Lens: Towards the Hardware Limit'],
    ['FLASHATTENTION-3', 'FLASHATTENTION-3'],
    ['LLM QAT', 'LLM QAT'],
    ['面向大模型的 KV 缓存压缩', '面向大模型的 KV 缓存压缩'],
    ['', ''],
  ];
  for (const [title, expected] of table)
    test(`${title || '(empty)'}`, () => assert.strictEqual(titleCase(title), expected));
});
