import {
  type ColumnMatch,
  type ColumnRole,
  type Detected,
  type LedgerLine,
  type Recognition,
  type RecognizeOptions,
  type SheetLayout,
  type Warning,
  type CategorySource,
  ROLE_LABELS,
} from '../types';
import { type SheetGrid, type WorkbookGrid, cellAt, columnLetter, gridWidth } from '../grid/types';
import { cellText } from '../grid/text';
import { type AmountUnit } from '../money/parse-amount';
import { LedgerError, type Result } from '../errors';
import { OUTPUT_SHEETS } from '../constants';
import { roleOfLabel, nameLabelRank, isAdjustedBudgetLabel, AMOUNT_ROLES } from './column-roles';
import { type HeaderCandidate, type SheetKind, headerCandidates, kindOfRoles } from './header';
import { monthInText, organizationInTitle, unitInText, yearInText } from './meta';
import { extractBudgetLines } from './budget-lines';
import { sumJournal } from './journal';
import { EMPTY_UNIT_INFO, UNIT_INFO_SHEET, readUnitInfo } from './unit-info';

interface Found {
  readonly sheet: SheetGrid;
  readonly header: HeaderCandidate;
  readonly kind: SheetKind;
}

/**
 * Finds the ledger in a workbook and reads it into typed lines, or says in Chinese why it cannot.
 * Never throws for bad input: every expected failure is `{ ok: false, error: LedgerError }`.
 */
export function recognize(workbook: WorkbookGrid, options: RecognizeOptions = {}): Result<Recognition> {
  try {
    return { ok: true, value: recognizeOrThrow(workbook, options) };
  } catch (e) {
    if (e instanceof LedgerError) return { ok: false, error: e };
    throw e;
  }
}

function recognizeOrThrow(workbook: WorkbookGrid, options: RecognizeOptions): Recognition {
  if (options.month !== undefined && !(Number.isInteger(options.month) && options.month >= 1 && options.month <= 12)) {
    throw new LedgerError(`截止月份应为1到12之间的整数，收到的是“${String(options.month)}”。`);
  }
  if (options.year !== undefined && !(Number.isInteger(options.year) && options.year >= 2000 && options.year <= 2099)) {
    throw new LedgerError(`年度应为四位年份（如2024），收到的是“${String(options.year)}”。`);
  }
  const candidates = workbook.sheets.filter(
    (s) => !OUTPUT_SHEETS.includes(s.name) && !UNIT_INFO_SHEET.test(s.name) && !/绩效目标|绩效指标/.test(s.name),
  );
  const budget = findSheet(candidates, 'budget', options.sheet, options.headerRow);
  if (!budget) throw noLedgerError(workbook, options.sheet);
  const journalWanted = options.journalSheet;
  const journal =
    journalWanted === null
      ? null
      : findSheet(
          candidates.filter((s) => s !== budget.sheet),
          'journal',
          journalWanted,
          undefined,
        );

  const warnings: Warning[] = [];
  const budgetLayout = layoutOf(budget, options, warnings, journal !== null);
  const journalLayout = journal ? layoutOf(journal, {}, warnings, false) : null;
  const roles = new Set(budgetLayout.columns.map((c) => c.role));
  if (!roles.has('budget') && !roles.has('initial')) {
    throw new LedgerError(
      `工作表“${budget.sheet.name}”的表头（第${budgetLayout.headerRows.join('、')}行）中没有预算数列（如“全年预算”“调整后预算数”“年初预算”）。请在任务窗格中指定哪一列是全年预算。`,
      { sheet: budget.sheet.name, row: Math.max(...budgetLayout.headerRows), column: null },
    );
  }
  if (!roles.has('executed') && !journalLayout) {
    throw new LedgerError(
      `工作表“${budget.sheet.name}”的表头（第${budgetLayout.headerRows.join('、')}行）中没有执行数列（如“1-8月执行数”“累计支出”），工作簿中也没有支付明细表。请在任务窗格中指定执行数所在列，或加入支付明细表。`,
      { sheet: budget.sheet.name, row: Math.max(...budgetLayout.headerRows), column: null },
    );
  }

  if (budget.sheet.protected) {
    warnings.push({
      sheet: budget.sheet.name,
      row: null,
      column: null,
      message: '工作表受保护，没有在台账上标注执行滞后的行；如需标注，请先撤销工作表保护后重新生成',
    });
  }
  const unitSheet = workbook.sheets.find((s) => UNIT_INFO_SHEET.test(s.name));
  const fromSheet = unitSheet ? readUnitInfo(unitSheet) : EMPTY_UNIT_INFO;
  const unitInfo = {
    ...fromSheet,
    financeBureau: options.financeBureau?.trim() || fromSheet.financeBureau,
    notice: options.notice?.trim() || fromSheet.notice,
  };
  const month = detectMonth(budget, budgetLayout, journal, options);
  const year = detectYear(budget, journal, options);
  const organization = detectOrganization(budget, unitInfo.organization, options, warnings);

  const extracted = extractBudgetLines(budget.sheet, budgetLayout);
  warnings.push(...extracted.warnings);
  if (extracted.lines.length === 0) {
    throw new LedgerError(
      `工作表“${budget.sheet.name}”的表头（第${budgetLayout.headerRows.join('、')}行）下面没有找到任何带金额的预算行。请确认表头行是否选对。`,
      { sheet: budget.sheet.name, row: Math.max(...budgetLayout.headerRows), column: null },
    );
  }
  let lines: LedgerLine[];
  if (roles.has('executed') || !journal || !journalLayout) {
    lines = extracted.lines.map((l) => ({ ...l, executed: l.executed ?? 0 }));
  } else {
    const sums = sumJournal(
      journal.sheet,
      journalLayout,
      extracted.lines.map((l) => l.name),
      year.value,
      month.value,
    );
    warnings.push(...sums.warnings);
    lines = extracted.lines.map((l, i) => ({ ...l, executed: sums.byLine.get(i) ?? 0 }));
  }
  const categorySources: Partial<Record<CategorySource, number>> = {};
  for (const l of lines) categorySources[l.categorySource] = (categorySources[l.categorySource] ?? 0) + 1;
  return {
    budget: budgetLayout,
    journal: journalLayout,
    organization,
    year,
    month,
    lines,
    warnings,
    unitInfo,
    categorySources,
  };
}

