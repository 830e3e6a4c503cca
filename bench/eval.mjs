// Measures the technique classifier by leave-reports-out cross-validation over every label
// (bench/eval-techniques.mjs), then the number extractor against every label (bench/eval-numbers.mjs).
import { evaluateNumbers } from './eval-numbers.mjs';

await import('./eval-techniques.mjs');
console.log('');
evaluateNumbers({ verbose: process.argv.includes('--verbose') });
