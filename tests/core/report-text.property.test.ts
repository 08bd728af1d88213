/**
 * The report as its signer reads it, over random ledgers with and without targets: each fact once,
 * counts that add up, no "部分" list of one, no instruction to the author outside a 【…】 request, a
 * 落款 at the end, and a write plan within Excel's limits.
 */
import fc from 'fast-check';
import { buildReport } from '../../src/core/pipeline';
import { type CellValue } from '../../src/core/grid/types';
import { type Block } from '../../src/core/report/types';
import { book, sheet, spendsOver150 } from '../helpers/grids';

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

const textOf = (b: Block): string => `${b.lead ?? ''}${b.text}`;

/** Sentences as a reader meets them: cut at 。！？, without the 落款. */
function sentences(blocks: readonly Block[]): string[] {
  return blocks
    .filter((b) => b.kind !== 'sign')
    .flatMap((b) => textOf(b).split(/[。！？]/))
    .map((s) => s.trim())
    .filter((s) => s.length > 15);
}

/** Each "共N项，a项…，b项…" announces N and its parts; the numbered parts must add up to N. */
function countsThatDoNotAddUp(blocks: readonly Block[]): string[] {
  const bad: string[] = [];
  for (const b of blocks) {
    for (const m of textOf(b).matchAll(/共(\d+)项[^，；。]*，([^；。]*)/g)) {
      const n = Number(m[1]);
      const parts = (m[2] ?? '').split('，').map((x) => /^(\d+)项/.exec(x)?.[1]);
      const numbered = parts.filter((x): x is string => x !== undefined).map(Number);
      const sum = numbered.reduce((a, x) => a + x, 0);
      // "共1项，已达到目标": one thing, said in the singular.
      if (!(sum === n || (n === 1 && numbered.length === 0))) bad.push(m[0]);
    }
  }
  return bad;
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

          const seen = new Map<string, number>();
          for (const s of sentences(blocks)) seen.set(s, (seen.get(s) ?? 0) + 1);
          expect([...seen].filter(([, n]) => n > 1).map(([s]) => s)).toEqual([]);

          expect(countsThatDoNotAddUp(blocks)).toEqual([]);

          // A heading "部分…" announces a list: at least two members (separated by ；).
          for (const b of blocks.filter((x) => x.lead?.includes('部分'))) expect(b.text).toMatch(/；/);

          // What the author must still do is a 【…】 request, never a plain sentence of the signed text.
          for (const b of blocks) {
            const signed = textOf(b).replace(/【[^】]*】/g, '');
            expect(signed).not.toMatch(/请(补充|填写|说明|核对|核实)|需说明原因|需核实原因/);
          }

          expect(blocks.slice(-2)).toEqual([
            expect.objectContaining({ kind: 'sign', text: '某某局' }),
            expect.objectContaining({ kind: 'sign', text: '2024年9月5日' }),
          ]);

          for (const s of r.value.plan.sheets) {
            for (const h of s.rowHeights?.values() ?? []) expect(h).toBeLessThanOrEqual(409);
            for (const w of s.columnWidths) expect(w).toBeLessThanOrEqual(255);
            for (const row of s.rows)
              for (const c of row) if (typeof c?.value === 'string') expect(c.value.length).toBeLessThanOrEqual(32767);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