function findSheet(
  sheets: readonly SheetGrid[],
  kind: SheetKind,
  wanted: string | undefined,
  headerRow: number | undefined,
): Found | null {
  if (wanted !== undefined) {
    const sheet = sheets.find((s) => s.name === wanted);
    if (!sheet) {
      throw new LedgerError(
        `工作簿中没有名为“${wanted}”的工作表。现有工作表：${sheets.map((s) => `“${s.name}”`).join('、')}。`,
      );
    }
    const header = headerRow !== undefined ? headerAt(sheet, headerRow - 1) : headerCandidates(sheet)[0];
    if (!header) {
      throw new LedgerError(
        `工作表“${wanted}”的前40行中没有找到表头（应同时有“项目名称”和“预算数”等列）。请在任务窗格中指定表头所在行。`,
        { sheet: wanted, row: null, column: null },
      );
    }
    return { sheet, header, kind: kindOfRoles(header.roles) ?? kind };
  }
  let best: Found | null = null;
  for (const sheet of sheets) {
    for (const header of headerCandidates(sheet)) {
      if (kindOfRoles(header.roles) !== kind) continue;
      if (!best || header.score > best.header.score) best = { sheet, header, kind };
      break;
    }
  }
  return best;
}

/** The header the user pointed at (its last row), joined with the row above when that row is a parent. */
function headerAt(sheet: SheetGrid, row: number): HeaderCandidate | undefined {
  const all = headerCandidates(sheet);
  const hit = all.find((h) => h.rows[h.rows.length - 1] === row) ?? all.find((h) => h.rows[0] === row);
  if (hit) return hit;
  const width = gridWidth(sheet);
  const labels: string[] = [];
  for (let c = 0; c < width; c++) labels.push(cellText(cellAt(sheet, row, c)).trim());
  return { rows: [row], labels, roles: labels.map((l) => roleOfLabel(l)), score: 1 };
}

