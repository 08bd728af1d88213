import { type Category, type CategorySource, type LedgerLine, type SheetLayout, type Warning } from '../types';
import { type SheetGrid, type CellValue, cellAt, columnLetter, isCellError } from '../grid/types';
import { cellDisplay, cellText, isBlank, normalizeText } from '../grid/text';
import { type Fen } from '../money/fen';
import { formatYuan } from '../money/format';
import { ratePercent } from '../money/percent';
import { readAmount, indexColumns, type ColumnIndex } from './amounts';
import { type CategoryHint, categoryOfEconCode, categoryOfText, econCodeIn, sectionLevel, totalKind } from './category';

/** A budget line before spending from a journal is known. */
export interface RawLine extends Omit<LedgerLine, 'executed'> {
  readonly executed: Fen | null;
}

const FOOTER = /^(制表|填表|审核|复核|负责人|单位负责人|财务负责人|经办|说明[:：]|注[:：]|备注[:：]|填报)/;
const PERSONNEL_NAME =
  /工资|津贴|补贴|奖金|奖励金|绩效工资|社会保险|社会保障|养老|医疗保险|医疗费|职业年金|公积金|抚恤|遗属|退休|离休|生活补助|伙食补助|助学金/;
const PUBLIC_NAME =
  /办公|印刷|水费|电费|水电|邮电|物业|差旅|维修|租赁|会议|培训|接待|工会经费|福利费|公务用车|车辆|劳务|委托|咨询|手续费|取暖|税金|专用材料/;

interface Section {
  readonly level: 1 | 2;
  readonly hint: CategoryHint | null;
  readonly row: number;
  readonly label: string;
  readonly amounts: Partial<Record<AmountKey, Fen>> | null;
  readonly firstLine: number;
}

type AmountKey = 'initial' | 'adjustment' | 'budget' | 'executed';
const CHECKED: readonly AmountKey[] = ['initial', 'adjustment', 'budget', 'executed'];
const CHECK_LABEL: Record<AmountKey, string> = {
  initial: '年初预算',
  adjustment: '调整数',
  budget: '全年预算',
  executed: '执行数',
};

export interface BudgetLinesResult {
  readonly lines: RawLine[];
  readonly warnings: Warning[];
}

/**
 * Reads the lines of a budget sheet below its header. Section rows set the category of the lines
 * under them; 小计/合计 rows and section rows with figures are never lines but are checked
 * against the lines they cover; anything that cannot be read is a warning that names its cell.
 */
