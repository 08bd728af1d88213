/**
 * The .xlsx package (an OPC zip) as named parts, plus relationship helpers. Works on Uint8Array
 * only so the same code runs in Node and in the browser.
 */
import JSZip from 'jszip';
import { crc32 } from './crc32';
import { childElements, rootElement, contentRange } from './xml-elements';
import { escapeAttr, localName, parseAttrs } from './xml-text';

// ignoreBOM keeps a leading BOM in the string so an unchanged part re-encodes to the same bytes.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();
const LARGE_PART = 4 * 1024 * 1024;

export const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  officeDocument: `${OFFICE_DOC}/officeDocument`,
  worksheet: `${OFFICE_DOC}/worksheet`,
  styles: `${OFFICE_DOC}/styles`,
  sharedStrings: `${OFFICE_DOC}/sharedStrings`,
  drawing: `${OFFICE_DOC}/drawing`,
  chart: `${OFFICE_DOC}/chart`,
  calcChain: `${OFFICE_DOC}/calcChain`,
  extendedProperties: `${OFFICE_DOC}/extended-properties`,
} as const;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export interface RawPart {
  readonly bytes: Uint8Array;
  readonly deflated: boolean;
  /** Unzipped size in bytes, as the zip's directory says. */
  readonly size: number;
  /** CRC-32 of the unzipped bytes, as the zip's directory says. */
  readonly crc: number;
}

/** CRC-32 as zip computes it, continued from `previous` (0 to start). */
export type Crc32 = (bytes: Uint8Array, previous: number) => number;

/** A part whose bytes are not what the zip's directory says they are: the file is damaged. */
export class DamagedPartError extends Error {}

/**
 * Throws DamagedPartError unless `size` and `crc` of what was unzipped are the directory's. A writer
 * that left the checksum out (0 with a size of 0) is not held to it.
 * @example checkPart('xl/sharedStrings.xml', raw, 8501, 0xd095d4e8) // returns; any other crc throws
 */
export function checkPart(path: string, raw: RawPart, size: number, crc: number): void {
  if (raw.crc === 0 && raw.size === 0) return;
  if (size !== raw.size || crc !== raw.crc)
    throw new DamagedPartError(
      `Part ${path} is damaged: ${size} bytes, CRC ${crc} (directory: ${raw.size}, ${raw.crc})`,
    );
}

const DEFLATE_MAGIC = '\x08\x00';
const STORE_MAGIC = '\x00\x00';

/** Inflates a whole raw-deflate part of known size at once (Node's zlib in the CLI). */
export type InflateWhole = (deflated: Uint8Array, size: number) => Uint8Array;

export interface PackageOptions {
  /** Reads the parts still as loaded instead of JSZip's own inflate (Node's zlib in the CLI). */
  readonly inflateWhole?: InflateWhole;
  /** Checks what is read against the zip's directory (Node's native one in the CLI). */
  readonly crc32?: Crc32;
}

export class XlsxPackage {
  private constructor(
    private readonly zip: JSZip,
    private readonly options: PackageOptions,
  ) {}

  static async open(bytes: Uint8Array, options: PackageOptions = {}): Promise<XlsxPackage> {
    try {
      return new XlsxPackage(await JSZip.loadAsync(bytes), options);
    } catch (e) {
      throw new Error(`Not an .xlsx file (cannot open the zip): ${(e as Error).message}`, { cause: e });
    }
  }

  /**
   * The name a part is stored under. Part names compare without regard to case in an Office package
   * (OPC), and a relationship's target may be percent-encoded: Excel opens a file whose rels say
   * "worksheets/Sheet1.xml" for the entry xl/worksheets/sheet1.xml, and so must we — and write back
   * under the stored name, never beside it.
   */
  private stored(path: string): string {
    if (this.zip.file(path)) return path;
    const want = partKey(path);
    let found = path;
    this.zip.forEach((p, f) => {
      if (found === path && !f.dir && partKey(p) === want) found = p;
    });
    return found;
  }

  has(path: string): boolean {
    const f = this.zip.file(this.stored(path));
    return f !== null && !f.dir;
  }

  /** Part names, without a leading slash. */
  paths(): string[] {
    const out: string[] = [];
    this.zip.forEach((p, f) => {
      if (!f.dir) out.push(p);
    });
    return out;
  }

  async text(path: string): Promise<string | undefined> {
    const bytes = await this.partBytes(path);
    // Decoded natively: far faster than JSZip's own string decoding.
    return bytes && decoder.decode(bytes);
  }

