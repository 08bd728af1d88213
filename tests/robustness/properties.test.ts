/**
 * Fuzzed properties with nastier inputs than tests/core/properties.test.ts: merged ranges over
 * anything, huge and negative numbers, NaN and Infinity, control characters and lone surrogates,
 * sparse rows, hidden and protected sheets, several sheets and random options.
 */
import fc from 'fast-check';
import { buildReport, type ReportOptions } from '../../src/core/pipeline';
import { LedgerError } from '../../src/core/errors';
import { OUTPUT_SHEETS } from '../../src/core/constants';
import { CATEGORIES, type Category } from '../../src/core/types';
import { type CellValue, type MergeRange, type SheetGrid } from '../../src/core/grid/types';
import { blocksToText } from '../../src/core/report/types';
import { book, sheet, spendsOver150 } from '../helpers/grids';
import { expectIndicatorsFromLedger, expectNarrativeFiguresFromLedger } from '../helpers/narrative-figures';
import { ledgerFigures } from '../oracle/oracle';
import { expectSummaryRows, expectedSummary, seenFromPlan } from '../oracle/summary-sheet';

const word = fc.constantFrom(
  '项目名称',
  '预算项目',
  '全年预算',
  '调整后预算',
  '年初预算',
  '调整数',
  '1-8月执行数',
  '1至13月支出',
  '执行率',
  '全年预计执行数',
  '支出类别',
  '经济分类科目',
  '资金来源',
  '合计',
  '小计',
  '一、基本支出',
  '（一）人员支出',
  '二、项目支出',
  '单位：万元',
  '（元）',
  '日期',
  '金额',
  '摘要',
  '2024年',
  '2024-02-30',
  '#N/A',
  '—',
  '￥1,000',
  '(1,234.00)',
  '５万元',
  '=1+1',
  '@SUM(A1)',
  '-',
  '+',
  '人员支出',
  '项目支出',
  '监控汇总',
  '本表由绩效监控助手',
  '30101 基本工资',
);
const weird = fc.oneof(
  fc.string({ maxLength: 12, unit: 'binary' }),
  fc.string({ maxLength: 6, unit: 'grapheme' }),
  fc.constantFrom('\u0000', '\uD800', '\uFFFF', '\r\n', '\u3000', '\u202E反转', 'a'.repeat(5000)),
);
const number = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(0, -0, 1e15, -1e15, 9007199254740991, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity),
);
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: word, weight: 4 },
  { arbitrary: weird, weight: 2 },
  { arbitrary: number, weight: 4 },
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom('#N/A', '#DIV/0!', '#REF!', '#VALUE!').map((error) => ({ error })), weight: 1 },
  { arbitrary: fc.date({ noInvalidDate: false }), weight: 1 },
);
/** Rows that may be sparse: a row is an array with holes filled with null at random columns. */
const row = fc.oneof(
  fc.array(cellValue, { maxLength: 9 }),
  fc.dictionary(fc.integer({ min: 0, max: 40 }).map(String), cellValue, { maxKeys: 4 }).map((d) => {
    const out: CellValue[] = [];
    for (const [k, v] of Object.entries(d)) out[Number(k)] = v;
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    return out;
  }),
);
const merge: fc.Arbitrary<MergeRange> = fc
  .tuple(fc.nat(30), fc.nat(10), fc.nat(5), fc.nat(3))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));
const nastySheet: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.oneof(
    fc.constantFrom('台账', '支付明细', '单位基本情况', '绩效目标', 'Sheet1'),
    fc.string({ maxLength: 6 }),
  ),
  rows: fc.array(row, { maxLength: 30 }),
  merges: fc.array(merge, { maxLength: 4 }),
  hiddenRows: fc.array(fc.nat(35), { maxLength: 4 }),
  protected: fc.boolean(),
});
const options: fc.Arbitrary<ReportOptions> = fc.record(
  {
    month: fc.oneof(fc.integer({ min: -2, max: 14 }), fc.constant(Number.NaN), fc.double()),
    year: fc.integer({ min: 1990, max: 2110 }),
    unit: fc.constantFrom('元' as const, '万元' as const),
    gapPoints: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constant(Number.NaN)),
    rule: fc.constantFrom('gap' as const, 'sichuan' as const),
    includeBasic: fc.boolean(),
    headerRow: fc.integer({ min: -1, max: 40 }),
    journalSheet: fc.constant(null),
  },
  { requiredKeys: [] },
);

/** A ledger the property can always read: a header, a unit, a month, and the generated rows below it. */
const HEAD = ['项目名称', '支出类别', '年初预算', '调整数', '全年预算', '1-8月执行数'];

