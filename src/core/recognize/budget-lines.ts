import {
  type Category,
  type CategorySource,
  type Discrepancy,
  type LedgerLine,
  type RowRole,
  type SheetLayout,
  type Warning,
} from '../types';
import { type AmountUnit } from '../money/parse-amount';
import { findStructure, type StructRow, type Structure } from './structure';
import { LINE_AMOUNTS, type LineAmount } from './column-roles';
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
/**
 * Name words, the last resort for a category: used only when no category column, section, sheet
 * title or economic code decides, and every line decided this way is listed in one warning.
 */
const PERSONNEL_NAME =
  /工资|津贴|补贴|奖金|奖励金|绩效工资|社会保险|社会保障|养老|医疗保险|医疗费|职业年金|公积金|抚恤|遗属|退休|离休|生活补助|伙食补助|助学金/;
const PUBLIC_NAME =
  /办公|印刷|水费|电费|水电|邮电|物业|差旅|维修|租赁|会议|培训|接待|工会经费|福利费|公务用车|车辆|劳务|委托|咨询|手续费|取暖|税金|专用材料/;
/** "其中：…" rows break down the row above: never a line of their own. */
const OF_WHICH = /^(其中|含)[:：]?/;

type AmountKey = LineAmount;
const KEYS = LINE_AMOUNTS;
const CHECK_LABEL: Record<AmountKey, string> = {
  initial: '年初预算',
  adjustment: '调整数',
  reduction: '调减数',
  carryover: '上年结转',
  budget: '全年预算',
  executed: '执行数',
  forecast: '全年预计执行数',
};
type Amounts = Record<AmountKey, Fen | null>;

export interface SheetHints {
  /** The category the sheet's name or title gives every line ("项目支出执行情况表"), if any. */
  readonly category: CategoryHint | null;
  /** Rows (1-based) the user says are a line, a total or to be ignored. */
  readonly rowRoles?: Readonly<Record<number, RowRole>>;
}

export interface BudgetLinesResult {
  readonly lines: RawLine[];
  readonly warnings: Warning[];
  readonly discrepancies: Discrepancy[];
}

interface DataRow {
  readonly row: number;
  readonly label: string;
  readonly name: string;
  /** The name cell as written, leading spaces kept (indentation shows the level). */
  readonly rawName: string;
  readonly code: string | null;
  readonly amounts: Amounts;
  readonly total: 'all' | 'group' | 'section' | null;
  readonly section: 1 | 2 | null;
  readonly userRole: RowRole | null;
  /** Label-only section context in force at this row. */
  readonly context: CategoryHint | null;
}

/**
 * Reads the lines of a budget sheet below its header. Which rows are lines and which are totals is
 * decided by arithmetic (see structure.ts); a named total that is not the sum of the lines it covers
 * is a discrepancy, which stops the report until the user decides. Categories come from the
 * ledger's own structure first (category column, the groups a line sits in, section rows, the
 * sheet's title, economic codes) and from name words last.
 */
