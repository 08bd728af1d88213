/**
 * Node's zlib for large worksheets in the CLI (sheet-stream.ts): native inflate and deflate, several
 * times faster than fflate, with back-pressure so memory stays a few chunks whatever the sheet's size.
 */
import { crc32, createDeflateRaw, createInflateRaw, inflateRawSync } from 'node:zlib';
import { type ByteFinder, type Deflater, type Inflater, type StreamCodec } from '../xlsx/sheet-stream';
import { type Crc32, type InflateWhole } from '../xlsx/zip-parts';

/** Buffer's native search over the same memory (no copy). */
export const bufferFind: ByteFinder = (hay, needle, from) =>
  Buffer.from(hay.buffer, hay.byteOffset, hay.byteLength).indexOf(needle, from);

const SLICE = 1024 * 1024;

/** A part read whole: native inflate into a buffer of the size the zip's directory gives. */
export const zlibInflateWhole: InflateWhole = (deflated, size) => {
  const out = inflateRawSync(deflated, { chunkSize: Math.max(64 * 1024, Math.min(size, 64 * 1024 * 1024)) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

/** Inflated chunks waiting for the consumer before the inflate is paused: one being read, one ready. */
const AHEAD = 2;

/**
 * zlib inflates in the thread pool; the chunks are read on the main thread. Each chunk is taken on the
 * next turn of the event loop rather than in the 'data' event, so the pool inflates the next chunk while
 * this one is read (in the event the two would take turns, the reading thread idle half the time).
 */
export const zlibInflater: Inflater = (compressed, onChunk) =>
  new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 1024 * 1024 });
    const queue: Buffer[] = [];
    let ended = false;
    let running = false;
    let failed = false;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(e);
    };
    const run = async (): Promise<void> => {
      try {
        while (queue.length > 0 && !failed) {
          const chunk = queue.shift()!;
          if (queue.length < AHEAD && inflate.isPaused()) inflate.resume();
          // A deflater behind (the consumer) makes the chunks wait, and so the inflate.
          const wait = onChunk(chunk);
          if (wait) await wait;
        }
      } catch (e) {
        fail(e);
      } finally {
        running = false;
      }
      if (ended && queue.length === 0 && !failed) resolve();
    };
    inflate.on('data', (chunk: Buffer) => {
      queue.push(chunk);
      if (queue.length >= AHEAD) inflate.pause();
      if (!running) {
        running = true;
        setImmediate(() => void run());
      }
    });
    inflate.on('end', () => {
      ended = true;
      if (!running && queue.length === 0 && !failed) resolve();
    });
    inflate.on('error', fail);
    // Written in slices so the output, not the input, sets the pace.
    let at = 0;
    const write = (): void => {
      while (at < compressed.length) {
        const slice = compressed.subarray(at, Math.min(at + SLICE, compressed.length));
        at += slice.length;
        if (!inflate.write(slice)) {
          inflate.once('drain', write);
          return;
        }
      }
      inflate.end();
    };
    write();
  });

function zlibDeflater(): Deflater {
  // Level 1: a large sheet is mostly repeated markup, and speed matters more than a few per cent.
  const deflate = createDeflateRaw({ level: 1, chunkSize: 1024 * 1024 });
  const out: Buffer[] = [];
  let failed: unknown = null;
  deflate.on('data', (c: Buffer) => out.push(c));
  deflate.on('error', (e) => (failed = e));
  return {
    push: (bytes) => {
      if (failed) throw failed;
      if (deflate.write(bytes)) return;
      // Settled by an error too: a deflate that fails while full would otherwise keep the caller waiting.
      return new Promise<void>((resolve, reject) => {
        const drained = () => {
          deflate.off('error', failedWhileFull);
          resolve();
        };
        const failedWhileFull = (e: unknown) => {
          deflate.off('drain', drained);
          reject(e);
        };
        deflate.once('drain', drained);
        deflate.once('error', failedWhileFull);
      });
    },
    finish: () =>
      new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        deflate.on('end', () => resolve(new Uint8Array(Buffer.concat(out))));
        deflate.on('error', reject);
        deflate.end();
      }),
  };
}

/** Node's native CRC-32 (zip's checksum), many times faster than the JavaScript table. */
export const nodeCrc32: Crc32 = (bytes, previous) => crc32(bytes, previous);

export const ZLIB_CODEC: StreamCodec = {
  inflate: zlibInflater,
  deflater: zlibDeflater,
  crc32: nodeCrc32,
};
