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
  type Discrepancy,
  CATEGORIES,
  ROLE_LABELS,
} from '../types';
import { type SheetGrid, type WorkbookGrid, cellAt, columnLetter, gridWidth } from '../grid/types';
import { cellText } from '../grid/text';
import { type AmountUnit } from '../money/parse-amount';
import { LedgerError, type Result } from '../errors';
import { OUTPUT_SHEETS } from '../constants';
import { roleOfLabel, nameLabelRank, isAdjustedBudgetLabel, isSubtotalLabel, AMOUNT_ROLES } from './column-roles';
import { cellDisplay, isBlank } from '../grid/text';
import { parseDate } from './dates';
import { type HeaderCandidate, type SheetKind, headerCandidates, kindOfRoles } from './header';
import { monthInText, monthOfSheetName, organizationInTitle, unitInText, yearInText } from './meta';
import { type RawLine, extractBudgetLines } from './budget-lines';
import { type CategoryHint } from './category';
import { formatYuan } from '../money/format';
import { normalizeText } from '../grid/text';
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
    throw new LedgerError(`截止月份应为1到12之间的整数，收到的是“${String(options.month)}”。`, null, 'month');
  }
  if (options.year !== undefined && !(Number.isInteger(options.year) && options.year >= 2000 && options.year <= 2099)) {
    throw new LedgerError(`年度应为四位年份（如2024），收到的是“${String(options.year)}”。`, null, 'year');
  }
  const candidates = workbook.sheets.filter(
    (s) => !OUTPUT_SHEETS.includes(s.name) && !UNIT_INFO_SHEET.test(s.name) && !/绩效目标|绩效指标/.test(s.name),
  );
  const warnings: Warning[] = [];
  const ledger = chooseLedgerSheets(candidates, options, warnings);
  const budget = ledger.main;
  const journalWanted = options.journalSheet;
  const journal =
    journalWanted === null
      ? null
      : findSheet(
          candidates.filter((s) => !ledger.all.some((f) => f.sheet === s)),
          'journal',
          journalWanted,
          undefined,
        );

  const budgetLayout = layoutOf(budget, options, warnings, journal !== null);
  const journalLayout = journal ? layoutOf(journal, {}, warnings, false) : null;
  const roles = new Set(budgetLayout.columns.map((c) => c.role));
  if (!roles.has('budget') && !roles.has('initial')) {
    throw new LedgerError(
      `工作表“${budget.sheet.name}”的表头（第${budgetLayout.headerRows.join('、')}行）中没有预算数列（如“全年预算”“调整后预算数”“年初预算”）。请在任务窗格中指定哪一列是全年预算。`,
      { sheet: budget.sheet.name, row: Math.max(...budgetLayout.headerRows), column: null },
      'columns',
    );
  }
  if (!roles.has('executed') && !journalLayout) {
    throw new LedgerError(
      `工作表“${budget.sheet.name}”的表头（第${budgetLayout.headerRows.join('、')}行）中没有执行数列（如“1-8月执行数”“累计支出”“已支付金额”），工作簿中也没有支付明细表。${budget.header.labels.some((l) => /可用余额|余额/.test(l)) ? '“可用余额”还扣除了在途和冻结的金额，不能当作已支付金额倒推执行数；' : ''}请在任务窗格中指定执行数所在列，或加入支付明细表。`,
      { sheet: budget.sheet.name, row: Math.max(...budgetLayout.headerRows), column: null },
      'columns',
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
  const month = ledger.month ?? detectMonth(budget, budgetLayout, journal, options);
  const year = detectYear(budget, journal, options);
  const organization = detectOrganization(budget, unitInfo.organization, options, warnings);

  const discrepancies: Discrepancy[] = [];
  const extractedLines: RawLine[] = [];
  for (const found of ledger.all) {
    // Every sheet of a department is read with its own header; the user's corrections apply to the first.
    const layout = found === budget ? budgetLayout : layoutOf(found, {}, warnings, false);
    const extracted = extractBudgetLines(found.sheet, layout, {
      category: sheetCategory(found),
      rowRoles: found === budget ? options.rowRoles : undefined,
    });
    warnings.push(...extracted.warnings);
    discrepancies.push(...extracted.discrepancies);
    if (extracted.lines.length === 0) {
      throw new LedgerError(
        `工作表“${found.sheet.name}”的表头（第${layout.headerRows.join('、')}行）下面没有找到任何带金额的预算行。请确认表头行是否选对。`,
        { sheet: found.sheet.name, row: Math.max(...layout.headerRows), column: null },
        'header',
      );
    }
    extractedLines.push(...extracted.lines);
  }
  const noSourceColumn = !budgetLayout.columns.some((c) => c.role === 'source');
  if (noSourceColumn) {
    warnings.push({
      sheet: budget.sheet.name,
      row: null,
      column: null,
      message: '台账没有资金来源列，全部按一般公共预算（财政拨款）列示；如有政府性基金等其他来源，请加“资金来源”列',
    });
  }
  // One source of money under one name: the ledger's own first wording of each kind
  // ("一般公共预算拨款" and "一般公共预算资金" on different sheets are one source).
  const wording = new Map<string, string>();
  for (const l of extractedLines)
    if (!wording.has(sourceKind(l.source))) wording.set(sourceKind(l.source), l.source.trim());
  const withSources = extractedLines.map((l) => ({
    ...l,
    source: noSourceColumn ? '一般公共预算' : (wording.get(sourceKind(l.source)) ?? l.source),
  }));
  const merged = mergeSameLines(withSources, warnings);
  if (budgetLayout.columns.some((c) => c.role === 'indicatorSource')) {
    for (const l of merged)
      if (l.budget < 0)
        warnings.push({
          sheet: l.sheet,
          row: l.row,
          column: null,
          message: `“${l.name}”的各条指标合计为负数（${formatYuan(l.budget)}元），不计算执行率，请核对是否漏了年初指标`,
        });
  }
  let lines: LedgerLine[];
  if (roles.has('executed') || !journal || !journalLayout) {
    lines = merged.map((l) => ({ ...l, executed: l.executed ?? 0 }));
  } else {
    const sums = sumJournal(
      journal.sheet,
      journalLayout,
      merged.map((l) => l.name),
      year.value,
      month.value,
    );
    warnings.push(...sums.warnings);
    lines = merged.map((l, i) => ({ ...l, executed: sums.byLine.get(i) ?? 0 }));
  }
  discrepancies.push(...rateDiscrepancies(lines, budget.sheet.name));
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
    discrepancies,
    sheets: ledger.all.map((f) => f.sheet.name),
    budgetSplit: budgetLayout.columns.some((c) =>
      (['initial', 'adjustment', 'reduction', 'carryover', 'indicatorSource'] as ColumnRole[]).includes(c.role),
    ),
    unitNames: Object.fromEntries(ledger.all.map((f) => [f.sheet.name, unitName(f)])),
  };
}

