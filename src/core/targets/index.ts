export * from './types';
export * from './parse-value';
export * from './evaluate';
export * from './recognize-targets';
export * from './compute';