export function extractBudgetLines(sheet: SheetGrid, layout: SheetLayout): BudgetLinesResult {
  const cols = indexColumns(layout.columns);
  const warnings: Warning[] = [];
  const lines: RawLine[] = [];
  const hidden = new Set(sheet.hiddenRows ?? []);
  // headerRows are 1-based, so the last one is also the 0-based index of the first data row.
  const firstDataRow = Math.max(...layout.headerRows);
  const labelCols = layout.columns
    .filter((c) => c.role === 'name' || c.role === 'category' || c.role === 'econCode')
    .map((c) => c.col);
  const firstLabelCol = 0;
  const lastLabelCol = Math.max(0, ...labelCols);
  const fillDown = mergedFillDown(sheet, firstDataRow - 1);
  const categoryCol = cols.category?.col;
  // The header's own words per column, to spot the header repeated on every printed page.
  const headerWords = new Map<number, string>();
  for (const c of layout.columns) {
    const own = normalizeText(c.label.slice(c.label.lastIndexOf('/') + 1));
    if (own !== '') headerWords.set(c.col, own);
  }
  const text = (row: number, col: number | undefined): string => {
    if (col === undefined) return '';
    const v = cellAt(sheet, row, col);
    const own = cellDisplay(v);
    return own !== '' ? own : (fillDown.get(`${row}:${col}`) ?? '');
  };
  const sections: { 1: Section | null; 2: Section | null } = { 1: null, 2: null };
  let boundary = 0; // index in `lines` where the current group began
  const pending: Section[] = [];
  const place = (row: number, col: number | null): Pick<Warning, 'sheet' | 'row' | 'column'> => ({
    sheet: sheet.name,
    row: row + 1,
    column: col === null ? null : columnLetter(col),
  });
  const readRow = (row: number): Partial<Record<AmountKey | 'forecast', Fen | null>> => ({
    initial: readAmount(sheet, row, cols.initial, warnings),
    adjustment: readAmount(sheet, row, cols.adjustment, warnings),
    budget: readAmount(sheet, row, cols.budget, warnings),
    executed: readAmount(sheet, row, cols.executed, warnings),
    forecast: readAmount(sheet, row, cols.forecast, warnings),
  });
  const closeSection = (level: 1 | 2): void => {
    // A new top-level section ends any sub-section, even one opened without a top-level parent.
    if (level === 1) closeSection(2);
    const s = sections[level];
    if (!s) return;
    sections[level] = null;
    if (!s.amounts) return;
    if (lines.length > s.firstLine) {
      checkTotals(s.row, s.label, s.amounts, lines.slice(s.firstLine));
    } else {
      pending.push(s);
    }
  };
  const checkTotals = (
    row: number,
    label: string,
    amounts: Partial<Record<AmountKey, Fen>>,
    covered: readonly RawLine[],
  ): void => {
    for (const key of CHECKED) {
      const stated = amounts[key];
      if (stated === undefined) continue;
      const col = cols[key === 'budget' && !cols.budget ? 'initial' : key];
      let sum = 0;
      for (const l of covered) sum += (key === 'executed' ? l.executed : l[key]) ?? 0;
      if (sum !== stated) {
        warnings.push({
          ...place(row, col?.col ?? null),
          message: `“${label}”行的${CHECK_LABEL[key]}为${formatYuan(stated)}元，但所含${covered.length}行合计为${formatYuan(sum)}元，相差${formatYuan(stated - sum)}元，请核对`,
        });
      }
    }
  };
  const statedAmounts = (row: number): Partial<Record<AmountKey, Fen>> | null => {
    const a = readRow(row);
    const out: Partial<Record<AmountKey, Fen>> = {};
    let any = false;
    for (const k of CHECKED) {
      const v = a[k];
      if (v !== null && v !== undefined) {
        out[k] = v;
        any = true;
      }
    }
    if (out.budget === undefined && (out.initial !== undefined || out.adjustment !== undefined) && !cols.budget) {
      out.budget = (out.initial ?? 0) + (out.adjustment ?? 0);
    }
    return any ? out : null;
  };

  for (let r = firstDataRow; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.every((v) => isBlank(v))) continue;
    const label = firstText(cells, firstLabelCol, lastLabelCol);
    const normLabel = normalizeText(label);
    if (FOOTER.test(normLabel)) continue;
    if (/^栏次/.test(normLabel) || isColumnNumberRow(cells)) continue;
    if (isRepeatedHeader(cells, headerWords)) continue;

    const total = totalKind(normLabel);
    if (total) {
      const amounts = statedAmounts(r);
      if (amounts) {
        const from = total === 'all' ? 0 : total === 'section' && sections[1] ? sections[1].firstLine : boundary;
        checkTotals(r, label, amounts, lines.slice(from));
      }
      if (total === 'group') boundary = lines.length;
      continue;
    }

    // A name never comes from the category column: a line with only "项目支出" there has no name.
    // With the name cell empty, the words of "30101 基本工资" name the line before any other text does.
    const econWords = text(r, cols.econCode?.col)
      .replace(/^\s*3\d{2,6}\s*/, '')
      .trim();
    const nameText = cleanName(
      text(r, cols.name?.col) ||
        econWords ||
        (cols.name ? firstText(cells, firstLabelCol, lastLabelCol, categoryCol) : label),
    );
    const level = sectionLevel(nameText) ?? keywordSectionLevel(nameText, text(r, cols.econCode?.col));
    if (level !== null) {
      closeSection(level);
      sections[level] = {
        level,
        hint: categoryOfText(nameText),
        row: r,
        label: nameText,
        amounts: statedAmounts(r),
        firstLine: lines.length,
      };
      boundary = lines.length;
      continue;
    }

    const amounts = readRow(r);
    const hasAmount = Object.values(amounts).some((v) => v !== null && v !== undefined);
    let name = nameText;
    if (!hasAmount) {
      if (name !== '') {
        warnings.push({ ...place(r, cols.name?.col ?? null), message: `“${name}”没有任何金额，未计入` });
      }
      continue;
    }
    if (name === '') {
      name = `（第${r + 1}行，未填名称）`;
      warnings.push({
        ...place(r, cols.name?.col ?? null),
        message: '这一行有金额但没有项目名称，已按“未填名称”计入，请补填',
      });
    }
    if (hidden.has(r)) {
      warnings.push({ ...place(r, null), message: `“${name}”所在行是隐藏行或被筛选掉的行，已计入` });
    }

    const econText = text(r, cols.econCode?.col);
    const econCode = econCodeIn(econText) ?? econCodeIn(name);
    const decided = decideCategory({
      columnText: text(r, cols.category?.col),
      hasCategoryColumn: cols.category !== undefined,
      section1: sections[1]?.hint ?? null,
      section2: sections[2]?.hint ?? null,
      econCode,
      name,
    });
    if (decided.warn) {
      warnings.push({ ...place(r, cols.category?.col ?? cols.name?.col ?? null), message: decided.warn });
    }

    const line = completeBudget(sheet.name, r, amounts, cols, warnings);
    if (cols.rate) crossCheckRate(sheet, r, cols, line.budget, line.executed, warnings);
    const forecast = amounts.forecast ?? null;
    if (forecast !== null && line.executed !== null && forecast < line.executed) {
      warnings.push({
        ...place(r, cols.forecast?.col ?? null),
        message: `“${name}”的全年预计执行数${formatYuan(forecast)}元小于已执行的${formatYuan(line.executed)}元，请核对`,
      });
    }
    const budgetCol = (cols.budget ?? cols.initial)?.col ?? null;
    if (line.budget < 0) {
      warnings.push({
        ...place(r, budgetCol),
        message: `“${name}”的全年预算为负数（${formatYuan(line.budget)}元），不计算执行率，请核对`,
      });
    } else if (line.budget === 0 && line.executed !== null && line.executed > 0) {
      warnings.push({
        ...place(r, budgetCol),
        message: `“${name}”的全年预算为0，却有执行数${formatYuan(line.executed)}元，无法计算执行率，请核对预算是否漏填`,
      });
    } else if (line.executed !== null && line.executed > line.budget) {
      warnings.push({
        ...place(r, cols.executed?.col ?? null),
        message: `“${name}”的执行数${formatYuan(line.executed)}元超过全年预算${formatYuan(line.budget)}元，请核对`,
      });
    }
    lines.push({
      name,
      category: decided.category,
      categorySource: decided.source,
      econCode,
      source: text(r, cols.source?.col) || '未注明',
      ...line,
      forecast: amounts.forecast ?? null,
      remark: text(r, cols.remark?.col),
      sheet: sheet.name,
      row: r + 1,
    });
  }
  closeSection(1);
  closeSection(2);
  // A "section" with figures and no lines under it was a line after all ("人员支出 | 406.14 | …").
  for (const s of pending) {
    const amounts = readRow(s.row);
    const hint = s.hint === 'basic' || s.hint === null ? null : s.hint;
    lines.push({
      name: s.label.replace(/^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/, ''),
      category: hint ?? '项目支出',
      categorySource: hint ? '名称' : '未识别',
      econCode: null,
      source: text(s.row, cols.source?.col) || '未注明',
      ...completeBudget(sheet.name, s.row, amounts, cols, warnings),
      forecast: amounts.forecast ?? null,
      remark: text(s.row, cols.remark?.col),
      sheet: sheet.name,
      row: s.row + 1,
    });
  }
  lines.sort((a, b) => a.row - b.row);
  warnDuplicates(lines, warnings, cols);
  return { lines, warnings };
}