interface LedgerChoice {
  readonly main: Found;
  readonly all: readonly Found[];
  /** The month a one-sheet-per-month workbook's chosen sheet stands for. */
  readonly month: Detected<number> | null;
}

/**
 * Which sheets hold the ledger: the one the user named; else, of the sheets that read as a budget
 * ledger, the report month's (or the latest) when there is one sheet per month, the 汇总 sheet when
 * there is one, all of them when they are a department's units of the same shape (本级 + 二级单位),
 * else the best one. Other ledger-like sheets are named in a warning, never dropped silently.
 */
function chooseLedgerSheets(
  sheets: readonly SheetGrid[],
  options: RecognizeOptions,
  warnings: Warning[],
): LedgerChoice {
  if (options.sheet !== undefined) {
    const one = findSheet(sheets, 'budget', options.sheet, options.headerRow);
    if (!one) throw noLedgerError(sheets, options.sheet);
    return { main: one, all: [one], month: null };
  }
  const all: Found[] = [];
  for (const sheet of sheets) {
    const header = headerCandidates(sheet).find((h) => kindOfRoles(h.roles) === 'budget');
    if (header) all.push({ sheet, header, kind: 'budget' });
  }
  if (all.length === 0) throw noLedgerError(sheets, undefined);
  if (all.length === 1) return { main: all[0]!, all, month: null };
  const names = (fs: readonly Found[]): string => fs.map((f) => `“${f.sheet.name}”`).join('、');

  // One sheet per month: the report month's sheet, else the latest.
  const months = all.map((f) => monthOfSheetName(f.sheet.name));
  if (months.every((m) => m !== null) && new Set(months).size === months.length) {
    const wanted = options.month;
    const at = wanted !== undefined ? months.indexOf(wanted) : months.indexOf(Math.max(...(months as number[])));
    if (at < 0) {
      throw new LedgerError(
        `工作簿每月一张表（${names(all)}），但没有${wanted}月的表。请选择要用的工作表，或把截止月份改为有表的月份。`,
        null,
        'month',
      );
    }
    const main = all[at]!;
    warnings.push({
      sheet: main.sheet.name,
      row: null,
      column: null,
      message: `工作簿每月一张表，使用“${main.sheet.name}”表（${wanted !== undefined ? '截止月份' : '最后一个月'}）的累计数；其他月份的表未使用`,
    });
    return { main, all: [main], month: { value: months[at]!, from: `工作表“${main.sheet.name}”（每月一张表）` } };
  }

  // A summary sheet beside the units': the summary is the department's figures.
  const summary = all.find((f) => /汇总|合计|总表|全局|部门整体/.test(f.sheet.name));
  if (summary) {
    const others = all.filter((f) => f !== summary);
    warnings.push({
      sheet: summary.sheet.name,
      row: null,
      column: null,
      message: `使用汇总表“${summary.sheet.name}”；${names(others)}未重复计入（如需改用其中一张，请在任务窗格中选择工作表）`,
    });
    return { main: summary, all: [summary], month: null };
  }

  // Sheets of last year beside this year's: this year's only.
  const years = all.map((f) => yearOfSheet(f));
  const latest = Math.max(...years.filter((y): y is number => y !== null), 0);
  const current = latest > 0 ? all.filter((_, i) => years[i] === null || years[i] === latest) : all;
  if (current.length < all.length) {
    warnings.push({
      sheet: current[0]!.sheet.name,
      row: null,
      column: null,
      message: `${names(all.filter((f) => !current.includes(f)))}是其他年度的表，未使用`,
    });
  }
  if (current.length === 1) return { main: current[0]!, all: current, month: null };

  // A department's units, one sheet each, in the same shape: the department is their sum.
  const shape = (f: Found): string =>
    [...new Set(f.header.roles.filter((r): r is ColumnRole => r !== null && AMOUNT_ROLES.includes(r)))]
      .sort()
      .join(',');
  // Copies and earlier versions ("台账 (2)", "8月（修改前）") are not units: never added in.
  const stale = current.filter((f) => STALE_SHEET.test(f.sheet.name));
  const live = stale.length > 0 && stale.length < current.length ? current.filter((f) => !stale.includes(f)) : current;
  if (live.length < current.length) {
    warnings.push({
      sheet: live[0]!.sheet.name,
      row: null,
      column: null,
      message: `${names(stale)}看来是副本或旧版本，未使用`,
    });
  }
  if (live.length === 1) return { main: live[0]!, all: live, month: null };
  const first = live[0]!;
  const same = live.filter((f) => shape(f) === shape(first));
  const rest = live.filter((f) => !same.includes(f));
  if (same.length > 1) {
    // Units are told apart by the organisation their titles name; two sheets of one organisation,
    // or with the same figures, are two versions of one ledger, and adding them would double it.
    const orgs = same.map((f) => titleOrganization(f));
    const figures = same.map((f) => fingerprint(f));
    const clash = same.findIndex(
      (_, i) =>
        same.findIndex(
          (__, j) => j !== i && ((orgs[i] !== null && orgs[i] === orgs[j]) || figures[i] === figures[j]),
        ) >= 0,
    );
    if (clash >= 0) {
      throw new LedgerError(
        `工作簿中有${same.length}张同样格式的台账（${names(same)}），其中有的标题是同一个单位，或数字完全相同，看来是同一本台账的不同版本或副本；合并计算会重复。请在任务窗格中选择要用的工作表（命令行加 --sheet 工作表名）。`,
        { sheet: same[clash]!.sheet.name, row: null, column: null },
        'sheet',
      );
    }
    warnings.push({
      sheet: first.sheet.name,
      row: null,
      column: null,
      message: `工作簿有${same.length}张同样格式的台账（${names(same)}），按主管部门及所属单位合并计算${rest.length > 0 ? `；${names(rest)}格式不同，未使用` : ''}。如只需其中一张，请在任务窗格中选择工作表`,
    });
    return { main: first, all: same, month: null };
  }
  const best = [...current].sort((a, b) => b.header.score - a.header.score)[0]!;
  warnings.push({
    sheet: best.sheet.name,
    row: null,
    column: null,
    message: `使用工作表“${best.sheet.name}”；${names(current.filter((f) => f !== best))}也像台账，未使用（如不对，请在任务窗格中选择工作表）`,
  });
  return { main: best, all: [best], month: null };
}

