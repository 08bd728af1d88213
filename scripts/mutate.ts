/**
 * `npm run mutate`: plants realistic bugs one at a time and checks that the tests notice (not part of
 * `npm test` or CI; about 10 minutes on 2 cores, most of it on the few mutants that survive stage 1).
 *
 * Each mutant is one string replacement in one source file (MUTANTS below). The run happens in a
 * copy of the project in the system's temporary folder (node_modules linked, not copied), so the
 * working tree is never touched, whatever happens; in that copy the file is written back after
 * every mutant, in a `finally`, and on Ctrl-C before the copy is removed.
 *
 * For each mutant the tests run in two stages, each stopping at the first failing file:
 *   1. the few test files most likely to notice (the mutant's `tests`, else its file's group's);
 *   2. only if they all pass: every other test file that imports the mutated file
 *      (`jest --findRelatedTests`) plus the group's extra files (tests that spawn the CLI, say),
 *      the browser tests left out (they rebuild the bundle).
 * A mutant is killed when a test fails (or the run times out), survived when all pass; a test file
 * that kills one is checked once on the unmutated code (one that fails there is left out).
 * The score is over the files the issue names (money, indicators, phrases, build-plan, the CLI
 * entry point) and, separately, over all mutants, with every survivor listed.
 *
 *   npm run mutate                    all mutants
 *   npm run mutate -- --only wan      mutants whose id contains "wan"
 *   npm run mutate -- --list          list the mutants without running them
 *   npm run mutate -- --head          src/ as committed (git HEAD), the tests as in the working tree:
 *                                     for a tree whose src/ holds unfinished changes
 *
 * Exit code: 0 when at least 90% of the mutants in the scored files are killed, 1 otherwise (or when a
 * mutant no longer applies because its source changed: update its `from`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface Mutant {
  /** Short and unique, for --only. */
  readonly id: string;
  /** Relative to the project root. */
  readonly file: string;
  readonly from: string;
  readonly to: string;
  /** The bug as a user would meet it. */
  readonly bug: string;
  /** Stage 1 (test files or folders, relative): overrides the group's. */
  readonly tests?: readonly string[];
}

interface Group {
  /** Source files, by prefix. */
  readonly prefix: string;
  /** Counted in the issue's score. */
  readonly scored: boolean;
  /** Stage 1. */
  readonly first: readonly string[];
  /** Added to stage 2 (tests that reach the file without importing it). */
  readonly extra: readonly string[];
}

const ORACLE = 'tests/oracle/';

const GROUPS: readonly Group[] = [
  { prefix: 'src/core/money/', scored: true, first: ['tests/core/money.test.ts', ORACLE], extra: [] },
  {
    prefix: 'src/core/indicators/',
    scored: true,
    first: ['tests/core/indicators.test.ts', 'tests/core/sample-golden.test.ts', ORACLE],
    extra: [],
  },
  {
    prefix: 'src/core/report/phrases.ts',
    scored: true,
    first: ['tests/core/sample-golden.test.ts', ORACLE],
    extra: [],
  },
  {
    prefix: 'src/core/plan/build-plan.ts',
    scored: true,
    first: ['tests/core/sample-golden.test.ts', 'tests/xlsx/apply-plan.test.ts', ORACLE],
    extra: [],
  },
  { prefix: 'src/cli/main.ts', scored: true, first: ['tests/cli/process.test.ts'], extra: [] },
  // Not in the issue's score: the other places its survivors were found.
  { prefix: 'src/cli/', scored: false, first: ['tests/cli/'], extra: [] },
  {
    prefix: 'src/core/targets/',
    scored: false,
    first: ['tests/core/targets-golden.test.ts', 'tests/core/targets-parse.test.ts', ORACLE],
    extra: [],
  },
  { prefix: 'src/core/recognize/', scored: false, first: ['tests/core/recognize-shapes.test.ts', ORACLE], extra: [] },
  { prefix: 'src/taskpane/', scored: false, first: ['tests/taskpane/options.test.tsx'], extra: ['tests/taskpane/'] },
  { prefix: 'src/core/batch/', scored: false, first: ['tests/batch/'], extra: ['tests/host/batch-files.test.ts'] },
  { prefix: 'src/xlsx/file-kind.ts', scored: false, first: ['tests/batch/batch.test.ts', 'tests/cli/'], extra: [] },
];

const MONEY = 'src/core/money/';
const IND = 'src/core/indicators/';
const PHRASES = 'src/core/report/phrases.ts';
const PLAN = 'src/core/plan/build-plan.ts';
const MAIN = 'src/cli/main.ts';