export function extractBudgetLines(
  sheet: SheetGrid,
  layout: SheetLayout,
  hints: SheetHints = { category: null },
): BudgetLinesResult {
  const cols = indexColumns(layout.columns);
  const warnings: Warning[] = [];
  const discrepancies: Discrepancy[] = [];
  const hidden = new Set(sheet.hiddenRows ?? []);
  // headerRows are 1-based, so the last one is also the 0-based index of the first data row.
  const firstDataRow = Math.max(...layout.headerRows);
  const labelCols = layout.columns
    .filter((c) => c.role === 'name' || c.role === 'category' || c.role === 'econCode')
    .map((c) => c.col);
  const lastLabelCol = Math.max(0, ...labelCols);
  const fillDown = mergedFillDown(sheet, firstDataRow - 1);
  const categoryCol = cols.category?.col;
  const headerWords = new Map<number, string>();
  for (const c of layout.columns) {
    const own = normalizeText(c.label.slice(c.label.lastIndexOf('/') + 1));
    if (own !== '') headerWords.set(c.col, own);
  }
  const text = (row: number, col: number | undefined): string => {
    if (col === undefined) return '';
    const own = cellDisplay(cellAt(sheet, row, col));
    return own !== '' ? own : (fillDown.get(`${row}:${col}`) ?? '');
  };
  const place = (row: number, col: number | null): Pick<Warning, 'sheet' | 'row' | 'column'> => ({
    sheet: sheet.name,
    row: row + 1,
    column: col === null ? null : columnLetter(col),
  });
  const rawNameOf = (row: number): string => {
    for (const col of [cols.name?.col, cols.econCode?.col]) {
      if (col === undefined) continue;
      const v = cellAt(sheet, row, col);
      if (typeof v === 'string' && v.trim() !== '') return v;
    }
    return '';
  };
  const readRow = (row: number): Amounts => {
    const out = {} as Amounts;
    for (const k of KEYS) out[k] = readAmount(sheet, row, cols[k], warnings);
    return out;
  };

  // 1. The data rows, with what their words say they are.
  const rows: DataRow[] = [];
  const sections: { 1: CategoryHint | null; 2: CategoryHint | null } = { 1: null, 2: null };
  const ofWhich: number[] = [];
  for (let r = firstDataRow; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.every((v) => isBlank(v))) continue;
    const label = firstText(cells, 0, lastLabelCol);
    const normLabel = normalizeText(label);
    if (FOOTER.test(normLabel)) continue;
    if (/^栏次/.test(normLabel) || isColumnNumberRow(cells)) continue;
    if (isRepeatedHeader(cells, headerWords)) continue;
    const userRole = hints.rowRoles?.[r + 1] ?? null;
    if (userRole === 'ignore') continue;
    const econText = text(r, cols.econCode?.col);
    const econWords = econText.replace(/^\s*\d{3,}\s*/, '').trim();
    const name = cleanName(
      text(r, cols.name?.col) || econWords || (cols.name ? firstText(cells, 0, lastLabelCol, categoryCol) : label),
    );
    if (OF_WHICH.test(normalizeText(name)) && userRole !== 'line') {
      ofWhich.push(r + 1);
      continue;
    }
    const amounts = readRow(r);
    if (cols.indicatorSource && !cols.initial && amounts.budget !== null) {
      // The 一体化 指标账: one 指标金额 column, and 指标来源 says what kind of money each row is.
      const kind = indicatorKind(text(r, cols.indicatorSource.col));
      if (kind === 'carryover') amounts.carryover = amounts.budget;
      else if (kind === 'adjustment') amounts.adjustment = amounts.budget;
    }
    const hasAmount = KEYS.some((k) => amounts[k] !== null);
    const total = totalKind(normLabel) ?? totalKind(normalizeText(name));
    const numbered = sectionLevel(name);
    // A code in the 经济分类 cell makes a row a line ("30101 基本工资"); its words alone do not.
    const keyword = keywordSectionLevel(name, econCodeIn(econText) ?? codeIn(econText) ?? '');
    const section = numbered ?? keyword;
    if (!hasAmount) {
      if (section !== null) {
        if (section === 1) sections[2] = null;
        sections[section] = categoryOfText(name);
      } else if (name !== '' && total === null) {
        warnings.push({ ...place(r, cols.name?.col ?? null), message: `“${name}”没有任何金额，未计入` });
      }
      continue;
    }
    const code = econCodeIn(econText) ?? codeIn(econText) ?? econCodeIn(name);
    rows.push({
      row: r,
      label: label || name,
      name,
      rawName: rawNameOf(r),
      code,
      amounts,
      // A row the user calls a total is a group wherever its rows are (above or below it).
      total: userRole === 'line' || userRole === 'total' ? (userRole === 'total' ? total : null) : total,
      section: userRole === 'line' ? null : section,
      userRole,
      context: sections[2] && sections[2] !== 'basic' ? sections[2] : sections[1],
    });
  }
  if (ofWhich.length > 0) {
    warnings.push({
      sheet: sheet.name,
      row: ofWhich[0]!,
      column: null,
      message: `第${ofWhich.join('、')}行是“其中”明细（上一行的组成部分），没有重复计入`,
    });
  }

  // 2. Structure from arithmetic. A row with no words or layout that set it apart (a total, a
  // numbered or category-named section, a parent code, an empty 序号 among numbered lines, less
  // indentation than its neighbours) is taken for a group only when a named total confirms the
  // whole structure: otherwise two projects of 1 万 and 2 万 would make a third of 3 万 their sum.
  const compared = KEYS.filter((k) => cols[k] !== undefined);
  const seqCol = sequenceColumn(sheet, layout);
  const signs = groupSigns(rows, seqCol === null ? null : (r: number) => text(r, seqCol));
  const analyse = (allowUnmarked: boolean): Analysis => {
    const structRows: StructRow[] = rows.map((d, i) => {
      const codeChildren = d.userRole === 'line' ? null : codeChildrenOf(rows, i);
      const marker =
        d.userRole === 'line'
          ? null
          : d.userRole === 'total'
            ? 'section'
            : d.total
              ? 'total'
              : sectionLevel(d.name) !== null || sectionBySequence(d, seqCol === null ? null : text(d.row, seqCol))
                ? 'section'
                : codeChildren
                  ? 'code'
                  : null;
      return {
        row: d.row,
        values: compared.map((k) => d.amounts[k]),
        marker,
        codeChildren,
        fixedLeaf: d.userRole === 'line' || (marker === null && !allowUnmarked && !signs[i]),
        signed: signs[i],
      };
    });
    return checkTotals(sheet.name, rows, findStructure(structRows), compared, cols);
  };
  let analysis = analyse(false);
  const totalsFail = (a: Analysis): number => a.discrepancies.filter((d) => d.kind === 'total').length;
  let sumsLike = adjacentSums(rows, analysis.structure, analysis.excluded, compared);
  // The permissive reading (any row may be a group) only when the strict one leaves a total
  // unexplained or lines that look like sums: most ledgers need no second reading.
  let permissive: Analysis | null = null;
  if (totalsFail(analysis) > 0 || sumsLike.size > 0) {
    const p = analyse(true);
    permissive = p;
    // Sums found without a sign are confirmed when a total or a marked heading above them adds
    // up only with them as subtotals (a heading of 400 over two rows of 200 each over their lines).
    const confirmed = rows.every((_, i) => {
      if (!p.structure.isGroup[i] || signs[i] || structRowsMarked(rows, i)) return true;
      for (let q = p.structure.parent[i]!; q >= 0; q = p.structure.parent[q]!)
        if (structRowsMarked(rows, q) || signs[q]) return true;
      return false;
    });
    if ((totalsFail(analysis) > 0 && totalsFail(p) === 0) || (confirmed && totalsFail(p) <= totalsFail(analysis))) {
      analysis = p;
      sumsLike = adjacentSums(rows, analysis.structure, analysis.excluded, compared);
    }
  }
  const { structure, excluded } = analysis;
  discrepancies.push(...analysis.discrepancies);
  warnings.push(...analysis.notes);
  // Sums nothing confirms are said, not acted on: the user decides whether the row is a total.
  const unconfirmed = rows.filter(
    (d, i) =>
      ((permissive?.structure.isGroup[i] ?? false) || sumsLike.has(i)) &&
      !structure.isGroup[i] &&
      !excluded.has(i) &&
      compared.filter((k) => (d.amounts[k] ?? 0) !== 0).length >= 2,
  );
  if (unconfirmed.length > 0) {
    warnings.push({
      sheet: sheet.name,
      row: unconfirmed[0]!.row + 1,
      column: null,
      message: `${unconfirmed
        .slice(0, 6)
        .map((d) => `第${d.row + 1}行“${d.name}”`)
        .join('、')}${unconfirmed
        .slice(6)
        .map((d) => `、第${d.row + 1}行`)
        .join(
          '',
        )}的金额正好等于相邻几行之和，但表中没有合计行、序号或缩进能印证它是汇总行，已按明细行计入；如它是这些行的合计，请在任务窗格中把它标为“合计行”`,
    });
  }
  const groupNotes = rows.filter(
    (d, i) => structure.isGroup[i] && d.total === null && d.section === null && !codeChildrenOf(rows, i),
  );
  if (groupNotes.length > 0) {
    warnings.push({
      sheet: sheet.name,
      row: groupNotes[0]!.row + 1,
      column: null,
      message: `${groupNotes
        .slice(0, 6)
        .map((d) => `第${d.row + 1}行“${d.name}”`)
        .join(
          '、',
        )}${groupNotes.length > 6 ? `等${groupNotes.length}行` : ''}的金额正好等于其下（或其上）各行之和，已作为汇总行、不重复计入；如它本身是一个项目，请在任务窗格中把它标为“明细行”`,
    });
  }

  // 4. The lines: the leaves, with categories from the structure first.
  const hasCodes =
    cols.econCode !== undefined && rows.some((d) => d.code !== null && categoryOfEconCode(d.code) !== null);
  const lines: RawLine[] = [];
  const byName: string[] = [];
  rows.forEach((d, i) => {
    if (structure.isGroup[i] || excluded.has(i)) return;
    const r = d.row;
    let name = d.name;
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
    const econCode = d.code && /^3\d{2}/.test(d.code) ? d.code : econCodeIn(name);
    let ancestor: CategoryHint | null = null;
    for (let p = structure.parent[i]!; p >= 0 && ancestor === null; p = structure.parent[p]!)
      ancestor = categoryOfText(rows[p]!.name);
    const decided = decideCategory({
      columnText: text(r, cols.category?.col),
      structure: ancestor ?? d.context,
      sheet: hints.category,
      econCode,
      codeless: hasCodes && d.code === null,
      name,
    });
    if (decided.warn)
      warnings.push({ ...place(r, cols.category?.col ?? cols.name?.col ?? null), message: decided.warn });
    if (decided.source === '名称') byName.push(`第${r + 1}行“${name}”→${decided.category}`);
    const line = completeBudget(sheet.name, r, d.amounts, cols, discrepancies);
    if (cols.rate) crossCheckRate(sheet, r, cols, line.budget, line.executed, warnings);
    const forecast = d.amounts.forecast;
    if (forecast !== null && line.executed !== null && forecast < line.executed) {
      warnings.push({
        ...place(r, cols.forecast?.col ?? null),
        message: `“${name}”的全年预计执行数${formatYuan(forecast)}元小于已执行的${formatYuan(line.executed)}元，请核对`,
      });
    }
    const budgetCol = (cols.budget ?? cols.initial)?.col ?? null;
    // A 指标 row of a 调减 is negative by nature; the project's total is checked once merged.
    if (line.budget < 0 && !cols.indicatorSource) {
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
      forecast,
      remark: text(r, cols.remark?.col),
      sheet: sheet.name,
      row: r + 1,
      ...(cols.projectCode && text(r, cols.projectCode.col) ? { projectCode: text(r, cols.projectCode.col) } : {}),
    });
  });
  if (byName.length > 0) {
    warnings.push({
      sheet: sheet.name,
      row: null,
      column: null,
      message: `以下${byName.length}行的支出类别只能从名称推断，请逐一核对（如不对，请加“支出类别”列或分节行）：${byName.slice(0, 12).join('；')}${byName.length > 12 ? '…' : ''}`,
    });
  }
  return { lines, warnings, discrepancies };
}