/** What a unit's sheet is called in the report: "局本级（临江县林业局）", "县国有林场". */
function unitName(f: Found): string {
  const org = titleOrganization(f);
  const name = f.sheet.name.trim();
  if (!org || org === name) return org ?? name;
  return /本级|机关/.test(name) ? `${name}（${org}）` : org;
}

/** Sheet names of copies and superseded versions. */
const STALE_SHEET = /修改前|旧版|旧表|备份|副本|作废|草稿|[Cc]opy|\(\d+\)\s*$|（\d+）\s*$/;

/** The organisation a sheet's title names, if any. */
function titleOrganization(f: Found): string | null {
  for (const t of titleTexts(f.sheet, Math.min(...f.header.rows))) {
    const org = organizationInTitle(t);
    if (org) return org;
  }
  return null;
}

/** The sheet's figures in one string: two sheets with the same are copies. */
function fingerprint(f: Found): string {
  const cols = f.header.roles.map((r, c) => (r !== null && AMOUNT_ROLES.includes(r) ? c : -1)).filter((c) => c >= 0);
  const parts: string[] = [];
  for (let r = Math.max(...f.header.rows) + 1; r < f.sheet.rows.length; r++)
    for (const c of cols) parts.push(cellDisplay(cellAt(f.sheet, r, c)));
  return parts.join('|');
}