/**
 * A name as one line: a line break inside a cell is wrapping, so it goes (between Chinese
 * characters) or becomes one space (between Latin words).
 * @example cleanName('省级财政\n工会专项资金') === '省级财政工会专项资金'
 */
export function cleanName(name: string): string {
  if (!/[\r\n\u2028\u2029]/.test(name)) return name;
  return name
    .replace(/[^\S\r\n]*[\r\n\u2028\u2029]+\s*/g, (m: string, at: number, all: string) => {
      const before = all[at - 1] ?? '';
      const after = all[at + m.length] ?? '';
      const latin = /[A-Za-z0-9]/;
      return latin.test(before) && latin.test(after) ? ' ' : '';
    })
    .trim();
}

/** A row that repeats the header's words (a header printed again on every page). */
function isRepeatedHeader(cells: readonly CellValue[], headerWords: ReadonlyMap<number, string>): boolean {
  let same = 0;
  for (const [col, word] of headerWords) {
    const v = cells[col] ?? null;
    if (typeof v === 'string' && normalizeText(v) === word) same++;
  }
  return same >= 2;
}

function firstText(cells: readonly CellValue[], from: number, to: number, skip?: number): string {
  for (let c = from; c <= to && c < cells.length; c++) {
    if (c === skip) continue;
    const t = cellText(cells[c] ?? null).trim();
    if (t !== '') return t;
  }
  return '';
}

