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
      ...nonNull(Object.values(pace(f))),
      ...restSums(f),
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
  if (g.executed === 0n && g.budget > 0n) return `${label}全年预算${wan(g.budget)}，尚未支出`;
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
    (total.executed === 0n && total.budget > 0n
      ? `本单位全年预算${wan(total.budget)}尚未支出，`
      : `本单位累计支出${spentOf('', total)}，`) +
      `时间进度为${pctText(f.timeProgress)}，${gapWords(total.deviation)}。其中：` +
      `${present.map((k) => spentOf(WORDS[k], cat[k])).join('；')}。`,
  );
  const b = f.basic;
  expect(text).toContain(
    b.lines === 0
      ? '本单位台账未列基本支出。'
      : `基本支出全年预算${wan(b.budget)}，${p}执行${wan(b.executed)}，执行率${pctOrNone(b.rate)}，${gapWords(b.deviation)}，主要用于保障`,
  );
  const projects = f.lines.filter((l) => l.category === '项目支出');
  if (projects.length === 0) expect(text).toContain('年本单位未安排项目支出。');
  else {
    // 三（一）: how the projects came about, said only when something changed during the year.
    const plan = f.projectPlan;
    const origin = [
      plan.initialCount > 0 ? `年初安排${plan.initialCount}个${wan(plan.initialSum)}` : '年初未安排项目',
      plan.addedCount > 0 ? `年中追加${plan.addedCount}个${wan(plan.addedSum)}` : '',
      plan.otherAdjustment === 0n
        ? ''
        : `年中${plan.otherAdjustment > 0n ? '调增' : '调减'}项目预算${wan(abs(plan.otherAdjustment))}`,
    ].filter((x) => x !== '');
    const said = origin.length > 1 || plan.initialCount === 0 ? `（${origin.join('，')}）` : '';
    expect(text).toContain(`项目支出共${projects.length}个${said}，`);
    // 三（三）2: every project by itself up to ten; beyond, the flagged ones and the largest few.
    if (projects.length <= 10) {
      projects.forEach((l, n) => {
        expect(text).toContain(`（${n + 1}）${l.name}，全年预算${wan(l.budget)}`);
        expect(text).toContain(
          l.status === '未执行'
            ? `${l.name}，全年预算${wan(l.budget)}；${p}尚未支出。`
            : l.budget === 0n && l.executed === 0n
              ? `${l.name}，全年预算${wan(0n)}；${p}未发生支出。`
              : `${p}支出${wan(l.executed)}，执行率${pctOrNone(l.rate)}，${gapWords(l.deviation)}。`,
        );
      });
    } else {
      expect(text).toMatch(new RegExp(`其余\\d+个项目全年预算合计`));
    }
  }

  // 五: the flagged lines, with the rule, each with its figures (the largest ten when many); none when nothing is behind.
  if (f.flagged.length > 0) {
    expect(text).toContain(`${f.flagged.length}个${noun(f.flagged)}执行率低于`);
    const listed =
      f.flagged.length > 10 ? [...f.flagged].sort((a, b) => Number(b.budget - a.budget)).slice(0, 10) : f.flagged;
    for (const l of listed) {
      expect(text).toContain(
        l.status === '未执行' ? `${l.name}尚未支出` : `${l.name}执行率${pctOrNone(l.rate)}，${gapWords(l.deviation)}`,
      );
    }
    expect(text).toContain(`${f.flagged.length}个${noun(f.flagged)}执行进度滞后`);
  } else {
    expect(text).not.toMatch(/个(项目|支出事项)执行进度滞后/);
  }
  const over = f.lines.filter((x) => x.status === '超预算');
  if (over.length === 0) expect(text).not.toMatch(/(部分|1项)支出超预算/);
  for (const l of over) {
    expect(text).toContain(
      `${l.name}全年预算${wan(l.budget)}，已支出${wan(l.executed)}，超出${wan(l.executed - l.budget)}`,
    );
  }

  // 四（一）: the forecast, what is left to spend to reach it, and at what monthly pace.
  if (total.forecast !== null) {
    expect(text).toContain(
      `全年预算${wan(total.budget)}，预计全年执行${wan(total.forecast)}，预计执行率${pctOrNone(total.forecastRate)}。`,
    );
  }
  const still = `${f.month + 1}-12月还需支出`;
  if (total.forecast === null) expect(text).toContain('【台账未填列全年预计执行数');
  else if (f.remaining !== null && f.remaining < 0n) {
    expect(text).toContain(`【全年预计执行数${wan(total.forecast)}低于${p}已执行的${wan(total.executed)}`);
  } else if (f.month === 12) expect(text).not.toContain(still);
  else {
    const { past, needed } = pace(f);
    expect(text).toContain(
      `要实现全年预计执行数，${still}${wan(f.remaining ?? 0n)}，占全年预算的${pctOrNone(f.remainingShare)}，` +
        `月均${wan(needed ?? 0n)}，${p}月均支出${wan(past)}，${(needed ?? 0n) > past ? `后${12 - f.month}个月须加快支出` : '按目前进度可以实现'}。`,
    );
  }
}

/**
 * Beyond ten projects the text names some and sums the rest; the sums of those rests, by the rules
 * the report states (三（一）: all but the five largest; 三（三）: all but the ten largest flagged and the
 * three largest others; 五: the flagged beyond the ten largest), from the oracle's lines.
 */
function restSums(f: LedgerFigures): bigint[] {
  const projects = f.lines.filter((l) => l.category === '项目支出');
  const largest = (xs: readonly LineFigures[], n: number): LineFigures[] =>
    [...xs].sort((a, b) => (b.budget > a.budget ? 1 : b.budget < a.budget ? -1 : 0)).slice(0, n);
  const sum = (xs: readonly LineFigures[], k: 'budget' | 'executed'): bigint => xs.reduce((s, l) => s + l[k], 0n);
  const out: bigint[] = [];
  if (projects.length > 10) {
    const top5 = new Set(largest(projects, 5));
    out.push(
      sum(
        projects.filter((l) => !top5.has(l)),
        'budget',
      ),
    );
    const named = new Set([
      ...largest(
        projects.filter((l) => l.flagged),
        10,
      ),
      ...largest(
        projects.filter((l) => !l.flagged),
        3,
      ),
    ]);
    const rest = projects.filter((l) => !named.has(l));
    out.push(sum(rest, 'budget'), sum(rest, 'executed'));
  }
  if (f.flagged.length > 10) {
    const top = new Set(largest(f.flagged, 10));
    const rest = f.flagged.filter((l) => !top.has(l));
    out.push(sum(rest, 'budget'), sum(rest, 'executed'));
  }
  return out;
}

/**
 * Monthly spending so far and needed after month N, computed here from the oracle's figures with
 * BigInt rounding half away from zero (the product computes them in indicators/compute.ts).
 */
function pace(f: LedgerFigures): { past: bigint; needed: bigint | null } {
  const half = (n: bigint, d: bigint): bigint => (n < 0n ? -((-n * 2n + d) / (2n * d)) : (n * 2n + d) / (2n * d));
  const past = half(f.total.executed, BigInt(f.month));
  const needed =
    f.remaining === null || f.remaining < 0n || f.month >= 12 ? null : half(f.remaining, BigInt(12 - f.month));
  return { past, needed };
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