function yearOfSheet(f: Found): number | null {
  for (const t of [f.sheet.name, ...titleTexts(f.sheet, Math.min(...f.header.rows))]) {
    const y = yearInText(t);
    if (y) return y;
  }
  return null;
}

/** The category a sheet's name or title gives all its lines ("项目支出执行情况表"). */
function sheetCategory(f: Found): CategoryHint | null {
  const texts = [f.sheet.name, ...titleTexts(f.sheet, Math.min(...f.header.rows))];
  const t = texts.join(' ');
  const project = /项目支出|专项资金|项目资金|专项经费|项目经费|课题经费/.test(t);
  const basic = /基本支出/.test(t);
  if (project && !basic) return '项目支出';
  if (basic && !project) return 'basic';
  return null;
}

/**
 * The kind of money a 资金来源/资金性质 cell names, so "一般公共预算拨款" and "一般公共预算资金" are
 * one source.
 * @example sourceKind('一般公共预算资金') === '一般公共预算'; sourceKind('政府性基金预算资金') === '政府性基金预算'
 */
export function sourceKind(text: string): string {
  const t = normalizeText(text).replace(/^\[[^\]]*\]|^\d+\s*/, '');
  if (t === '' || t === '未注明') return '未注明';
  if (/一般公共预算|财政拨款|公共财政|一般预算/.test(t)) return '一般公共预算';
  if (/政府性基金/.test(t)) return '政府性基金预算';
  if (/国有资本/.test(t)) return '国有资本经营预算';
  return t.replace(/(资金|拨款)$/, '');
}

