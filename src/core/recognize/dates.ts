import { type CellValue } from '../grid/types';
import { normalizeText } from '../grid/text';

export interface YearMonthDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Excel's day 0 in the 1900 date system is 1899-12-30 (the 1900 leap-year bug included). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * A payment date from a cell: an Excel serial, a Date, or text such as "2024-08-31",
 * "2024/8/31", "2024年8月31日", "2024.8.31" or "20240831". Null when it is not a real date.
 * @example parseDate('2024年8月31日') → { year: 2024, month: 8, day: 31 }
 * @example parseDate(45535) → { year: 2024, month: 8, day: 31 }
 * @example parseDate('2024-02-30') === null
 */
export function parseDate(v: CellValue): YearMonthDay | null {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    return { year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() };
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 1 || v > 2958465) return null;
    const d = new Date(EXCEL_EPOCH_UTC + Math.floor(v) * 86400000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  if (typeof v !== 'string') return null;
  const t = normalizeText(v);
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : null;
}