/** Bugs as they happen: rounding, signs, boundaries, units, off-by-one, a default changed, a path dropped. */
export const MUTANTS: readonly Mutant[] = [
  // --- money: rounding, formatting, parsing ---
  {
    id: 'round-truncate',
    file: `${MONEY}fen.ts`,
    from: 'const out = sign * (2 * r >= b ? q + 1 : q);',
    to: 'const out = sign * q;',
    bug: 'every rounding truncates (64.555% → 64.55%)',
  },
  {
    id: 'round-half-even',
    file: `${MONEY}fen.ts`,
    from: 'const out = sign * (2 * r >= b ? q + 1 : q);',
    to: 'const out = sign * (2 * r > b || (2 * r === b && q % 2 === 1) ? q + 1 : q);',
    bug: "banker's rounding: half to even",
  },
  {
    id: 'round-math-round',
    file: `${MONEY}fen.ts`,
    from: 'const out = sign * (2 * r >= b ? q + 1 : q);',
    to: 'const out = Math.round(num / den);',
    bug: 'Math.round: a negative half rounds up (−0.005 → 0.00), float division',
  },
  {
    id: 'yuan-integer',
    file: `${MONEY}fen.ts`,
    from: 'return Number((fen / 100).toFixed(2));',
    to: 'return Number((fen / 100).toFixed(0));',
    bug: 'report.json amounts rounded to whole 元',
  },
  {
    id: 'wan-truncate',
    file: `${MONEY}format.ts`,
    from: 'return formatHundredths(roundDiv(fen, 10000));',
    to: 'return formatHundredths(Math.trunc(fen / 10000));',
    bug: '万元 figures truncated instead of rounded',
  },
  {
    id: 'wan-tofixed',
    file: `${MONEY}format.ts`,
    from: 'return formatHundredths(roundDiv(fen, 10000));',
    to: 'return (fen / 1_000_000).toFixed(2);',
    bug: '万元 through binary floating point: 1.005万 prints 1.00',
  },
  {
    id: 'wan-half-even',
    file: `${MONEY}format.ts`,
    from: 'return formatHundredths(roundDiv(fen, 10000));',
    to: 'return formatHundredths(Math.abs(fen % 20000) === 5000 ? Math.trunc(fen / 10000) : roundDiv(fen, 10000));',
    bug: '万元 rounded half-even',
  },
  {
    id: 'yuan-one-comma',
    file: `${MONEY}format.ts`,
    from: "digits.replace(/\\B(?=(\\d{3})+$)/g, ',')",
    to: "digits.replace(/\\B(?=(\\d{3})$)/g, ',')",
    bug: 'formatYuan puts one thousands comma ("1234,567.89")',
  },
  {
    id: 'yuan-no-minus',
    file: `${MONEY}format.ts`,
    from: "return `${neg ? '-' : ''}${digits.replace",
    to: 'return `${digits.replace',
    bug: 'formatYuan drops the minus sign',
  },
  {
    id: 'hundredths-padend',
    file: `${MONEY}format.ts`,
    from: "String(frac).padStart(2, '0')",
    to: "String(frac).padEnd(2, '0')",
    bug: '0.05 printed as 0.50',
  },
  {
    id: 'hundredths-no-minus',
    file: `${MONEY}format.ts`,
    from: "return `${neg ? '-' : ''}${int}.",
    to: 'return `${int}.',
    bug: 'negative amounts and percents print without their minus sign',
  },
  {
    id: 'points-signed',
    file: `${MONEY}format.ts`,
    from: 'return formatHundredths(Math.abs(p));',
    to: 'return formatHundredths(p);',
    bug: '"低于时间进度-3.92个百分点"',
  },
  {
    id: 'wan-cell-unrounded',
    file: `${MONEY}format.ts`,
    from: 'return roundDiv(fen, 10000) / 100;',
    to: 'return fen / 1_000_000;',
    bug: '监控汇总 cells hold unrounded 万元 (the printed column does not add up)',
  },
  {
    id: 'rate-floor',
    file: `${MONEY}percent.ts`,
    from: 'return roundDiv(numerator * 10000, denominator);',
    to: 'return Math.floor((numerator * 10000) / denominator);',
    bug: '执行率 truncated',
  },
  {
    id: 'rate-zero-budget',
    file: `${MONEY}percent.ts`,
    from: 'if (denominator <= 0) return null;',
    to: 'if (denominator < 0) return null;',
    bug: 'a zero budget divides by zero',
  },
  {
    id: 'time-progress-floor',
    file: `${MONEY}percent.ts`,
    from: 'return roundDiv(month * 10000, 12);',
    to: 'return Math.floor((month * 10000) / 12);',
    bug: '时间进度 66.66% at 1-8月',
  },
  {
    id: 'fraction-2dp',
    file: `${MONEY}percent.ts`,
    from: 'return Number((p / 10000).toFixed(4));',
    to: 'return Number((p / 10000).toFixed(2));',
    bug: 'report.json rates with two decimals (0.65 for 64.55%)',
  },
  {
    id: 'paren-not-negative',
    file: `${MONEY}parse-amount.ts`,
    from: 'negative = true;\n    text = paren[1]',
    to: 'negative = false;\n    text = paren[1]',
    bug: '"(1,234.00)" read as positive',
  },
  {
    id: 'wan-suffix-ignored',
    file: `${MONEY}parse-amount.ts`,
    from: "if (text.endsWith('万元') || text.endsWith('万')) {",
    to: "if (text.endsWith('万元')) {",
    bug: '"57.12万" not read',
  },
  {
    id: 'fullwidth-comma',
    file: `${MONEY}parse-amount.ts`,
    from: ".replace(/[,，']/g, '')",
    to: ".replace(/[,']/g, '')",
    bug: 'amounts with a full-width comma not read',
  },
  {
    id: 'dash-not-zero',
    file: `${MONEY}parse-amount.ts`,
    from: "if (text === '' || DASHES.test(text)) return",
    to: "if (text === '') return",
    bug: '"-" and "—" cells are errors instead of zero',
  },
  {
    id: 'decimal-half-down',
    file: `${MONEY}parse-decimal.ts`,
    from: 'const small = Number(digits) + (next >= 5 ? 1 : 0);',
    to: 'const small = Number(digits) + (next > 5 ? 1 : 0);',
    bug: 'text amounts with a third decimal 5 rounded down',
  },
  {
    id: 'number-truncate',
    file: `${MONEY}parse-decimal.ts`,
    from: '    const r = Math.round(scaled);\n    if (Math.abs(scaled - r) < 1e-6) return r === 0 ? 0 : r;',
    to: '    return Math.trunc(scaled);',
    bug: 'numeric cells × 100 truncated (1234.56 → 123455 分)',
  },
  // --- indicators: the rules that flag a line ---
  {
    id: 'default-gap-15',
    file: `${IND}compute.ts`,
    from: 'options.gapPoints ?? 10',
    to: 'options.gapPoints ?? 15',
    bug: 'the default gap changed from 10 to 15 points',
  },
  {
    id: 'warning-line-strict',
    file: `${IND}compute.ts`,
    from: 't.rate >= warningLine) return null;',
    to: 't.rate > warningLine) return null;',
    bug: 'a line exactly on the warning line is flagged',
  },
  {
    id: 'lagging-at-zero',
    file: `${IND}compute.ts`,
    from: 'if (t.deviation !== null && t.deviation < 0) return',
    to: 'if (t.deviation !== null && t.deviation <= 0) return',
    bug: '滞后 when the deviation is 0',
  },
  {
    id: 'over-budget-at-100',
    file: `${IND}compute.ts`,
    from: 'if (t.executed > t.budget && t.executed > 0)',
    to: 'if (t.executed >= t.budget && t.executed > 0)',
    bug: 'a line spent exactly to its budget is 超预算',
  },
  {
    id: 'shares-of-initial',
    file: `${IND}compute.ts`,
    from: 'shares[c] = ratePercent(byCategory[c].budget, total.budget);',
    to: 'shares[c] = ratePercent(byCategory[c].initial, total.initial);',
    bug: 'category shares (占xx%) against 年初预算',
  },
  {
    id: 'include-basic-ignored',
    file: `${IND}compute.ts`,
    from: "    const inScope =\n      line.category === '项目支出' || (includeBasic && (rule !== 'sichuan' || line.category !== '人员支出'));",
    to: "    const inScope = line.category === '项目支出';",
    bug: '包含基本支出 has no effect',
  },
  {
    id: 'sichuan-personnel',
    file: `${IND}compute.ts`,
    from: "(includeBasic && (rule !== 'sichuan' || line.category !== '人员支出'))",
    to: 'includeBasic',
    bug: '人员支出 flagged under the 四川 rule',
  },
  {
    id: 'unspent-not-flagged',
    file: `${IND}compute.ts`,
    from: "  if (status === '未执行') return '尚未支出';\n",
    to: '',
    bug: 'a project with nothing spent is not flagged when the line is low (四川 before April)',
  },
  {
    id: 'gap-not-points',
    file: `${IND}compute.ts`,
    from: 'tp - Math.round(gapPoints * 100)',
    to: 'tp - Math.round(gapPoints)',
    bug: 'the gap taken in hundredths of a point',
  },
  {
    id: 'reason-vs-line',
    file: `${IND}compute.ts`,
    from: '低于时间进度${formatPoints(t.rate - tp)}个百分点',
    to: '低于时间进度${formatPoints(t.rate - warningLine)}个百分点',
    bug: 'the reason gives the distance to the warning line, not to 时间进度',
  },
  {
    id: 'added-projects',
    file: `${IND}compute.ts`,
    from: 'l.initial === 0 && l.adjustment - (l.carryover ?? 0) > 0',
    to: 'l.initial === 0',
    bug: 'projects with no budget at all counted as added during the year',
  },
  {
    id: 'remaining-vs-budget',
    file: `${IND}compute.ts`,
    from: 'total.forecast - total.executed',
    to: 'total.forecast - total.budget',
    bug: 'the remaining spending measured from the budget',
  },
  {
    id: 'no-project-grouping',
    file: `${IND}compute.ts`,
    from: '    if (idx.length < 2) continue;\n',
    to: '    continue;\n',
    bug: 'one project on several 指标 rows flagged line by line',
  },
  {
    id: 'deviation-sign',
    file: `${IND}totals.ts`,
    from: 'deviation: rate === null ? null : rate - timeProgress,',
    to: 'deviation: rate === null ? null : timeProgress - rate,',
    bug: 'a unit ahead of time told it is behind',
  },
  {
    id: 'forecast-missing-zero',
    file: `${IND}totals.ts`,
    from: 'forecast = forecast === null || l.forecast === null ? null : forecast + l.forecast;',
    to: 'forecast = forecast === null ? null : forecast + (l.forecast ?? 0);',
    bug: 'a missing 全年预计 counted as 0',
  },
  {
    id: 'adjustment-abs',
    file: `${IND}totals.ts`,
    from: 'adjustment += l.adjustment;',
    to: 'adjustment += Math.abs(l.adjustment);',
    bug: 'a 调减 added as a 调增 in the totals',
  },
  {
    id: 'sichuan-august',
    file: `${IND}warning-line.ts`,
    from: 'if (month >= 8) return 6000;',
    to: 'if (month > 8) return 6000;',
    bug: 'the 四川 60% line from September',
  },
  {
    id: 'sichuan-march',
    file: `${IND}warning-line.ts`,
    from: 'if (month >= 4) return 2500;',
    to: 'if (month >= 3) return 2500;',
    bug: 'the 四川 25% line already in March',
  },
  {
    id: 'gap-over-100',
    file: `${IND}options.ts`,
    from: 'gap >= 0 && gap <= 100',
    to: 'gap >= 0',
    bug: 'a gap of 150 points accepted',
  },
  // --- phrases ---
  {
    id: 'cut-as-increase',
    file: PHRASES,
    from: "adjustment > 0 ? '调增' : '调减'",
    to: "adjustment !== 0 ? '调增' : '调减'",
    bug: '调减 printed as 调增',
  },
  {
    id: 'ahead-as-behind',
    file: PHRASES,
    from: "deviation < 0 ? '低于' : '高于'",
    to: "deviation > 0 ? '低于' : '高于'",
    bug: 'a unit ahead of time told it is "低于时间进度"',
  },
  {
    id: 'no-level',
    file: PHRASES,
    from: "  if (deviation === 0) return '与时间进度持平';\n",
    to: '',
    bug: '"高于时间进度0.00个百分点"',
  },
  {
    id: 'name-digit-comma',
    file: PHRASES,
    from: '/[\\d.]$/.test(name)',
    to: '/\\.$/.test(name)',
    bug: '"支出事项10.00万元" (name and amount run together)',
  },
  {
    id: 'chinese-ten',
    file: PHRASES,
    from: 'if (n <= 10) return digits[n] ?? String(n);',
    to: 'if (n < 10) return digits[n] ?? String(n);',
    bug: 'section 十 printed as 十零',
  },
  {
    id: 'period-january',
    file: PHRASES,
    from: "return month === 1 ? '1月' : `1-${month}月`;",
    to: 'return `1-${month}月`;',
    bug: '"1-1月"',
  },
  {
    id: 'no-rate-text',
    file: PHRASES,
    from: "`${nameWithAmount(label, executed)}（全年预算为${budget === 0 ? '0' : wan(budget)}，无执行率）`",
    to: '`${nameWithAmount(label, executed)}，为全年预算${wan(budget)}的0.00%`',
    bug: 'a category without budget said to be at 0.00%',
  },
  // --- the 监控汇总 sheet, the chart, the highlights ---
  {
    id: 'sheet-wan-x100',
    file: PLAN,
    from: 'cell(fenToWanNumber(fen), total',
    to: 'cell(fenToWanNumber(fen) * 100, total',
    bug: '监控汇总 amounts ×100',
  },
  {
    id: 'sheet-rate-x100',
    file: PLAN,
    from: "cell(p / 10000, total ? 'totalPercent' : 'percent')",
    to: "cell(p / 100, total ? 'totalPercent' : 'percent')",
    bug: '监控汇总 执行率 cells ×100',
  },
  {
    id: 'sheet-points-scale',
    file: PLAN,
    from: "cell(p / 100, total ? 'totalPoints' : 'points')",
    to: "cell(p / 10000, total ? 'totalPoints' : 'points')",
    bug: '监控汇总 偏差 cells ÷100',
  },
  {
    id: 'sheet-basic-is-total',
    file: PLAN,
    from: "totalsRow('基本支出小计', '', ind.basic, true)",
    to: "totalsRow('基本支出小计', '', ind.total, true)",
    bug: '基本支出小计 shows the grand total',
  },
  {
    id: 'sheet-flagged-basic-missing',
    file: PLAN,
    from: "i.line.category === '项目支出' || i.flagged",
    to: "i.line.category === '项目支出'",
    bug: 'flagged basic lines missing from 项目支出明细',
  },
  {
    id: 'chart-categories-off-by-one',
    file: PLAN,
    from: 'categories: { col: 0, firstRow: chartFirst, lastRow: chartLast }',
    to: 'categories: { col: 0, firstRow: chartFirst - 1, lastRow: chartLast - 1 }',
    bug: "the chart's category range one row up",
  },
  {
    id: 'chart-progress-x100',
    file: PLAN,
    from: "cell(ind.timeProgress / 10000, 'percent')",
    to: "cell(ind.timeProgress / 100, 'percent')",
    bug: "the chart's 时间进度 column ×100",
  },
  {
    id: 'chart-null-bars',
    file: PLAN,
    from: '    if (rate === null) continue;\n',
    to: '',
    bug: 'a group without budget drawn as a 0% bar',
  },
  {
    id: 'highlight-one-column',
    file: PLAN,
    from: '      firstCol: 0,\n      lastCol,',
    to: '      firstCol: 0,\n      lastCol: 0,',
    bug: 'the highlight covers column A only',
  },
  {
    id: 'highlight-row-off-by-one',
    file: PLAN,
    from: '      row: row - 1,',
    to: '      row,',
    bug: 'the highlight one row below the line',
  },
  {
    id: 'highlight-first-row-only',
    file: PLAN,
    from: '(i.line.rows ?? [i.line.row]).map((row) => ({',
    to: '[i.line.row].map((row) => ({',
    bug: 'a project on several rows highlighted on its first row only',
  },
  {
    id: 'status-ok-styled-warn',
    file: PLAN,
    from: "status === '' || status === '正常' ? (total",
    to: "status === '' ? (total",
    bug: '正常 lines styled as warnings',
  },
  // --- the command line process ---
  {
    id: 'exit-0-on-failure',
    file: MAIN,
    from: 'process.exitCode = r.code;',
    to: 'process.exitCode = 0;',
    bug: 'the CLI exits 0 when the ledger is refused',
  },
  {
    id: 'exit-0-on-crash',
    file: MAIN,
    from: 'process.exitCode = 3;',
    to: 'process.exitCode = 0;',
    bug: 'the CLI exits 0 on an internal error',
  },
  {
    id: 'stack-always',
    file: MAIN,
    from: 'if (process.env.DEBUG) console.error(e);',
    to: 'console.error(e);',
    bug: 'the stack trace printed without DEBUG=1',
  },
  {
    id: 'argv-off-by-one',
    file: MAIN,
    from: 'process.argv.slice(2)',
    to: 'process.argv.slice(1)',
    bug: 'the script itself taken for the ledger',
  },
  // --- elsewhere: where the issue's other survivors were found (not in the score) ---
  {
    id: 'cli-usage-exit-1',
    file: 'src/cli/run.ts',
    from: 'return { code: e.message ? 2 : 0, files: [] };',
    to: 'return { code: e.message ? 1 : 0, files: [] };',
    bug: 'a wrong command line exits 1 like a bad ledger',
  },
  {
    id: 'cli-write-error-internal',
    file: 'src/cli/run.ts',
    from: '    if (!isSystemError(e)) throw e;\n',
    to: '    throw e;\n',
    bug: 'an unwritable --out reported as an internal error',
  },
  {
    id: 'journal-subtotals',
    file: 'src/core/recognize/journal.ts',
    from: '/^(合计|总计|小计|本月合计|本月小计|本期合计|累计|本年累计)/',
    to: '/^(合计|总计)/',
    bug: 'journal 小计/本月合计 rows counted as payments',
  },
  {
    id: 'journal-subtotal-in-summary',
    file: 'src/core/recognize/journal.ts',
    from: 'if (SUBTOTAL.test(key) || SUBTOTAL.test(fold(summary))) continue;',
    to: 'if (SUBTOTAL.test(key)) continue;',
    bug: 'a 小计 row with the word in 摘要 and a project name beside it counted as a payment',
  },
  {
    id: 'deadline-due-this-month',
    file: 'src/core/targets/evaluate.ts',
    from: "} else if (month < t.month) status = '未到期';",
    to: "} else if (month <= t.month) status = '未到期';",
    bug: 'a target due in the report month called 未到期',
  },
  {
    id: 'target-lag-at-gap',
    file: 'src/core/targets/evaluate.ts',
    from: '} else if (ratio < timeProgress - gapPoints * 100) {',
    to: '} else if (ratio <= timeProgress - gapPoints * 100) {',
    bug: 'a target exactly at the gap called 滞后',
  },
  {
    id: 'mismatch-at-gap',
    file: 'src/core/targets/compute.ts',
    from: 'Math.abs(gap) > gapPoints * 100',
    to: 'Math.abs(gap) >= gapPoints * 100',
    bug: 'a target/spending gap of exactly 10 points said to be a mismatch',
  },
  {
    id: 'pane-drops-indicator-options',
    file: 'src/taskpane/App.tsx',
    from: '      ...settings.indicators,\n      ...settings.title,',
    to: '      ...settings.title,',
    bug: 'the pane silently drops the 预警规则 options when generating',
  },
  {
    id: 'pane-drops-gap',
    file: 'src/taskpane/components/OptionsPanel.tsx',
    from: 'onChange({ ...options, gapPoints: v });',
    to: 'onChange({ ...options });',
    bug: 'the 偏差阈值 field changes nothing',
  },
  // The 汇总 of many units (issue 15).
  {
    id: 'batch-rank-reversed',
    file: 'src/core/batch/aggregate.ts',
    from: 'return rb - ra;',
    to: 'return ra - rb;',
    bug: 'the 汇总 ranks the units lowest 执行率 first',
  },
  {
    id: 'batch-total-drops-a-unit',
    file: 'src/core/batch/aggregate.ts',
    from: 'const totals = totalsOf(units);',
    to: 'const totals = totalsOf(units.slice(1));',
    bug: 'the 合计 leaves out the best-ranked unit',
  },
  {
    id: 'batch-failure-dropped',
    file: 'src/core/batch/aggregate.ts',
    from: 'else failures.push(o.failure);',
    to: 'else if (failures.length === 0) failures.push(o.failure);',
    bug: 'only the first unreadable ledger is listed, the others vanish',
  },
  {
    id: 'batch-standing-at-time-progress',
    file: 'src/core/batch/aggregate.ts',
    from: 'if (deviation >= 0) return',
    to: 'if (deviation > 0) return',
    bug: 'a unit exactly at 时间进度 is counted as behind it',
  },
  {
    id: 'batch-shortfall-truncated',
    file: 'src/core/batch/summarize.ts',
    from: 'const due = roundDiv(budget * timeProgress, 10000);',
    to: 'const due = Math.floor((budget * timeProgress) / 10000);',
    bug: 'the amount behind 时间进度 truncated instead of rounded to the 分',
  },
  {
    id: 'batch-sichuan-personnel',
    file: 'src/core/batch/summarize.ts',
    from: "budget: categories['公用支出'].budget + categories['项目支出'].budget,",
    to: "budget: categories['公用支出'].budget + categories['项目支出'].budget + categories['人员支出'].budget,",
    bug: 'the 四川预警 of a unit counts personnel spending, which the rule leaves out',
  },
  {
    id: 'batch-split-keeps-other-units',
    file: 'src/core/batch/split-units.ts',
    from: 'text(row[uc.col]) === unit ? row : []',
    to: 'text(row[uc.col]) !== unit && r < 0 ? [] : row',
    bug: 'each unit of one export is reported with every unit’s rows',
  },
  {
    id: 'batch-split-total-is-a-unit',
    file: 'src/core/batch/split-units.ts',
    from: "if (unit === '' || TOTAL_WORDS.test(unit)) continue;",
    to: "if (unit === '') continue;",
    bug: 'the export’s 合计 row becomes a unit of its own',
  },
  {
    id: 'batch-names-collide',
    file: 'src/core/batch/unit-file.ts',
    from: 'names = names.map((n, i) => (seen.get(n.toLowerCase())! > 1',
    to: 'names = names.map((n, i) => (seen.get(n.toLowerCase())! > 2',
    bug: 'two units of one organisation write into one folder',
  },
  {
    id: 'batch-encrypted-called-xls',
    file: 'src/xlsx/file-kind.ts',
    from: "if (contains(b, ENCRYPTED_PACKAGE) && contains(b, ENCRYPTION_INFO)) return 'encrypted-ooxml';",
    to: "if (contains(b, ENCRYPTED_PACKAGE) && contains(b, ENCRYPTION_INFO)) return 'workbook';",
    bug: 'an encrypted ledger is reported as an old .xls (in the 汇总 and for one unit)',
  },
  {
    id: 'bulletin-spent-is-budget',
    file: 'src/core/batch/bulletin.ts',
    from: '累计支出${wan(t.total.executed)}',
    to: '累计支出${wan(t.total.budget)}',
    bug: 'the 通报 prints the budget as the spending',
  },
  {
    id: 'summary-sheet-off-by-a-fen',
    file: 'src/core/batch/summary-plan.ts',
    from: "cell(fenToYuan(fen), total ? 'totalWan' : 'wan')",
    to: "cell(fenToYuan(fen + (total ? 1 : 0)), total ? 'totalWan' : 'wan')",
    bug: 'the 汇总.xlsx 合计 row is a 分 off the sum of its rows',
  },
];

