/**
 * What jsdom lacks and the pane's code uses, set when a jsdom test imports this first: ResizeObserver
 * (Fluent's MessageBar needs one) and TextEncoder/TextDecoder (the readers behind the file mode create
 * theirs when loaded).
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
globalThis.TextEncoder ??= NodeTextEncoder as unknown as typeof TextEncoder;