interface Analysis {
  readonly structure: Structure;
  /** Rows that are neither lines nor confirmed groups (a total or section that does not add up). */
  readonly excluded: ReadonlySet<number>;
  readonly discrepancies: Discrepancy[];
  /** Totals that match once rounded to the ledger's printed precision: said, not blocking. */
  readonly notes: Warning[];
}

/** Named totals and numbered sections the arithmetic does not confirm are discrepancies. */
function checkTotals(
  sheet: string,
  rows: readonly DataRow[],
  structure: Structure,
  compared: readonly AmountKey[],
  cols: ColumnIndex,
): Analysis {
  const discrepancies: Discrepancy[] = [];
  const notes: Warning[] = [];
  const leafIdx = rows.map((_, i) => i).filter((i) => !structure.isGroup[i] && rows[i]!.total === null);
  const excluded = new Set<number>();
  rows.forEach((d, i) => {
    if (structure.isGroup[i]) return;
    const numberedCategory =
      (sectionLevel(d.name) !== null && categoryOfText(d.name) !== null) || d.userRole === 'total';
    if (d.total === null && !numberedCategory) return;
    excluded.add(i);
    let covered: number[];
    if (d.total === 'all' || numberedCategory) {
      covered = numberedCategory
        ? followingUntilSection(rows, i, structure.isGroup)
        : leafIdx.filter((j) => !excluded.has(j));
    } else {
      // A 小计 covers the lines since the previous total or group row.
      let from = i - 1;
      while (
        from >= 0 &&
        rows[from]!.total === null &&
        !structure.isGroup[from] &&
        sectionLevel(rows[from]!.name) === null
      )
        from--;
      covered = leafIdx.filter((j) => j > from && j < i);
    }
    discrepancies.push(
      ...totalDifferences(
        sheet,
        d,
        covered.map((j) => rows[j]!),
        compared,
        cols,
        notes,
      ),
    );
  });
  // A grand total that is a group must cover every line.
  rows.forEach((d, i) => {
    if (!structure.isGroup[i] || d.total !== 'all') return;
    // A 合计 at the top covers what follows; one further down (a page's 累计 too) what precedes it.
    const atTop = rows.slice(0, i).every((x, k) => excluded.has(k) || x.total !== null);
    const outside = leafIdx.filter(
      (j) => !excluded.has(j) && (atTop ? j > i : j < i) && !isDescendant(structure.parent, j, i),
    );
    if (outside.length === 0) return;
    discrepancies.push({
      sheet,
      row: d.row + 1,
      column: null,
      kind: 'total',
      message: `“${d.label}”行没有包括第${outside
        .slice(0, 8)
        .map((j) => rows[j]!.row + 1)
        .join(
          '、',
        )}${outside.length > 8 ? '等' : ''}行：这些行不在合计之内，请确认它们是否应计入（或在任务窗格中把它们标为“忽略”）`,
    });
  });
  return { structure, excluded, discrepancies, notes };
}

