/**
 * What the pane needs of recognition before any recognition runs: which field an error belongs to,
 * the labels of the fields, and a guess at a header row. Light, so it stays in the first screen's
 * JavaScript while the recogniser itself (recognition-probe.ts) loads as a chunk of its own.
 */
import { type CellValue, type SheetGrid } from '../core/grid/types';
import { cellText } from '../core/grid/text';
import { type ErrorField, type LedgerError } from '../core/errors';
import { paneText } from './pane-text';

export type StandInField = Extract<ErrorField, 'year' | 'month' | 'organization' | 'unit' | 'discrepancy' | 'options'>;

export interface FieldErrors {
  readonly top: string | null;
  readonly byField: Readonly<Partial<Record<ErrorField, string>>>;
}

/** The failure's message, without command-line hints, beside the field that fixes it. */
export function fieldErrors(error: LedgerError | null): FieldErrors {
  if (!error) return { top: null, byField: {} };
  const text = paneText(error.message);
  // A file problem is fixed by another file: nothing in the pane, so it goes at the top.
  if (error.field === null || error.field === 'file') return { top: text, byField: {} };
  return { top: null, byField: { [error.field]: text } };
}

/** The name of each field as the pane labels it, for "请更正下方的“年度”". */
export const FIELD_LABELS: Readonly<Record<ErrorField, string>> = {
  file: '台账文件',
  sheet: '台账工作表',
  header: '表头行',
  columns: '各列含义',
  month: '截止月份',
  year: '年度',
  organization: '单位',
  unit: '金额单位',
  discrepancy: '台账合计',
  options: '选项',
};

/**
 * A header row to show the columns of when nothing was recognised: among the first 40 rows, the
 * one with the most filled cells that hold text (titles fill one cell, lines hold numbers).
 * @example guessHeaderRow({ name: '台账', rows: [['某局台账'], ['项目名称', '全年预算'], ['A', 100]] }) === 2
 */
export function guessHeaderRow(sheet: SheetGrid): number {
  let best = 1;
  let bestCount = 0;
  sheet.rows.slice(0, 40).forEach((row, i) => {
    const n = row.filter((v: CellValue | undefined) => cellText(v ?? null).trim() !== '').length;
    if (n > bestCount) {
      best = i + 1;
      bestCount = n;
    }
  });
  return best;
}
