/**
 * .csv exports (the 预算管理一体化系统's export button, Excel's "CSV" on a Chinese Windows): the bytes
 * decoded by what they are — a BOM, else UTF-8 when they are valid UTF-8, else GB18030 (a superset of
 * the GBK that Excel writes) — and split into rows and cells as RFC 4180 says.
 */
import { type CellValue } from '../core/grid/types';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** The encoding of a text file's bytes, and where the text starts (after the BOM). */
export function detectTextEncoding(b: Uint8Array): { encoding: TextEncodingName; offset: number } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', offset: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', offset: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', offset: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return { encoding: 'utf-8', offset: 0 };
  } catch {
    return { encoding: 'gb18030', offset: 0 };
  }
}

export function decodeText(b: Uint8Array): { text: string; encoding: TextEncodingName } {
  const { encoding, offset } = detectTextEncoding(b);
  return { text: new TextDecoder(encoding).decode(b.subarray(offset)), encoding };
}

/** The separator of the first line: the one of comma, tab, semicolon that occurs most outside quotes. */
function separatorOf(text: string): string {
  const end = text.search(/\r?\n/);
  const line = text.slice(0, end < 0 ? Math.min(text.length, 10000) : end);
  const counts = new Map<string, number>([
    [',', 0],
    ['\t', 0],
    [';', 0],
  ]);
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [sep, n] of counts) if (n > counts.get(best)!) best = sep;
  return best;
}

/** A plain number as Excel would take it on opening a CSV: "1234.5", "-12", not "001" or "1,234". */
const PLAIN_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

/** One cell's text as a value: plain numbers become numbers, empty text nothing, the rest stays text. */
function cellValue(raw: string): CellValue {
  const t = raw.trim();
  if (t === '') return null;
  if (PLAIN_NUMBER.test(t)) return Number(t);
  return raw;
}

/**
 * Splits CSV text into rows of values. Quoted fields may hold separators, doubled quotes and line
 * breaks; a stray quote inside an unquoted field is kept as text (as Excel does).
 */
export function parseCsv(text: string): CellValue[][] {
  const sep = separatorOf(text);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(wasQuoted ? (field === '' ? null : field) : cellValue(field));
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    // A row of nothing but empty cells is an empty row: keep the row count, drop the cells.
    rows.push(row.every((v) => v === null) ? [] : row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === sep) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || row.length > 0 || wasQuoted) endRow();
  // Trailing empty rows say nothing.
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}
