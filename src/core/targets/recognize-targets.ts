import { type CellValue, type SheetGrid, type WorkbookGrid, cellAt, columnLetter, gridWidth } from '../grid/types';
import { cellDisplay, cellText, normalizeText } from '../grid/text';
import { OUTPUT_SHEETS } from '../constants';
import { type Warning } from '../types';
import { indicatorKind, parseTargetValue } from './parse-value';
import { type TargetColumnRole, type TargetRow, type TargetSheetRecognition } from './types';

/** Sheet names that announce a targets sheet. */
export const TARGET_SHEET_NAME = /绩效目标|绩效指标|监控表/;

const HEADER_SCAN_ROWS = 30;

/** Header words to column meanings; the first match wins, so 预计 comes before 完成情况. */
const RULES: readonly (readonly [TargetColumnRole, RegExp])[] = [
  ['forecast', /预计/],
  ['likelihood', /可能性|能否完成|可能/],
  ['reason', /原因|偏差/],
  ['remark', /备注|说明/],
  ['level1', /一级指标/],
  ['level2', /二级指标/],
  ['level3', /三级指标|指标名称|指标内容|^具体指标$/],
  ['target', /年度指标值|年度目标值|目标值|指标值|年度目标|预期目标|计划值/],
  ['actual', /完成情况|完成值|实际完成|实际值|执行情况|完成数|实际/],
  ['project', /项目名称|^项目$|资金名称|项目\/单位|^单位$|^名称$/],
];

/**
 * The meaning of a targets-sheet header label, or null.
 * @example targetRoleOf('1-8月完成情况') === 'actual'
 * @example targetRoleOf('全年预计完成情况') === 'forecast'
 * @example targetRoleOf('年度指标值') === 'target'
 */
export function targetRoleOf(label: string): TargetColumnRole | null {
  const t = normalizeText(label);
  if (t === '') return null;
  for (const [role, re] of RULES) if (re.test(t)) return role;
  return null;
}

interface TargetHeader {
  readonly rows: readonly number[];
  readonly columns: Partial<Record<TargetColumnRole, number>>;
}