function noLedgerError(workbook: WorkbookGrid, wanted: string | undefined): LedgerError {
  const names = workbook.sheets.map((s) => `“${s.name}”`).join('、') || '（无）';
  return new LedgerError(
    `没有找到预算台账${wanted ? `（工作表“${wanted}”）` : ''}：检查了工作表${names}，没有哪个表的表头同时包含“项目名称”和“全年预算/年初预算/执行数”等列。请确认台账的表头写有这些列名，或在任务窗格中指定表头行和各列。`,
  );
}

function layoutOf(found: Found, options: RecognizeOptions, warnings: Warning[], hasJournal: boolean): SheetLayout {
  const { sheet, header } = found;
  const headerEnd = Math.max(...header.rows);
  const sheetUnit = unitAbove(sheet, headerEnd);
  // A unit named on one amount column ("预算数（万元）") holds for the others that name none.
  const namedUnit =
    header.roles
      .map((role, col) => (role !== null && AMOUNT_ROLES.includes(role) ? unitInText(header.labels[col] ?? '') : null))
      .find((u) => u !== null) ?? null;
  const fallbackUnit: AmountUnit = options.unit ?? sheetUnit?.unit ?? namedUnit ?? '元';
  const columns: ColumnMatch[] = [];
  const taken = new Map<ColumnRole, number>();
  // Of several name-like columns ("项目类型", "单位名称", "项目名称"), the plainest one names the lines.
  let nameCol = -1;
  header.roles.forEach((role, col) => {
    const rank = role === 'name' ? nameLabelRank(header.labels[col] ?? '') : 0;
    if (rank > 0 && (nameCol < 0 || rank > nameLabelRank(header.labels[nameCol] ?? ''))) nameCol = col;
  });
  if (nameCol >= 0) taken.set('name', nameCol);
  // A budget sheet's "支出金额" is its spending when nothing else says so (a journal's is a payment).
  const amountIsSpending = found.kind === 'budget' && !hasJournal && !header.roles.includes('executed');
  // A lone "调整预算数" is the adjusted budget; beside another budget column it is the adjustment.
  const adjustedBudgetCol = header.roles.includes('budget')
    ? -1
    : header.roles.findIndex((r, col) => r === 'adjustment' && isAdjustedBudgetLabel(header.labels[col] ?? ''));
  header.roles.forEach((role0, col) => {
    const role = role0 === 'amount' && amountIsSpending ? 'executed' : col === adjustedBudgetCol ? 'budget' : role0;
    if (role === null) return;
    const label = header.labels[col] ?? '';
    if (role === 'name' && col === nameCol) {
      columns.push({ role, col, label, unit: unitInText(label) ?? fallbackUnit });
      return;
    }
    const prev = taken.get(role);
    if (prev !== undefined) {
      if (role === 'remark') return;
      warnings.push({
        sheet: sheet.name,
        row: headerEnd + 1,
        column: columnLetter(col),
        message: `“${label}”和${columnLetter(prev)}列“${header.labels[prev] ?? ''}”都像是“${ROLE_LABELS[role]}”列，已使用${columnLetter(prev)}列；如不对请在任务窗格中更正`,
      });
      return;
    }
    taken.set(role, col);
    columns.push({ role, col, label, unit: unitInText(label) ?? fallbackUnit });
  });
  for (const [role, col] of Object.entries(options.columns ?? {}) as [ColumnRole, number | null][]) {
    const i = columns.findIndex((c) => c.role === role);
    if (i >= 0) columns.splice(i, 1);
    if (col === null) continue;
    const j = columns.findIndex((c) => c.col === col);
    if (j >= 0) columns.splice(j, 1);
    const label = header.labels[col] ?? '';
    columns.push({ role, col, label, unit: unitInText(label) ?? fallbackUnit });
  }
  columns.sort((a, b) => a.col - b.col);
  const amountCols = columns.filter((c) => AMOUNT_ROLES.includes(c.role));
  const labelled = amountCols.find((c) => unitInText(c.label) !== null);
  const unit: AmountUnit = options.unit ?? labelled?.unit ?? sheetUnit?.unit ?? '元';
  const unitSource = options.unit
    ? '用户指定'
    : labelled
      ? `表头“${labelled.label}”`
      : sheetUnit
        ? sheetUnit.from
        : '表中未注明单位，按元处理';
  if (options.unit) for (const c of columns) (c as { unit: AmountUnit }).unit = options.unit;
  if (!labelled && !sheetUnit && !options.unit && found.kind === 'budget') {
    warnings.push({
      sheet: sheet.name,
      row: null,
      column: null,
      message: '台账没有注明金额单位，已按“元”处理；如是万元请在任务窗格中更正',
    });
  }
  return { sheet: sheet.name, headerRows: header.rows.map((r) => r + 1), columns, unit, unitSource };
}