/** The 序号 column, from the header's words, or null. */
function sequenceColumn(sheet: SheetGrid, layout: SheetLayout): number | null {
  for (const r of layout.headerRows) {
    const cells = sheet.rows[r - 1] ?? [];
    for (let c = 0; c < cells.length; c++) {
      if (/^(序号|编号|行次|行号|序)$/.test(normalizeText(cellText(cells[c] ?? null)))) return c;
    }
  }
  return null;
}

/** How deep a 序号 or a name's own numbering sits: 一、 1, （一） 2, 1. 3, （1） 4, ① 5. */
function outlineLevel(t: string): number | null {
  const s = normalizeText(t);
  if (/^[一二三四五六七八九十]+[、.．]/.test(s)) return 1;
  if (/^\([一二三四五六七八九十]+\)/.test(s)) return 2;
  if (/^\d+([、.．](?!\d)|$)/.test(s)) return 3;
  if (/^\(\d+\)/.test(s)) return 4;
  if (/^[①-⑳]/.test(s)) return 5;
  return null;
}

/** The names of the economic classes 301/302/303 (with or without their codes). */
const CLASS_NAME = /^(\d{3})?(工资福利支出|商品和服务支出|对个人和家庭的?补助)$/;

/** A name that is a category and nothing else ("专项支出", "日常公用经费", "工资福利支出"). */
const CATEGORY_NAME =
  /^(人员|公用|项目|基本|专项|日常公用|工资福利|商品和服务|对个人和家庭的?补助|一般公共预算|政府性基金)(支出|经费|资金|拨款)?(合计|小计)?$/;

