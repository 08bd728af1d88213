/**
 * Node's zlib for large sheets (src/cli/zlib-codec.ts): the inflate hands over every byte in order, waits
 * for a slow consumer and reports its errors; the deflate reports an error even while it is full.
 */
import { Transform } from 'node:stream';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

let failingDeflate = false;
jest.mock('node:zlib', () => {
  const actual = jest.requireActual<typeof import('node:zlib')>('node:zlib');
  return {
    ...actual,
    createDeflateRaw: (options?: import('node:zlib').ZlibOptions) =>
      failingDeflate
        ? new Transform({
            highWaterMark: 1,
            transform(_chunk, _enc, done) {
              done(new Error('deflate failed'));
            },
          })
        : actual.createDeflateRaw(options),
  };
});

import { ZLIB_CODEC, zlibInflater } from '../../src/cli/zlib-codec';

afterEach(() => {
  failingDeflate = false;
});

const text = (n: number) => {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7919) % 251;
  return b;
};

test('inflate: every byte, in order, to a consumer that makes each chunk wait', async () => {
  const plain = text(5 * 1024 * 1024 + 123);
  const got: Uint8Array[] = [];
  await zlibInflater(new Uint8Array(deflateRawSync(plain)), (chunk) => {
    got.push(Uint8Array.from(chunk));
    return new Promise((resolve) => setTimeout(resolve, 2));
  });
  expect(got.length).toBeGreaterThan(4);
  expect(Buffer.concat(got).equals(Buffer.from(plain))).toBe(true);
});

test('inflate: data cut off and a consumer that throws both reject, neither hangs', async () => {
  const deflated = new Uint8Array(deflateRawSync(text(3 * 1024 * 1024)));
  // Cut off half way (overwritten bytes may instead end the stream early: the part's CRC catches that).
  await expect(zlibInflater(deflated.subarray(0, deflated.length >> 1), () => undefined)).rejects.toThrow();
  await expect(
    zlibInflater(deflated, () => {
      throw new Error('reader failed');
    }),
  ).rejects.toThrow('reader failed');
});

test('deflate: an error while the stream is full rejects the push instead of waiting for ever', async () => {
  failingDeflate = true;
  const d = ZLIB_CODEC.deflater();
  await expect(Promise.resolve(d.push(text(64 * 1024)))).rejects.toThrow('deflate failed');
});

test('deflate then inflate gives the bytes back', async () => {
  const plain = text(2 * 1024 * 1024 + 5);
  const d = ZLIB_CODEC.deflater();
  await d.push(plain.subarray(0, 1_000_000));
  await d.push(plain.subarray(1_000_000));
  expect(Buffer.from(inflateRawSync(await d.finish())).equals(Buffer.from(plain))).toBe(true);
});