function isColumnNumberRow(cells: readonly CellValue[]): boolean {
  const nums = cells.filter((v) => v !== null && !isBlank(v));
  if (nums.length < 3) return false;
  let expect = 1;
  for (const v of nums) {
    if (typeof v === 'number' && v === expect) expect++;
    else if (typeof v === 'string' && /^\d+(=.*)?$/.test(v.trim()) && Number.parseInt(v, 10) === expect) expect++;
    else return false;
  }
  return true;
}

/** Unnumbered rows that are plainly section titles ("基本支出", "人员经费") and carry no code. */
function keywordSectionLevel(name: string, econ: string): 1 | 2 | null {
  if (econ !== '') return null;
  const t = normalizeText(name);
  if (/^(基本支出|基本经费|项目支出|项目经费|专项支出)(合计)?$/.test(t)) return 1;
  if (
    /^(人员支出|人员经费|工资福利支出|公用支出|公用经费|日常公用经费|日常公用支出|商品和服务支出|对个人和家庭的补助)$/.test(
      t,
    )
  )
    return 2;
  return null;
}

interface CategoryInput {
  readonly columnText: string;
  readonly hasCategoryColumn: boolean;
  readonly section1: CategoryHint | null;
  readonly section2: CategoryHint | null;
  readonly econCode: string | null;
  readonly name: string;
}

function decideCategory(i: CategoryInput): { category: Category; source: CategorySource; warn?: string } {
  const fromColumn = i.columnText ? categoryOfText(i.columnText) : null;
  const fromCode = i.econCode ? categoryOfEconCode(i.econCode) : null;
  const fromName = PERSONNEL_NAME.test(i.name) ? '人员支出' : PUBLIC_NAME.test(i.name) ? '公用支出' : null;
  // 基本支出 without a sub-section is split by code or name; with neither, 公用 is the likelier half
  // (personnel lines have recognisable names), but the guess is said.
  const basic = (source: CategorySource): { category: Category; source: CategorySource; warn?: string } =>
    fromCode
      ? { category: fromCode, source: '经济分类' }
      : fromName
        ? { category: fromName, source: '名称' }
        : {
            category: '公用支出',
            source,
            warn: '基本支出未注明是人员支出还是公用支出（无经济分类科目，名称也看不出），已按公用支出处理，如有误请更正',
          };
  if (fromColumn === 'basic') return basic('类别列');
  if (fromColumn) return { category: fromColumn, source: '类别列' };
  const section = i.section2 && i.section2 !== 'basic' ? i.section2 : i.section1;
  if (section === 'basic') return basic('分节行');
  if (section) return { category: section, source: '分节行' };
  if (fromCode) return { category: fromCode, source: '经济分类' };
  if (/项目|专项/.test(i.name)) return { category: '项目支出', source: '名称' };
  if (fromName) return { category: fromName, source: '名称' };
  const why = i.columnText ? `类别“${i.columnText}”无法识别（应为人员支出、公用支出或项目支出）` : '未能判断支出类别';
  return { category: '项目支出', source: '未识别', warn: `${why}，已按项目支出处理，如有误请更正` };
}