function indentOf(t: string): number {
  return /^[\s\u3000]*/.exec(t)?.[0].length ?? 0;
}

/**
 * True when a row's words or layout set it apart from the rows beside it, as a heading or subtotal
 * is: a category-like name, an empty 序号 where its neighbour has one, a shallower numbering, or
 * less indentation.
 */
function groupSigns(rows: readonly DataRow[], seq: ((row: number) => string) | null): boolean[] {
  // Each row's own marks, once: its 序号 (or name) numbering level, indentation, and whether it is
  // named like a category.
  const seqText = rows.map((d) => (seq ? seq(d.row) : ''));
  const level = rows.map((d, i) => outlineLevel(seqText[i] || d.rawName));
  const nameLevel = rows.map((d) => outlineLevel(d.rawName));
  const indent = rows.map((d) => indentOf(d.rawName));
  return rows.map((d, i) => {
    if (d.section !== null || CATEGORY_NAME.test(normalizeText(d.name))) return true;
    for (const j of [i - 1, i + 1]) {
      if (j < 0 || j >= rows.length) continue;
      if (seq && seqText[i] === '' && seqText[j] !== '') return true;
      const a = level[i]!;
      const b = level[j]!;
      if (a !== null && (b === null ? j === i + 1 && nameLevel[j] !== null : a < b)) return true;
      if (indent[i]! < indent[j]!) return true;
    }
    return false;
  });
}

/**
 * Lines of the final reading whose amounts equal the sum of the rows right below or right above
 * them (a group counted once, its rows skipped): a heading or subtotal the reading did not confirm,
 * which the user is told about. At most a few dozen rows are looked at each way.
 */
