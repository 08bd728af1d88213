/**
 * SHA-1, synchronous. The "standard" encryption of Excel 2007 hashes the password 50,000 times with it;
 * WebCrypto's digest is asynchronous, which makes each of those rounds cost a trip through the event loop.
 * Used only to derive keys for files that chose SHA-1, never to protect anything new.
 */
import { hashPadded } from './hash-padding';

const W = new Int32Array(80);

function block(h: Int32Array, m: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++) {
    const j = at + i * 4;
    W[i] = (m[j]! << 24) | (m[j + 1]! << 16) | (m[j + 2]! << 8) | m[j + 3]!;
  }
  for (let i = 16; i < 80; i++) {
    const x = W[i - 3]! ^ W[i - 8]! ^ W[i - 14]! ^ W[i - 16]!;
    W[i] = (x << 1) | (x >>> 31);
  }
  let a = h[0]!;
  let b = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  for (let i = 0; i < 80; i++) {
    let f: number;
    let k: number;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5a827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ed9eba1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8f1bbcdc;
    } else {
      f = b ^ c ^ d;
      k = 0xca62c1d6;
    }
    const t = (((a << 5) | (a >>> 27)) + f + e + k + W[i]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = t;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
}

/**
 * SHA-1 of the parts, concatenated.
 * @example Array.from(sha1(new TextEncoder().encode('abc')), (b) => b.toString(16).padStart(2, '0')).join('')
 *   === 'a9993e364706816aba3e25717850c26c9cd0d89d'
 */
export function sha1(...parts: readonly Uint8Array[]): Uint8Array {
  const padded = hashPadded(parts, 64, 8);
  const h = Int32Array.from([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  for (let i = 0; i < padded.length; i += 64) block(h, padded, i);
  const out = new Uint8Array(20);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 5; i++) ov.setInt32(i * 4, h[i]!, false);
  return out;
}