// ---------------------------------------------------------------------------------------------

const ROOT = path.join(__dirname, '..');
const JEST = path.join('node_modules', 'jest', 'bin', 'jest.js');
const TIMEOUT_MS = 240_000;
const TARGET_SCORE = 0.9;
/** Never run here: the browser tests rebuild the production bundle for every change. */
const NEVER = ['tests/e2e/'];
/** Not copied into the sandbox. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.tmp', 'dist', 'out', 'coverage', 'test-artifacts']);

type Outcome = 'killed' | 'survived' | 'timeout';

interface Result {
  readonly mutant: Mutant;
  readonly outcome: Outcome;
  /** The test file that failed first, or the stage that timed out. */
  readonly by: string;
  readonly seconds: number;
  readonly scored: boolean;
}

let running: ChildProcess | null = null;

interface JestRun {
  readonly ok: boolean;
  readonly timedOut: boolean;
  readonly failed: readonly string[];
  readonly output: string;
}

/** Runs jest in the sandbox (with --bail=1 in args: stops at the first failing test file). */
function jest(cwd: string, args: readonly string[]): Promise<JestRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [JEST, '--ci', '--silent', '--maxWorkers=2', ...args], {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      running = null;
      const failed = [...output.matchAll(/^FAIL (\S+)/gm)].map((m) => m[1]!);
      resolve({ ok: code === 0 && !timedOut, timedOut, failed, output });
    });
  });
}

