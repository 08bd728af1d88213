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
import { forestArb, leavesOf, render, type Amounts, type Leaf, type RawNode } from './hierarchy';

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

/** The ledger of a random forest, with its 合计 row at the top or the bottom, and the leaves' sums. */
function ledgerOf(forest: readonly RawNode[], totalAt: 'top' | 'bottom'): { sheet: SheetGrid; leaves: Leaf[] } {
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
  return { sheet, leaves: [...leaves.values()] };
}

/** True when the report's items are exactly the leaves (by name, rows and amounts) and its total their sum. */
function readExactly(json: ReturnType<typeof reportToJson>, leaves: readonly Leaf[]): void {
  const want = new Map<string, Tally>();
  const total: Amounts = { initial: 0, adjustment: 0, budget: 0, executed: 0 };
  for (const l of leaves) {
    tally(want, normalize(l.name), l, 1);
    total.initial += l.initial;
    total.adjustment += l.adjustment;
    total.budget += l.budget;
    total.executed += l.executed;
  }
  const got = new Map<string, Tally>();
  for (const i of json.items) tally(got, normalize(i.name), fromJson(i), i.lines);
  expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...want].sort()));
  expect(fromJson(json.total)).toEqual(total);
}

/**
 * A group row with a plain name and no 序号, indentation or numbering is, by its looks, a line: only a
 * total that adds up confirms the structure. So the ledger here has its 合计 row, at the top or the
 * bottom, as ledgers do; the last property covers a ledger without one.
 *
 * Never silently wrong: either the items are exactly the leaves, or the report is refused with the
 * 合计 row named. (A few deep trees of identically named rows are refused; the next test measures
 * how few.)
 */
test('任意层级（分组行在上或在下）加合计行：识别出的项目恰为叶子行，否则拒绝并指出合计行', () => {
  fc.assert(
    fc.property(forestArb, fc.constantFrom('top' as const, 'bottom' as const), (forest, totalAt) => {
      const { sheet, leaves } = ledgerOf(forest, totalAt);
      const result = buildReport({ sheets: [sheet] });
      if (!result.ok) {
        expect(result.error.field).toBe('discrepancy');
        const totalRow = totalAt === 'top' ? 4 : sheet.rows.length;
        expect(result.error.message).toContain(`第${totalRow}行`);
        return;
      }
      readExactly(reportToJson(result.value.model), leaves);
    }),
    { numRuns: 100 },
  );
});

test('随机层级台账（固定种子，300个）：至少97%被完整读对', () => {
  const samples = fc.sample(fc.tuple(forestArb, fc.constantFrom('top' as const, 'bottom' as const)), {
    numRuns: 300,
    seed: 20261130,
  });
  let exact = 0;
  for (const [forest, totalAt] of samples) {
    const { sheet, leaves } = ledgerOf(forest, totalAt);
    const result = buildReport({ sheets: [sheet] });
    if (!result.ok) continue;
    // A report that is published must be right.
    readExactly(reportToJson(result.value.model), leaves);
    exact++;
  }
  expect(exact / samples.length).toBeGreaterThanOrEqual(0.97);
});

/** The sheet of a forest without any 合计 row, and the 1-based rows of its group rows. */
function bareLedger(forest: readonly RawNode[]): { sheet: SheetGrid; leaves: Leaf[]; groupRows: Set<number> } {
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
  return { sheet, leaves: [...leaves.values()], groupRows };
}

const SUMS_HINT = '正好等于相邻几行之和';

/**
 * Without a 合计 row nothing can confirm a plain-named group row, so the reading may count one as a
 * line — but never silently: then a warning names the rows whose amounts equal their neighbours'.
 */
test('没有合计行时：分组行被当作明细，必有提示指出金额等于相邻行之和的行', () => {
  fc.assert(
    fc.property(forestArb, (forest) => {
      const { sheet, groupRows } = bareLedger(forest);
      const result = buildReport({ sheets: [sheet] });
      if (!result.ok) throw new Error(`拒绝了：${result.error.message}`);
      const model = result.value.model;
      const lineRows = new Set(model.recognition.lines.flatMap((l) => l.rows ?? [l.row]));
      if ([...groupRows].some((r) => lineRows.has(r))) {
        expect(model.warnings.some((w) => w.message.includes(SUMS_HINT))).toBe(true);
      }
    }),
    { numRuns: 100 },
  );
});

test('没有合计行时（固定种子，200个）：用户把提示的行标为合计行，至少95%随之读对', () => {
  const samples = fc.sample(forestArb, { numRuns: 200, seed: 20261130 });
  let exact = 0;
  for (const forest of samples) {
    const { sheet, leaves, groupRows } = bareLedger(forest);
    const rowRoles: Record<number, 'total'> = {};
    for (let round = 0; round < 6; round++) {
      const result = buildReport({ sheets: [sheet] }, { rowRoles });
      if (!result.ok) break;
      const model = result.value.model;
      const lineRows = new Set(model.recognition.lines.flatMap((l) => l.rows ?? [l.row]));
      if ([...groupRows].every((r) => !lineRows.has(r))) {
        readExactly(reportToJson(model), leaves);
        exact++;
        break;
      }
      const hint = model.warnings.find((w) => w.message.includes(SUMS_HINT));
      if (!hint) break;
      for (const m of hint.message.matchAll(/第(\d+)行/g)) rowRoles[Number(m[1])] = 'total';
    }
  }
  console.log(`无合计行的随机台账：${exact}/${samples.length} 读对`);
  expect(exact / samples.length).toBeGreaterThanOrEqual(0.95);
});
