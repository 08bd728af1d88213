import { type CellValue, isCellError } from '../grid/types';
import { normalizeText } from '../grid/text';
import { type Fen, FEN_PER_WAN, FEN_PER_YUAN } from './fen';
import { numberToFen, parseScaled } from './parse-decimal';

export type AmountUnit = '元' | '万元';

export type AmountResult =
  { readonly ok: true; readonly fen: Fen; readonly empty: boolean } | { readonly ok: false; readonly reason: string };

const DASHES = /^[-—–－~]+$/;

/**
 * Reads an amount cell the way a finance clerk writes it: numbers, "1,234.56", "￥1,234.56",
 * full-width digits, "(1,234.00)" for negatives, a "元"/"万元" suffix that overrides the column
 * unit, and "-", "—" or an empty cell for nothing.
 * @example parseAmount('￥1,234.56', '元') → { ok: true, fen: 123456, empty: false }
 * @example parseAmount(57.12, '万元') → { ok: true, fen: 57120000, empty: false }
 * @example parseAmount('#N/A', '元') → { ok: false, reason: '单元格是错误值 #N/A' }
 */
export function parseAmount(value: CellValue, unit: AmountUnit): AmountResult {
  const perUnit = unit === '万元' ? FEN_PER_WAN : FEN_PER_YUAN;
  if (value === null) return { ok: true, fen: 0, empty: true };
  if (typeof value === 'number') {
    const fen = numberToFen(value, perUnit);
    return fen === null ? { ok: false, reason: `数值 ${value} 超出范围` } : { ok: true, fen, empty: false };
  }
  if (typeof value === 'boolean') return { ok: false, reason: '单元格是逻辑值，不是金额' };
  if (value instanceof Date) return { ok: false, reason: '单元格是日期，不是金额' };
  if (isCellError(value)) return { ok: false, reason: `单元格是错误值 ${value.error}` };

  let text = normalizeText(value);
  if (text === '' || DASHES.test(text)) return { ok: true, fen: 0, empty: true };
  if (/^#[A-Z/0!?]+/.test(text)) return { ok: false, reason: `单元格是错误值 ${text}` };
  let scale = perUnit;
  if (text.endsWith('万元') || text.endsWith('万')) {
    scale = FEN_PER_WAN;
    text = text.replace(/万元?$/, '');
  } else if (text.endsWith('元')) {
    scale = FEN_PER_YUAN;
    text = text.slice(0, -1);
  }
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    negative = true;
    text = paren[1] ?? '';
  }
  text = text
    .replace(/^(人民币|RMB|CNY)/i, '')
    .replace(/[￥¥$]/g, '')
    .replace(/[,，']/g, '');
  if (text.startsWith('-') && text.length > 1 && /[\d.]/.test(text[1] ?? '')) {
    negative = !negative;
    text = text.slice(1);
  }
  const digits = Math.round(Math.log10(scale));
  const n = parseScaled(text, digits);
  if (n === null) return { ok: false, reason: `“${value.trim()}”不是金额` };
  return { ok: true, fen: negative ? -n : n, empty: false };
}