/**
 * One project on several rows (指标 rows of the 一体化 export: 年初 + 追加 + 结转) is one line:
 * rows of one sheet with the same name, category and source are added up.
 */
function mergeSameLines(lines: readonly RawLine[], warnings: Warning[]): RawLine[] {
  const out: RawLine[] = [];
  const at = new Map<string, number>();
  const mergedRows = new Map<number, number[]>();
  for (const l of lines) {
    // Same 项目代码, else same name: one project (and one source of money, one category).
    const who = l.projectCode ? `code:${normalizeText(l.projectCode)}` : `name:${normalizeText(l.name)}`;
    const key = `${l.sheet}\u0000${who}\u0000${l.category}\u0000${l.source}`;
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push(l);
      continue;
    }
    const a = out[i]!;
    out[i] = {
      ...a,
      initial: a.initial + l.initial,
      adjustment: a.adjustment + l.adjustment,
      carryover: (a.carryover ?? 0) + (l.carryover ?? 0),
      budget: a.budget + l.budget,
      executed: a.executed === null && l.executed === null ? null : (a.executed ?? 0) + (l.executed ?? 0),
      forecast: a.forecast === null && l.forecast === null ? null : (a.forecast ?? 0) + (l.forecast ?? 0),
      remark: [a.remark, l.remark].filter((x) => x !== '').join('；'),
      rows: [...(a.rows ?? [a.row]), l.row],
    };
    mergedRows.set(i, [...(mergedRows.get(i) ?? []), l.row]);
  }
  for (const [i, rows] of mergedRows) {
    const l = out[i]!;
    warnings.push({
      sheet: l.sheet,
      row: l.row,
      column: null,
      message: `“${l.name}”在第${[l.row, ...rows].join('、')}行各有一条指标，已合并为一个项目计算`,
    });
  }
  return out;
}