describe('any workbook, however malformed', () => {
  test('buildReport returns a report or a LedgerError and never throws anything else', () => {
    fc.assert(
      fc.property(
        fc.array(nastySheet, { maxLength: 3 }),
        fc.boolean(),
        fc.array(row, { maxLength: 20 }),
        options,
        (sheets, withLedger, dataRows, opts) => {
          // Half the time a recognisable header, so the deeper code (lines, totals, plan) runs on junk.
          const all = withLedger
            ? [sheet('台账', [['测试单位2024年预算执行台账'], HEAD, ...dataRows]), ...sheets]
            : sheets;
          let r;
          try {
            r = buildReport(book(...all), opts);
          } catch (e) {
            throw new Error(`threw ${String(e)} on ${JSON.stringify({ all, opts }).slice(0, 2000)}`, { cause: e });
          }
          if (!r.ok) {
            expect(r.error).toBeInstanceOf(LedgerError);
            expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
            return;
          }
          // The write plan only writes the add-in's sheets, and highlights only ledger lines.
          const { model, plan } = r.value;
          for (const s of plan.sheets) expect(OUTPUT_SHEETS).toContain(s.name);
          // A line merged from several rows (one project on two rows) is highlighted on each of them.
          const lineRows = new Set(
            model.recognition.lines.flatMap((l) => (l.rows ?? [l.row]).map((r) => `${l.sheet}\u0000${r - 1}`)),
          );
          const locked = new Set(all.filter((s) => s.protected).map((s) => s.name));
          for (const h of plan.highlights) {
            expect(lineRows.has(`${h.sheet}\u0000${h.row}`)).toBe(true);
            expect(locked.has(h.sheet)).toBe(false);
            expect(h.firstCol).toBeGreaterThanOrEqual(0);
            expect(h.lastCol).toBeGreaterThanOrEqual(h.firstCol);
          }
          for (const s of plan.sheets)
            for (const cells of s.rows)
              for (const c of cells) {
                if (typeof c?.value === 'number') expect(Number.isFinite(c.value)).toBe(true);
                if (typeof c?.value === 'string') expect(c.value.length).toBeLessThanOrEqual(32767);
              }
          expect(blocksToText(model.blocks)).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
      { numRuns: 4000 },
    );
  });
});

interface GenLine {
  name: string;
  category: Category;
  initial: number;
  adjustment: number;
  executed: number;
  forecast: number | null;
  form: 'number' | 'text' | 'fullwidth';
}

// Up to 10 亿元 a line, negative adjustments down to minus the initial budget and beyond.
const fen = fc.integer({ min: 0, max: 1_000_000_000_00 });
/** 0 often enough that projects added in the year, unchanged budgets and nothing spent all occur. */
const orZero = (a: fc.Arbitrary<number>): fc.Arbitrary<number> =>
  fc.oneof({ arbitrary: a, weight: 4 }, { arbitrary: fc.constant(0), weight: 1 });
const genLine: fc.Arbitrary<GenLine> = fc.record({
  name: fc.oneof(
    fc.constantFrom('维权帮扶项目', '=HYPERLINK("x")', '@项目', '-项目', '+项目', '🎉项目', '<b>项目</b>&'),
    fc.string({ minLength: 1, maxLength: 10, unit: 'grapheme' }),
  ),
  category: fc.constantFrom(...CATEGORIES),
  initial: orZero(fen),
  adjustment: orZero(fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 })),
  executed: orZero(fen),
  forecast: fc.option(fen, { nil: null }),
  form: fc.constantFrom('number' as const, 'text' as const, 'fullwidth' as const),
});

const toFullWidth = (s: string) => s.replace(/[0-9.,-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
function amount(f: number, form: GenLine['form']): CellValue {
  if (form === 'number') return f / 100;
  const t = `${f < 0 ? '-' : ''}${Math.floor(Math.abs(f) / 100).toLocaleString('en-US')}.${String(Math.abs(f) % 100).padStart(2, '0')}`;
  return form === 'text' ? `￥${t}` : toFullWidth(t);
}

describe('any valid ledger', () => {
  test('indicators, flags, every printed figure and every 监控汇总 cell are the oracle’s', () => {
    fc.assert(
      fc.property(
        fc.array(genLine, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 12 }),
        (lines, month) => {
          // Names are made unique, kept away from the words that make a row a section or a total, and
          // end in a Chinese character (a name ending in "-" or a digit runs into the figure after it).
          const named = lines.map((l, i) => ({ ...l, name: `${i + 1}号${l.name}项` }));
          const grid = book(
            sheet('台账', [
              ['测试单位2024年预算执行台账'],
              ['单位：元'],
              ['项目名称', '支出类别', '年初预算', '调整数', '全年预算', `1-${month}月执行数`, '全年预计执行数'],
              ...named.map((l) => [
                l.name,
                l.category,
                amount(l.initial, l.form),
                amount(l.adjustment, l.form),
                amount(l.initial + l.adjustment, 'number'),
                amount(l.executed, l.form),
                l.forecast === null ? null : amount(l.forecast, l.form),
              ]),
            ]),
          );
          const r = buildReport(grid);
          if (spendsOver150(named)) {
            // Refused, never published: more than 150% spent means the columns were misread.
            expect(r.ok).toBe(false);
            if (!r.ok) expect(r.error.field).toBe('discrepancy');
            return;
          }
          if (!r.ok) throw r.error;
          const { indicators: ind, blocks } = r.value.model;
          expect(ind.items).toHaveLength(named.length);
          ind.items.forEach((item, i) => {
            const g = named[i]!;
            expect(item.line).toMatchObject({
              initial: g.initial,
              adjustment: g.adjustment,
              executed: g.executed,
              category: g.category,
            });
          });
          // Every figure judged against the oracle's, computed from the generator's own figures; the
          // names as the product read them (a name is not a figure, and may be cleaned of control characters).
          const figures = ledgerFigures(
            named.map((l, i) => ({
              name: ind.items[i]!.line.name,
              category: l.category,
              initial: BigInt(l.initial),
              adjustment: BigInt(l.adjustment),
              executed: BigInt(l.executed),
              forecast: l.forecast === null ? null : BigInt(l.forecast),
            })),
            month,
          );
          expectIndicatorsFromLedger(ind, figures);
          const text = blocksToText(blocks);
          expectNarrativeFiguresFromLedger(text, figures);
          const summary = r.value.plan.sheets.find((s) => s.name === '监控汇总')!;
          expectSummaryRows(seenFromPlan(summary), expectedSummary(figures, '测试单位', 2024));
          expect(text).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