function adjacentSums(
  rows: readonly DataRow[],
  structure: Structure,
  excluded: ReadonlySet<number>,
  keys: readonly AmountKey[],
): Set<number> {
  const out = new Set<number>();
  // The rows each group spans (itself and all it covers), to skip them as one.
  const first = rows.map((_, i) => i);
  const last = rows.map((_, i) => i);
  const groupAt = new Map(structure.groups.map((g) => [g.index, g]));
  const spanOf = (i: number): void => {
    const g = groupAt.get(i);
    if (!g) return;
    for (const c of g.children) {
      spanOf(c);
      first[i] = Math.min(first[i]!, first[c]!);
      last[i] = Math.max(last[i]!, last[c]!);
    }
  };
  const roots = new Set(structure.groups.map((g) => g.index));
  for (const g of structure.groups) for (const c of g.children) roots.delete(c);
  for (const r of roots) spanOf(r);
  // The outermost group starting (or ending) at each row.
  const startAt = new Map<number, number>();
  const endAt = new Map<number, number>();
  for (const g of structure.groups) {
    const a = startAt.get(first[g.index]!);
    if (a === undefined || last[g.index]! > last[a]!) startAt.set(first[g.index]!, g.index);
    const b = endAt.get(last[g.index]!);
    if (b === undefined || first[g.index]! < first[b]!) endAt.set(last[g.index]!, g.index);
  }
  // The amounts as plain number columns (this runs over every line, both ways).
  const cols = keys.map((k) => Float64Array.from(rows, (d) => d.amounts[k] ?? 0));
  const k0 = cols[0];
  // Without negative figures a running sum past the target can stop there.
  const monotone = k0 !== undefined && k0.every((v) => v >= 0);
  const skip = (i: number): boolean => excluded.has(i) || (rows[i]!.total !== null && !structure.isGroup[i]);
  const equalAt = (i: number, acc: Float64Array): boolean => {
    for (let x = 0; x < cols.length; x++) if (acc[x] !== cols[x]![i]) return false;
    return true;
  };
  const acc = new Float64Array(cols.length);
  const add = (j: number): void => {
    for (let x = 0; x < cols.length; x++) acc[x]! += cols[x]![j]!;
  };
  for (let i = 0; i < rows.length; i++) {
    if (k0 === undefined || structure.isGroup[i] || skip(i)) continue;
    let nonzero = 0;
    for (const c of cols) if (c[i] !== 0) nonzero++;
    if (nonzero < 2) continue;
    const target = k0[i]!;
    let found = false;
    for (const dir of [1, -1]) {
      // Over the rows next to it, a group counted once (its rows stepped over)…
      acc.fill(0);
      let n = 0;
      let j = i + dir;
      while (!found && j >= 0 && j < rows.length && n < 64) {
        if (skip(j)) {
          j += dir;
          continue;
        }
        const g = dir > 0 ? startAt.get(j) : endAt.get(j);
        const head = g ?? j;
        add(head);
        n++;
        if (!(n === 1 && g === undefined) && acc[0] === target && equalAt(i, acc)) found = true;
        if (monotone && acc[0]! > target) break;
        j = g === undefined ? j + dir : dir > 0 ? last[g]! + 1 : first[g]! - 1;
      }
      // …and over the plain lines right next to it, whatever group they were read into.
      acc.fill(0);
      for (let j2 = i + dir, m = 1; !found && j2 >= 0 && j2 < rows.length && m <= 64; j2 += dir, m++) {
        if (skip(j2) || structure.isGroup[j2]) break;
        add(j2);
        if (m >= 2 && acc[0] === target && equalAt(i, acc)) found = true;
        if (monotone && acc[0]! > target) break;
      }
      if (found) break;
    }
    if (found) out.add(i);
  }
  return out;
}

/**
 * A section row by its 序号: a Chinese numeral ("一", "（二）") where lines have digits, or a
 * category-named row ("人员经费") with the 序号 left empty.
 */
function sectionBySequence(d: DataRow, seq: string | null): boolean {
  if (seq === null) return false;
  const t = normalizeText(seq);
  if (/^[一二三四五六七八九十]+[、.．]?$|^\([一二三四五六七八九十]+\)$/.test(t)) return true;
  return d.section !== null && t === '';
}

/** A row its words mark as a total, a numbered section or a parent code. */
function structRowsMarked(rows: readonly DataRow[], i: number): boolean {
  const d = rows[i]!;
  return d.userRole !== 'line' && (d.total !== null || d.section !== null || codeChildrenOf(rows, i) !== null);
}

/** For a row with a code, the input indexes of the rows right below whose codes extend it. */
function codeChildrenOf(rows: readonly DataRow[], i: number): { from: number; to: number } | null {
  const code = rows[i]!.code;
  if (!code) return null;
  // A 功能分类 code (2130101 行政运行) covers the 经济分类 lines (30101…) written under it.
  const functional = /^2\d{2,6}$/.test(code);
  let to = i;
  while (to + 1 < rows.length) {
    const next = rows[to + 1]!;
    const c = next.code;
    if (next.total !== null || next.section !== null) break;
    // …and the project lines without a code written under it.
    if (!c) {
      if (functional) to++;
      else break;
    } else if (c.length > code.length && c.startsWith(code)) to++;
    else if (functional && /^3\d{2,4}$/.test(c)) to++;
    else break;
  }
  return to > i ? { from: i + 1, to } : null;
}