/** A total or category rate over 150% is not a ledger read right: stop and say so. */
function rateDiscrepancies(lines: readonly LedgerLine[], sheet: string): Discrepancy[] {
  const out: Discrepancy[] = [];
  const groups: [string, readonly LedgerLine[]][] = [
    ['全部支出', lines],
    ...CATEGORIES.map((c): [string, readonly LedgerLine[]] => [c, lines.filter((l) => l.category === c)]),
  ];
  for (const [name, ls] of groups) {
    const budget = ls.reduce((s, l) => s + l.budget, 0);
    const executed = ls.reduce((s, l) => s + l.executed, 0);
    if (budget > 0 && executed * 2 > budget * 3) {
      out.push({
        sheet,
        row: null,
        column: null,
        kind: 'rate',
        message: `${name}的执行数${formatYuan(executed)}元是全年预算${formatYuan(budget)}元的${((executed / budget) * 100).toFixed(2)}%，超过150%，多半是预算列或执行数列认错了。请在任务窗格中核对各列的含义`,
      });
    }
  }
  return out;
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
        null,
        'sheet',
      );
    }
    const header = headerRow !== undefined ? headerAt(sheet, headerRow - 1) : headerCandidates(sheet)[0];
    if (!header) {
      throw new LedgerError(
        `工作表“${wanted}”的前40行中没有找到表头（应同时有“项目名称”和“预算数”等列）。请在任务窗格中指定表头所在行。`,
        { sheet: wanted, row: null, column: null },
        'header',
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

function noLedgerError(sheets: readonly SheetGrid[], wanted: string | undefined): LedgerError {
  const names = sheets.map((s) => `“${s.name}”`).join('、') || '（无）';
  return new LedgerError(
    `没有找到预算台账${wanted ? `（工作表“${wanted}”）` : ''}：检查了工作表${names}，没有哪个表的表头同时包含“项目名称”和“全年预算/年初预算/执行数”等列。请确认台账的表头写有这些列名，或在任务窗格中指定表头行和各列。`,
    null,
    'sheet',
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
  // Candidates per meaning, then the best of each: a visible column over a hidden one, a
  // subtotal ("年中调整/小计") over its parts, a column that holds figures over one that does not.
  const byRole = new Map<ColumnRole, number[]>();
  header.roles.forEach((role0, col) => {
    const role = role0 === 'amount' && amountIsSpending ? 'executed' : col === adjustedBudgetCol ? 'budget' : role0;
    if (role === null) return;
    if (role === 'name' && col !== nameCol && nameCol >= 0) return;
    byRole.set(role, [...(byRole.get(role) ?? []), col]);
  });
  const hiddenCols = new Set(sheet.hiddenColumns ?? []);
  const dataRows = sheet.rows.slice(headerEnd + 1, headerEnd + 201);
  const filled = (col: number): number => dataRows.filter((r) => !isBlank(r[col] ?? null)).length;
  const adjustmentSubtotal = (byRole.get('adjustment') ?? []).find((col) => isSubtotalLabel(header.labels[col] ?? ''));
  if (adjustmentSubtotal !== undefined) {
    // The subtotal is the adjustment; 追加 and 调减 beside it are its parts.
    byRole.set('adjustment', [adjustmentSubtotal]);
    byRole.delete('reduction');
  }
  // Any amount split into parts under one heading (财政拨款｜其他资金｜合计): the 合计 is the amount.
  for (const role of ['budget', 'initial', 'executed'] as const) {
    const sub = (byRole.get(role) ?? []).find(
      (col) =>
        isSubtotalLabel(header.labels[col] ?? '') || /(合计|小计|总计)$/.test(normalizeText(header.labels[col] ?? '')),
    );
    if (sub !== undefined) byRole.set(role, [sub]);
  }
  // 预算数 | 追加数 | 调整后预算数: beside the adjusted budget, the plain 预算数 is the 年初 one.
  const budgets = byRole.get('budget') ?? [];
  const adjusted = budgets.filter((col) => /调整后|追加后|变动后|全年|可用/.test(header.labels[col] ?? ''));
  if (adjusted.length > 0 && budgets.length > adjusted.length && !byRole.has('initial')) {
    const plain = budgets.filter((col) => !adjusted.includes(col));
    byRole.set('budget', adjusted);
    byRole.set('initial', plain.slice(0, 1));
    warnings.push({
      sheet: sheet.name,
      row: headerEnd + 1,
      column: columnLetter(plain[0]!),
      message: `${columnLetter(plain[0]!)}列“${header.labels[plain[0]!] ?? ''}”按年初预算、${columnLetter(adjusted[0]!)}列“${header.labels[adjusted[0]!] ?? ''}”按全年预算读取；如不对请在任务窗格中更正`,
    });
  }
  // Two tables side by side (基本支出 left, 项目支出 right) cannot be read as one: the same amount
  // heading twice with a name column between them.
  const own = (c: number): string => {
    const l = normalizeText(header.labels[c] ?? '');
    return l.slice(l.lastIndexOf('/') + 1);
  };
  const budgetCols = header.roles.map((r, c) => (r === 'budget' ? c : -1)).filter((c) => c >= 0);
  const sameTwice = budgetCols.some((a) =>
    budgetCols.some(
      (b) =>
        b > a && own(a) === own(b) && header.roles.some((r, c) => (r === 'name' || r === 'econCode') && c > a && c < b),
    ),
  );
  if (sameTwice) {
    throw new LedgerError(
      `工作表“${sheet.name}”的表头（第${header.rows.map((r) => r + 1).join('、')}行）有两组相同的列（如两个“项目名称”、两个预算列），看来是左右并排的两张表。请把右边的表移到下面或另一张工作表后再生成。`,
      { sheet: sheet.name, row: headerEnd + 1, column: null },
      'header',
    );
  }
  for (const [role, cols] of byRole) {
    const ranked = [...cols].sort(
      (x, y) =>
        Number(hiddenCols.has(x)) - Number(hiddenCols.has(y)) || Number(filled(y) > 0) - Number(filled(x) > 0) || x - y,
    );
    const col = ranked[0]!;
    const label = header.labels[col] ?? '';
    columns.push({ role, col, label, unit: unitInText(label) ?? fallbackUnit });
    const second = ranked[1];
    if (second === undefined || role === 'remark' || role === 'name') continue;
    if (hiddenCols.has(second) && !hiddenCols.has(col)) {
      warnings.push({
        sheet: sheet.name,
        row: headerEnd + 1,
        column: columnLetter(second),
        message: `隐藏的${columnLetter(second)}列“${header.labels[second] ?? ''}”也像“${ROLE_LABELS[role]}”列，已使用未隐藏的${columnLetter(col)}列“${label}”`,
      });
      continue;
    }
    warnings.push({
      sheet: sheet.name,
      row: headerEnd + 1,
      column: columnLetter(second),
      message: `${columnLetter(second)}列“${header.labels[second] ?? ''}”和${columnLetter(col)}列“${label}”都像是“${ROLE_LABELS[role]}”列，已使用${columnLetter(col)}列；如不对请在任务窗格中更正`,
    });
  }
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
  // The hint names the month the data suggests (the journal's last payment), never a fixed example.
  const last = journal ? latestDate(journal) : null;
  const hint = last
    ? `支付明细中最晚的支付在${last.year}年${last.month}月（${last.where}），如报1-${last.month}月，请在任务窗格中选择截止月份${last.month}（命令行加 --month ${last.month}）。`
    : '请在任务窗格中选择截止月份（命令行加 --month 月份）。';
  throw new LedgerError(
    `没能确定截止月份：工作表“${budget.sheet.name}”的标题和表头中没有“1-N月”“一至N月”“截至N月”“截止日期：年-月-日”这样的字样。${hint}`,
    { sheet: budget.sheet.name, row: Math.max(...layout.headerRows), column: null },
    'month',
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
  const last = journal ? latestDate(journal) : null;
  const hint = last
    ? `支付明细中的支付在${last.year}年，如是${last.year}年度的报告，请在任务窗格中填写年度${last.year}（命令行加 --year ${last.year}）。`
    : '请在任务窗格中填写年度（命令行加 --year 年份）。';
  throw new LedgerError(
    `没能确定年度：工作表“${budget.sheet.name}”的标题和表名中没有“某某年”这样的字样。${hint}`,
    { sheet: budget.sheet.name, row: null, column: null },
    'year',
  );
}

/** The latest full date in a journal's date column, for the hints when the month or year is missing. */
function latestDate(journal: Found): { year: number; month: number; where: string } | null {
  const dateCol = journal.header.roles.indexOf('date');
  if (dateCol < 0) return null;
  let best: { year: number; month: number; where: string } | null = null;
  for (let r = Math.max(...journal.header.rows) + 1; r < journal.sheet.rows.length; r++) {
    const d = parseDate(cellAt(journal.sheet, r, dateCol));
    if (d && (!best || d.year > best.year || (d.year === best.year && d.month > best.month)))
      best = { year: d.year, month: d.month, where: `工作表“${journal.sheet.name}”第${r + 1}行` };
  }
  return best;
}

function detectOrganization(
  budget: Found,
  fromInfo: string | null,
  options: RecognizeOptions,
  warnings: Warning[],
): Detected<string> {
  if (options.organization) return { value: options.organization, from: '用户指定' };
  if (fromInfo) return { value: fromInfo, from: '单位信息表' };
  const texts = [...titleTexts(budget.sheet, Math.min(...budget.header.rows)), budget.sheet.name];
  // A 预算单位/核算单位 line names the organisation outright; a title only by its first words.
  for (const t of texts) {
    const org = /(?:预算单位|核算单位|核算组织|单位名称|填报单位|编制单位|公司)[:：]/.test(t)
      ? organizationInTitle(t)
      : null;
    if (org) return { value: org, from: `“${t}”` };
  }
  for (const t of texts) {
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
