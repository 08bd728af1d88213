/**
 * An independent oracle for every figure the report shows: written from the domain rules
 * (../shared/domain.md), with BigInt and its own rounding, and importing nothing from src/. Tests
 * judge the product's printed figures, sheet cells and flags against what this file computes from
 * the raw ledger figures, so a bug in the product's formatters, indicators or plan cannot also
 * write the expected value.
 *
 * Units: money in 分 (bigint); percentages and points in 0.01% (bigint), as the report prints them.
 */

export type Fen = bigint;
/** 0.01% — 6455n is 64.55%; also used for gaps in 0.01 points. */
export type Hundredths = bigint;

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/**
 * n ÷ d rounded half away from zero.
 * @example divRound(5n, 2n) === 3n; divRound(-5n, 2n) === -3n; divRound(7n, 3n) === 2n
 */
export function divRound(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('oracle: division by zero');
  const negative = n < 0n !== d < 0n;
  const a = abs(n);
  const b = abs(d);
  const q = a / b;
  const up = (a % b) * 2n >= b ? q + 1n : q;
  return negative ? -up : up;
}

/**
 * A raw ledger figure in 分: a bigint or a safe integer is already 分; a string is a decimal in
 * 元 (or 万元) such as "1234.56", "-0.5" or "12.3456", converted exactly (more decimals than a 分
 * holds round half away from zero).
 * @example fen('516.42', '万元') === 5164200_00n; fen('0.005') === 1n; fen(12345) === 12345n
 */
export function fen(x: bigint | number | string, unit: '元' | '万元' = '元'): Fen {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'number') {
    if (!Number.isSafeInteger(x)) throw new RangeError(`oracle: ${x} is not a whole number of 分`);
    return BigInt(x);
  }
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(x.trim());
  if (!m) throw new Error(`oracle: “${x}” is not a decimal`);
  const [, sign = '', int = '0', frac = ''] = m;
  const places = BigInt(frac.length);
  const scaled = BigInt(int + frac); // the value × 10^places, in the unit
  const perUnit = unit === '万元' ? 1_000_000n : 100n;
  const v = divRound(scaled * perUnit, 10n ** places);
  return sign === '-' ? -v : v;
}

