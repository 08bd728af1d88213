/**
 * The 监控汇总 sheet as the oracle expects it, cell by cell: the value a cell holds and the number
 * format it is shown with — 万元 as numbers with two decimals, 执行率 as fractions shown as "0.00%",
 * 偏差 in points with a sign. Used on the planned sheet (property suites) and on the sheet read back
 * from the written .xlsx.
 */
import {
  type GroupFigures,
  type LedgerFigures,
  type LineFigures,
  pctFraction,
  pctText,
  pointsNumber,
  wanNumber,
} from './oracle';

/** The number formats the user sees, typed here rather than taken from the product's styles. */
export const WAN_FORMAT = '#,##0.00';
export const PCT_FORMAT = '0.00%';
export const POINTS_FORMAT = '+0.00;-0.00;0.00';
export const TEXT_FORMAT = '@';

/** A cell as the user sees it: its value and its number format ('' when it has none to speak of). */
export type SeenCell = readonly [value: string | number | null, format: string];
export type SeenRow = readonly SeenCell[];

const text = (v: string): SeenCell => [v, TEXT_FORMAT];
const wan = (f: bigint): SeenCell => [wanNumber(f), WAN_FORMAT];
const NO_RATE = '—';

function figuresRow(label: string, source: string, g: GroupFigures, status: string): SeenRow {
  return [
    text(label),
    text(source),
    wan(g.initial),
    wan(g.adjustment),
    wan(g.budget),
    wan(g.executed),
    g.rate === null ? text(NO_RATE) : [pctFraction(g.rate), PCT_FORMAT],
    g.deviation === null ? text(NO_RATE) : [pointsNumber(g.deviation), POINTS_FORMAT],
    text(status),
    g.forecast === null ? text('未填列') : wan(g.forecast),
  ];
}

export interface ExpectedSummary {
  /** Rows from the title down to the last row of the chart's figures (0-based as the sheet's rows). */
  readonly rows: readonly SeenRow[];
  readonly titleStart: string;
  /** The chart's category rows, 0-based inclusive; null when no group has a rate (no chart). */
  readonly chartRows: { readonly first: number; readonly last: number } | null;
}

const period = (month: number): string => (month === 1 ? '1月' : `1-${month}月`);

/**
 * The 监控汇总 rows for a ledger of one sheet: title, note, header; 一、按支出类别 (人员, 日常公用,
 * 基本支出小计, 项目, 合计); 二、按资金来源 (each source, 合计); 三、项目支出明细 (each project and each
 * flagged line); then the chart's figures (every category, the total and each listed line that has
 * a rate: 执行率 beside 时间进度).
 */
export function expectedSummary(f: LedgerFigures, organization: string, year: number): ExpectedSummary {
  const p = period(f.month);
  const rows: SeenRow[] = [];
  const section = (label: string): void => {
    rows.push([text(label)]);
  };
  rows.push([[`${organization}${year}年${p}预算执行监控汇总`, '']]);
  rows.push([[`时间进度${pctText(f.timeProgress)}（${f.month}÷12）`, '']]);
  rows.push(
    [
      '项目/类别',
      '资金来源',
      '年初预算',
      '年中调整',
      '全年预算',
      `${p}执行数`,
      '执行率',
      '偏差',
      '状态',
      '全年预计执行数',
    ].map(text),
  );
  const c = f.categories;
  section('一、按支出类别');
  rows.push(figuresRow('人员支出', '', c.人员支出, ''));
  rows.push(figuresRow('日常公用支出', '', c.公用支出, ''));
  rows.push(figuresRow('基本支出小计', '', f.basic, ''));
  rows.push(figuresRow('项目支出', '', c.项目支出, ''));
  rows.push(figuresRow('合计', '', f.total, ''));
  section('二、按资金来源');
  for (const s of f.sources) rows.push(figuresRow(s.name, '', s.figures, ''));
  rows.push(figuresRow('合计', '', f.total, ''));
  section('三、项目支出明细');
  const listed: LineFigures[] = f.lines.filter((l) => l.category === '项目支出' || l.flagged);
  for (const l of listed) rows.push(figuresRow(l.name, l.source, l, l.status));
  if (listed.length === 0) rows.push([text('（无项目支出）')]);
  rows.push([]);
  rows.push([text('执行率与时间进度对比（图表数据）')]);
  rows.push([text('名称'), text('执行率'), text('时间进度')]);
  const first = rows.length;
  const bars: [string, GroupFigures][] = [
    ['人员支出', c.人员支出],
    ['日常公用支出', c.公用支出],
    ['项目支出', c.项目支出],
    ['合计', f.total],
    ...listed.map((l): [string, GroupFigures] => [l.name, l]),
  ];
  for (const [name, g] of bars) {
    if (g.rate === null) continue;
    rows.push([text(name), [pctFraction(g.rate), PCT_FORMAT], [pctFraction(f.timeProgress), PCT_FORMAT]]);
  }
  const last = rows.length - 1;
  return { rows, titleStart: `${organization}${year}年${p}`, chartRows: last < first ? null : { first, last } };
}

/** The number format each of the plan's style names stands for, typed here. */
const FORMAT_OF_STYLE: Readonly<Record<string, string>> = {
  wan: WAN_FORMAT,
  totalWan: WAN_FORMAT,
  percent: PCT_FORMAT,
  totalPercent: PCT_FORMAT,
  points: POINTS_FORMAT,
  totalPoints: POINTS_FORMAT,
  title: '',
  subtitle: '',
};

/** A planned sheet, structurally (no import from the product's plan). */
export interface PlannedRows {
  readonly rows: readonly (readonly ({ readonly value: string | number | null; readonly style: string } | null)[])[];
}

/** The planned cells as the user will see them: text is always shown as text ('@'). */
export function seenFromPlan(sheet: PlannedRows): SeenRow[] {
  return sheet.rows.map((row) =>
    row.map((c): SeenCell => {
      if (c === null) return [null, ''];
      if (typeof c.value === 'string')
        return [c.value, c.style === 'title' || c.style === 'subtitle' ? '' : TEXT_FORMAT];
      return [c.value, FORMAT_OF_STYLE[c.style] ?? `style ${c.style}`];
    }),
  );
}

/**
 * Compares the rows a sheet shows with the expected ones. The title and the note are compared by
 * their start (the note goes on after the time progress); empty cells at the end of a row and
 * section rows' merged copies do not count.
 */
export function expectSummaryRows(seen: readonly SeenRow[], expected: ExpectedSummary): void {
  // An empty cell is empty whatever its format ('' is not written to the file at all).
  const norm = (c: SeenCell): SeenCell => (c[0] === null || c[0] === '' ? [null, ''] : c);
  const trim = (row: SeenRow | undefined): SeenRow => {
    const r = (row ?? []).map(norm);
    while (r.length > 0 && r[r.length - 1]![0] === null) r.pop();
    return r;
  };
  expected.rows.forEach((want, i) => {
    const got = trim(seen[i]);
    if (i < 2) {
      expect([i, String(got[0]?.[0] ?? '').startsWith(String(want[0]![0]))]).toEqual([i, true]);
      return;
    }
    const w = trim(want);
    // A section row is one label merged across the width: only its first cell is the user's.
    const shown = w.length === 1 && got.length > 1 && got.every((cell) => cell[0] === got[0]![0]) ? [got[0]!] : got;
    expect([i, shown]).toEqual([i, w]);
  });
}
