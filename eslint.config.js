// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

module.exports = tseslint.config(
  { ignores: ['dist/', 'out/', 'coverage/', 'node_modules/', 'test-artifacts/', '.tmp/', 'samples/*.xlsx'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core runs anywhere: no Office.js, DOM or Node APIs.
      'no-restricted-globals': ['error', 'Office', 'Excel', 'window', 'document', 'navigator', 'process', 'Buffer'],
      'no-restricted-imports': ['error', { patterns: ['fs', 'path', 'node:*', 'react', 'exceljs', 'docx', 'jszip'] }],
    },
  },
);