/** An integer count of hundredths as "d.dd" (with "-" when negative, never "-0.00"). */
function hundredthsText(h: bigint): string {
  const digits = abs(h).toString().padStart(3, '0');
  return `${h < 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Groups the digits of a non-negative integer string by thousands. */
function thousands(int: string): string {
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += ',';
    out += int[i];
  }
  return out;
}

/**
 * 万元 with two decimals, as the report prints it (no thousands separators), rounded half away
 * from zero from exact 分.
 * @example wanText(5164200_00n) === '516.42'; wanText(1_225_000n) === '1.23'; wanText(-1_225_000n) === '-1.23'
 */
export function wanText(f: Fen): string {
  return hundredthsText(divRound(f, 10_000n));
}

/** 万元 as the number a sheet cell holds (shown with the 万元 number format). */
export function wanNumber(f: Fen): number {
  return Number(wanText(f));
}

/**
 * 元 with two decimals and a comma every three digits.
 * @example yuanText(123456789n) === '1,234,567.89'; yuanText(-100000n) === '-1,000.00'
 */
export function yuanText(f: Fen): string {
  const t = hundredthsText(f);
  const negative = t.startsWith('-');
  const [int = '', frac = ''] = (negative ? t.slice(1) : t).split('.');
  return `${negative ? '-' : ''}${thousands(int)}.${frac}`;
}

/** "64.55%". */
export function pctText(p: Hundredths): string {
  return `${hundredthsText(p)}%`;
}

/** The size of a gap without its sign: "3.92". */
export function pointsText(p: Hundredths): string {
  return hundredthsText(abs(p));
}

/** A percentage as the fraction a "0.00%" cell holds: 7071n → 0.7071. */
export function pctFraction(p: Hundredths): number {
  const digits = abs(p).toString().padStart(5, '0');
  return Number(`${p < 0n ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`);
}

/** Points as the number a "+0.00;-0.00" cell holds: -392n → -3.92. */
export function pointsNumber(p: Hundredths): number {
  return Number(hundredthsText(p));
}

/**
 * 执行率 = 执行数 ÷ 全年预算 in 0.01%; null when there is no rate (a budget of 0, or a negative
 * one: nothing can be spent "of" it).
 * @example rate(36871235n, 57120000n) === 6455n; rate(1n, 0n) === null
 */
export function rate(executed: Fen, budget: Fen): Hundredths | null {
  if (budget <= 0n) return null;
  return divRound(executed * 10_000n, budget);
}

/**
 * 时间进度 = N ÷ 12 in 0.01%.
 * @example timeProgress(8) === 6667n; timeProgress(4) === 3333n; timeProgress(12) === 10000n
 */
export function timeProgress(month: number): Hundredths {
  return divRound(BigInt(month) * 10_000n, 12n);
}

/** 偏差 = the rounded 执行率 − the rounded 时间进度, in 0.01 points; null without a rate. */
export function deviation(r: Hundredths | null, tp: Hundredths): Hundredths | null {
  return r === null ? null : r - tp;
}

/** The 四川省预警线 for 1–N月: 25% from April, 40% from June, 60% from August, 80% from October. */
export function sichuanLine(month: number): Hundredths | null {
  if (month >= 10) return 8000n;
  if (month >= 8) return 6000n;
  if (month >= 6) return 4000n;
  if (month >= 4) return 2500n;
  return null;
}

/** "低于时间进度3.92个百分点", "高于…", "与时间进度持平", as the narrative words a gap. */
export function gapWords(dev: Hundredths | null): string {
  if (dev === null) return '无法与时间进度比较';
  if (dev === 0n) return '与时间进度持平';
  return `${dev < 0n ? '低于' : '高于'}时间进度${pointsText(dev)}个百分点`;
}

/** "64.55%" or the words for no rate. */
export function pctOrNone(p: Hundredths | null): string {
  return p === null ? '无法计算（全年预算为0）' : pctText(p);
}

/** The source of a line in a ledger without a 资金来源 column (README: 全部按一般公共预算列示). */
export const NO_SOURCE = '一般公共预算';

export type OracleCategory = '人员支出' | '公用支出' | '项目支出';
export const ORACLE_CATEGORIES: readonly OracleCategory[] = ['人员支出', '公用支出', '项目支出'];

/** One ledger line as the ledger holds it. */
export interface RawLine {
  readonly name: string;
  readonly category: OracleCategory;
  readonly initial: Fen;
  readonly adjustment: Fen;
  readonly executed: Fen;
  readonly forecast: Fen | null;
  /** 资金来源; a ledger without that column has every line 一般公共预算 (NO_SOURCE). */
  readonly source?: string;
}

export interface GroupFigures {
  readonly lines: number;
  readonly initial: Fen;
  readonly adjustment: Fen;
  /** 全年预算 = 年初 + 调整. */
  readonly budget: Fen;
  readonly executed: Fen;
  /** null when some line (or every line, or no line) has no forecast. */
  readonly forecast: Fen | null;
  readonly rate: Hundredths | null;
  readonly deviation: Hundredths | null;
  readonly forecastRate: Hundredths | null;
}

export type OracleStatus = '未执行' | '超预算' | '滞后' | '正常';

export interface LineFigures extends GroupFigures {
  readonly name: string;
  readonly category: OracleCategory;
  readonly source: string;
  readonly status: OracleStatus;
  readonly flagged: boolean;
}

export interface FlagRules {
  /** Points below 时间进度 that flag a line (default 10). */
  readonly gapPoints?: number;
  readonly rule?: 'gap' | 'sichuan';
  /** Also judge 公用 lines (and 人员 lines outside the Sichuan rule). */
  readonly includeBasic?: boolean;
}

export interface LedgerFigures {
  readonly month: number;
  readonly timeProgress: Hundredths;
  /** The rate below which a line is flagged; null when the rule has no line this month. */
  readonly warningLine: Hundredths | null;
  readonly total: GroupFigures;
  readonly basic: GroupFigures;
  readonly categories: Readonly<Record<OracleCategory, GroupFigures>>;
  /** Each category's 全年预算 as a share of the whole 全年预算. */
  readonly shares: Readonly<Record<OracleCategory, Hundredths | null>>;
  /** By 资金来源, in the order the sources first appear. */
  readonly sources: readonly { readonly name: string; readonly figures: GroupFigures }[];
  readonly lines: readonly LineFigures[];
  readonly flagged: readonly LineFigures[];
  /** 年初 projects, projects added in the year (年初 0, 调增 > 0), and every other change. */
  readonly projectPlan: {
    readonly initialCount: number;
    readonly initialSum: Fen;
    readonly addedCount: number;
    readonly addedSum: Fen;
    readonly otherAdjustment: Fen;
  };
  /** Forecast − spent so far, and its share of the 全年预算 (null without a forecast). */
  readonly remaining: Fen | null;
  readonly remainingShare: Hundredths | null;
}

export function group(lines: readonly RawLine[], tp: Hundredths): GroupFigures {
  let initial = 0n;
  let adjustment = 0n;
  let executed = 0n;
  let forecast: Fen | null = lines.length === 0 ? null : 0n;
  for (const l of lines) {
    initial += l.initial;
    adjustment += l.adjustment;
    executed += l.executed;
    forecast = forecast === null || l.forecast === null ? null : forecast + l.forecast;
  }
  const budget = initial + adjustment;
  const r = rate(executed, budget);
  return {
    lines: lines.length,
    initial,
    adjustment,
    budget,
    executed,
    forecast,
    rate: r,
    deviation: deviation(r, tp),
    forecastRate: forecast === null ? null : rate(forecast, budget),
  };
}

/**
 * The status a line is given: nothing spent of a budget → 未执行; more spent than the budget →
 * 超预算; below 时间进度 → 滞后 (exactly at it is not behind); otherwise 正常.
 */
export function status(g: GroupFigures): OracleStatus {
  if (g.budget > 0n && g.executed <= 0n) return '未执行';
  if (g.executed > 0n && g.executed > g.budget) return '超预算';
  if (g.deviation !== null && g.deviation < 0n) return '滞后';
  return '正常';
}

/** A gap given in points (10, 7.5) in 0.01 points, rounded half away from zero. */
export function pointsToHundredths(points: number): Hundredths {
  return fen(points.toFixed(6));
}

/**
 * Every figure of a ledger at the end of month N, from its raw lines. Each line is judged on its
 * own (the ledgers the tests build never spread one project over several rows).
 */
export function ledgerFigures(raw: readonly RawLine[], month: number, rules: FlagRules = {}): LedgerFigures {
  const tp = timeProgress(month);
  const gapPoints = rules.gapPoints ?? 10;
  const rule = rules.rule ?? 'gap';
  const warningLine = rule === 'sichuan' ? sichuanLine(month) : tp - pointsToHundredths(gapPoints);
  const inScope = (c: OracleCategory): boolean =>
    c === '项目支出' || (rules.includeBasic === true && (rule !== 'sichuan' || c !== '人员支出'));
  const lines: LineFigures[] = raw.map((l) => {
    const g = group([l], tp);
    const s = status(g);
    const behind = g.rate !== null && warningLine !== null && g.rate < warningLine;
    return {
      ...g,
      name: l.name,
      category: l.category,
      source: l.source ?? NO_SOURCE,
      status: s,
      flagged: inScope(l.category) && (s === '未执行' || behind),
    };
  });
  const of = (c: OracleCategory): RawLine[] => raw.filter((l) => l.category === c);
  const categories = {
    人员支出: group(of('人员支出'), tp),
    公用支出: group(of('公用支出'), tp),
    项目支出: group(of('项目支出'), tp),
  };
  const total = group(raw, tp);
  const shares = {
    人员支出: rate(categories.人员支出.budget, total.budget),
    公用支出: rate(categories.公用支出.budget, total.budget),
    项目支出: rate(categories.项目支出.budget, total.budget),
  };
  const projects = of('项目支出');
  const fromStart = projects.filter((l) => l.initial > 0n);
  const added = projects.filter((l) => l.initial === 0n && l.adjustment > 0n);
  const initialSum = fromStart.reduce((s, l) => s + l.initial, 0n);
  const addedSum = added.reduce((s, l) => s + l.initial + l.adjustment, 0n);
  const remaining = total.forecast === null ? null : total.forecast - total.executed;
  return {
    month,
    timeProgress: tp,
    warningLine,
    total,
    basic: group([...of('人员支出'), ...of('公用支出')], tp),
    categories,
    shares,
    sources: [...new Set(lines.map((l) => l.source))].map((name) => ({
      name,
      figures: group(
        raw.filter((l) => (l.source ?? NO_SOURCE) === name),
        tp,
      ),
    })),
    lines,
    flagged: lines.filter((l) => l.flagged),
    projectPlan: {
      initialCount: fromStart.length,
      initialSum,
      addedCount: added.length,
      addedSum,
      otherAdjustment: categories.项目支出.budget - initialSum - addedSum,
    },
    remaining,
    remainingShare: remaining === null ? null : rate(remaining, total.budget),
  };
}
