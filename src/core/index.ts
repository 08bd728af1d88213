/** The domain core: pure TypeScript, no Office.js, no DOM, no Node APIs. */
export * from './grid/types';
export * from './grid/text';
export * from './money';
export * from './types';
export * from './errors';
export * from './constants';
export * from './indicators';
export * from './recognize/recognize';
export * from './report/types';
export * from './plan/types';
export * from './plan/styles';
export * from './pipeline';
export * from './plan/output-sheets';
export * from './report/to-json';
