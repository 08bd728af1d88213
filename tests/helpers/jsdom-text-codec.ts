/**
 * jsdom has no TextEncoder/TextDecoder; the readers behind the file mode create theirs when loaded.
 * Imported first by a jsdom test that loads them.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
globalThis.TextEncoder ??= NodeTextEncoder as unknown as typeof TextEncoder;
