export * from './fen';
export * from './parse-decimal';
export * from './parse-amount';
export * from './percent';
export * from './format';
