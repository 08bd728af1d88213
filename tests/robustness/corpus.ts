/**
 * A corpus of malformed and awkward ledgers, built by script: each case is a named workbook (a
 * grid, and for some a real .xlsx written with exceljs) and what must come of it — a report whose
 * warnings name the exact sheet, row and column, or a Chinese LedgerError that says what is
 * missing and how to fix it.
 */
import ExcelJS from 'exceljs';
import { type CellValue, type MergeRange, type WorkbookGrid } from '../../src/core/grid/types';
import { type ReportOptions, type ReportOutput } from '../../src/core/pipeline';
import { SUMMARY_SHEET, REPORT_SHEET } from '../../src/core/constants';
import { book, sheet } from '../helpers/grids';

export interface ExpectedWarning {
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly message: RegExp;
}

export type Expected =
  | {
      readonly kind: 'report';
      /** Each must be among the warnings, at exactly this place. */
      readonly warnings?: readonly ExpectedWarning[];
      /** No warning may match this (a case that must read cleanly). */
      readonly noWarning?: RegExp;
      readonly check?: (out: ReportOutput) => void;
    }
  | {
      readonly kind: 'error';
      readonly message: RegExp;
      readonly place?: { readonly sheet: string; readonly row: number | null; readonly column: string | null } | null;
    };

export interface CorpusCase {
  readonly name: string;
  /** The workbook as grids; for .xlsx cases, what the bytes hold (the test reads them with readWorkbookGrid). */
  readonly grid?: WorkbookGrid;
  readonly xlsx?: () => Promise<Uint8Array>;
  readonly options?: ReportOptions;
  readonly expected: Expected;
}

export const LEDGER = '台账';
const TITLE = '测试单位2024年预算执行台账';
const UNIT = '单位：元';
/** A name | category | initial | adjustment | budget | executed | forecast ledger; data from row 4. */
export const HEAD: CellValue[] = [
  '项目名称',
  '支出类别',
  '年初预算',
  '年中调整',
  '全年预算',
  '1-8月执行数',
  '全年预计执行数',
];

/** A normal, clean line: name, category, budget in 元, spent in 元. */
export const line = (name: string, category: string, budget: number, executed: number): CellValue[] => [
  name,
  category,
  budget,
  0,
  budget,
  executed,
  budget,
];

const GOOD: CellValue[][] = [
  line('基本工资', '人员支出', 100000, 66000),
  line('办公费', '公用支出', 20000, 12000),
  line('维权帮扶项目', '项目支出', 50000, 10000),
];

export function ledger(
  data: CellValue[][],
  extra: {
    head?: CellValue[];
    merges?: MergeRange[];
    hidden?: number[];
    name?: string;
    title?: CellValue[][];
  } = {},
): WorkbookGrid {
  const top = extra.title ?? [[TITLE], [UNIT]];
  return book(sheet(extra.name ?? LEDGER, [...top, extra.head ?? HEAD, ...data], extra.merges, extra.hidden));
}

const w = (row: number | null, column: string | null, message: RegExp, sheetName = LEDGER): ExpectedWarning => ({
  sheet: sheetName,
  row,
  column,
  message,
});

const lineNamed = (out: ReportOutput, name: string) => {
  const l = out.model.recognition.lines.find((x) => x.name === name);
  if (!l) throw new Error(`no line “${name}” among ${out.model.recognition.lines.map((x) => x.name).join(', ')}`);
  return l;
};

const itemNamed = (out: ReportOutput, name: string) => {
  const i = out.model.indicators.items.find((x) => x.line.name === name);
  if (!i) throw new Error(`no item “${name}”`);
  return i;
};

