/**
 * Password-protected .xlsx in the browser: ECMA-376 agile encryption (what Excel 2010+ and WPS write
 * for 文件 › 加密), decrypted and written again with WebCrypto's AES-CBC and a synchronous SHA-512; the
 * older "standard" encryption (Excel 2007: AES-ECB, SHA-1) decrypted too, the result then written with
 * agile encryption under the same password. Works in Node too (globalThis.crypto). The RC4 of .xls is
 * left to the command line, which has Node's crypto.
 *
 * The container is read and written with SheetJS's CFB, loaded on demand like the rest of SheetJS.
 */
import { type OfficeCrypto, WrongPasswordError } from './open-ledger';
import { sha1 } from './sha1';
import { sha512 } from './sha512';

const BLOCK_KEYS = {
  key: [0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6],
  verifierInput: [0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79],
  verifierValue: [0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e],
  hmacKey: [0x5f, 0xb2, 0xad, 0x01, 0x0c, 0xb9, 0xe1, 0xf6],
  hmacValue: [0xa0, 0x67, 0x7f, 0x02, 0xb2, 0x2c, 0x84, 0x33],
} as const;
const SEGMENT = 4096;
const SPIN_COUNT = 100_000;

interface Cfb {
  read(data: Uint8Array, opts: { type: 'array' }): CfbContainer;
  find(c: CfbContainer, path: string): { content: Uint8Array | number[] } | null;
  write(c: CfbContainer, opts: { type: 'array' }): Uint8Array | number[];
  utils: {
    cfb_new(): CfbContainer;
    cfb_add(c: CfbContainer, name: string, content: Uint8Array): void;
    cfb_del(c: CfbContainer, name: string): void;
  };
}
type CfbContainer = { readonly FileIndex: unknown[] };

async function cfb(): Promise<Cfb> {
  const XLSX = await import(/* webpackChunkName: "sheetjs" */ '@e965/xlsx');
  return XLSX.CFB as Cfb;
}

class UnsupportedEncryption extends Error {}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const bytes = (v: ArrayLike<number>): Uint8Array => Uint8Array.from(v);
const u32 = (n: number): Uint8Array => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
};
const fit = (b: Uint8Array, n: number): Uint8Array => {
  if (b.length >= n) return b.subarray(0, n);
  const out = new Uint8Array(n).fill(0x36);
  out.set(b);
  return out;
};
const b64 = (b: Uint8Array): string => btoa(String.fromCharCode(...b));
const unb64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const utf16le = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) new DataView(out.buffer).setUint16(i * 2, s.charCodeAt(i), true);
  return out;
};

/** H(salt + password), then H(i + H) spinCount times (SHA-512 unless told): the expensive part, done once per password. */
function spunHash(
  password: string,
  salt: Uint8Array,
  spinCount: number,
  hash: (...parts: Uint8Array[]) => Uint8Array = sha512,
): Uint8Array {
  let h = hash(salt, utf16le(password));
  const buf = new Uint8Array(4 + h.length);
  const view = new DataView(buf.buffer);
  for (let i = 0; i < spinCount; i++) {
    view.setUint32(0, i, true);
    buf.set(h, 4);
    h = hash(buf);
  }
  return h;
}

const keyFor = (spun: Uint8Array, blockKey: readonly number[], keyBits: number): Uint8Array =>
  fit(sha512(spun, bytes(blockKey)), keyBits / 8);

const aesKey = (raw: Uint8Array, use: KeyUsage): Promise<CryptoKey> =>
  subtle().importKey('raw', raw as BufferSource, 'AES-CBC', false, [use]);

/**
 * AES-CBC without padding (WebCrypto always pads): encrypt with PKCS#7 and drop the pad block;
 * to decrypt, append the block that a full pad block would have encrypted to, so the pad checks out.
 */
async function aesEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const k = await aesKey(key, 'encrypt');
  const out = new Uint8Array(
    await subtle().encrypt({ name: 'AES-CBC', iv: iv as BufferSource }, k, data as BufferSource),
  );
  return out.subarray(0, data.length);
}

