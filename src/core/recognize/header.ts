import { type ColumnRole } from '../types';
import { type SheetGrid, cellAt, gridWidth } from '../grid/types';
import { cellText, isBlank, normalizeText } from '../grid/text';
import { roleOfLabel } from './column-roles';

/** How far down a header may sit below title and unit rows. */
const HEADER_SCAN_ROWS = 40;

export interface HeaderCandidate {
  /** 0-based rows of the header, one or two. */
  readonly rows: readonly number[];
  /** Label per column (two-row headers joined "parent/child"), '' where blank. */
  readonly labels: readonly string[];
  /** Role per column, null where unrecognised. Duplicates are kept for the caller to report. */
  readonly roles: readonly (ColumnRole | null)[];
  readonly score: number;
}

export type SheetKind = 'budget' | 'journal';

/** What kind of sheet a set of roles describes, or null when it is neither. */
export function kindOfRoles(roles: readonly (ColumnRole | null)[]): SheetKind | null {
  const has = (r: ColumnRole): boolean => roles.includes(r);
  if (has('date') && has('amount') && (has('name') || has('summary'))) return 'journal';
  // "30101 基本工资" in an 经济分类科目 column names the line as well as a 项目名称 column would.
  if ((has('name') || has('econCode')) && (has('budget') || has('initial') || has('executed'))) return 'budget';
  return null;
}

function rowLabels(sheet: SheetGrid, row: number, width: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < width; c++) out.push(cellText(cellAt(sheet, row, c)).trim());
  return out;
}

/** The label a merged cell shows at (row, col): the text of its top-left cell. */
function mergedText(sheet: SheetGrid, row: number, col: number): string | null {
  for (const m of sheet.merges ?? []) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) {
      return cellText(cellAt(sheet, m.top, m.left)).trim();
    }
  }
  return null;
}

/**
 * Labels of a header of several rows, each column's read as the path of its words from the top
 * ("预算指标/年中调整/小计"): a group label merged over its columns, or written once over them with
 * the cells to its right left blank, reaches every column below it.
 */
function multiRowLabels(sheet: SheetGrid, rows: readonly number[], width: number): string[] {
  const grid = rows.map((r) => rowLabels(sheet, r, width));
  const out: string[] = [];
  const carry: string[] = rows.map(() => '');
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (let h = 0; h < rows.length; h++) {
      let t = grid[h]![c] ?? '';
      const merged = t === '' ? mergedText(sheet, rows[h]!, c) : null;
      const below = rows
        .slice(h + 1)
        .some((_, k) => (grid[h + 1 + k]![c] ?? '') !== '' || mergedText(sheet, rows[h + 1 + k]!, c));
      if (t === '') t = merged ?? (below ? carry[h]! : '');
      carry[h] = t !== '' && below ? t : (grid[h]![c] ?? '') !== '' ? '' : carry[h]!;
      if (t !== '' && path[path.length - 1] !== t) path.push(t);
    }
    out.push(path.join('/'));
  }
  return out;
}

function rolesOf(labels: readonly string[]): (ColumnRole | null)[] {
  return labels.map((label) => {
    if (!label.includes('/')) return roleOfLabel(label);
    const parts = label.split('/');
    const child = parts[parts.length - 1]!;
    const parent = parts.slice(0, -1).join('/');
    const childRole = roleOfLabel(child);
    const parentRole = roleOfLabel(parts[parts.length - 2]!);
    // "金额" under "1-8月执行情况" is the spending, not a journal's payment amount.
    if (childRole === 'amount') return roleOfLabel(parent) ?? childRole;
    // "小计"/"合计" under "年中调整" is the adjustment itself; "追加"/"调减" beside it are its parts.
    if (childRole === null && /^(小计|合计|净额|合计数|小计数)$/.test(child) && parentRole !== null) return parentRole;
    return childRole ?? roleOfLabel(label);
  });
}

function scoreOf(roles: readonly (ColumnRole | null)[]): number {
  const distinct = new Set(roles.filter((r): r is ColumnRole => r !== null));
  const kind = kindOfRoles(roles);
  // Ties go to the header that gives more columns a meaning: a second row of 财政拨款｜其他资金｜合计
  // under a merged 全年预算 is part of the header, not a line of figures.
  const named = roles.filter((r) => r !== null).length;
  return kind === null ? 0 : distinct.size + 10 + named / 1000;
}

/** Amounts written as text ("1,451,500.00", "￥2,000.00", "(500.00)") count as figures, not labels. */
const AMOUNT_TEXT = /^[-(（]?\s*[￥¥]?\s*\d[\d,，\s]*(\.\d+)?\s*[)）]?$/;

function countNumbers(sheet: SheetGrid, row: number, width: number): number {
  let n = 0;
  for (let c = 0; c < width; c++) {
    const v = cellAt(sheet, row, c);
    if (typeof v === 'number' || (typeof v === 'string' && AMOUNT_TEXT.test(normalizeText(v)))) n++;
  }
  return n;
}

/**
 * All rows of the top of a sheet that read as a header, best first. A two-row header is
 * preferred only when its second row adds meanings the first lacks (merged "预算数" over
 * 年初 | 调整 | 调整后, or "执行数" over "1-8月").
 */
export function headerCandidates(sheet: SheetGrid): HeaderCandidate[] {
  const width = gridWidth(sheet);
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  const found: HeaderCandidate[] = [];
  for (let r = 0; r < last; r++) {
    const labels = rowLabels(sheet, r, width);
    if (labels.filter((l) => l !== '').length < 2) continue;
    if (countNumbers(sheet, r, width) > labels.filter((l) => l !== '').length) continue;
    const roles = rolesOf(labels);
    // A header starts with a row that names at least one column ("截至2024年8月31日 … 单位：元" does not).
    if (roles.every((x) => x === null)) continue;
    let best: HeaderCandidate = { rows: [r], labels, roles, score: scoreOf(roles) };
    // Two or three rows when the rows below add meanings (merged groups over their parts).
    const rows = [r];
    for (let d = 1; d < 3; d++) {
      const next = r + d;
      if (next >= sheet.rows.length || countNumbers(sheet, next, width) > 0) break;
      const own = rowLabels(sheet, next, width).filter((l) => l !== '');
      if (own.length === 0 || !own.some((l) => roleOfLabel(l) !== null || /^(小计|合计|编码|名称)$/.test(l))) break;
      rows.push(next);
      const labelsN = multiRowLabels(sheet, rows, width);
      const rolesN = rolesOf(labelsN);
      const cand: HeaderCandidate = { rows: [...rows], labels: labelsN, roles: rolesN, score: scoreOf(rolesN) };
      if (cand.score > best.score) best = cand;
    }
    if (best.score > 0) found.push(best);
  }
  return found.sort((a, b) => b.score - a.score || a.rows[0]! - b.rows[0]!);
}

/** True when no cell of the row holds anything. */
export function isBlankRow(sheet: SheetGrid, row: number): boolean {
  const r = sheet.rows[row];
  return !r || r.every((v) => isBlank(v));
}
