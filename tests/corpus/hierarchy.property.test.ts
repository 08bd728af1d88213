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
import { forestArb, leavesOf, render, type Amounts } from './hierarchy';

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

test('任意层级（分组行在上或在下）识别出的项目恰为叶子行，合计为叶子之和', () => {
  fc.assert(
    fc.property(forestArb, (forest) => {
      const leaves = leavesOf(forest);
      const sheet: SheetGrid = {
        name: '台账',
        rows: [
          ['某县某局2024年预算执行台账'],
          [null, null, null, null, '单位：元'],
          ['项目名称', '年初预算', '年中调整', '全年预算', '1-8月执行数'],
          ...render(forest, leaves),
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
