/**
 * Random hierarchies of groups and lines: each group row carries the sum of its children and is written
 * either above them (top) or below them (bottom); names are drawn from a pool that includes category
 * words (人员支出, 公用经费, 日常公用经费, 项目支出…), which must not decide anything. Whatever the shape,
 * the recognised items must be exactly the leaves, with their amounts, and the total their sum.
 *
 * The shapes and amounts come from ./hierarchy.ts (amounts distinct, no single-leaf groups: see there).
 */
import fc from 'fast-check';
import { type SheetGrid } from '../../src/core/grid/types';
import { buildReport } from '../../src/core/pipeline';
import { reportToJson, type JsonTotals } from '../../src/core/report/to-json';
import { forestArb, leavesOf, render, type Amounts, type RawNode } from './hierarchy';

const fen = (v: number): number => Math.round(v * 100);
const normalize = (name: string): string => name.replace(/[\s\u00a0\u3000]+/g, '');

interface Tally {
  lines: number;
  initial: number;
  adjustment: number;
  budget: number;
  executed: number;
}
function tally(into: Map<string, Tally>, name: string, a: Amounts, lines: number): void {
  const t = into.get(name) ?? { lines: 0, initial: 0, adjustment: 0, budget: 0, executed: 0 };
  t.lines += lines;
  t.initial += a.initial;
  t.adjustment += a.adjustment;
  t.budget += a.budget;
  t.executed += a.executed;
  into.set(name, t);
}
const fromJson = (t: JsonTotals): Amounts => ({
  initial: fen(t.initialBudget),
  adjustment: fen(t.adjustment),
  budget: fen(t.budget),
  executed: fen(t.executed),
});

/**
 * A group row with a plain name and no 序号, indentation or numbering is, by its looks, a line: only a
 * total that adds up confirms the structure. So the ledger here has its 合计 row, at the top or the
 * bottom, as ledgers do; the next property covers a ledger without one.
 */
test('任意层级（分组行在上或在下）加合计行：识别出的项目恰为叶子行，合计为叶子之和', () => {
  fc.assert(
    fc.property(forestArb, fc.constantFrom('top' as const, 'bottom' as const), (forest, totalAt) => {
      const leaves = leavesOf(forest);
      const body = render(forest, leaves);
      const sums = [...leaves.values()].reduce(
        (a, l) => ({
          initial: a.initial + l.initial,
          adjustment: a.adjustment + l.adjustment,
          budget: a.budget + l.budget,
          executed: a.executed + l.executed,
        }),
        { initial: 0, adjustment: 0, budget: 0, executed: 0 },
      );
      const yuan = (f: number): number => Number((f / 100).toFixed(2));
      const totalRow = ['合计', yuan(sums.initial), yuan(sums.adjustment), yuan(sums.budget), yuan(sums.executed)];
      const sheet: SheetGrid = {
        name: '台账',
        rows: [
          ['某县某局2024年预算执行台账'],
          [null, null, null, null, '单位：元'],
          ['项目名称', '年初预算', '年中调整', '全年预算', '1-8月执行数'],
          ...(totalAt === 'top' ? [totalRow, ...body] : [...body, totalRow]),
        ],
      };
      const result = buildReport({ sheets: [sheet] });
      if (!result.ok) throw new Error(`拒绝了：${result.error.message}`);
      const json = reportToJson(result.value.model);

      const want = new Map<string, Tally>();
      const total: Amounts = { initial: 0, adjustment: 0, budget: 0, executed: 0 };
      for (const l of leaves.values()) {
        tally(want, normalize(l.name), l, 1);
        total.initial += l.initial;
        total.adjustment += l.adjustment;
        total.budget += l.budget;
        total.executed += l.executed;
      }
      const got = new Map<string, Tally>();
      for (const i of json.items) tally(got, normalize(i.name), fromJson(i), (i as { lines?: number }).lines ?? 1);

      expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...want].sort()));
      expect(fromJson(json.total)).toEqual(total);
    }),
    { numRuns: 100 },
  );
});

test('没有合计行时，金额等于相邻行之和却无其他迹象的行不被悄悄当作汇总：按明细计入并提示，或被识别为汇总', () => {
  fc.assert(
    fc.property(forestArb, (forest) => {
      const leaves = leavesOf(forest);
      const body = render(forest, leaves);
      const sheet: SheetGrid = {
        name: '台账',
        rows: [
          ['某县某局2024年预算执行台账'],
          [null, null, null, null, '单位：元'],
          ['项目名称', '年初预算', '年中调整', '全年预算', '1-8月执行数'],
          ...body,
        ],
      };
      const result = buildReport({ sheets: [sheet] }, { acceptDifferences: true });
      if (!result.ok) throw new Error(`拒绝了：${result.error.message}`);
      const model = result.value.model;
      const lineRows = new Set(model.recognition.lines.flatMap((l) => l.rows ?? [l.row]));
      const said = model.warnings.map((w) => w.message).join('\n');
      // Every group row of the generated tree: either not a line, or named in a warning.
      const groupRows = new Set<number>();
      const walk = (nodes: readonly RawNode[], at: { row: number }): void => {
        for (const n of nodes) {
          if (n.kind === 'leaf') {
            at.row++;
            continue;
          }
          if (n.placement === 'top') groupRows.add(at.row++);
          walk(n.children, at);
          if (n.placement === 'bottom') groupRows.add(at.row++);
        }
      };
      walk(forest, { row: 4 });
      for (const r of groupRows) {
        if (lineRows.has(r)) expect(said).toContain(`第${r}行`);
      }
    }),
    { numRuns: 100 },
  );
});