function unitAbove(sheet: SheetGrid, headerEnd: number): { unit: AmountUnit; from: string } | null {
  for (let r = 0; r <= headerEnd; r++) {
    const row = sheet.rows[r] ?? [];
    for (const v of row) {
      const t = cellText(v ?? null);
      if (!/单位|元/.test(t)) continue;
      if (/单位[:：]?\s*(万元|元)/.test(t) || (r < headerEnd && /^\s*[（(]?\s*(万元|元)\s*[)）]?\s*$/.test(t))) {
        const unit = unitInText(t.includes('万元') ? '万元' : '(元)');
        if (unit) return { unit, from: `第${r + 1}行“${t.trim()}”` };
      }
    }
  }
  return null;
}

function titleTexts(sheet: SheetGrid, before: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < before; r++)
    for (const v of sheet.rows[r] ?? []) {
      const t = cellText(v ?? null).trim();
      if (t) out.push(t);
    }
  return out;
}

function detectMonth(
  budget: Found,
  layout: SheetLayout,
  journal: Found | null,
  options: RecognizeOptions,
): Detected<number> {
  if (options.month !== undefined) return { value: options.month, from: '用户指定' };
  const executed = layout.columns.find((c) => c.role === 'executed');
  const fromLabel = executed ? monthInText(executed.label) : null;
  if (executed && fromLabel) return { value: fromLabel, from: `表头“${executed.label}”` };
  for (const label of budget.header.labels) {
    const m = monthInText(label);
    if (m) return { value: m, from: `表头“${label}”` };
  }
  for (const t of [...titleTexts(budget.sheet, Math.min(...budget.header.rows)), budget.sheet.name]) {
    const m = monthInText(t);
    if (m) return { value: m, from: `“${t}”` };
  }
  if (journal)
    for (const t of [...titleTexts(journal.sheet, Math.min(...journal.header.rows)), journal.sheet.name]) {
      const m = monthInText(t);
      if (m) return { value: m, from: `“${t}”` };
    }
  throw new LedgerError(
    `没能确定截止月份：工作表“${budget.sheet.name}”的标题和表头中没有“1-8月”“1至8月”“截至8月”这样的字样。请在任务窗格中选择截止月份（命令行加 --month 8）。`,
    { sheet: budget.sheet.name, row: Math.max(...layout.headerRows), column: null },
  );
}

function detectYear(budget: Found, journal: Found | null, options: RecognizeOptions): Detected<number> {
  if (options.year !== undefined) return { value: options.year, from: '用户指定' };
  const texts = [...titleTexts(budget.sheet, Math.min(...budget.header.rows)), budget.sheet.name];
  if (journal) texts.push(journal.sheet.name, ...titleTexts(journal.sheet, Math.min(...journal.header.rows)));
  for (const t of texts) {
    const y = yearInText(t);
    if (y) return { value: y, from: `“${t}”` };
  }
  throw new LedgerError(
    `没能确定年度：工作表“${budget.sheet.name}”的标题和表名中没有“2024年”这样的字样。请在任务窗格中填写年度（命令行加 --year 2024）。`,
    { sheet: budget.sheet.name, row: null, column: null },
  );
}

function detectOrganization(
  budget: Found,
  fromInfo: string | null,
  options: RecognizeOptions,
  warnings: Warning[],
): Detected<string> {
  if (options.organization) return { value: options.organization, from: '用户指定' };
  if (fromInfo) return { value: fromInfo, from: '单位信息表' };
  for (const t of [...titleTexts(budget.sheet, Math.min(...budget.header.rows)), budget.sheet.name]) {
    const org = organizationInTitle(t);
    if (org) return { value: org, from: `标题“${t}”` };
  }
  warnings.push({
    sheet: budget.sheet.name,
    row: null,
    column: null,
    message: '没有找到单位名称，报告中暂用“本单位”，请在任务窗格中填写',
  });
  return { value: '本单位', from: '未找到' };
}