/** A .xlsx of the ledger rows, built with exceljs (an independent writer). */
async function xlsxOf(
  rows: CellValue[][],
  edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void | Promise<void> = () => undefined,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(LEDGER);
  rows.forEach((r, i) =>
    r.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(i + 1, c + 1);
      cell.value = typeof v === 'object' && !(v instanceof Date) ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
    }),
  );
  await edit(ws, wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const fifty = (): CellValue[][] =>
  Array.from({ length: 50 }, (_, i) =>
    line(`项目${i + 1}`, i % 3 === 0 ? '人员支出' : i % 3 === 1 ? '公用支出' : '项目支出', 10000 + i, i * 100),
  );

export const CORPUS: readonly CorpusCase[] = [
  // —— Headers ——
  {
    name: 'no recognisable header: prose and numbers only',
    grid: book(sheet('Sheet1', [['本年工作总结'], ['第一季度', 12, 30], ['第二季度', 15, 40]])),
    expected: { kind: 'error', message: /没有找到预算台账.*“Sheet1”.*表头/ },
  },
  {
    name: 'a header with a name column but no amount columns',
    grid: book(
      sheet('台账', [
        ['项目名称', '负责人', '备注'],
        ['维权帮扶', '张三', ''],
      ]),
    ),
    expected: { kind: 'error', message: /没有找到预算台账.*请确认台账的表头/ },
  },
  {
    name: 'two candidate header rows: a short summary header above the real one',
    grid: ledger(GOOD, {
      title: [[TITLE], ['项目名称', '全年预算'], ['合计', 170000], [UNIT]],
    }),
    expected: {
      kind: 'report',
      check: (out) => {
        // The wider header (row 5) wins: every column found, all three lines read.
        expect(out.model.recognition.budget.headerRows).toEqual([5]);
        expect(out.model.recognition.lines).toHaveLength(3);
      },
    },
  },
  {
    name: 'the header repeated in the middle of the data (printed page by page)',
    grid: ledger([GOOD[0]!, GOOD[1]!, [...HEAD], GOOD[2]!]),
    expected: {
      kind: 'report',
      noWarning: /不是金额/,
      check: (out) => {
        expect(out.model.recognition.lines.map((l) => l.name)).toEqual(['基本工资', '办公费', '维权帮扶项目']);
      },
    },
  },
  {
    name: 'a two-row header with 预算数 merged over 年初 | 调整 | 调整后',
    grid: book(
      sheet(
        '台账',
        [
          [TITLE],
          [UNIT],
          ['项目名称', '支出类别', '预算数', null, null, '1-8月执行数'],
          [null, null, '年初预算', '年中调整', '调整后预算', null],
          ['维权帮扶项目', '项目支出', 40000, 10000, 50000, 10000],
        ],
        [
          { top: 2, left: 2, bottom: 2, right: 4 },
          { top: 2, left: 0, bottom: 3, right: 0 },
        ],
      ),
    ),
    expected: {
      kind: 'report',
      check: (out) => {
        expect(out.model.recognition.budget.headerRows).toEqual([3, 4]);
        expect(lineNamed(out, '维权帮扶项目')).toMatchObject({
          initial: 4000000,
          adjustment: 1000000,
          budget: 5000000,
        });
      },
    },
  },
  {
    name: 'two columns that both read as 全年预算',
    grid: ledger([['维权帮扶项目', '项目支出', 50000, 0, 50000, 10000, 50000, 60000]], {
      head: [...HEAD, '全年预算（复核）'],
    }),
    expected: { kind: 'report', warnings: [w(3, 'H', /都像是“全年预算”列，已使用E列/)] },
  },
  {
    name: 'an ambiguous pair: 预算数 and 全年预算 in the same header',
    grid: ledger([['维权帮扶项目', 50000, 50000, 10000]], { head: ['项目名称', '预算数', '全年预算', '1-8月执行数'] }),
    // Beside 全年预算, the plain 预算数 is the 年初 one — and the user is told which is which.
    expected: {
      kind: 'report',
      warnings: [w(3, 'B', /B列“预算数”按年初预算、C列“全年预算”按全年预算读取/)],
      check: (out) => expect(out.model.recognition.lines[0]).toMatchObject({ initial: 5000000, budget: 5000000 }),
    },
  },
  {
    name: 'no budget column (only spending)',
    grid: ledger([['维权帮扶项目', 10000]], { head: ['项目名称', '1-8月执行数'] }),
    expected: {
      kind: 'error',
      message: /没有预算数列.*请在任务窗格中指定哪一列是全年预算/,
      place: { sheet: LEDGER, row: 3, column: null },
    },
  },
  {
    name: 'no spending column and no journal',
    grid: ledger([['维权帮扶项目', 50000]], { head: ['项目名称', '全年预算'] }),
    expected: {
      kind: 'error',
      message: /没有执行数列.*或加入支付明细表/,
      place: { sheet: LEDGER, row: 3, column: null },
    },
  },

  // —— Amounts as text ——
  {
    name: 'amounts with thousands separators',
    grid: ledger([['维权帮扶项目', '项目支出', '1,234,567.89', '0', '1,234,567.89', '12,345.6', null]]),
    expected: {
      kind: 'report',
      noWarning: /不是金额/,
      check: (out) => expect(lineNamed(out, '维权帮扶项目')).toMatchObject({ budget: 123456789, executed: 1234560 }),
    },
  },
  {
    name: 'currency signs: ￥, ¥, $, RMB and (negative) in parentheses',
    grid: ledger([
      ['甲项目', '项目支出', '￥10,000.00', '(1,000.00)', '¥9,000.00', 'RMB 900', null],
      ['乙项目', '项目支出', '$500', null, '$500', '人民币100元', null],
    ]),
    expected: {
      kind: 'report',
      noWarning: /不是金额/,
      check: (out) => {
        expect(lineNamed(out, '甲项目')).toMatchObject({
          initial: 1000000,
          adjustment: -100000,
          budget: 900000,
          executed: 90000,
        });
        expect(lineNamed(out, '乙项目')).toMatchObject({ budget: 50000, executed: 10000 });
      },
    },
  },
  {
    name: 'full-width digits and punctuation',
    grid: ledger([
      ['维权帮扶项目', '项目支出', '５０，０００．００', '０', '５０，０００．００', '１２，０００', null],
    ]),
    expected: {
      kind: 'report',
      noWarning: /不是金额/,
      check: (out) => expect(lineNamed(out, '维权帮扶项目')).toMatchObject({ budget: 5000000, executed: 1200000 }),
    },
  },
  {
    name: 'spaces inside and around amounts (ASCII, ideographic, non-breaking)',
    grid: ledger([['维权帮扶项目', '项目支出', ' 50 000 ', null, '\u300050000\u00a0', ' 1 000.50 ', null]]),
    expected: {
      kind: 'report',
      noWarning: /不是金额/,
      check: (out) => expect(lineNamed(out, '维权帮扶项目')).toMatchObject({ budget: 5000000, executed: 100050 }),
    },
  },
  {
    name: '万元 suffixes in a 元 ledger override the column unit',
    grid: ledger([['维权帮扶项目', '项目支出', '5万元', null, '5万元', '1.2万', null]]),
    expected: {
      kind: 'report',
      check: (out) => expect(lineNamed(out, '维权帮扶项目')).toMatchObject({ budget: 5000000, executed: 1200000 }),
    },
  },
  {
    name: 'text that is not an amount at all',
    grid: ledger([['维权帮扶项目', '项目支出', 50000, null, 50000, '待核实', null]]),
    expected: { kind: 'report', warnings: [w(4, 'F', /“1-8月执行数”“待核实”不是金额，按0计算/)] },
  },

  // —— Excel errors and odd cell types in amount cells ——
  ...(['#N/A', '#DIV/0!', '#REF!', '#VALUE!'] as const).map((code, i): CorpusCase => ({
    name: `Excel error ${code} in an amount cell`,
    grid: ledger([
      GOOD[0]!,
      ['维权帮扶项目', '项目支出', 50000, 0, i % 2 ? { error: code } : 50000, i % 2 ? 0 : { error: code }, null],
    ]),
    expected: {
      kind: 'report',
      warnings: [
        w(
          5,
          i % 2 ? 'E' : 'F',
          new RegExp(
            `单元格是错误值 ${code.replace(/[/!]/g, '\\$&')}，${i % 2 ? '全年预算按年初预算加调整数计算' : '按0计算'}`,
          ),
        ),
      ],
      // An unreadable 全年预算 is completed from 年初 + 调整, never taken as 0.
      check: (out) => {
        const l = out.model.recognition.lines.find((x) => x.name === '维权帮扶项目');
        expect(l?.budget).toBe(5000000);
      },
    },
  })),
  {
    name: 'an Excel error typed as text',
    grid: ledger([['维权帮扶项目', '项目支出', 50000, 0, 50000, '#N/A', null]]),
    expected: { kind: 'report', warnings: [w(4, 'F', /错误值 #N\/A/)] },
  },
  {
    name: 'a date, a logical value, NaN and Infinity in amount cells',
    grid: ledger([
      ['甲项目', '项目支出', 50000, 0, 50000, new Date(Date.UTC(2024, 7, 1)), null],
      ['乙项目', '项目支出', 50000, true, 50000, 0, null],
      ['丙项目', '项目支出', 50000, 0, Number.NaN, 0, null],
      ['丁项目', '项目支出', 50000, 0, 50000, Number.POSITIVE_INFINITY, null],
    ]),
    expected: {
      kind: 'report',
      warnings: [
        w(4, 'F', /是日期，不是金额/),
        w(5, 'D', /是逻辑值/),
        w(6, 'E', /数值 NaN 超出范围/),
        w(7, 'F', /数值 Infinity 超出范围/),
      ],
      check: (out) => {
        for (const t of [out.model.indicators.total, ...out.model.indicators.items.map((i) => i.totals)]) {
          if (t.rate !== null) expect(Number.isFinite(t.rate)).toBe(true);
        }
      },
    },
  },
  {
    name: 'an amount too large to be a budget (1e20 元)',
    grid: ledger([['维权帮扶项目', '项目支出', 50000, 0, 1e20, 10, null]]),
    expected: { kind: 'report', warnings: [w(4, 'E', /超出范围/)] },
  },

  // —— Merges, hidden and filtered rows ——
  {
    name: 'a category merged down over several data rows',
    grid: ledger(
      [
        ['甲项目', '项目支出', 1000, 0, 1000, 500, null],
        ['乙项目', null, 2000, 0, 2000, 500, null],
        ['丙项目', null, 3000, 0, 3000, 500, null],
      ],
      { merges: [{ top: 3, left: 1, bottom: 5, right: 1 }] },
    ),
    expected: {
      kind: 'report',
      noWarning: /未能判断支出类别/,
      check: (out) => {
        for (const n of ['甲项目', '乙项目', '丙项目']) expect(lineNamed(out, n).categorySource).toBe('类别列');
      },
    },
  },
  {
    name: 'an amount merged over two data rows counts once, in the top row',
    grid: ledger(
      [
        ['甲项目', '项目支出', 1000, 0, 1000, 900, null],
        ['乙项目', '项目支出', 1000, 0, 1000, null, null],
      ],
      { merges: [{ top: 3, left: 5, bottom: 4, right: 5 }] },
    ),
    expected: {
      kind: 'report',
      check: (out) => {
        expect(lineNamed(out, '甲项目').executed).toBe(90000);
        expect(lineNamed(out, '乙项目').executed).toBe(0);
        expect(out.model.indicators.total.executed).toBe(90000);
      },
    },
  },
  {
    name: 'hidden rows are counted and said',
    grid: ledger(GOOD, { hidden: [4] }),
    expected: { kind: 'report', warnings: [w(5, null, /“办公费”所在行是隐藏行或被筛选掉的行，已计入/)] },
  },
  {
    name: 'filtered-out rows in a real .xlsx (autoFilter, hidden rows)',
    xlsx: () =>
      xlsxOf([[TITLE], [UNIT], HEAD, ...GOOD], (ws) => {
        ws.autoFilter = 'A3:G6';
        ws.getRow(5).hidden = true;
        ws.getRow(6).hidden = true;
      }),
    expected: {
      kind: 'report',
      warnings: [w(5, null, /“办公费”所在行是隐藏行或被筛选掉的行/), w(6, null, /“维权帮扶项目”所在行是隐藏行/)],
      check: (out) => expect(out.model.recognition.lines).toHaveLength(3),
    },
  },

  // —— Figures that do not add up ——
  {
    name: 'a negative budget',
    grid: ledger([['维权帮扶项目', '项目支出', -5000, 0, -5000, 100, null]]),
    expected: {
      kind: 'report',
      warnings: [w(4, 'E', /全年预算为负数（-5,000.00元），不计算执行率/)],
      check: (out) => expect(itemNamed(out, '维权帮扶项目').totals.rate).toBeNull(),
    },
  },
  {
    name: 'budget 0 with spending',
    grid: ledger([GOOD[0]!, ['维权帮扶项目', '项目支出', 0, 0, 0, 3000, null]]),
    expected: {
      kind: 'report',
      warnings: [w(5, 'E', /全年预算为0.*却有执行数3,000.00元/)],
      check: (out) => {
        const i = itemNamed(out, '维权帮扶项目');
        expect(i.totals.rate).toBeNull();
        expect(i.status).toBe('超预算');
      },
    },
  },
  {
    name: 'spending above budget',
    grid: ledger([GOOD[0]!, ['维权帮扶项目', '项目支出', 1000, 0, 1000, 1500, null]]),
    expected: {
      kind: 'report',
      warnings: [w(5, 'F', /执行数1,500.00元超过全年预算1,000.00元/)],
      check: (out) => {
        const i = itemNamed(out, '维权帮扶项目');
        expect(i.totals.rate).toBe(15000);
        expect(i.status).toBe('超预算');
      },
    },
  },
  {
    name: 'a line with a name and no numbers',
    grid: ledger([...GOOD, ['待分配项目', '项目支出', null, null, null, null, null]]),
    expected: { kind: 'report', warnings: [w(7, 'A', /“待分配项目”没有任何金额，未计入/)] },
  },
  {
    name: 'every amount is a dash: no usable line',
    grid: ledger([['甲项目', '项目支出', '—', '-', '—', '-', null]]),
    expected: {
      kind: 'error',
      message: /没有找到任何带金额的预算行。请确认表头行是否选对/,
      place: { sheet: LEDGER, row: 3, column: null },
    },
  },
  {
    name: 'a 合计 row that disagrees with its lines',
    grid: ledger([...GOOD, ['合计', null, 170000, 0, 171000, 88000, null]]),
    // The ledger contradicts itself: refused, with the row, the column and the difference.
    expected: {
      kind: 'error',
      message:
        /“合计”行的全年预算为171,000.00元，但它所含的3行明细合计为170,000.00元，相差1,000.00元[\s\S]*--accept-differences/,
      place: { sheet: '台账', row: 7, column: 'E' },
    },
  },
  {
    name: 'a 合计 row that disagrees with its lines, accepted by the user',
    grid: ledger([...GOOD, ['合计', null, 170000, 0, 171000, 88000, null]]),
    options: { acceptDifferences: true },
    expected: {
      kind: 'report',
      check: (out) => {
        expect(out.model.recognition.discrepancies).toEqual([
          expect.objectContaining({ sheet: '台账', row: 7, column: 'E', kind: 'total' }),
        ]);
        // The report says so, before anything else.
        expect(out.model.blocks[2]?.text).toMatch(/台账中有1处数字与其合计或勾稽关系不符（工作表“台账”第7行E列）/);
        expect(out.model.indicators.total.budget).toBe(17000000);
      },
    },
  },
  {
    name: 'a 执行率 column that disagrees with the figures',
    grid: ledger(
      [
        ['甲项目', '项目支出', 1000, 500, '50%'],
        ['乙项目', '项目支出', 1000, 500, 0.9],
      ],
      { head: ['项目名称', '支出类别', '全年预算', '1-8月执行数', '执行率'] },
    ),
    expected: { kind: 'report', warnings: [w(5, 'E', /执行率“0.9”与执行数÷全年预算（50.00%）不符/)] },
  },
  {
    name: 'a 全年预算 that is not 年初 + 调整',
    grid: ledger([['维权帮扶项目', '项目支出', 1000, 500, 1400, 100, null]]),
    expected: {
      kind: 'error',
      message: /全年预算1,400.00元不等于年初预算1,000.00元加调整500.00元（合计1,500.00元，相差-100.00元）/,
      place: { sheet: '台账', row: 4, column: 'E' },
    },
  },
  {
    name: 'an unknown category',
    grid: ledger([['某某事项', '其他', 1000, 0, 1000, 100, null]]),
    expected: { kind: 'report', warnings: [w(4, 'B', /类别“其他”无法识别（应为人员支出、公用支出或项目支出）/)] },
  },

  // —— Awkward names ——
  {
    name: 'a very long name (40,000 characters) fits every cell the plan writes',
    grid: ledger([['长'.repeat(40000), '项目支出', 1000, 0, 1000, 0, null]]),
    expected: {
      kind: 'report',
      check: (out) => {
        for (const s of out.plan.sheets)
          for (const row of s.rows)
            for (const c of row) if (typeof c?.value === 'string') expect(c.value.length).toBeLessThanOrEqual(32767);
      },
    },
  },
  {
    name: 'emoji and line breaks in names',
    grid: ledger([
      ['🎉庆典项目🎉', '项目支出', 1000, 0, 1000, 0, null],
      ['省级财政\n工会专项资金', '项目支出', 2000, 0, 2000, 0, null],
      ['Legal\r\naid project', '项目支出', 3000, 0, 3000, 3000, null],
    ]),
    expected: {
      kind: 'report',
      check: (out) => {
        expect(lineNamed(out, '🎉庆典项目🎉').budget).toBe(100000);
        // A line break inside a cell is wrapping, not part of the name.
        expect(lineNamed(out, '省级财政工会专项资金').budget).toBe(200000);
        expect(lineNamed(out, 'Legal aid project').budget).toBe(300000);
        for (const b of out.model.blocks) expect(b.text).not.toMatch(/[\r\n]/);
      },
    },
  },
  {
    name: 'names that start with = + - @ stay text in the plan',
    grid: ledger([
      ['=HYPERLINK("http://evil.example","点我")', '项目支出', 1000, 0, 1000, 0, null],
      ['+86项目', '项目支出', 1000, 0, 1000, 0, null],
      ['-办公设备', '项目支出', 1000, 0, 1000, 0, null],
      ['@SUM(A1:A9)', '项目支出', 1000, 0, 1000, 0, null],
    ]),
    expected: {
      kind: 'report',
      check: (out) => {
        const texts = out.plan.sheets.flatMap((s) => s.rows.flatMap((r) => r.map((c) => c?.value)));
        for (const n of ['=HYPERLINK("http://evil.example","点我")', '+86项目', '-办公设备', '@SUM(A1:A9)']) {
          expect(texts).toContain(n);
        }
      },
    },
  },
  {
    name: 'the same project name twice',
    grid: ledger([GOOD[2]!, line('维权帮扶项目', '项目支出', 3000, 0)]),
    // One project on two rows (as 指标 rows are): one line, listed and flagged once.
    expected: {
      kind: 'report',
      warnings: [w(4, null, /“维权帮扶项目”在第4、5行各有一条指标，已合并为一个项目计算/)],
      check: (out) => {
        const lines = out.model.recognition.lines.filter((l) => l.name === '维权帮扶项目');
        expect(lines).toHaveLength(1);
        expect(lines[0]!.rows).toEqual([4, 5]);
      },
    },
  },
  {
    name: 'a line with amounts and no name',
    grid: ledger([...GOOD, [null, '项目支出', 1000, 0, 1000, 0, null]]),
    expected: { kind: 'report', warnings: [w(7, 'A', /有金额但没有项目名称/)] },
  },

  // —— Journals ——
  ...((): CorpusCase[] => {
    const budget = sheet('预算', [
      ['某单位2024年预算指标'],
      ['项目名称', '支出类别', '全年预算'],
      ['维权帮扶项目', '项目支出', 20000],
    ]);
    const journal = (rows: CellValue[][]) =>
      book(budget, sheet('支付明细', [['日期', '摘要', '项目名称', '金额'], ...rows]));
    return [
      {
        name: 'journal dates that are not dates',
        grid: journal([
          ['2024-02-30', '律师费', '维权帮扶项目', 100],
          ['下周', '律师费', '维权帮扶项目', 100],
          [true, '律师费', '维权帮扶项目', 100],
          ['2024-03-01', '律师费', '维权帮扶项目', 100],
        ]),
        options: { month: 8 },
        expected: {
          kind: 'report',
          warnings: [
            w(2, 'A', /日期“2024-02-30”无法识别，这笔100.00元的支付未计入/, '支付明细'),
            w(3, 'A', /日期“下周”无法识别/, '支付明细'),
            w(4, 'A', /日期“TRUE”无法识别/, '支付明细'),
          ],
          check: (out) => expect(lineNamed(out, '维权帮扶项目').executed).toBe(10000),
        },
      },
      {
        name: 'journal dates in another year',
        grid: journal([
          ['2023-12-31', '上年律师费', '维权帮扶项目', 100],
          ['2024-01-02', '律师费', '维权帮扶项目', 200],
        ]),
        options: { month: 8 },
        expected: {
          kind: 'report',
          warnings: [w(2, 'A', /支付日期2023年12月31日不在2024年，未计入/, '支付明细')],
          check: (out) => expect(lineNamed(out, '维权帮扶项目').executed).toBe(20000),
        },
      },
      {
        name: 'journal dates after the cut-off name the first such payment',
        grid: journal([
          ['2024-08-31', '律师费', '维权帮扶项目', 100],
          ['2024-09-01', '九月律师费', '维权帮扶项目', 200],
          ['2024-12-01', '十二月律师费', '维权帮扶项目', 300],
        ]),
        options: { month: 8 },
        expected: {
          kind: 'report',
          warnings: [w(3, 'A', /有2笔支付（合计500.00元）日期在8月以后，未计入1-8月执行数/, '支付明细')],
          check: (out) => expect(lineNamed(out, '维权帮扶项目').executed).toBe(10000),
        },
      },
      {
        name: 'a payment for a project the budget does not have',
        grid: journal([['2024-03-01', '宣传费', '宣传经费', 800]]),
        options: { month: 8 },
        expected: {
          kind: 'report',
          warnings: [w(2, 'C', /支付“宣传经费”（800.00元）在预算表中找不到对应项目/, '支付明细')],
        },
      },
    ];
  })(),

  // —— Month and year ——
  {
    name: 'month 0 given',
    grid: ledger(GOOD),
    options: { month: 0 },
    expected: { kind: 'error', message: /截止月份应为1到12之间的整数，收到的是“0”/ },
  },
  {
    name: 'month 13 given',
    grid: ledger(GOOD),
    options: { month: 13 },
    expected: { kind: 'error', message: /截止月份应为1到12之间的整数，收到的是“13”/ },
  },
  {
    name: 'a header that says 1-13月',
    grid: ledger([['维权帮扶项目', 1000, 10]], { head: ['项目名称', '全年预算', '1-13月执行数'] }),
    // No fixed example month: without a journal there is nothing to suggest one.
    expected: { kind: 'error', message: /没能确定截止月份.*请在任务窗格中选择截止月份（命令行加 --month 月份）/ },
  },
  {
    name: 'month not given and not found',
    grid: ledger([['维权帮扶项目', 1000, 10]], { head: ['项目名称', '全年预算', '累计支出'] }),
    expected: {
      kind: 'error',
      message: /没能确定截止月份/,
      place: { sheet: LEDGER, row: 3, column: null },
    },
  },
  {
    name: 'year not given and not found',
    grid: ledger(GOOD, { title: [['预算执行台账'], [UNIT]], name: '本年台账' }),
    expected: { kind: 'error', message: /没能确定年度.*请在任务窗格中填写年度（命令行加 --year 年份）/ },
  },
  {
    name: 'month not found: the hint names the journal’s last month, not a fixed example',
    grid: book(
      sheet('预算', [
        ['某单位2024年预算指标'],
        ['项目名称', '支出类别', '全年预算'],
        ['维权帮扶项目', '项目支出', 20000],
      ]),
      sheet('支付明细', [
        ['日期', '摘要', '项目名称', '金额'],
        [new Date(Date.UTC(2024, 2, 5)), '付款', '维权帮扶项目', 100],
        [new Date(Date.UTC(2024, 8, 28)), '付款', '维权帮扶项目', 200],
        [new Date(Date.UTC(2024, 6, 1)), '付款', '维权帮扶项目', 300],
      ]),
    ),
    expected: {
      kind: 'error',
      message:
        /支付明细中最晚的支付在2024年9月（工作表“支付明细”第3行），如报1-9月，请在任务窗格中选择截止月份9（命令行加 --month 9）/,
    },
  },

  // —— Workbooks ——
  {
    name: 'a workbook with no sheets at all',
    grid: book(),
    expected: { kind: 'error', message: /没有找到预算台账：检查了工作表（无）/ },
  },
  {
    name: 'a workbook with no ledger, only a 单位信息 sheet and notes',
    grid: book(sheet('单位基本情况', [['单位名称', '测试单位']]), sheet('说明', [['本工作簿用于记录会议']])),
    expected: { kind: 'error', message: /没有找到预算台账.*“说明”/ },
  },
  {
    name: 'a user sheet called 监控汇总 that the add-in did not write',
    grid: book(
      sheet(LEDGER, [[TITLE], [UNIT], HEAD, ...GOOD]),
      sheet(SUMMARY_SHEET, [['我自己做的汇总'], ['一季度', 100]]),
    ),
    expected: {
      kind: 'error',
      message: /已有名为“监控汇总”的工作表.*不是绩效监控助手生成的.*改名/,
      place: { sheet: SUMMARY_SHEET, row: null, column: null },
    },
  },
  {
    name: 'a user sheet called 监控报告 that the add-in did not write',
    grid: book(sheet(LEDGER, [[TITLE], [UNIT], HEAD, ...GOOD]), sheet(REPORT_SHEET, [['2023年监控报告（手写）']])),
    expected: { kind: 'error', message: /已有名为“监控报告”的工作表/ },
  },
  {
    name: 'a protected ledger sheet in a real .xlsx',
    xlsx: () =>
      xlsxOf([[TITLE], [UNIT], HEAD, ...GOOD], async (ws) => {
        await ws.protect('secret', {});
      }),
    expected: {
      kind: 'report',
      warnings: [w(null, null, /工作表受保护，没有在台账上标注执行滞后的行/)],
      check: (out) => expect(out.plan.highlights).toEqual([]),
    },
  },
  {
    name: 'a used range of 1,000,000 rows with 50 lines of data, through a real .xlsx',
    xlsx: async () => {
      const bytes = await xlsxOf([[TITLE], [UNIT], HEAD, ...fifty()]);
      const JSZip = (await import('jszip')).default;
      const zip = await JSZip.loadAsync(bytes);
      const path = 'xl/worksheets/sheet1.xml';
      const xml = await zip.file(path)!.async('string');
      // Formatting filled down to row 1,000,000: a styled empty cell in every row.
      const empties: string[] = [];
      for (let r = 54; r <= 1_000_000; r++) empties.push(`<row r="${r}"><c r="A${r}" s="0"/></row>`);
      const patched = xml
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:G1000000"/>')
        .replace('</sheetData>', `${empties.join('')}</sheetData>`);
      zip.file(path, patched);
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    },
    expected: {
      kind: 'report',
      check: (out) => expect(out.model.recognition.lines).toHaveLength(50),
    },
  },
];
