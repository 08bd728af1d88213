/**
 * Large worksheets read in bounded memory. A ledger with a million formatted blank rows (whole columns
 * formatted by accident) unzips to more than 600 MB of XML: more than a JavaScript string can hold, and
 * far more memory than the ledger's few thousand rows need; a 100,000-payment journal is 22 MB of XML the
 * reader needs only once. Such a part is inflated chunk by chunk: pieces of nothing but blank rows are
 * skipped as bytes, never decoded, and the rows of the others are handed to the row reader as they come
 * (SheetPieces), so only the sheet's head and tail are kept as text; reading the rows that way gives
 * exactly the grid the whole-part scan gives.
 *
 * The rows are cut before a piece's last "<row": an XML comment or CDATA holding "<row" inside sheetData
 * would mislead that cut. Excel, WPS and LibreOffice never write either there.
 */
import { Deflate, Inflate } from 'fflate';
import { crc32 } from './crc32';

export { crc32 };

/**
 * Inflates raw deflate data, handing over the output in chunks of bounded size. A chunk handler may
 * return a promise (a deflater asking to wait): the inflater then waits before the next chunk.
 */
export type Inflater = (compressed: Uint8Array, onChunk: (bytes: Uint8Array) => void | Promise<void>) => Promise<void>;

/** A streaming raw deflate: push bytes in order (waiting when asked), then finish for the compressed data. */
export interface Deflater {
  push(bytes: Uint8Array): void | Promise<void>;
  finish(): Promise<Uint8Array>;
}

/** What rewriting a large part needs: the inflate, a fresh deflate, and CRC-32 (the zip's checksum). */
export interface StreamCodec {
  readonly inflate: Inflater;
  readonly deflater: () => Deflater;
  readonly crc32: (bytes: Uint8Array, previous: number) => number;
}

/** Input slice: with ledger XML compressing about 15:1 this keeps each output chunk to a few MB. */
const INPUT_SLICE = 256 * 1024;

/** fflate's streaming inflate: plain JavaScript, the same in Node and in the browser. */
export const fflateInflater: Inflater = async (compressed, onChunk) => {
  // fflate is synchronous: handlers here never wait (the fflate deflater below does not ask to).
  const inflate = new Inflate((chunk) => void onChunk(chunk));
  if (compressed.length === 0) {
    inflate.push(new Uint8Array(0), true);
    return;
  }
  for (let at = 0; at < compressed.length; at += INPUT_SLICE) {
    const end = Math.min(at + INPUT_SLICE, compressed.length);
    inflate.push(compressed.subarray(at, end), end === compressed.length);
  }
};

/**
 * The most text kept waiting (one row not yet ended, the head before sheetData, the tail after it): far
 * beyond any real row (16,384 cells of styled nothing are about 1 MB).
 */
const MAX_HELD = 32 * 1024 * 1024;

/** White space, '>' or '/': the character after an element's name. */
function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