async function listTests(cwd: string, args: readonly string[]): Promise<string[]> {
  const r = await jest(cwd, ['--listTests', '--json', ...args]);
  const json = r.output.slice(r.output.indexOf('['), r.output.lastIndexOf(']') + 1);
  return (JSON.parse(json || '[]') as string[])
    .map((f) => path.relative(cwd, f).split(path.sep).join('/'))
    .filter((f) => !NEVER.some((n) => f.startsWith(n)))
    .sort();
}

const groupOf = (file: string): Group => {
  const g = GROUPS.find((x) => file.startsWith(x.prefix));
  if (!g) throw new Error(`no test group for ${file}`);
  return g;
};

/** Test files matching the prefixes, among those jest knows. */
const matching = (all: readonly string[], prefixes: readonly string[]): string[] =>
  all.filter((f) => prefixes.some((p) => f === p || (p.endsWith('/') && f.startsWith(p))));

function makeSandbox(srcFromHead: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jxjk-mutate-'));
  cpSync(ROOT, dir, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(ROOT, src);
      return rel === '' || !SKIP_DIRS.has(rel.split(path.sep)[0]!);
    },
  });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  if (srcFromHead) {
    rmSync(path.join(dir, 'src'), { recursive: true, force: true });
    const tar = execFileSync('git', ['archive', '--format=tar', 'HEAD', 'src'], { cwd: ROOT, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  return dir;
}

function parseArgs(argv: readonly string[]): { only: string | null; list: boolean; head: boolean } {
  const i = argv.indexOf('--only');
  return { only: i >= 0 ? (argv[i + 1] ?? '') : null, list: argv.includes('--list'), head: argv.includes('--head') };
}

async function main(): Promise<number> {
  const { only, list, head } = parseArgs(process.argv.slice(2));
  const mutants = MUTANTS.filter((m) => only === null || m.id.includes(only));
  const ids = new Set<string>();
  for (const m of MUTANTS) {
    if (ids.has(m.id)) throw new Error(`duplicate mutant id ${m.id}`);
    ids.add(m.id);
  }
  if (list) {
    for (const m of mutants) console.log(`${m.id.padEnd(30)} ${m.file}  ${m.bug}`);
    console.log(`${mutants.length} mutants`);
    return 0;
  }

  const started = performance.now();
  const sandbox = makeSandbox(head);
  let current: { file: string; original: string } | null = null;
  const cleanUp = (): void => {
    if (current) writeFileSync(current.file, current.original);
    rmSync(sandbox, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    running?.kill('SIGKILL');
    cleanUp();
    console.error(`\n中断（${signal}）：工作目录未改动，临时副本已删除。`);
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    // Every mutant must still apply exactly once: a changed source makes it stale, not survived.
    const stale = mutants.filter((m) => {
      const src = readFileSync(path.join(sandbox, m.file), 'utf8');
      return src.split(m.from).length !== 2 || m.from === m.to;
    });
    for (const m of stale) console.error(`✗ ${m.id}: “${m.from.trim()}” is not exactly once in ${m.file}`);
    const runnable = mutants.filter((m) => !stale.includes(m));
    console.log(`副本：${sandbox}${head ? '（src/ 取自 git HEAD）' : ''}`);
    const all = await listTests(sandbox, []);
    // Stage 2 of a group: the tests that import any of its mutated files (one listing per group).
    const related = new Map<Group, string[]>();
    for (const g of new Set(runnable.map((m) => groupOf(m.file)))) {
      const files = [...new Set(runnable.filter((m) => groupOf(m.file) === g).map((m) => m.file))];
      related.set(g, await listTests(sandbox, ['--findRelatedTests', ...files]));
    }
    const stages = (m: Mutant): [string[], string[]] => {
      const g = groupOf(m.file);
      const first = matching(all, m.tests ?? g.first);
      const rest = [...new Set([...(related.get(g) ?? []), ...matching(all, g.extra)])].filter(
        (f) => !first.includes(f),
      );
      return [first, rest.sort()];
    };
    // A test that fails without any mutant cannot judge one. Instead of a full baseline run first,
    // each test file that kills a mutant is run once on the unmutated code; one that fails there is
    // left out from then on, and the mutant is judged again without it.
    const passesUnmutated = new Map<string, boolean>();
    const broken = new Set<string>();

    const results: Result[] = [];
    for (const [k, m] of runnable.entries()) {
      const file = path.join(sandbox, m.file);
      const original = readFileSync(file, 'utf8');
      const mutated = original.replace(m.from, () => m.to);
      const t0 = performance.now();
      let outcome: Outcome = 'survived';
      let by = '';
      try {
        current = { file, original };
        writeFileSync(file, mutated);
        for (const stage of stages(m)) {
          let files = stage.filter((f) => !broken.has(f));
          while (files.length > 0) {
            const r = await jest(sandbox, ['--bail=1', '--runTestsByPath', ...files]);
            if (r.timedOut) {
              outcome = 'timeout';
              by = `超时（${TIMEOUT_MS / 1000} s）`;
            } else if (!r.ok) {
              const killer = r.failed[0];
              if (killer === undefined) {
                console.error(r.output);
                throw new Error(`jest 运行失败（${m.id}）`);
              }
              if (!passesUnmutated.has(killer)) {
                writeFileSync(file, original);
                passesUnmutated.set(killer, (await jest(sandbox, ['--runTestsByPath', killer])).ok);
                writeFileSync(file, mutated);
              }
              if (passesUnmutated.get(killer) === false) {
                broken.add(killer);
                console.error(`⚠ 未植入缺陷时也不通过，不参与判断：${killer}`);
                files = files.filter((f) => f !== killer);
                continue;
              }
              outcome = 'killed';
              by = killer;
            }
            break;
          }
          if (outcome !== 'survived') break;
        }
      } finally {
        writeFileSync(file, original);
        current = null;
      }
      const seconds = (performance.now() - t0) / 1000;
      const scored = groupOf(m.file).scored;
      results.push({ mutant: m, outcome, by, seconds, scored });
      const mark = outcome === 'survived' ? '✗ 存活' : outcome === 'timeout' ? '✓ 超时' : '✓ 杀死';
      console.log(
        `[${String(k + 1).padStart(2)}/${runnable.length}] ${mark} ${m.id.padEnd(30)} ${seconds.toFixed(1).padStart(5)} s  ${by || m.bug}`,
      );
    }

    const score = (rs: readonly Result[]): string => {
      const killed = rs.filter((r) => r.outcome !== 'survived').length;
      return `${killed}/${rs.length}（${rs.length ? ((100 * killed) / rs.length).toFixed(1) : '—'}%）`;
    };
    const scoredResults = results.filter((r) => r.scored);
    console.log('\n== 结果 ==');
    for (const g of GROUPS) {
      const rs = results.filter((r) => groupOf(r.mutant.file) === g);
      if (rs.length) console.log(`${g.prefix.padEnd(32)} ${score(rs)}`);
    }
    console.log(`\n得分（money、indicators、phrases、build-plan、main.ts）：${score(scoredResults)}`);
    console.log(`全部变异体：${score(results)}`);
    const survivors = results.filter((r) => r.outcome === 'survived');
    if (survivors.length) {
      console.log('\n存活的变异体（测试未发现的缺陷）：');
      for (const r of survivors) console.log(`  ${r.mutant.id}（${r.mutant.file}）：${r.mutant.bug}`);
    }
    console.log(`\n用时 ${((performance.now() - started) / 60000).toFixed(1)} 分钟`);
    mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
    writeFileSync(
      path.join(ROOT, 'test-artifacts', 'mutate.json'),
      JSON.stringify(
        results.map((r) => ({
          id: r.mutant.id,
          file: r.mutant.file,
          bug: r.mutant.bug,
          outcome: r.outcome,
          by: r.by,
          seconds: Number(r.seconds.toFixed(1)),
        })),
        null,
        2,
      ) + '\n',
    );
    const killedShare = scoredResults.length
      ? scoredResults.filter((r) => r.outcome !== 'survived').length / scoredResults.length
      : 1;
    return stale.length > 0 || killedShare < TARGET_SCORE ? 1 : 0;
  } finally {
    cleanUp();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