function completeBudget(
  sheetName: string,
  row: number,
  a: Partial<Record<AmountKey | 'forecast', Fen | null>>,
  cols: ColumnIndex,
  warnings: Warning[],
): { initial: Fen; adjustment: Fen; budget: Fen; executed: Fen | null } {
  const adjustment0 = a.adjustment ?? null;
  let initial = a.initial ?? null;
  let adjustment = adjustment0 ?? 0;
  let budget = a.budget ?? null;
  if (budget === null) {
    budget = (initial ?? 0) + adjustment;
  } else if (!cols.initial) {
    initial = budget - adjustment;
  } else if (!cols.adjustment) {
    adjustment = budget - (initial ?? 0);
  } else if (initial === null) {
    initial = budget - adjustment;
  } else if (initial + adjustment !== budget) {
    warnings.push({
      sheet: sheetName,
      row: row + 1,
      column: cols.budget ? columnLetter(cols.budget.col) : null,
      message: `全年预算${formatYuan(budget)}元不等于年初预算${formatYuan(initial)}元加调整数${formatYuan(adjustment)}元，以全年预算为准`,
    });
  }
  return { initial: initial ?? 0, adjustment, budget, executed: a.executed ?? (cols.executed ? 0 : null) };
}

function crossCheckRate(
  sheet: SheetGrid,
  row: number,
  cols: ColumnIndex,
  budget: Fen,
  executed: Fen | null,
  warnings: Warning[],
): void {
  const col = cols.rate;
  if (!col || executed === null) return;
  const v = cellAt(sheet, row, col.col);
  if (v === null || isCellError(v) || isBlank(v)) return;
  const computed = ratePercent(executed, budget);
  if (computed === null) return;
  const candidates: number[] = [];
  if (typeof v === 'number') candidates.push(Math.round(v * 10000), Math.round(v * 100));
  else if (typeof v === 'string') {
    const m = /^(-?\d+(?:\.\d+)?)\s*%?$/.exec(normalizeText(v));
    if (!m?.[1]) return;
    candidates.push(Math.round(Number(m[1]) * 100));
    if (!v.includes('%')) candidates.push(Math.round(Number(m[1]) * 10000));
  } else return;
  // A rate cell rounded to whole percents is still right: allow half a percent either way.
  if (candidates.some((c) => Math.abs(c - computed) <= 50)) return;
  warnings.push({
    sheet: sheet.name,
    row: row + 1,
    column: columnLetter(col.col),
    message: `执行率“${cellDisplay(v)}”与执行数÷全年预算（${(computed / 100).toFixed(2)}%）不符，报告以计算结果为准`,
  });
}

function warnDuplicates(lines: readonly RawLine[], warnings: Warning[], cols: ColumnIndex): void {
  const seen = new Map<string, RawLine>();
  for (const l of lines) {
    const key = normalizeText(l.name);
    const first = seen.get(key);
    if (first && first.category === '项目支出' && l.category === '项目支出') {
      warnings.push({
        sheet: l.sheet,
        row: l.row,
        column: cols.name ? columnLetter(cols.name.col) : null,
        message: `项目名称“${l.name}”与第${first.row}行重复，两行分别计入；如是同一项目请合并`,
      });
    } else if (!first) seen.set(key, l);
  }
}

/** Text of merged ranges below the header, so a category merged down over several lines reaches each. */
function mergedFillDown(sheet: SheetGrid, headerEnd: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sheet.merges ?? []) {
    if (m.top <= headerEnd || m.bottom === m.top) continue;
    const t = cellDisplay(cellAt(sheet, m.top, m.left));
    if (t === '' || typeof cellAt(sheet, m.top, m.left) === 'number') continue;
    for (let r = m.top + 1; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) out.set(`${r}:${c}`, t);
  }
  return out;
}