async function aesDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  if (data.length === 0 || data.length % 16 !== 0) throw new UnsupportedEncryption('ciphertext not whole blocks');
  const enc = await aesKey(key, 'encrypt');
  const last = data.subarray(data.length - 16);
  const pad = new Uint8Array(
    await subtle().encrypt({ name: 'AES-CBC', iv: last as BufferSource }, enc, new Uint8Array(0)),
  );
  const dec = await aesKey(key, 'decrypt');
  const joined = new Uint8Array(data.length + 16);
  joined.set(data);
  joined.set(pad, data.length);
  return new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv: iv as BufferSource }, dec, joined));
}

interface AgileInfo {
  readonly keyData: { salt: Uint8Array; blockSize: number; keyBits: number; hash: string; cipher: string };
  readonly encryptedKey: {
    salt: Uint8Array;
    spinCount: number;
    keyBits: number;
    hash: string;
    cipher: string;
    encryptedKeyValue: Uint8Array;
    verifierInput: Uint8Array;
    verifierValue: Uint8Array;
  };
}

function attr(xml: string, element: string, name: string): string {
  const el = new RegExp(`<(?:\\w+:)?${element}\\b[^>]*>`).exec(xml)?.[0];
  const v = el ? new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1] : undefined;
  if (v === undefined) throw new UnsupportedEncryption(`no ${element}@${name}`);
  return v;
}

function parseInfo(info: Uint8Array): AgileInfo {
  const version = new DataView(info.buffer, info.byteOffset).getUint16(0, true);
  const minor = new DataView(info.buffer, info.byteOffset).getUint16(2, true);
  if (version !== 4 || minor !== 4) throw new UnsupportedEncryption(`encryption version ${version}.${minor}`);
  const xml = new TextDecoder().decode(info.subarray(8));
  const ek = 'encryptedKey';
  const parsed: AgileInfo = {
    keyData: {
      salt: unb64(attr(xml, 'keyData', 'saltValue')),
      blockSize: Number(attr(xml, 'keyData', 'blockSize')),
      keyBits: Number(attr(xml, 'keyData', 'keyBits')),
      hash: attr(xml, 'keyData', 'hashAlgorithm'),
      cipher: `${attr(xml, 'keyData', 'cipherAlgorithm')}/${attr(xml, 'keyData', 'cipherChaining')}`,
    },
    encryptedKey: {
      salt: unb64(attr(xml, ek, 'saltValue')),
      spinCount: Number(attr(xml, ek, 'spinCount')),
      keyBits: Number(attr(xml, ek, 'keyBits')),
      hash: attr(xml, ek, 'hashAlgorithm'),
      cipher: `${attr(xml, ek, 'cipherAlgorithm')}/${attr(xml, ek, 'cipherChaining')}`,
      encryptedKeyValue: unb64(attr(xml, ek, 'encryptedKeyValue')),
      verifierInput: unb64(attr(xml, ek, 'encryptedVerifierHashInput')),
      verifierValue: unb64(attr(xml, ek, 'encryptedVerifierHashValue')),
    },
  };
  for (const part of [parsed.keyData, parsed.encryptedKey]) {
    if (part.hash !== 'SHA512' || part.cipher !== 'AES/ChainingModeCBC')
      throw new UnsupportedEncryption(`${part.hash} ${part.cipher}`);
  }
  if (parsed.encryptedKey.spinCount > 10_000_000) throw new UnsupportedEncryption('spin count');
  return parsed;
}

const ivFor = (salt: Uint8Array, blockKey: Uint8Array, blockSize: number): Uint8Array =>
  fit(sha512(salt, blockKey), blockSize);

async function cryptPackage(
  encrypt: boolean,
  key: Uint8Array,
  salt: Uint8Array,
  blockSize: number,
  input: Uint8Array,
): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (let i = 0, at = 0; at < input.length; i++, at += SEGMENT) {
    let chunk = input.subarray(at, Math.min(at + SEGMENT, input.length));
    if (chunk.length % blockSize !== 0) {
      const padded = new Uint8Array(chunk.length + blockSize - (chunk.length % blockSize));
      padded.set(chunk);
      chunk = padded;
    }
    const iv = ivFor(salt, u32(i), blockSize);
    out.push(await (encrypt ? aesEncrypt : aesDecrypt)(key, iv, chunk));
  }
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

