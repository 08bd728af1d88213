/**
 * The report as its signer reads it, over random ledgers with and without targets: each fact once,
 * counts that add up, no "部分" list of one, no instruction to the author outside a 【…】 request, a
 * 落款 at the end, and a write plan within Excel's limits.
 */
import fc from 'fast-check';
import { buildReport } from '../../src/core/pipeline';
import { type CellValue } from '../../src/core/grid/types';
import { book, sheet, spendsOver150 } from '../helpers/grids';
import { expectSignableText } from '../helpers/report-reading';

interface GenLine {
  project: boolean;
  initial: number;
  executed: number;
}

interface GenTarget {
  line: number;
  kind: string;
  target: number;
  actual: number | null;
  likelihood: string;
  reason: string;
  remark: string;
}

const genLine: fc.Arbitrary<GenLine> = fc.record({
  project: fc.boolean(),
  initial: fc.integer({ min: 1_000_00, max: 2_000_000_00 }),
  executed: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000_00 })),
});

const genTarget: fc.Arbitrary<GenTarget> = fc.record({
  line: fc.nat(),
  kind: fc.constantFrom('数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '服务对象满意度指标'),
  target: fc.integer({ min: 1, max: 500 }),
  actual: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
  likelihood: fc.constantFrom('确定能', '有可能', '完全不可能', ''),
  reason: fc.constantFrom('', '经费保障', '制度保障'),
  remark: fc.constantFrom('', '资金尚未下达', '年底集中结算'),
});

function workbook(lines: readonly GenLine[], targets: readonly GenTarget[] | null, month: number) {
  const name = (i: number): string => `事项${String.fromCharCode(0x4e00 + i)}工程`;
  const ledger = sheet('台账', [
    ['某某局2024年预算执行台账'],
    ['单位：元'],
    ['项目名称', '支出类别', '全年预算', `1-${month}月执行数`],
    ...lines.map((l, i): CellValue[] => [
      name(i),
      l.project ? '项目支出' : '公用支出',
      l.initial / 100,
      l.executed / 100,
    ]),
  ]);
  if (targets === null) return book(ledger);
  const rows: CellValue[][] = [
    [
      '项目名称',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      `1-${month}月完成情况`,
      '偏差原因',
      '完成目标可能性',
      '备注',
    ],
    ...targets.map((t, k): CellValue[] => [
      name(t.line % lines.length),
      t.kind.includes('满意度') ? '满意度指标' : t.kind.includes('效益') ? '效益指标' : '产出指标',
      t.kind,
      `指标${k + 1}`,
      `≥${t.target}人次`,
      t.actual === null ? null : `${t.actual}人次`,
      t.reason,
      t.likelihood,
      t.remark,
    ]),
  ];
  return book(ledger, sheet('绩效目标', rows));
}

describe('the report text over random ledgers', () => {
  test('each fact once, counts that add up, no 部分 of one, requests only inside 【】, a 落款, Excel’s limits', () => {
    fc.assert(
      fc.property(
        fc.array(genLine, { minLength: 1, maxLength: 40 }),
        fc.option(fc.array(genTarget, { minLength: 1, maxLength: 30 }), { nil: null }),
        fc.integer({ min: 1, max: 11 }),
        fc.boolean(),
        (lines, targets, month, includeBasic) => {
          const spends = lines.map((l) => ({
            category: l.project ? '项目支出' : '公用支出',
            initial: l.initial,
            adjustment: 0,
            executed: l.executed,
          }));
          const r = buildReport(workbook(lines, targets, month), {
            signedOn: { year: 2024, month: 9, day: 5 },
            includeBasic,
          });
          if (spendsOver150(spends)) return;
          if (!r.ok) throw r.error;
          const blocks = r.value.model.blocks;

          expectSignableText(blocks, r.value.plan);

          expect(blocks.slice(-2)).toEqual([
            expect.objectContaining({ kind: 'sign', text: '某某局' }),
            expect.objectContaining({ kind: 'sign', text: '2024年9月5日' }),
          ]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