/** The lines after a numbered section row up to the next section or total. */
function followingUntilSection(rows: readonly DataRow[], i: number, isGroup: readonly boolean[]): number[] {
  const level = sectionLevel(rows[i]!.name) ?? 1;
  const out: number[] = [];
  for (let j = i + 1; j < rows.length; j++) {
    const d = rows[j]!;
    const l = sectionLevel(d.name);
    if (d.total !== null || (l !== null && l <= level)) break;
    if (!isGroup[j] && l === null) out.push(j);
  }
  return out;
}

function isDescendant(parent: readonly number[], j: number, ancestor: number): boolean {
  for (let p = parent[j]!; p >= 0; p = parent[p]!) if (p === ancestor) return true;
  return false;
}

function totalDifferences(
  sheet: string,
  d: DataRow,
  covered: readonly DataRow[],
  keys: readonly AmountKey[],
  cols: ColumnIndex,
  notes: Warning[],
): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const k of keys) {
    const stated = d.amounts[k];
    if (stated === null) continue;
    let sum = 0;
    for (const c of covered) sum += c.amounts[k] ?? 0;
    if (sum === stated) continue;
    const col = cols[k];
    const unit = col?.unit ?? '元';
    // A 万元 total typed to two decimals over lines kept to four: equal once rounded, and said.
    if (unit === '万元' && stated % CENT_OF_WAN === 0 && sum % CENT_OF_WAN !== 0 && roundToCentOfWan(sum) === stated) {
      notes.push({
        sheet,
        row: d.row + 1,
        column: col ? columnLetter(col.col) : null,
        message: `“${d.label}”行的${CHECK_LABEL[k]}${inUnit(stated, unit)}是明细合计${inUnit(sum, unit)}四舍五入到0.01万元的结果，视为相符；报告按明细计算`,
      });
      continue;
    }
    out.push({
      sheet,
      row: d.row + 1,
      column: col ? columnLetter(col.col) : null,
      kind: 'total',
      message: `“${d.label}”行的${CHECK_LABEL[k]}为${inUnit(stated, unit)}，但它所含的${covered.length}行明细合计为${inUnit(sum, unit)}，相差${inUnit(stated - sum, unit)}。请核对台账，或在任务窗格中更正哪些行是明细、哪些是合计`,
    });
  }
  return out;
}

/** 0.01万元 = 100元 = 10,000分. */
const CENT_OF_WAN = 10000;

/** 分 rounded half away from zero to 0.01万元. */
function roundToCentOfWan(fen: Fen): Fen {
  const a = Math.abs(fen);
  const r = Math.floor((a + CENT_OF_WAN / 2) / CENT_OF_WAN) * CENT_OF_WAN;
  return fen < 0 ? -r : r;
}

/** An amount in the ledger's own unit, so the user finds it in the sheet. */
function inUnit(fen: Fen, unit: AmountUnit): string {
  return unit === '万元' ? `${formatWanExact(fen)}万元` : `${formatYuan(fen)}元`;
}

