/**
 * The page's own agile encryption against officecrypto-tool (Node's crypto): each opens what the
 * other writes, a wrong password is told apart, and the SHA-512 behind it matches Node's.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import officeCrypto from 'officecrypto-tool';
import { SAMPLE_PATH } from '../../scripts/make-sample';
import { webOfficeCrypto } from '../../src/xlsx/office-crypto-web';
import { sha1 } from '../../src/xlsx/sha1';
import { WrongPasswordError } from '../../src/xlsx/open-ledger';
import { sha512 } from '../../src/xlsx/sha512';
import { detectFileKind } from '../../src/xlsx/file-kind';

const sample = new Uint8Array(readFileSync(SAMPLE_PATH));
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

test('sha512 is SHA-512, for any input length (block boundaries included)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), (b) => {
      expect(Buffer.from(sha512(b)).toString('hex')).toBe(createHash('sha512').update(b).digest('hex'));
    }),
  );
  for (const n of [111, 112, 127, 128, 239, 240]) {
    const b = new Uint8Array(n).fill(7);
    expect(Buffer.from(sha512(b.subarray(0, 5), b.subarray(5))).toString('hex')).toBe(
      createHash('sha512').update(b).digest('hex'),
    );
  }
});

test('sha1 is SHA-1, for any input length (block boundaries included)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), (b, cut) => {
      const k = cut % (b.length + 1);
      expect(Buffer.from(sha1(b.subarray(0, k), b.subarray(k))).toString('hex')).toBe(
        createHash('sha1').update(b).digest('hex'),
      );
    }),
  );
  for (const n of [55, 56, 63, 64, 119, 120]) {
    const b = new Uint8Array(n).fill(9);
    expect(Buffer.from(sha1(b)).toString('hex')).toBe(createHash('sha1').update(b).digest('hex'));
  }
});

test("Excel 2007's standard encryption (AES-ECB, SHA-1), as officecrypto-tool writes it, opens with the right password only", async () => {
  const file = new Uint8Array(officeCrypto.encrypt(Buffer.from(sample), { password: '台账pw', type: 'standard' }));
  expect(same(await webOfficeCrypto.decrypt(file, '台账pw'), sample)).toBe(true);
  await expect(webOfficeCrypto.decrypt(file, '台账pw ')).rejects.toThrow(WrongPasswordError);
});

test('a file officecrypto-tool encrypted opens with the right password only', async () => {
  const file = new Uint8Array(officeCrypto.encrypt(Buffer.from(sample), { password: '台账pw' }));
  expect(same(await webOfficeCrypto.decrypt(file, '台账pw'), sample)).toBe(true);
  await expect(webOfficeCrypto.decrypt(file, '台账PW')).rejects.toThrow(WrongPasswordError);
});

test('what the page writes, officecrypto-tool (and so Excel’s format) opens with the same password', async () => {
  const file = await webOfficeCrypto.encrypt(sample, 'x1');
  expect(detectFileKind(file)).toEqual({ kind: 'ole', content: 'encrypted-ooxml' });
  expect(same(new Uint8Array(await officeCrypto.decrypt(Buffer.from(file), { password: 'x1' })), sample)).toBe(true);
  await expect(officeCrypto.decrypt(Buffer.from(file), { password: 'x2' })).rejects.toThrow(/password/);
});