function mergeAt(sheet: SheetGrid, row: number, col: number) {
  return (sheet.merges ?? []).find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** The text a cell shows, following a merge to its top-left cell. */
function shownText(sheet: SheetGrid, row: number, col: number): string {
  const m = mergeAt(sheet, row, col);
  return cellText(m ? cellAt(sheet, m.top, m.left) : cellAt(sheet, row, col)).trim();
}

function columnsOf(labels: readonly string[]): Partial<Record<TargetColumnRole, number>> {
  const out: Partial<Record<TargetColumnRole, number>> = {};
  labels.forEach((label, col) => {
    // "1-8月执行情况/偏差原因" under a merged group: the child names the column.
    const child = label.includes('/') ? label.slice(label.lastIndexOf('/') + 1) : label;
    const role = targetRoleOf(child) ?? targetRoleOf(label);
    if (role !== null && out[role] === undefined) out[role] = col;
  });
  return out;
}

function isHeader(cols: Partial<Record<TargetColumnRole, number>>): boolean {
  return cols.target !== undefined && (cols.level3 !== undefined || cols.level2 !== undefined);
}

/** A header row (or two rows under merged groups) with 三级指标 (or 二级) and 年度指标值, from `from` on. */
export function findTargetHeader(sheet: SheetGrid, from = 0, scan = HEADER_SCAN_ROWS): TargetHeader | null {
  const width = gridWidth(sheet);
  const last = Math.min(sheet.rows.length, from + scan);
  for (let r = from; r < last; r++) {
    const one: string[] = [];
    for (let c = 0; c < width; c++) one.push(cellText(cellAt(sheet, r, c)).trim());
    if (one.filter((l) => l !== '').length < 2) continue;
    const single = columnsOf(one);
    if (!isHeader(single)) continue;
    // A second header row: text under a merged group, and no figures.
    const below: string[] = [];
    for (let c = 0; c < width; c++) below.push(cellText(cellAt(sheet, r + 1, c)).trim());
    const belowHasRoles = below.some((l, c) => l !== '' && targetRoleOf(l) !== null && !mergeAt(sheet, r + 1, c));
    if (belowHasRoles && !(sheet.rows[r + 1] ?? []).some((v) => typeof v === 'number')) {
      const joined = one.map((top, c) => {
        const parent = top || shownText(sheet, r, c);
        const child = below[c] ?? '';
        return parent && child && child !== parent ? `${parent}/${child}` : parent || child;
      });
      const double = columnsOf(joined);
      if (Object.keys(double).length > Object.keys(single).length) return { rows: [r, r + 1], columns: double };
    }
    return { rows: [r], columns: single };
  }
  return null;
}

/** True when the sheet is a targets sheet by its name or by its header. */
export function isTargetSheet(sheet: SheetGrid): boolean {
  if (OUTPUT_SHEETS.includes(sheet.name)) return false;
  return findTargetHeader(sheet) !== null;
}

/** "项目名称：维权帮扶项目经费" or 项目名称 | 维权帮扶项目经费 above a block of the standard 监控表. */
function projectTitleIn(sheet: SheetGrid, row: number): string | null {
  const cells = sheet.rows[row] ?? [];
  for (let c = 0; c < cells.length; c++) {
    const t = normalizeText(cellText(cells[c] ?? null));
    const inline = /^项目名称[:：](.+)$/.exec(t);
    if (inline) return (inline[1] ?? '').trim();
    if (/^项目名称[:：]?$/.test(t)) {
      for (let k = c + 1; k < cells.length; k++) {
        const v = cellDisplay(cells[k] ?? null);
        if (v !== '' && !/^(主管部门|实施单位|资金)/.test(v)) return v;
      }
    }
  }
  return null;
}

const FILL_DOWN: readonly TargetColumnRole[] = ['project', 'level1', 'level2'];

/**
 * Finds and reads the targets sheet (绩效目标): a sheet named like one, or any sheet whose header has
 * 一级/二级/三级指标 and 年度指标值. Merged (or left blank) 项目名称/一级/二级 cells carry down over
 * the rows below them. Returns null when the workbook has none.
 */
export function recognizeTargets(workbook: WorkbookGrid): TargetSheetRecognition | null {
  const sheets = workbook.sheets.filter((s) => !OUTPUT_SHEETS.includes(s.name));
  const named = sheets.filter((s) => TARGET_SHEET_NAME.test(s.name));
  for (const sheet of [...named, ...sheets.filter((s) => !named.includes(s))]) {
    const header = findTargetHeader(sheet);
    if (header) return readTargetSheet(sheet, header);
  }
  return null;
}

function readTargetSheet(sheet: SheetGrid, first: TargetHeader): TargetSheetRecognition {
  const warnings: Warning[] = [];
  const rows: TargetRow[] = [];
  const headerRows = first.rows.map((r) => r + 1);
  let header = first;
  let blockProject: string | null = null;
  for (let r = 0; r < first.rows[0]!; r++) blockProject = projectTitleIn(sheet, r) ?? blockProject;
  const carried: Partial<Record<TargetColumnRole, string>> = {};
  const hidden = new Set(sheet.hiddenRows ?? []);
  const text = (r: number, role: TargetColumnRole): string => {
    const c = header.columns[role];
    if (c === undefined) return '';
    const m = mergeAt(sheet, r, c);
    return cellDisplay(m ? cellAt(sheet, m.top, m.left) : cellAt(sheet, r, c));
  };
  const value = (r: number, role: TargetColumnRole): CellValue => {
    const c = header.columns[role];
    if (c === undefined) return null;
    const m = mergeAt(sheet, r, c);
    return m ? cellAt(sheet, m.top, m.left) : cellAt(sheet, r, c);
  };

  for (let r = Math.max(...header.rows) + 1; r < sheet.rows.length; r++) {
    if (hidden.has(r)) continue;
    // The standard 监控表 repeats a block per project: a 项目名称 row, then the header again.
    const title = projectTitleIn(sheet, r);
    if (title !== null) {
      blockProject = title;
      for (const k of FILL_DOWN) delete carried[k];
      continue;
    }
    const again = findTargetHeader(sheet, r, 1);
    if (again) {
      header = again;
      r = Math.max(...again.rows);
      for (const k of FILL_DOWN) delete carried[k];
      continue;
    }
    const fill = (role: TargetColumnRole): string => {
      const t = text(r, role);
      if (t !== '') carried[role] = t;
      return carried[role] ?? '';
    };
    const level3 = text(r, 'level3');
    const targetText = text(r, 'target');
    const project = header.columns.project !== undefined ? fill('project') : (blockProject ?? '');
    const level1 = fill('level1');
    const level2 = fill('level2');
    if (level3 === '' && targetText === '') continue;
    // A funds row or a note ("填报说明：…") of a block: no indicator name and no target value.
    if (level3 === '' && level2 === '') continue;
    if (/^(合计|小计|填报说明|说明)/.test(level3)) continue;
    if (targetText === '') {
      warnings.push({
        sheet: sheet.name,
        row: r + 1,
        column: header.columns.target === undefined ? null : columnLetter(header.columns.target),
        message: `绩效指标“${level3}”没有填写年度指标值，无法计算完成程度`,
      });
    }
    const actualText = text(r, 'actual');
    const forecastText = text(r, 'forecast');
    rows.push({
      project: /^(部门整体|单位整体|整体|部门)$/.test(project) ? '' : project,
      level1,
      level2,
      level3,
      kind: indicatorKind(level1, level2, level3),
      targetText,
      actualText,
      forecastText,
      reason: text(r, 'reason'),
      likelihood: text(r, 'likelihood'),
      remark: text(r, 'remark'),
      target: parseTargetValue(value(r, 'target')),
      actual: parseTargetValue(value(r, 'actual')),
      forecast: parseTargetValue(value(r, 'forecast')),
      sheet: sheet.name,
      row: r + 1,
    });
  }
  return { sheet: sheet.name, headerRows, columns: first.columns, rows, warnings };
}