/** 分 as 万元 with as many decimals as it takes (up to six), no rounding. */
function formatWanExact(fen: Fen): string {
  const neg = fen < 0;
  const a = Math.abs(fen);
  const whole = Math.floor(a / 1000000);
  const frac = String(a % 1000000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? '.' + frac.padEnd(2, '0') : '.00'}`;
}

/**
 * What a 指标来源 cell says a row's money is: 年初 (批复 at the start of the year), 上年结转, or an
 * in-year addition (年中追加, 上级转移支付, 调整…).
 * @example indicatorKind('年初预算') === 'initial'; indicatorKind('上年结转') === 'carryover'; indicatorKind('上级转移支付') === 'adjustment'
 */
export function indicatorKind(text: string): 'initial' | 'adjustment' | 'carryover' {
  const t = normalizeText(text);
  if (t === '' || /年初|当年预算|部门预算批复|^批复/.test(t)) return 'initial';
  if (/结转|结余/.test(t)) return 'carryover';
  return 'adjustment';
}

/** A bare code at the start of a cell (GL accounts "7101010101", 类 "301"). */
function codeIn(text: string): string | null {
  return /^(\d{3,12})(?!\d)/.exec(normalizeText(text))?.[1] ?? null;
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
  /** The category the groups or section rows around the line give. */
  readonly structure: CategoryHint | null;
  /** The category the sheet's name or title gives. */
  readonly sheet: CategoryHint | null;
  readonly econCode: string | null;
  /** The sheet codes its basic lines and this line has no code: a project. */
  readonly codeless: boolean;
  readonly name: string;
}

type Decision = { category: Category; source: CategorySource; warn?: string };

function decideCategory(i: CategoryInput): Decision {
  const fromColumn = i.columnText ? categoryOfText(i.columnText) : null;
  const fromCode = i.econCode ? categoryOfEconCode(i.econCode) : null;
  // A line called by a category's own name ("人员经费", "对个人和家庭的补助") is that category.
  const own =
    CATEGORY_NAME.test(normalizeText(i.name)) || CLASS_NAME.test(normalizeText(i.name)) ? categoryOfText(i.name) : null;
  const fromName =
    own === '人员支出' || own === '公用支出'
      ? own
      : PERSONNEL_NAME.test(i.name)
        ? '人员支出'
        : PUBLIC_NAME.test(i.name)
          ? '公用支出'
          : null;
  // 基本支出 without a sub-section is split by code, then by name; with neither, 公用 is the
  // likelier half (personnel lines have recognisable names), and the guess is said.
  const basic = (source: CategorySource): Decision =>
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
  // A bare 运转类 (一体化) is 公用经费 when the line is the 公用经费, else 其他运转类, a project.
  if (/^运转类$/.test(normalizeText(i.columnText)) && !/公用/.test(i.name))
    return { category: '项目支出', source: '类别列' };
  if (fromColumn) return { category: fromColumn, source: '类别列' };
  if (i.structure === 'basic') return basic('分节行');
  if (i.structure) return { category: i.structure, source: '分节行' };
  if (i.sheet === 'basic') return basic('表名');
  if (i.sheet) return { category: i.sheet, source: '表名' };
  if (i.codeless) return { category: '项目支出', source: '经济分类' };
  if (fromCode) return { category: fromCode, source: '经济分类' };
  if (/项目|专项/.test(i.name)) return { category: '项目支出', source: '名称' };
  if (fromName) return { category: fromName, source: '名称' };
  const why = i.columnText ? `类别“${i.columnText}”无法识别（应为人员支出、公用支出或项目支出）` : '未能判断支出类别';
  return { category: '项目支出', source: '未识别', warn: `${why}，已按项目支出处理，如有误请更正` };
}

/**
 * 年初, 调整 (上年结转 and a separate 调减 column folded in) and 全年 of a line, each completed from
 * the others when missing; where all are given and disagree, the ledger contradicts itself.
 */
function completeBudget(
  sheetName: string,
  row: number,
  a: Amounts,
  cols: ColumnIndex,
  discrepancies: Discrepancy[],
): { initial: Fen; adjustment: Fen; carryover: Fen; budget: Fen; executed: Fen | null } {
  const carryover = a.carryover ?? 0;
  // A 调减 column holds cuts as positive figures (or already negative): either way it lowers.
  const reduction = a.reduction === null ? 0 : -Math.abs(a.reduction);
  const hasAdj = cols.adjustment !== undefined || cols.reduction !== undefined || cols.carryover !== undefined;
  let adjustment = (a.adjustment ?? 0) + reduction + carryover;
  let initial = a.initial;
  let budget = a.budget;
  if (budget === null) {
    budget = (initial ?? 0) + adjustment;
  } else if (!cols.initial) {
    initial = budget - adjustment;
  } else if (!hasAdj) {
    adjustment = budget - (initial ?? 0);
  } else if (initial === null) {
    initial = budget - adjustment;
  } else if (initial + adjustment !== budget) {
    const parts = [`年初预算${formatYuan(initial)}元`, `调整${formatYuan(adjustment - carryover)}元`];
    if (cols.carryover) parts.push(`上年结转${formatYuan(carryover)}元`);
    discrepancies.push({
      sheet: sheetName,
      row: row + 1,
      column: cols.budget ? columnLetter(cols.budget.col) : null,
      kind: 'identity',
      message: `全年预算${formatYuan(budget)}元不等于${parts.join('加')}（合计${formatYuan(initial + adjustment)}元，相差${formatYuan(budget - initial - adjustment)}元）。请核对这一行，或在任务窗格中检查各列的含义`,
    });
  }
  return { initial: initial ?? 0, adjustment, carryover, budget, executed: a.executed ?? (cols.executed ? 0 : null) };
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
