/**
 * The property both property suites check on every generated ledger: every amount, percentage and
 * gap the narrative prints is one of the ledger's figures, and the labelled sentences carry the
 * right one. The expected figures come from the independent oracle (tests/oracle/oracle.ts),
 * computed from the generator's raw figures — never from the product's model or formatters.
 */
import { type Indicators, type Totals } from '../../src/core/indicators/types';
import {
  type GroupFigures,
  type Hundredths,
  type LedgerFigures,
  type LineFigures,
  type OracleCategory,
  ORACLE_CATEGORIES,
  gapWords,
  pctOrNone,
  pctText,
  pointsText,
  wanText,
} from '../oracle/oracle';

const wan = (f: bigint): string => `${wanText(f)}万元`;
const abs = (n: bigint): bigint => (n < 0n ? -n : n);
const nonNull = <T>(xs: readonly (T | null)[]): T[] => xs.filter((x): x is T => x !== null);

function groups(f: LedgerFigures): GroupFigures[] {
  return [f.total, f.basic, ...Object.values(f.categories), ...f.sources.map((s) => s.figures)];
}

function amountsOf(g: GroupFigures): bigint[] {
  return nonNull([g.initial, g.adjustment, abs(g.adjustment), g.budget, g.executed, g.forecast]);
}

/** The 万元 strings ("516.42"), percentages ("62.75%") and gaps ("3.92") of the ledger. */
export function ledgerFigureTexts(f: LedgerFigures): {
  amounts: Set<string>;
  percents: Set<string>;
  points: Set<string>;
} {
  const plan = f.projectPlan;
  const amounts = new Set(
    [
      ...groups(f).flatMap(amountsOf),
      ...f.lines.flatMap((l) => [...amountsOf(l), l.executed - l.budget]),
      ...nonNull([f.remaining]),
      plan.initialSum,
      plan.addedSum,
      abs(plan.otherAdjustment),
    ].map(wanText),
  );
  const percents = new Set(
    nonNull<Hundredths>([
      f.timeProgress,
      f.warningLine,
      f.remainingShare,
      ...Object.values(f.shares),
      ...[...groups(f), ...f.lines].flatMap((g) => [g.rate, g.forecastRate]),
    ]).map(pctText),
  );
  const points = new Set(nonNull([...groups(f), ...f.lines].map((g) => g.deviation)).map(pointsText));
  return { amounts, percents, points };
}

const WORDS: Readonly<Record<OracleCategory, string>> = {
  人员支出: '人员支出',
  公用支出: '日常公用支出',
  项目支出: '项目支出',
};

const period = (month: number): string => (month === 1 ? '1月' : `1-${month}月`);

/** "名称X万元", with a comma where the name ends in a digit (so the two cannot run together). */
const named = (name: string, f: bigint): string => `${name}${/[\d.]$/.test(name) ? '，' : ''}${wan(f)}`;

function spentOf(label: string, g: GroupFigures): string {
  if (g.rate === null)
    return `${named(label, g.executed)}（全年预算为${g.budget === 0n ? '0' : wan(g.budget)}，无执行率）`;
  return `${named(label, g.executed)}，为全年预算${wan(g.budget)}的${pctText(g.rate)}`;
}

function adjustmentWords(a: bigint): string {
  if (a === 0n) return '年中未调整预算';
  return `年中${a > 0n ? '调增' : '调减'}预算${wan(abs(a))}`;
}

const noun = (flagged: readonly LineFigures[]): string =>
  flagged.every((l) => l.category === '项目支出') ? '项目' : '支出事项';

/**
 * Asserts that every "x.xx万元", "x.xx%" and "x.xx个百分点" in the text is one of the ledger's
 * figures, and that the labelled sentences carry the right ones: the budget and its change, the
 * shares, spending against time progress (低于 / 高于 / 持平), each project, the flagged lines and
 * the forecast.
 */
