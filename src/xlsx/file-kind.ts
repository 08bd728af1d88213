/**
 * What a file is, judged by its bytes and never by its name: offices rename files by hand ("改个后缀就行"),
 * so a .xls called .xlsx must be read as the .xls it is, and a PDF called .xlsx must be named as a PDF.
 */

/** The kinds of content the ledger reader tells apart before it parses anything. */
export type FileKind =
  /** 0 bytes. */
  | { readonly kind: 'empty' }
  /** A zip: an .xlsx, .xlsm, .xlsb, .ods — or a .docx, an archive, a cut-off download. */
  | { readonly kind: 'zip' }
  /**
   * An OLE compound file (D0 CF 11 E0): an .xls/.et (BIFF), an .xlsx encrypted with a password
   * (EncryptionInfo + EncryptedPackage streams), or a .doc/.wps/.ppt.
   */
  | { readonly kind: 'ole'; readonly content: 'encrypted-ooxml' | 'workbook' | 'word' | 'powerpoint' | 'unknown' }
  /** Markup: an HTML table or an Excel 2003 XML spreadsheet, both sometimes saved as ".xls". */
  | { readonly kind: 'markup' }
  /** Plain text: a .csv/.txt export. */
  | { readonly kind: 'text' }
  /** Something that is not a spreadsheet; `what` names it in Chinese when it is recognised. */
  | { readonly kind: 'other'; readonly what: string | null };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** Known non-spreadsheet signatures, each with the name a user knows it by. */
const OTHER_SIGNATURES: readonly { sig: number[]; what: string }[] = [
  { sig: ascii('%PDF'), what: 'PDF 文件' },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片' },
  { sig: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { sig: ascii('GIF8'), what: 'GIF 图片' },
  { sig: ascii('BM'), what: 'BMP 图片' },
  { sig: ascii('Rar!'), what: 'RAR 压缩包' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: '7z 压缩包' },
  { sig: [0x1f, 0x8b], what: 'gzip 压缩包' },
  { sig: ascii('MZ'), what: '程序文件（.exe）' },
  { sig: ascii('{\\rtf'), what: 'RTF 文档' },
];

/** The name of an OLE stream as it is stored in a directory entry: UTF-16LE. */
function utf16(name: string): Uint8Array {
  const out = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) out[i * 2] = name.charCodeAt(i);
  return out;
}

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (let i = hay.indexOf(first!); i >= 0 && i <= hay.length - needle.length; i = hay.indexOf(first!, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ENCRYPTED_PACKAGE = utf16('EncryptedPackage');
const ENCRYPTION_INFO = utf16('EncryptionInfo');
const WORKBOOK_STREAMS = [utf16('Workbook'), utf16('Book'), utf16('WORKBOOK'), utf16('BOOK')];
const WORD_STREAM = utf16('WordDocument');
const PPT_STREAM = utf16('PowerPoint Document');

/**
 * Which streams an OLE container holds, read from the UTF-16 names in its directory sectors. A byte
 * search rather than a full CFB parse: the names are stored whole and uncompressed, the search needs
 * no library, and a false hit would need those exact UTF-16 names in a cell.
 */
function oleContent(b: Uint8Array): Extract<FileKind, { kind: 'ole' }>['content'] {
  if (contains(b, ENCRYPTED_PACKAGE) && contains(b, ENCRYPTION_INFO)) return 'encrypted-ooxml';
  if (WORKBOOK_STREAMS.some((s) => contains(b, s))) return 'workbook';
  if (contains(b, WORD_STREAM)) return 'word';
  if (contains(b, PPT_STREAM)) return 'powerpoint';
  return 'unknown';
}

/** True when the first bytes look like text: no NUL, few control characters. */
function looksLikeText(b: Uint8Array): boolean {
  // UTF-16 with a BOM has NULs but is text all the same.
  if (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff])) return true;
  const n = Math.min(b.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return false;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control <= n / 100;
}

/** Markup starts, after a BOM and white space, with `<` followed by a tag, a declaration or a comment. */
function looksLikeMarkup(b: Uint8Array): boolean {
  let i = startsWith(b, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < b.length && (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13)) i++;
  if (b[i] !== 0x3c) return false;
  const head = String.fromCharCode(...b.subarray(i, i + 200)).toLowerCase();
  return /^<(\?xml|!doctype html|html|table|!--|meta|head|body|workbook|ss:workbook)/.test(head);
}

/** Tells what the bytes are. Never throws. */
export function detectFileKind(b: Uint8Array): FileKind {
  if (b.length === 0) return { kind: 'empty' };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole', content: oleContent(b) };
  for (const o of OTHER_SIGNATURES) if (startsWith(b, o.sig)) return { kind: 'other', what: o.what };
  if (looksLikeMarkup(b)) return { kind: 'markup' };
  if (looksLikeText(b)) return { kind: 'text' };
  return { kind: 'other', what: null };
}
