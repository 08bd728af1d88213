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
  const plan = ind.projectPlan;
  const amounts = new Set<string>(
    [
      ...groups.flatMap(allFigures),
      ...ind.items.flatMap((i) => [...allFigures(i.totals), i.line.executed - i.line.budget]),
      ...(ind.remaining === null ? [] : [ind.remaining]),
      plan.initialSum,
      plan.addedSum,
      Math.abs(plan.otherAdjustment),
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

/**
 * Asserts that every "x.xx万元" and "x.xx%" in the text is one of the model's figures, and that
 * the labelled sentences carry the right one (a figure in the wrong sentence is still wrong).
 */
export function expectNarrativeFiguresFromModel(text: string, ind: Indicators): void {
  const { amounts, percents } = modelFigures(ind);
  for (const m of text.matchAll(/(-?\d+\.\d{2})万元/g)) expect(amounts).toContain(m[1]);
  for (const m of text.matchAll(/(-?\d+\.\d{2})%/g)) expect(percents).toContain(`${m[1]}%`);
  const t = ind.total;
  expect(text).toContain(`年初预算${formatWan(t.initial)}万元，`);
  expect(text).toContain(`全年预算${formatWan(t.budget)}万元`);
  expect(text).toContain(`累计支出${formatWan(t.executed)}万元`);
  const words = { 人员支出: '人员支出', 公用支出: '日常公用支出', 项目支出: '项目支出' } as const;
  for (const k of ['人员支出', '公用支出', '项目支出'] as const) {
    const c = ind.categories[k];
    if (c.lines === 0) {
      expect(text).not.toContain(`${words[k]}${formatWan(c.executed)}万元，为全年预算`);
      continue;
    }
    const spent = `${words[k]}${formatWan(c.executed)}万元`;
    expect(text).toContain(
      c.rate === null
        ? `${spent}（全年预算为`
        : `${spent}，为全年预算${formatWan(c.budget)}万元的${formatPercent(c.rate)}`,
    );
  }
  if (ind.categories.项目支出.lines > 0 && ind.projectPlan.initialCount > 0) {
    expect(text).toContain(
      `年初预算安排${ind.projectPlan.initialCount}个项目${formatWan(ind.projectPlan.initialSum)}万元`,
    );
  }
}
