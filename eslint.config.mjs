import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules for the TypeScript sources and tests (tsconfig.json covers src and test).
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The cores must stay usable from the CLI, unit tests and benchmarks.
    files: ['src/digest/**/*.ts', 'src/library/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'src/digest and src/library are the pure core: no vscode imports.' }] },
      ],
    },
  },
  {
    // The library core runs in the CLI, the tests and the web build: no vscode, no Node built-ins.
    files: ['src/library/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/library is pure core: no vscode imports.' }],
          patterns: [
            {
              regex: '^(node:)?(fs|path|os|child_process|worker_threads)(/.*)?$',
              message: 'src/library is bundled for the web: no Node built-ins.',
            },
          ],
        },
      ],
    },
  },
);
