import { type CellValue, isCellError } from './types';

const NEEDS_FOLDING = /[\s\u3000\uff01-\uff5e【〔［】〕］—–－~～\u2212\ufe63]/;

/**
 * Folds the variants a hand-kept Chinese ledger uses for the same text into one form:
 * full-width ASCII to half-width, all whitespace removed, Chinese brackets to ASCII.
 * @example normalizeText(' 年初预算（万元） ') === '年初预算(万元)'
 */
export function normalizeText(s: string): string {
  // Most cells need no folding; skip the per-character walk for them (a journal has 100,000).
  if (!NEEDS_FOLDING.test(s)) return s;
  // Recognition asks for the same names many times over (section, total, category tests).
  const hit = folded.get(s);
  if (hit !== undefined) return hit;
  const out = fold(s);
  if (folded.size >= FOLDED_MAX) folded.clear();
  folded.set(s, out);
  return out;
}

const FOLDED_MAX = 20000;
const folded = new Map<string, string>();

function fold(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x3000) continue; // ideographic space
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCodePoint(c - 0xfee0);
      continue;
    }
    if (/\s/u.test(ch)) continue;
    out += ch;
  }
  return (
    out
      .replace(/[【〔［]/g, '[')
      .replace(/[】〕］]/g, ']')
      // The minus sign (U+2212) and the small hyphen-minus pasted from web pages are minus signs too.
      .replace(/[—–－~～\u2212\ufe63]/g, '-')
  );
}

/** The text of a cell for matching labels; numbers and dates give ''. */
export function cellText(v: CellValue): string {
  if (typeof v === 'string') return v;
  return '';
}

/** Any cell shown as text, for messages and names (numbers as written, errors as their code). */
export function cellDisplay(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v.trim();
  // NaN and ±Infinity are no cell's value (Excel cannot hold them): shown as nothing, never as words.
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return '';
}

/** True when the cell holds nothing a person would see. */
export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}
