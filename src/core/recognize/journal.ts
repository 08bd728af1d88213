import { type SheetLayout, type Warning } from '../types';
import { type CellValue, type SheetGrid, cellAt, columnLetter } from '../grid/types';
import { cellDisplay, isBlank, normalizeText } from '../grid/text';
import { type Fen } from '../money/fen';
import { formatYuan } from '../money/format';
import { parseAmount } from '../money/parse-amount';
import { indexColumns } from './amounts';
import { parseDate } from './dates';

export interface JournalTotals {
  /** Spending to the end of the month, per budget line index. */
  readonly byLine: Map<number, Fen>;
  readonly warnings: Warning[];
  readonly payments: number;
}

/**
 * Sums a payment journal into the budget lines: payments dated from January to the end of month N
 * of the report year count; refunds (negative amounts) net out; later payments and other years are
 * left out and said so; a payment whose project is not in the budget is a warning, never dropped
 * silently.
 */
export function sumJournal(
  sheet: SheetGrid,
  layout: SheetLayout,
  lineNames: readonly string[],
  year: number,
  month: number,
): JournalTotals {
  const cols = indexColumns(layout.columns);
  const warnings: Warning[] = [];
  const byLine = new Map<number, Fen>();
  const exact = new Map<string, number>();
  lineNames.forEach((n, i) => {
    const k = normalizeText(n);
    if (!exact.has(k)) exact.set(k, i);
  });
  // Longest names first, so "省级财政工会专项资金" wins over a shorter name it contains.
  const byLength = [...exact.entries()].sort((a, b) => b[0].length - a[0].length);
  const matchCache = new Map<string, number | null>();
  const match = (key: string): number | null => {
    const hit = matchCache.get(key);
    if (hit !== undefined) return hit;
    let found: number | null = exact.get(key) ?? null;
    if (found === null && key !== '') {
      for (const [name, i] of byLength) {
        if (name !== '' && (key.includes(name) || name.includes(key))) {
          found = i;
          break;
        }
      }
    }
    matchCache.set(key, found);
    return found;
  };
  // headerRows are 1-based: the last one is the 0-based index of the first payment row.
  const start = Math.max(...layout.headerRows);
  // A journal repeats the same few hundred project names: fold each distinct text once.
  const folded = new Map<string, string>();
  const fold = (t: string): string => {
    let f = folded.get(t);
    if (f === undefined) {
      f = normalizeText(t);
      folded.set(t, f);
    }
    return f;
  };
  const partial: number[] = [];
  let later = 0;
  let firstLater = -1;
  let laterSum = 0;
  let payments = 0;
  const dateCol = cols.date?.col ?? 0;
  const amountCol = cols.amount;
  const nameCol = cols.name?.col;
  const summaryCol = cols.summary?.col;
  for (let r = start; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.every((v) => isBlank(v))) continue;
    const where = (col: number | undefined): Pick<Warning, 'sheet' | 'row' | 'column'> => ({
      sheet: sheet.name,
      row: r + 1,
      column: col === undefined ? null : columnLetter(col),
    });
    const project = nameCol !== undefined ? cellDisplay(cellAt(sheet, r, nameCol)) : '';
    const summary = summaryCol !== undefined ? cellDisplay(cellAt(sheet, r, summaryCol)) : '';
    const key = fold(project) || fold(summary);
    // A 小计/合计 row, whether the word is in the project column or in 摘要 (with the project's name
    // beside it), sums payments already counted.
    const SUBTOTAL = /^(合计|总计|小计|本月合计|本月小计|本期合计|累计|本年累计)/;
    if (SUBTOTAL.test(key) || SUBTOTAL.test(fold(summary))) continue;
    const amount = amountCol ? parseAmount(cellAt(sheet, r, amountCol.col), amountCol.unit) : null;
    if (!amount || !amount.ok) {
      warnings.push({
        ...where(amountCol?.col),
        message: `支付金额无法识别（${amount && !amount.ok ? amount.reason : '缺少金额列'}），这笔支付未计入`,
      });
      continue;
    }
    if (amount.empty) continue;
    const rawDate = cellAt(sheet, r, dateCol);
    const date: (ReturnType<typeof parseDate> & { partial?: true }) | null =
      parseDate(rawDate) ?? partialDate(rawDate, year);
    if (date?.partial) partial.push(r + 1);
    if (!date) {
      warnings.push({
        ...where(dateCol),
        message: `日期“${cellDisplay(rawDate)}”无法识别，这笔${formatYuan(amount.fen)}元的支付未计入`,
      });
      continue;
    }
    if (date.year !== year) {
      warnings.push({
        ...where(dateCol),
        message: `支付日期${date.year}年${date.month}月${date.day}日不在${year}年，未计入`,
      });
      continue;
    }
    if (date.month > month) {
      if (later === 0) firstLater = r;
      later++;
      laterSum += amount.fen;
      continue;
    }
    const idx = match(key) ?? (project ? match(fold(summary)) : null);
    if (idx === null) {
      warnings.push({
        ...where(nameCol ?? summaryCol),
        message: `支付“${project || summary}”（${formatYuan(amount.fen)}元）在预算表中找不到对应项目，未计入任何项目，请核对项目名称`,
      });
      continue;
    }
    payments++;
    byLine.set(idx, (byLine.get(idx) ?? 0) + amount.fen);
  }
  if (later > 0) {
    // Placed at the first such payment, so the pane can take the user there.
    warnings.push({
      sheet: sheet.name,
      row: firstLater + 1,
      column: columnLetter(dateCol),
      message: `有${later}笔支付（合计${formatYuan(laterSum)}元）日期在${month}月以后，未计入1-${month}月执行数（第一笔在第${firstLater + 1}行）`,
    });
  }
  if (partial.length > 0) {
    warnings.push({
      sheet: sheet.name,
      row: partial[0]!,
      column: columnLetter(dateCol),
      message: `第${partial.slice(0, 10).join('、')}行${partial.length > 10 ? `等${partial.length}行` : ''}的日期只写了月份（如“8月”“2024.08”）或没写年份，已按${year}年该月计入`,
    });
  }
  return { byLine, warnings, payments };
}

/**
 * A date written without its day or year, as clerks type them: "8月", "2024.08", "2024年8月",
 * "08-03" (month and day of the report year). Counted in that month of the report year.
 * @example partialDate('2024.08', 2024) → { year: 2024, month: 8, day: 1, partial: true }
 * @example partialDate('8月', 2024) → { year: 2024, month: 8, day: 1, partial: true }
 */
export function partialDate(
  v: CellValue,
  year: number,
): { year: number; month: number; day: number; partial: true } | null {
  if (typeof v !== 'string') return null;
  const t = normalizeText(v);
  const ym = /^(20\d{2})[-/.年](\d{1,2})月?$/.exec(t);
  const mOnly = /^(\d{1,2})月(?:份)?$/.exec(t);
  const md = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  const y = ym ? Number(ym[1]) : year;
  const m = Number(ym?.[2] ?? mOnly?.[1] ?? md?.[1] ?? NaN);
  if (!(m >= 1 && m <= 12)) return null;
  return { year: y, month: m, day: md ? Number(md[2]) : 1, partial: true };
}
