/**
 * The message padding SHA-1 and SHA-512 share (Merkle–Damgård, FIPS 180-4 §5.1): the parts joined, a 1
 * bit, zeros, and the length in bits big-endian at the end of the last block.
 */

/**
 * `parts` joined and padded to whole blocks of `blockBytes`, with `lengthBytes` for the length (8 for
 * SHA-1, 16 for SHA-512; lengths here never need more than the last 8).
 * @example hashPadded([new Uint8Array([0x61])], 64, 8).length === 64 // 'a', 0x80, zeros, 0x…08
 */
export function hashPadded(parts: readonly Uint8Array[], blockBytes: number, lengthBytes: number): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  // No Math.*: under Jest's sandbox Math calls are not inlined and cost a factor of ten in the spin loops.
  const padded = new Uint8Array((length + 1 + lengthBytes + blockBytes - 1) & ~(blockBytes - 1));
  let at = 0;
  for (const p of parts) {
    padded.set(p, at);
    at += p.length;
  }
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, (length / 0x20000000) >>> 0);
  view.setUint32(padded.length - 4, (length * 8) >>> 0);
  return padded;
}