async function decrypt(file: Uint8Array, password: string): Promise<Uint8Array> {
  const CFB = await cfb();
  const container = CFB.read(file, { type: 'array' });
  const infoEntry = CFB.find(container, 'EncryptionInfo');
  const pkgEntry = CFB.find(container, 'EncryptedPackage');
  if (!infoEntry || !pkgEntry) throw new UnsupportedEncryption('no EncryptionInfo/EncryptedPackage');
  const infoBytes = bytes(infoEntry.content);
  const major = new DataView(infoBytes.buffer, infoBytes.byteOffset).getUint16(0, true);
  const minor = new DataView(infoBytes.buffer, infoBytes.byteOffset).getUint16(2, true);
  if ((major === 2 || major === 3 || major === 4) && minor === 2)
    return decryptStandard(infoBytes, bytes(pkgEntry.content), password);
  const info = parseInfo(infoBytes);
  const ek = info.encryptedKey;
  const spun = spunHash(password, ek.salt, ek.spinCount);
  const input = await aesDecrypt(keyFor(spun, BLOCK_KEYS.verifierInput, ek.keyBits), ek.salt, ek.verifierInput);
  const value = await aesDecrypt(keyFor(spun, BLOCK_KEYS.verifierValue, ek.keyBits), ek.salt, ek.verifierValue);
  if (!equal(sha512(input.subarray(0, 16)), value.subarray(0, 64))) throw new WrongPasswordError('wrong password');
  const packageKey = (
    await aesDecrypt(keyFor(spun, BLOCK_KEYS.key, ek.keyBits), ek.salt, ek.encryptedKeyValue)
  ).subarray(0, info.keyData.keyBits / 8);
  const pkg = bytes(pkgEntry.content);
  const size = new DataView(pkg.buffer, pkg.byteOffset).getUint32(0, true);
  const plain = concat(
    await cryptPackage(false, packageKey, info.keyData.salt, info.keyData.blockSize, pkg.subarray(8)),
  );
  return plain.subarray(0, size);
}

/** ALG_ID of the AES key sizes in a standard EncryptionHeader, and of SHA-1 (MS-OFFCRYPTO 2.3.2). */
const STANDARD_AES: Readonly<Record<number, number>> = { 0x660e: 128, 0x660f: 192, 0x6610: 256 };
const CALG_SHA1 = 0x8004;
const STANDARD_SPIN = 50_000;

/**
 * AES-ECB decryption through WebCrypto's AES-CBC: CBC with a zero IV gives D(Cᵢ) ⊕ Cᵢ₋₁ for each block,
 * so XOR-ing the previous ciphertext block back leaves D(Cᵢ), in one call for the whole input.
 */
async function aesEcbDecrypt(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const out = await aesDecrypt(key, new Uint8Array(16), data);
  for (let i = 16; i < data.length; i++) out[i] = out[i]! ^ data[i - 16]!;
  return out;
}

/**
 * Excel 2007's "standard" encryption (MS-OFFCRYPTO 2.3.4.5–2.3.4.9): the key from SHA-1 spun 50,000
 * times, checked with the verifier, the package in AES-ECB after its 8-byte size.
 */
async function decryptStandard(info: Uint8Array, pkg: Uint8Array, password: string): Promise<Uint8Array> {
  const view = new DataView(info.buffer, info.byteOffset, info.byteLength);
  const headerSize = view.getUint32(8, true);
  const header = 12;
  const algId = view.getUint32(header + 8, true);
  const hashId = view.getUint32(header + 12, true);
  const keyBits = view.getUint32(header + 16, true);
  const aesBits = STANDARD_AES[algId];
  if (aesBits === undefined || (hashId !== CALG_SHA1 && hashId !== 0) || (keyBits !== 0 && keyBits !== aesBits))
    throw new UnsupportedEncryption(`standard encryption ${algId.toString(16)}/${hashId.toString(16)}/${keyBits}`);
  const verifier = header + headerSize;
  const saltSize = view.getUint32(verifier, true);
  if (saltSize !== 16) throw new UnsupportedEncryption(`salt size ${saltSize}`);
  const salt = info.subarray(verifier + 4, verifier + 20);
  const encryptedVerifier = info.subarray(verifier + 20, verifier + 36);
  const encryptedVerifierHash = info.subarray(verifier + 40, verifier + 72);

  const final = sha1(spunHash(password, salt, STANDARD_SPIN, sha1), u32(0));
  const derive = (fill: number) => {
    const b = new Uint8Array(64).fill(fill);
    for (let i = 0; i < 20; i++) b[i] = b[i]! ^ final[i]!;
    return sha1(b);
  };
  const key = concat([derive(0x36), derive(0x5c)]).subarray(0, aesBits / 8);

  const plainVerifier = await aesEcbDecrypt(key, encryptedVerifier);
  const plainHash = await aesEcbDecrypt(key, encryptedVerifierHash);
  if (!equal(sha1(plainVerifier), plainHash.subarray(0, 20))) throw new WrongPasswordError('wrong password');
  const size = new DataView(pkg.buffer, pkg.byteOffset).getUint32(0, true);
  const body = pkg.subarray(8, 8 + Math.floor((pkg.length - 8) / 16) * 16);
  return (await aesEcbDecrypt(key, body)).subarray(0, size);
}

