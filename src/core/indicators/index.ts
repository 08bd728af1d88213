export * from './types';
export * from './totals';
export * from './compute';
export * from './warning-line';
