import { type Place } from './types';
import { columnLetter } from './grid/types';

/**
 * An input the product cannot use, with a Chinese message that says where and what to do.
 * Every expected failure of the core is a LedgerError; anything else is a bug.
 */
export class LedgerError extends Error {
  readonly place: Place | null;
  /** The setting that fixes it, so the pane can show the message beside that field. */
  readonly field: ErrorField | null;
  constructor(message: string, place: Place | null = null, field: ErrorField | null = null) {
    super(message);
    this.name = 'LedgerError';
    this.place = place;
    this.field = field;
  }
}

/**
 * What the user changes to get past an error: a setting of the pane (and of the command line), or
 * the ledger's own figures when they contradict each other (`discrepancy`).
 */
export type ErrorField =
  'file' | 'sheet' | 'header' | 'columns' | 'month' | 'year' | 'organization' | 'unit' | 'discrepancy' | 'options';

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: LedgerError };

/**
 * "工作表“台账”第 12 行 D 列" — the place words used in every message.
 * @example placeText({ sheet: '台账', row: 12, column: 'D' }) === '工作表“台账”第12行D列'
 */
export function placeText(p: Place): string {
  let s = `工作表“${p.sheet}”`;
  if (p.row !== null) s += `第${p.row}行`;
  if (p.column !== null) s += `${p.column}列`;
  return s;
}

export function place(sheet: string, row0: number | null, col0: number | null): Place {
  return { sheet, row: row0 === null ? null : row0 + 1, column: col0 === null ? null : columnLetter(col0) };
}