  /**
   * A part's unzipped bytes, checked against the zip's directory: a damaged file can inflate to other
   * bytes without an error (a changed byte in a name or a figure), and the checksum says whether these
   * are the bytes that were written. Throws DamagedPartError when they are not.
   */
  async partBytes(path: string): Promise<Uint8Array | undefined> {
    path = this.stored(path);
    const f = this.zip.file(path);
    if (!f) return undefined;
    const raw = this.rawPart(path);
    const { inflateWhole, crc32: crc = crc32 } = this.options;
    let bytes: Uint8Array;
    try {
      bytes =
        raw && inflateWhole
          ? raw.deflated
            ? inflateWhole(raw.bytes, raw.size)
            : raw.bytes
          : await f.async('uint8array');
    } catch (e) {
      throw new DamagedPartError(`Part ${path} does not unzip: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      });
    }
    if (raw) checkPart(path, raw, bytes.length, crc(bytes, 0));
    this.checked.add(path);
    return bytes;
  }

  private readonly checked = new Set<string>();

  /** Marks a part as checked by its reader (a large part checked while it was read in pieces). */
  markChecked(path: string): void {
    this.checked.add(this.stored(path));
  }

  /** The parts not read (and so not checked) yet. */
  unchecked(): string[] {
    return this.paths().filter((p) => !this.checked.has(p));
  }

  /**
   * A part as it is stored in the zip, when it is still the loaded file's (not rewritten since): its
   * compressed bytes, whether they are deflated, and its unzipped size. Read from JSZip's loaded entry
   * (`_data` holds a CompressedObject until the part is replaced), so a huge part can be inflated in
   * chunks instead of whole.
   */
  rawPart(path: string): RawPart | undefined {
    const f = this.zip.file(this.stored(path)) as (JSZip.JSZipObject & { _data?: unknown }) | null;
    const d = f?._data as
      | {
          compressedContent?: unknown;
          uncompressedSize?: unknown;
          crc32?: unknown;
          compression?: { magic?: unknown };
        }
      | undefined;
    if (!d || !(d.compressedContent instanceof Uint8Array) || typeof d.uncompressedSize !== 'number') return undefined;
    const magic = d.compression?.magic;
    if (magic !== DEFLATE_MAGIC && magic !== STORE_MAGIC) return undefined;
    const crc = typeof d.crc32 === 'number' ? d.crc32 >>> 0 : 0;
    return { bytes: d.compressedContent, deflated: magic === DEFLATE_MAGIC, size: d.uncompressedSize, crc };
  }

  /**
   * Replaces a loaded deflated part with data already deflated (a large sheet rewritten as a stream):
   * JSZip copies a CompressedObject as it is, so the part is not inflated or deflated again on output.
   * The object is made on the prototype of the part's own loaded entry (JSZip does not export the class). False when the part
   * is not such an entry, and nothing is changed then.
   */
  setDeflated(path: string, part: { deflated: Uint8Array; size: number; crc: number }): boolean {
    path = this.stored(path);
    const f = this.zip.file(path) as (JSZip.JSZipObject & { _data?: unknown }) | null;
    const d = f?._data as { compression?: { magic?: unknown } } | undefined;
    if (!d || d.compression?.magic !== DEFLATE_MAGIC || !this.rawPart(path)) return false;
    // JSZip sets CompressedObject.prototype wholesale (no constructor property): an object on the same
    // prototype with the same fields is one as far as JSZip's instanceof checks go.
    const data = Object.assign(Object.create(Object.getPrototypeOf(d) as object) as object, {
      compressedSize: part.deflated.length,
      uncompressedSize: part.size,
      crc32: part.crc,
      compression: d.compression,
      compressedContent: part.deflated,
    });
    this.zip.file(path, data as unknown as Uint8Array, { binary: true, compression: 'DEFLATE' });
    return true;
  }

  async requireText(path: string): Promise<string> {
    const t = await this.text(path);
    if (t === undefined) throw new Error(`The workbook is missing its part ${path}`);
    return t;
  }

  setText(path: string, xml: string): void {
    path = this.stored(path);
    const data = encoder.encode(xml);
    // A rewritten ledger sheet is tens of megabytes: a lighter deflate level saves about a third of
    // the write time for a file some 10% larger.
    if (data.length > LARGE_PART)
      this.zip.file(path, data, { compression: 'DEFLATE', compressionOptions: { level: 3 } });
    else this.zip.file(path, data);
  }

  remove(path: string): void {
    this.zip.remove(this.stored(path));
  }

  /** A fresh part name `${dir}/${stem}N.${ext}` not used yet. */
  freshPath(dir: string, stem: string, ext: string): string {
    for (let n = 1; ; n++) {
      const p = `${dir}/${stem}${n}.${ext}`;
      if (!this.has(p)) return p;
    }
  }

  async bytes(): Promise<Uint8Array> {
    // Deflate so untouched parts keep their original compressed bytes (JSZip reuses them).
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

/**
 * A part name as OPC compares it: percent-escapes decoded, case folded.
 * @example partKey('xl/worksheets/Sheet%201.xml') === 'xl/worksheets/sheet 1.xml'
 */
export function partKey(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A stray % is a character of the name, not an escape.
  }
  return decoded.toLowerCase();
}

/** The rels part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that owns the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return normalize(target.slice(1));
  const dir = sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1);
  return normalize(dir + target);
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The relative target from `sourcePart` to `targetPart` (both package paths). */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = targetPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export function parseRels(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  const root = rootElement(xml);
  const { from, to } = contentRange(root);
  return childElements(xml, from, to)
    .filter((c) => localName(c.name) === 'Relationship')
    .map((c) => {
      const a = parseAttrs(xml, c.start, c.openEnd);
      return {
        id: a.get('Id') ?? '',
        type: a.get('Type') ?? '',
        target: a.get('Target') ?? '',
        external: a.get('TargetMode') === 'External',
      };
    });
}

export function relsXml(rels: readonly Relationship[]): string {
  const body = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${
          r.external ? ' TargetMode="External"' : ''
        }/>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">${body}</Relationships>`;
}

/** An rId not used in `rels`. */
export function freshRelId(rels: readonly Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  for (let n = rels.length + 1; ; n++) if (!used.has(`rId${n}`)) return `rId${n}`;
}

/** The main workbook part, found through the package relationships. */
export async function workbookPath(pkg: XlsxPackage): Promise<string> {
  const rels = parseRels(await pkg.text('_rels/.rels'));
  const main = rels.find((r) => r.type === REL_TYPE.officeDocument || r.type.endsWith('/officeDocument'));
  const path = main ? resolveTarget('', main.target) : 'xl/workbook.xml';
  if (!pkg.has(path)) throw new Error('The file has no workbook part: not an Excel workbook');
  return path;
}
