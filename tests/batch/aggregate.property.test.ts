/**
 * The aggregate on any set of units: totals are the exact sums (checked with BigInt, so a float
 * sum that drifts past 2^53 would show), ranking by 执行率 (computed here from the figures), the
 * distribution covers every unit once, failures are kept, and the most lagging lists are the largest.
 */
import fc from 'fast-check';
import { aggregateUnits, standingOf } from '../../src/core/batch/aggregate';
import { shortfallOf } from '../../src/core/batch/summarize';
import { type UnitOutcome, type UnitSummary, type UnitFigures } from '../../src/core/batch/types';

const CATS = ['人员支出', '公用支出', '项目支出'] as const;
/** 执行率 in 0.01%, half away from zero, computed independently of the product. */
const rateOf = (executed: number, budget: number): number | null => {
  if (budget <= 0) return null;
  const n = BigInt(executed) * 20000n + (executed < 0 ? -BigInt(budget) : BigInt(budget));
  return Number(n / (2n * BigInt(budget)));
};
const figures = (budget: number, executed: number): UnitFigures => ({
  budget,
  executed,
  rate: rateOf(executed, budget),
});

const money = fc.integer({ min: 0, max: 2_000_000_000_000 });
const unitArb = (i: number) =>
  fc
    .record({
      cats: fc.tuple(
        ...CATS.map(() =>
          fc
            .record({ budget: money, executed: money })
            .map((x) => ({ ...x, executed: Math.min(x.executed, x.budget * 2) })),
        ),
      ),
      month: fc.constantFrom(6, 8),
      lagging: fc.array(
        fc.record({ budget: fc.integer({ min: 1, max: 10_000_000_000 }), spent: fc.integer({ min: 0, max: 100 }) }),
        {
          maxLength: 4,
        },
      ),
    })
    .map(({ cats, month, lagging }): UnitSummary => {
      const budget = cats.reduce((s, c) => s + c.budget, 0);
      const executed = cats.reduce((s, c) => s + c.executed, 0);
      const tp = Math.round((month * 10000) / 12);
      const total = figures(budget, executed);
      const name = `单位${String(i).padStart(3, '0')}`;
      return {
        name,
        organization: name,
        file: `${name}.xlsx`,
        year: 2024,
        month,
        timeProgress: tp,
        initial: budget,
        adjustment: 0,
        total,
        categories: Object.fromEntries(CATS.map((c, k) => [c, figures(cats[k]!.budget, cats[k]!.executed)])) as Record<
          (typeof CATS)[number],
          UnitFigures
        >,
        deviation: total.rate === null ? null : total.rate - tp,
        shortfall: shortfallOf(budget, executed, tp),
        lagging: lagging.map((p, k) => {
          const spent = Math.floor((p.budget * p.spent) / 1000);
          return {
            unit: name,
            name: `项目${k}`,
            category: '项目支出' as const,
            budget: p.budget,
            executed: spent,
            rate: rateOf(spent, p.budget),
            deviation: null,
            shortfall: shortfallOf(p.budget, spent, tp),
            reason: '滞后',
          };
        }),
        unspentProjects: 0,
        targetsAtRisk: null,
        mismatchedProjects: 0,
        sichuan: null,
        warnings: 0,
        acceptedDifferences: 0,
        sheets: 1,
      };
    });

const outcomesArb = fc
  .integer({ min: 0, max: 30 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => unitArb(i))))
  .chain((units) =>
    fc.integer({ min: 0, max: 3 }).map((failed): UnitOutcome[] => [
      ...units.map((unit) => ({ ok: true as const, unit })),
      ...Array.from({ length: failed }, (_, k) => ({
        ok: false as const,
        failure: { name: `坏${k}`, file: `坏${k}.xlsx`, reason: '不是有效的 .xlsx 工作簿' },
      })),
    ]),
  );

test('totals are the exact sums, the ranking follows 执行率, nothing is lost', () => {
  fc.assert(
    fc.property(outcomesArb, (outcomes) => {
      const m = aggregateUnits(outcomes);
      const units = outcomes.flatMap((o) => (o.ok ? [o.unit] : []));
      const big = (f: (u: UnitSummary) => number) => units.reduce((s, u) => s + BigInt(f(u)), 0n);
      expect(BigInt(m.totals.total.budget)).toBe(big((u) => u.total.budget));
      expect(BigInt(m.totals.total.executed)).toBe(big((u) => u.total.executed));
      for (const c of CATS) expect(BigInt(m.totals.categories[c].budget)).toBe(big((u) => u.categories[c].budget));
      expect(m.totals.total.rate).toBe(
        rateOf(Number(big((u) => u.total.executed)), Number(big((u) => u.total.budget))),
      );
      expect(m.units).toHaveLength(units.length);
      expect(m.failures).toHaveLength(outcomes.length - units.length);
      // Ranking: rates never increase down the list; units without a rate at the end.
      const rates = m.units.map((u) => u.total.rate);
      const firstNull = rates.indexOf(null);
      if (firstNull >= 0) expect(rates.slice(firstNull).every((r) => r === null)).toBe(true);
      const rated = rates.filter((r): r is number => r !== null);
      for (let i = 1; i < rated.length; i++) expect(rated[i]!).toBeLessThanOrEqual(rated[i - 1]!);
      expect(Object.values(m.distribution).reduce((a, b) => a + b, 0)).toBe(units.length);
      // Lagging projects: all of them; the ten listed are the ten largest shortfalls.
      expect(m.lagging).toHaveLength(units.reduce((s, u) => s + u.lagging.length, 0));
      const shortfalls = units.flatMap((u) => u.lagging.map((p) => p.shortfall)).sort((a, b) => b - a);
      expect(m.mostLaggingProjects.map((p) => p.shortfall)).toEqual(shortfalls.slice(0, 10));
      const unitShortfalls = units
        .map((u) => u.shortfall)
        .filter((s) => s > 0)
        .sort((a, b) => b - a);
      expect(m.mostLaggingUnits.map((u) => u.shortfall)).toEqual(unitShortfalls.slice(0, 10));
    }),
    { numRuns: 150 },
  );
});

test('shortfall: what spending is short of 时间进度, rounded once to the 分, never negative', () => {
  expect(shortfallOf(100_000, 0, 6667)).toBe(66_670);
  expect(shortfallOf(3, 0, 5000)).toBe(2); // 1.5 分 rounds half away from zero
  expect(shortfallOf(100_000, 70_000, 6667)).toBe(0);
  expect(shortfallOf(0, 0, 6667)).toBe(0);
});

test('standing: at 时间进度 is on it; the gap threshold itself is far behind', () => {
  expect(standingOf(0, 10)).toBe('达到时间进度');
  expect(standingOf(1, 10)).toBe('达到时间进度');
  expect(standingOf(-1, 10)).toBe('略低于时间进度');
  expect(standingOf(-999, 10)).toBe('略低于时间进度');
  expect(standingOf(-1000, 10)).toBe('明显低于时间进度');
  expect(standingOf(-250, 2.5)).toBe('明显低于时间进度');
  expect(standingOf(null, 10)).toBe('无法计算');
});
