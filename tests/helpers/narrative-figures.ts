/**
 * The property both property suites check on every generated ledger: every amount and percentage
 * the narrative prints is one of the model's figures (a figure is computed once, in the model).
 */
import { type Indicators, type Totals } from '../../src/core/indicators/types';
import { formatPercent, formatWan } from '../../src/core/money/format';

function allFigures(t: Totals): number[] {
  return [
    t.initial,
    t.adjustment,
    Math.abs(t.adjustment),
    t.budget,
    t.executed,
    ...(t.forecast === null ? [] : [t.forecast]),
  ];
}

/** The 万元 strings ("516.42") and percentages ("62.75%") the model holds. */
export function modelFigures(ind: Indicators): { amounts: Set<string>; percents: Set<string> } {
  const groups = [ind.total, ind.basic, ...Object.values(ind.categories), ...ind.sources.map((s) => s.totals)];
  const projects = ind.items.filter((i) => i.line.category === '项目支出');
  const added = projects.filter((i) => i.line.initial === 0 && i.line.adjustment > 0);
  const sum = (xs: typeof projects) => xs.reduce((s, i) => s + i.line.budget, 0);
  const amounts = new Set<string>(
    [
      ...groups.flatMap(allFigures),
      ...ind.items.flatMap((i) => [...allFigures(i.totals), i.line.executed - i.line.budget]),
      ...(ind.remaining === null ? [] : [ind.remaining]),
      sum(added),
      sum(projects.filter((p) => !added.includes(p))),
    ].map((f) => formatWan(f)),
  );
  const percents = new Set<string>(
    [
      ind.timeProgress,
      ind.remainingShare,
      ...Object.values(ind.shares),
      ...[...groups, ...ind.items.map((i) => i.totals)].flatMap((t) => [t.rate, t.forecastRate]),
    ]
      .filter((p): p is number => p !== null)
      .map(formatPercent),
  );
  return { amounts, percents };
}

/** Asserts that every "x.xx万元" and "x.xx%" in the text is one of the model's figures. */
export function expectNarrativeFiguresFromModel(text: string, ind: Indicators): void {
  const { amounts, percents } = modelFigures(ind);
  for (const m of text.matchAll(/(-?\d+\.\d{2})万元/g)) expect(amounts).toContain(m[1]);
  for (const m of text.matchAll(/(-?\d+\.\d{2})%/g)) expect(percents).toContain(`${m[1]}%`);
}