export function expectNarrativeFiguresFromLedger(text: string, f: LedgerFigures): void {
  const { amounts, percents, points } = ledgerFigureTexts(f);
  for (const m of text.matchAll(/(-?\d+\.\d{2})万元/g)) expect(amounts).toContain(m[1]);
  for (const m of text.matchAll(/(-?\d+\.\d{2})%/g)) expect(percents).toContain(`${m[1]}%`);
  for (const m of text.matchAll(/(\d+\.\d{2})个百分点/g)) expect(points).toContain(m[1]);
  const { total, categories: cat } = f;
  const present = ORACLE_CATEGORIES.filter((k) => cat[k].lines > 0);
  const p = period(f.month);

  // 三（一）: the budget, its change, and each category with its share of the 全年预算.
  const shares = present.map(
    (k) => `${WORDS[k]}${wan(cat[k].budget)}${f.shares[k] === null ? '' : `，占${pctText(f.shares[k])}`}`,
  );
  expect(text).toContain(
    `年初预算${wan(total.initial)}，${adjustmentWords(total.adjustment)}，全年预算${wan(total.budget)}。其中：${shares.join('；')}。`,
  );
  // 三（二）: spending against 时间进度, then each category.
  expect(text).toContain(
    `本单位累计支出${spentOf('', total)}，时间进度为${pctText(f.timeProgress)}，${gapWords(total.deviation)}。其中：` +
      `${present.map((k) => spentOf(WORDS[k], cat[k])).join('；')}。`,
  );
  const b = f.basic;
  expect(text).toContain(
    b.lines === 0
      ? '本单位台账未列基本支出。'
      : `基本支出全年预算${wan(b.budget)}，${p}执行${wan(b.executed)}，执行率${pctOrNone(b.rate)}，${gapWords(b.deviation)}。`,
  );
  const projects = f.lines.filter((l) => l.category === '项目支出');
  if (projects.length === 0) expect(text).toContain('年本单位未安排项目支出。');
  else {
    const plan = f.projectPlan;
    const parts = [
      plan.initialCount > 0 ? `年初预算安排${plan.initialCount}个项目${wan(plan.initialSum)}` : '年初未安排项目',
      plan.addedCount > 0 ? `年中追加${plan.addedCount}个项目${wan(plan.addedSum)}` : '',
      plan.otherAdjustment === 0n
        ? ''
        : `年中${plan.otherAdjustment > 0n ? '调增' : '调减'}项目预算${wan(abs(plan.otherAdjustment))}`,
    ].filter((x) => x !== '');
    const c = cat.项目支出;
    expect(text).toContain(
      `${parts.join('，')}，${plan.otherAdjustment === 0n ? '' : '调整后'}共计${wan(c.budget)}。` +
        `${p}项目支出${wan(c.executed)}，执行率${pctOrNone(c.rate)}，${gapWords(c.deviation)}。`,
    );
    projects.slice(0, 30).forEach((l, n) => {
      const how = l.status === '未执行' ? '尚未支出' : gapWords(l.deviation);
      expect(text).toContain(
        `（${n + 1}）${l.name}，全年预算${wan(l.budget)}。${p}已支出${wan(l.executed)}，执行率${pctOrNone(l.rate)}，${how}。`,
      );
    });
  }

  // 五: the flagged lines, with the rule, each with its figures; none when nothing is behind.
  if (f.flagged.length > 0) {
    expect(text).toContain(`以下${f.flagged.length}个${noun(f.flagged)}执行率低于`);
    f.flagged.slice(0, 30).forEach((l, k) => {
      const how = l.status === '未执行' ? '尚未支出' : gapWords(l.deviation);
      expect(text).toContain(
        `${k + 1}.${l.name}，全年预算${wan(l.budget)}，已支出${wan(l.executed)}，执行率${pctOrNone(l.rate)}，${how}`,
      );
    });
    expect(text).toContain(`${f.flagged.length}个${noun(f.flagged)}执行进度滞后`);
  } else {
    expect(text).not.toMatch(/个(项目|支出事项)执行进度滞后/);
  }
  const over = f.lines.filter((x) => x.status === '超预算');
  if (over.length === 0) expect(text).not.toContain('部分支出超预算');
  for (const l of over) {
    expect(text).toContain(
      `${l.name}全年预算${wan(l.budget)}，已支出${wan(l.executed)}，超出${wan(l.executed - l.budget)}`,
    );
  }

  // 四（一）: the forecast, and what is left to spend to reach it.
  expect(text).toContain(
    `年初预算${wan(total.initial)}，${adjustmentWords(total.adjustment)}，全年预算${wan(total.budget)}` +
      (total.forecast === null
        ? '。'
        : `，全年预计执行${wan(total.forecast)}，预计执行率${pctOrNone(total.forecastRate)}。`),
  );
  const still = `${f.month + 1}-12月还需支出`;
  if (total.forecast === null) expect(text).toContain('【台账未填列全年预计执行数');
  else if (f.remaining !== null && f.remaining < 0n) {
    expect(text).toContain(`【全年预计执行数${wan(total.forecast)}低于${p}已执行的${wan(total.executed)}`);
  } else if (f.month === 12) expect(text).not.toContain(still);
  else {
    expect(text).toContain(
      `${p}实际执行率为${pctOrNone(total.rate)}，${gapWords(total.deviation)}；要实现全年预计执行数，` +
        `${still}${wan(f.remaining ?? 0n)}，占全年预算的${pctOrNone(f.remainingShare)}。`,
    );
  }
}

const n = (x: bigint | null): number | null => (x === null ? null : Number(x));

function expectTotals(t: Totals, g: GroupFigures, label: string): void {
  expect({ label, ...t }).toMatchObject({
    label,
    initial: Number(g.initial),
    adjustment: Number(g.adjustment),
    budget: Number(g.budget),
    executed: Number(g.executed),
    forecast: n(g.forecast),
    rate: n(g.rate),
    deviation: n(g.deviation),
    forecastRate: n(g.forecastRate),
    lines: g.lines,
  });
}

/** The model's 执行率, 偏差, shares, statuses and flags are the oracle's. */
export function expectIndicatorsFromLedger(ind: Indicators, f: LedgerFigures): void {
  expect(ind.timeProgress).toBe(Number(f.timeProgress));
  expect(ind.warningLine).toBe(n(f.warningLine));
  expectTotals(ind.total, f.total, '合计');
  expectTotals(ind.basic, f.basic, '基本支出');
  for (const k of ORACLE_CATEGORIES) {
    expectTotals(ind.categories[k], f.categories[k], k);
    expect([k, ind.shares[k]]).toEqual([k, n(f.shares[k])]);
  }
  expect(ind.items).toHaveLength(f.lines.length);
  ind.items.forEach((item, i) => {
    const l = f.lines[i]!;
    expectTotals(item.totals, l, l.name);
    expect([l.name, item.status, item.flagged]).toEqual([l.name, l.status, l.flagged]);
  });
  expect(ind.flagged.map((i) => i.line.name)).toEqual(f.flagged.map((l) => l.name));
  expect(ind.remaining).toBe(n(f.remaining));
  expect(ind.remainingShare).toBe(n(f.remainingShare));
}
