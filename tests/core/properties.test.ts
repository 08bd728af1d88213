import fc from 'fast-check';
import { recognize } from '../../src/core/recognize/recognize';
import { buildReport } from '../../src/core/pipeline';
import { LedgerError } from '../../src/core/errors';
import { CATEGORIES, type Category } from '../../src/core/types';
import { type CellValue } from '../../src/core/grid/types';
import { blocksToText } from '../../src/core/report/types';
import { book, sheet, spendsOver150 } from '../helpers/grids';
import { expectIndicatorsFromLedger, expectNarrativeFiguresFromLedger } from '../helpers/narrative-figures';
import { ledgerFigures, wanText, yuanText } from '../oracle/oracle';
import { expectSummaryRows, expectedSummary, seenFromPlan } from '../oracle/summary-sheet';

interface GenLine {
  category: Category;
  initial: number;
  adjustment: number;
  executed: number;
  forecast: number | null;
  asText: boolean;
}

const fen = fc.integer({ min: 0, max: 50_000_000_00 });
/** 0 often enough that projects added in the year, unchanged budgets and nothing spent all occur. */
const orZero = (a: fc.Arbitrary<number>): fc.Arbitrary<number> =>
  fc.oneof({ arbitrary: a, weight: 4 }, { arbitrary: fc.constant(0), weight: 1 });
const genLine: fc.Arbitrary<GenLine> = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  initial: orZero(fen),
  adjustment: orZero(fc.integer({ min: -5_000_000_00, max: 5_000_000_00 })),
  executed: orZero(fen),
  forecast: fc.option(fen, { nil: null }),
  asText: fc.boolean(),
});

/** Titles as offices write them, some naming another year's money beside the report year. */
const TITLE_PREFIXES = ['', '2023年结转资金和', '上年结转及', '2023年决算与'] as const;

function ledger(lines: GenLine[], month: number, prefix: string = '') {
  const amount = (f: number, asText: boolean): CellValue => (asText ? `￥${yuanText(BigInt(f))}` : f / 100);
  return book(
    sheet('台账', [
      [`测试单位${prefix}2024年预算执行台账`],
      ['单位：元'],
      ['项目名称', '支出类别', '年初预算', '调整数', '全年预算', `1-${month}月执行数`, '全年预计执行数'],
      ...lines.map((l, i) => [
        `支出事项${i + 1}`,
        l.category,
        amount(l.initial, l.asText),
        amount(l.adjustment, l.asText),
        amount(l.initial + l.adjustment, !l.asText),
        amount(l.executed, l.asText),
        l.forecast === null ? null : amount(l.forecast, l.asText),
      ]),
    ]),
  );
}

describe('any valid ledger', () => {
  test('its indicators, every printed figure, the 监控汇总 cells and the chart ranges are the oracle’s', () => {
    fc.assert(
      fc.property(
        fc.array(genLine, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(...TITLE_PREFIXES),
        (lines, month, prefix) => {
          const r = buildReport(ledger(lines, month, prefix));
          if (spendsOver150(lines)) {
            expect(r.ok).toBe(false);
            if (!r.ok) expect(r.error.field).toBe('discrepancy');
            return;
          }
          if (!r.ok) throw r.error;
          const { indicators: ind, blocks } = r.value.model;
          expect(ind.items).toHaveLength(lines.length);
          ind.items.forEach((item, i) => {
            const g = lines[i]!;
            expect(item.line).toMatchObject({
              initial: g.initial,
              adjustment: g.adjustment,
              executed: g.executed,
              category: g.category,
            });
          });
          // Every figure judged against the oracle's, computed from the generator's own figures.
          const figures = ledgerFigures(
            lines.map((l, i) => ({
              name: `支出事项${i + 1}`,
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
          if (figures.total.executed !== 0n) expect(text).toContain(`累计支出${wanText(figures.total.executed)}万元`);
          const summary = r.value.plan.sheets.find((s) => s.name === '监控汇总')!;
          const expected = expectedSummary(figures, '测试单位', 2024);
          expectSummaryRows(seenFromPlan(summary), expected);
          expect(summary.charts.map((c) => [c.categories, c.series])).toEqual(
            expected.chartRows === null
              ? []
              : [
                  [
                    { col: 0, firstRow: expected.chartRows.first, lastRow: expected.chartRows.last },
                    [
                      { name: '执行率', col: 1, kind: 'bar' },
                      { name: '时间进度', col: 2, kind: 'line' },
                    ],
                  ],
                ],
          );
          // The report year is 2024 whatever else the title names.
          expect(r.value.model.year).toBe(2024);
          expect(r.value.model.organization).toBe('测试单位');
          // The 落款's 成文日期 is the day the report is made, which may be any later year.
          expect(blocksToText(blocks.filter((b) => b.kind !== 'sign'))).not.toMatch(/20(?!24)\d\d年/);
          expect(blocks.at(-1)).toMatchObject({
            kind: 'sign',
            text: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/),
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

const word = fc.constantFrom(
  '项目名称',
  '全年预算',
  '年初预算',
  '调整数',
  '1-8月执行',
  '执行率',
  '合计',
  '小计',
  '一、基本支出',
  '（一）人员支出',
  '单位：万元',
  '日期',
  '金额',
  '摘要',
  '2024年',
  '#N/A',
  '—',
  '￥1,000',
  '',
  '=1+1',
  '人员支出',
  '项目支出',
);
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  word,
  fc.string({ maxLength: 8 }),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ error: '#REF!' }),
  fc.date({ noInvalidDate: false }),
);

describe('any grid of cell values', () => {
  test('recognition returns a result or a LedgerError, never throws', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellValue, { maxLength: 8 }), { maxLength: 30 }),
        fc.option(fc.integer({ min: -2, max: 14 }), { nil: undefined }),
        (rows, month) => {
          const r = recognize(book(sheet('表', rows)), month === undefined ? {} : { month });
          if (!r.ok) expect(r.error).toBeInstanceOf(LedgerError);
          else {
            const full = buildReport(book(sheet('表', rows)), month === undefined ? {} : { month });
            expect(full.ok).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