const SHEET_DATA_OPEN = /<([\w.-]+:)?sheetData\b[^>]*>/;
const ROW_NUMBER = /\sr\s*=\s*["'](\d+)["']/;
/**
 * The worksheet XML fed in pieces: its rows handed to `onRows` as they come (one string per piece, cut
 * before the piece's last row start, which waits for the next piece), so nothing holds the rows' XML
 * whole; the head (up to the sheetData tag) and the tail (from </sheetData>: merges, protection,
 * conditional formats) kept as text for `finish`.
 */
export class SheetPieces {
  constructor(private readonly onRows: (rowsXml: string, head: string) => void) {}

  private mode: 'head' | 'rows' | 'tail' = 'head';
  private head = '';
  private carry = '';
  private readonly out: string[] = [];
  private rowOpen = '<row';
  private sheetDataClose = '</sheetData>';
  private cellClose = '</c>';

  push(text: string): void {
    this.pushText(text);
    // A row, the head or the tail that runs on for tens of megabytes is not a worksheet but damage (a
    // deflate stream gone wrong can inflate to garbage for a long time before it fails): refused, rather
    // than held and searched again with every piece.
    if (this.carry.length > MAX_HELD || this.tailLength > MAX_HELD)
      throw new Error(`Worksheet XML damaged: more than ${MAX_HELD} characters without the end of a row`);
  }

  private tailLength = 0;

  private pushText(text: string): void {
    if (this.mode === 'tail') {
      this.out.push(text);
      this.tailLength += text.length;
      return;
    }
    let buf = this.carry + text;
    this.carry = '';
    if (this.mode === 'head') {
      const m = SHEET_DATA_OPEN.exec(buf);
      if (!m) {
        this.carry = buf;
        return;
      }
      const end = m.index + m[0].length;
      this.head = buf.slice(0, end);
      this.out.push(this.head);
      buf = buf.slice(end);
      if (m[0].endsWith('/>')) {
        this.mode = 'tail';
        this.out.push(buf);
        return;
      }
      const pre = m[1] ?? '';
      this.rowOpen = `<${pre}row`;
      this.sheetDataClose = `</${pre}sheetData>`;
      this.cellClose = `</${pre}c>`;
      this.mode = 'rows';
    }
    this.rows(buf);
  }

  private rows(buf: string): void {
    // Handed over as they are: the reader passes over rows without a value itself. The piece is cut
    // before its last row's start; that row waits for the next piece (it may be cut off).
    let last = buf.lastIndexOf(this.rowOpen);
    // A row's start, not <rowBreaks> (after sheetData) or a tag cut off at the end of the piece.
    while (last >= 0 && !isNameEnd(buf.charCodeAt(last + this.rowOpen.length)))
      last = last > 0 ? buf.lastIndexOf(this.rowOpen, last - 1) : -1;
    // The end of sheetData comes after every row: searched from the last row start only.
    const close = buf.indexOf(this.sheetDataClose, Math.max(last, 0));
    if (close >= 0) {
      this.mode = 'tail';
      if (close > 0) this.onRows(buf.slice(0, close), this.head);
      this.out.push(buf.slice(close));
      return;
    }
    if (last > 0) this.onRows(buf.slice(0, last), this.head);
    // No row start: white space or the start of a tag, kept whole (it is at most one row's worth).
    this.carry = last >= 0 ? buf.slice(last) : buf;
  }

  /**
   * Takes a piece still as bytes when it is rows without a value only — no cell with content, nothing
   * hidden, no end of sheetData, checked with native byte searches — so the bulk of a sheet of blank
   * rows is never decoded: only its last row (cut off or not) is kept, and it must carry its own r=.
   * False when the piece needs the text path.
   */
  tryBlankBytes(bytes: Uint8Array, find: ByteFinder): boolean {
    if (this.mode !== 'rows') return false;
    const p = (this.patterns ??= {
      cellClose: ascii(this.cellClose),
      hidden: ascii('hidden'),
      sheetDataClose: ascii(this.sheetDataClose),
      rowOpen: ascii(this.rowOpen),
    });
    if (this.carry.includes(this.cellClose) || this.carry.includes('hidden')) return false;
    // A pattern cut in two by the piece boundary.
    const joint = this.carry.slice(-16) + String.fromCharCode(...bytes.subarray(0, 16));
    if (joint.includes(this.cellClose) || joint.includes('hidden') || joint.includes(this.sheetDataClose)) return false;
    if (find(bytes, p.cellClose, 0) >= 0 || find(bytes, p.hidden, 0) >= 0 || find(bytes, p.sheetDataClose, 0) >= 0)
      return false;
    // The last row start of the piece: searched in its last 64 KB (a blank row is far shorter).
    let last = -1;
    for (let k = find(bytes, p.rowOpen, Math.max(0, bytes.length - 65536)); k >= 0; k = find(bytes, p.rowOpen, k + 1))
      last = k;
    if (last < 0) return false;
    const gt = bytes.indexOf(62 /* > */, last);
    const after = bytes[last + p.rowOpen.length];
    if (gt < 0 || (after !== 32 && after !== 9 && after !== 10 && after !== 13)) return false;
    const tag = String.fromCharCode(...bytes.subarray(last, gt + 1));
    if (!ROW_NUMBER.test(tag)) return false;
    // The kept row is decoded on its own and the text decoder starts afresh after this piece, so the row
    // must not end inside a character: one with non-ASCII text goes the text way. (Nothing before it can
    // leave a character open: text sits inside cells, and a cell's </c> would have sent the piece there.)
    const tail = bytes.subarray(last);
    if (tail.some((b) => b >= 0x80)) return false;
    this.carry = new TextDecoder().decode(tail);
    return true;
  }

  private patterns: Record<'cellClose' | 'hidden' | 'sheetDataClose' | 'rowOpen', Uint8Array> | undefined;

  /**
   * The sheet without its rows (head and tail). A row cut off at the end of the part goes to `onRows`,
   * read as far as it goes, as the whole-part scanner would.
   */
  finish(): string {
    if (this.carry && this.mode === 'rows') this.onRows(this.carry, this.head);
    else if (this.carry) this.out.push(this.carry);
    this.carry = '';
    return this.out.join('');
  }
}

/**
 * A worksheet part's bytes read in pieces (see SheetPieces): its rows handed to `onRows` as they come,
 * pieces of blank rows skipped as bytes. Returns the sheet without its rows.
 */
export async function streamSheetRows(
  produce: (onChunk: (bytes: Uint8Array) => void) => Promise<void>,
  onRows: (rowsXml: string, head: string) => void,
  find: ByteFinder = textFinder(),
): Promise<string> {
  let decoder = new TextDecoder('utf-8');
  const pieces = new SheetPieces(onRows);
  await produce((bytes) => {
    if (pieces.tryBlankBytes(bytes, find)) {
      // Nothing of a multi-byte character can be pending here (blank rows are ASCII), but start clean.
      decoder = new TextDecoder('utf-8');
      return;
    }
    pieces.push(decoder.decode(bytes, { stream: true }));
  });
  pieces.push(decoder.decode());
  return pieces.finish();
}

/** Where `needle` occurs in `hay` from `from`, or -1 (Uint8Array's indexOf for one byte, for many). */
export type ByteFinder = (hay: Uint8Array, needle: Uint8Array, from: number) => number;

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** fflate throughout: what the browser uses. */
export const FFLATE_CODEC: StreamCodec = {
  inflate: fflateInflater,
  deflater: () => {
    const chunks: Uint8Array[] = [];
    // Level 1: a large sheet is mostly repeated markup, and speed matters more than a few per cent.
    const d = new Deflate({ level: 1 }, (chunk) => chunks.push(chunk));
    return {
      push: (bytes) => d.push(bytes),
      finish: async () => {
        d.push(new Uint8Array(0), true);
        return concatBytes(chunks);
      },
    };
  },
  crc32,
};

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8');

/**
 * A byte search for the page (the CLI passes Buffer's native one): the piece read once as single-byte
 * text (windows-1252 gives one character per byte, so positions are byte offsets) and searched with the
 * engine's string search. The byte-by-byte search stops at every "<" of a sheet of blank rows; this is
 * several times faster on a million of them. Remembers the last piece only: pieces are not changed once
 * inflated.
 */
export function textFinder(): ByteFinder {
  const single = new TextDecoder('windows-1252');
  let hay: Uint8Array | null = null;
  let text = '';
  return (bytes, needle, from) => {
    if (bytes !== hay) {
      hay = bytes;
      text = single.decode(bytes);
    }
    return text.indexOf(String.fromCharCode(...needle), from);
  };
}

/** Where a byte pattern (ASCII) occurs in `bytes` from `from`, or -1. */
function indexOfBytes(bytes: Uint8Array, pattern: Uint8Array, from = 0): number {
  const first = pattern[0]!;
  for (
    let i = bytes.indexOf(first, from);
    i >= 0 && i <= bytes.length - pattern.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    let j = 1;
    while (j < pattern.length && bytes[i + j] === pattern[j]) j++;
    if (j === pattern.length) return i;
  }
  return -1;
}

const SHEET_DATA = new TextEncoder().encode('sheetData');
const SHEET_DATA_CLOSE = new TextEncoder().encode('sheetData>');

/**
 * A large worksheet part edited after its rows (highlights are conditional formats, which the schema
 * puts after sheetData) without ever holding it whole: one pass inflates it to find the head (up to the
 * sheetData tag) and the tail (from </sheetData>); `edit` gets head + tail as a small XML "shell" and
 * returns it changed; a second pass deflates head, the untouched rows and the new tail. Returns
 * 'unchanged' when the edit changes nothing, null when the part does not have that shape (the caller
 * then reads it whole).
 */
export async function editLargeSheet(
  compressed: Uint8Array,
  edit: (shell: string) => string,
  codec: StreamCodec,
  expectChange = true,
): Promise<{ deflated: Uint8Array; size: number; crc: number } | 'unchanged' | null> {
  // When the edit will change the sheet (highlights to add), one pass does it all as long as the tail
  // fits in what is held back; otherwise, or when it may well change nothing, look first.
  if (expectChange) {
    const done = await editInOnePass(compressed, edit, codec);
    if (done !== 'tail-too-far') return done;
  }
  return editInTwoPasses(compressed, edit, codec);
}

/** Bytes held back from the deflater while streaming: the tail (merges, formats…) must fit here. */
const HOLD_BACK = 4 * 1024 * 1024;

/** Finds the start of the closing `</sheetData>` (any prefix) in `bytes`, or -1. */
function sheetDataCloseAt(bytes: Uint8Array): number {
  for (let at = indexOfBytes(bytes, SHEET_DATA_CLOSE); at >= 0; at = indexOfBytes(bytes, SHEET_DATA_CLOSE, at + 1)) {
    const lt = bytes.lastIndexOf(60 /* < */, at);
    if (lt >= 0 && bytes[lt + 1] === 47 && at - lt <= 12) return lt;
  }
  return -1;
}

/**
 * One inflate: the head is found at the start, the rows go to the deflater as they come except the last
 * few MB, in which the tail is then found and edited.
 */
async function editInOnePass(
  compressed: Uint8Array,
  edit: (shell: string) => string,
  codec: StreamCodec,
): Promise<{ deflated: Uint8Array; size: number; crc: number } | 'unchanged' | 'tail-too-far' | null> {
  const deflater = codec.deflater();
  let crc = 0;
  let size = 0;
  let head: Uint8Array | null = null;
  let headBuf: Uint8Array[] = [];
  let shapeless = false;
  const hold: Uint8Array[] = [];
  let holdLen = 0;
  const emit = (b: Uint8Array): void | Promise<void> => {
    crc = codec.crc32(b, crc);
    size += b.length;
    return deflater.push(b);
  };
  const release = (): void | Promise<void> => {
    while (hold.length > 1 && holdLen - hold[0]!.length >= HOLD_BACK) {
      const c = hold.shift()!;
      holdLen -= c.length;
      const wait = emit(c);
      if (wait) return wait.then(release);
    }
  };
  const keep = (b: Uint8Array): void | Promise<void> => {
    if (b.length === 0) return;
    hold.push(b);
    holdLen += b.length;
    return release();
  };
  await codec.inflate(compressed, (chunk) => {
    if (shapeless) return;
    if (head) return keep(chunk);
    headBuf.push(chunk);
    const all = concatBytes(headBuf);
    const at = indexOfBytes(all, SHEET_DATA);
    const gt = at < 0 ? -1 : all.indexOf(62 /* > */, at);
    if (gt < 0) {
      headBuf = [all];
      return;
    }
    headBuf = [];
    if (all[gt - 1] === 47) {
      shapeless = true; // <sheetData/>: no rows, nothing large
      return;
    }
    head = all.slice(0, gt + 1);
    const rest = all.subarray(gt + 1);
    const wait = emit(head);
    return wait ? wait.then(() => keep(rest)) : keep(rest);
  });
  const finished = deflater.finish.bind(deflater);
  if (shapeless || !head) {
    await finished();
    return null;
  }
  const held = concatBytes(hold);
  const lt = sheetDataCloseAt(held);
  if (lt < 0) {
    await finished();
    return 'tail-too-far';
  }
  const headText = utf8.decode(head);
  const shell = headText + utf8.decode(held.subarray(lt));
  const edited = edit(shell);
  if (edited === shell || !edited.startsWith(headText)) {
    await finished();
    return edited === shell ? 'unchanged' : null;
  }
  await emit(held.subarray(0, lt));
  await emit(new TextEncoder().encode(edited.slice(headText.length)));
  return { deflated: await finished(), size, crc };
}

async function editInTwoPasses(
  compressed: Uint8Array,
  edit: (shell: string) => string,
  codec: StreamCodec,
): Promise<{ deflated: Uint8Array; size: number; crc: number } | 'unchanged' | null> {
  // Pass 1: the head (until the sheetData open tag ends) and the tail (from the last "</…sheetData").
  let head: Uint8Array | null = null;
  let headBuf: Uint8Array[] = [];
  let headLen = 0;
  let tailStart = -1;
  let tail: Uint8Array[] = [];
  let carry = new Uint8Array(0);
  let offset = 0;
  await codec
    .inflate(compressed, (chunk) => {
      const start = offset;
      offset += chunk.length;
      if (!head) {
        headBuf.push(chunk);
        const all = concatBytes(headBuf);
        const at = indexOfBytes(all, SHEET_DATA);
        if (at < 0 || all.indexOf(62 /* > */, at) < 0) {
          headBuf = [all];
          return;
        }
        const gt = all.indexOf(62, at);
        if (all[gt - 1] === 47) throw new NotThisShape(); // <sheetData/>: no rows, nothing large
        head = all.slice(0, gt + 1);
        headLen = head.length;
        headBuf = [];
        // `all` holds every byte so far, from offset 0: the rows start right after the tag.
        return scanForTail(all.subarray(gt + 1), gt + 1);
      }
      return scanForTail(chunk, start);
    })
    .catch((e: unknown) => {
      if (!(e instanceof NotThisShape)) throw e;
      head = null;
    });
  function scanForTail(chunk: Uint8Array, chunkStart: number): void {
    if (tailStart >= 0) {
      tail.push(chunk);
      return;
    }
    // A "</…sheetData" may straddle two chunks: search the last bytes of the previous one too.
    const window = concatBytes([carry, chunk]);
    const windowStart = chunkStart - carry.length;
    for (
      let at = indexOfBytes(window, SHEET_DATA_CLOSE);
      at >= 0;
      at = indexOfBytes(window, SHEET_DATA_CLOSE, at + 1)
    ) {
      // "</sheetData>" or "</x:sheetData>": a closing tag, not text that happens to say sheetData>.
      const lt = window.lastIndexOf(60 /* < */, at);
      if (lt < 0 || window[lt + 1] !== 47 || at - lt > 12) continue;
      tailStart = windowStart + lt;
      tail = [window.slice(lt)];
      return;
    }
    carry = window.slice(Math.max(0, window.length - 32));
  }
  if (!head || tailStart < 0) return null;
  const headText = utf8.decode(head);
  const tailBytes = concatBytes(tail);
  const shell = headText + utf8.decode(tailBytes);
  const edited = edit(shell);
  if (edited === shell) return 'unchanged';
  if (!edited.startsWith(headText)) return null;
  const newTail = new TextEncoder().encode(edited.slice(headText.length));

  // Pass 2: head, rows as they were, new tail; size and CRC over what is written.
  const deflater = codec.deflater();
  let crc = codec.crc32(head, 0);
  let size = headLen;
  await deflater.push(head);
  let at = 0;
  await codec.inflate(compressed, (chunk) => {
    const from = Math.max(headLen, at);
    const to = Math.min(tailStart, at + chunk.length);
    at += chunk.length;
    if (to <= from) return;
    const rows = chunk.subarray(from - (at - chunk.length), to - (at - chunk.length));
    crc = codec.crc32(rows, crc);
    size += rows.length;
    return deflater.push(rows);
  });
  crc = codec.crc32(newTail, crc);
  size += newTail.length;
  await deflater.push(newTail);
  return { deflated: await deflater.finish(), size, crc };
}

class NotThisShape extends Error {}