const random = (n: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(n));

async function encrypt(xlsx: Uint8Array, password: string): Promise<Uint8Array> {
  const packageKey = random(32);
  const keySalt = random(16);
  const pkgSalt = random(16);
  const blockSize = 16;
  const size = new Uint8Array(8);
  new DataView(size.buffer).setUint32(0, xlsx.length, true);
  const encryptedPackage = concat([size, ...(await cryptPackage(true, packageKey, pkgSalt, blockSize, xlsx))]);

  // Data integrity: an HMAC-SHA512 of the whole EncryptedPackage stream, its key and value encrypted.
  const hmacKey = random(64);
  const hmacCryptoKey = await subtle().importKey(
    'raw',
    hmacKey as BufferSource,
    { name: 'HMAC', hash: 'SHA-512' },
    false,
    ['sign'],
  );
  const hmacValue = new Uint8Array(await subtle().sign('HMAC', hmacCryptoKey, encryptedPackage as BufferSource));
  const encHmacKey = await aesEncrypt(packageKey, ivFor(pkgSalt, bytes(BLOCK_KEYS.hmacKey), blockSize), hmacKey);
  const encHmacValue = await aesEncrypt(packageKey, ivFor(pkgSalt, bytes(BLOCK_KEYS.hmacValue), blockSize), hmacValue);

  const spun = spunHash(password, keySalt, SPIN_COUNT);
  const encKeyValue = await aesEncrypt(keyFor(spun, BLOCK_KEYS.key, 256), keySalt, packageKey);
  const verifierInput = random(16);
  const encVerifierInput = await aesEncrypt(keyFor(spun, BLOCK_KEYS.verifierInput, 256), keySalt, verifierInput);
  const encVerifierValue = await aesEncrypt(
    keyFor(spun, BLOCK_KEYS.verifierValue, 256),
    keySalt,
    sha512(verifierInput),
  );

  const common =
    'blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"';
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">' +
    `<keyData saltSize="16" ${common} saltValue="${b64(pkgSalt)}"/>` +
    `<dataIntegrity encryptedHmacKey="${b64(encHmacKey)}" encryptedHmacValue="${b64(encHmacValue)}"/>` +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<p:encryptedKey spinCount="${SPIN_COUNT}" saltSize="16" ${common} saltValue="${b64(keySalt)}" ` +
    `encryptedVerifierHashInput="${b64(encVerifierInput)}" encryptedVerifierHashValue="${b64(encVerifierValue)}" ` +
    `encryptedKeyValue="${b64(encKeyValue)}"/></keyEncryptor></keyEncryptors></encryption>`;
  const info = concat([bytes([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]), new TextEncoder().encode(xml)]);

  const CFB = await cfb();
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, 'EncryptionInfo', info);
  CFB.utils.cfb_add(container, 'EncryptedPackage', encryptedPackage);
  CFB.utils.cfb_del(container, '\u0001Sh33tJ5');
  return bytes(CFB.write(container, { type: 'array' }));
}

/**
 * The agile decryption/encryption for the page. A file encrypted some other way is refused with a
 * message (the caller's 'unreadable' path), never decrypted wrongly.
 */
export const webOfficeCrypto: OfficeCrypto = { decrypt, encrypt, decryptsXls: false };
