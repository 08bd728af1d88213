// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

module.exports = tseslint.config(
  { ignores: ['dist/', 'build/', 'out/', 'coverage/', 'node_modules/', 'test-artifacts/', '.tmp/', 'samples/*.xlsx'] },
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
    // The pane's first JavaScript has a size budget: importing the core's barrel would pull the
    // narrative, plan and targets code into it (they load with 生成监控报告). Import modules directly.
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/host/**/*.ts', 'src/excel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '/core(/index)?$', message: '请直接引用 src/core 下的具体模块（首屏 JS 有体积预算）。' }],
        },
      ],
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
