/**
 * `npm run acceptance [-- DIR] [-- --verbose] [-- c01 c02 …]`: runs the CLI, as a user would, on every case of an
 * acceptance folder (default ../shared/ledgers: workbooks with cases.json and figures computed independently) and
 * prints one line per case and a total. Exits 1 when a case fails, 0 when the folder is absent (nothing to check).
 *
 * The comparison follows the folder's README: amounts exact in 元, rates in 0.01%, lines that share a name are one
 * item, names compared without spaces, a leading economic code or 序号.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Figures {
  initialBudget: string;
  adjustment: string;
  budget: string;
  executed: string;
  rate_bp: number | null;
  deviation_bp: number | null;
  lines: number;
  category?: string;
}
interface Expect {
  organization: string;
  year: number;
  month: number;
  timeProgress_bp: number;
  total: Figures;
  basic: Figures;
  categories: Record<string, Figures>;
  sources: Record<string, Figures>;
  items: Record<string, Figures>;
  flagged: string[];
  has_initial: boolean;
}
interface Case {
  file: string;
  args: string[];
  expect_exit: number;
  what: string;
  expect: Expect | null;
}
interface JsonTotals {
  initialBudget: number;
  adjustment: number;
  budget: number;
  executed: number;
  executionRate: number | null;
}
interface ReportJson extends Record<string, unknown> {
  organization: string;
  year: number;
  month: number;
  timeProgress: number;
  total: JsonTotals;
  basic: JsonTotals;
  categories: ({ name: string } & JsonTotals)[];
  sources: ({ name: string } & JsonTotals)[];
  items: ({ name: string; category: string; source: string; flagged: boolean; lines?: number } & JsonTotals)[];
  flagged: string[];
}

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const positional = argv.filter((a) => !a.startsWith('--'));
const dirArg = positional.find((a) => existsSync(a) && !/^[a-z]\d+/.test(a));
const dir = path.resolve(dirArg ?? path.join(__dirname, '..', '..', 'shared', 'ledgers'));
const only = positional.filter((a) => a !== dirArg);

if (!existsSync(path.join(dir, 'cases.json'))) {
  console.log(`没有验收目录（${dir}/cases.json 不存在），跳过。`);
  process.exit(0);
}

const cases = (JSON.parse(readFileSync(path.join(dir, 'cases.json'), 'utf8')) as { cases: Record<string, Case> }).cases;

/** 元 as an exact integer number of 分 from the JSON's number (two decimals) or the case's decimal string. */
const fen = (v: number | string): bigint => {
  const s = typeof v === 'number' ? v.toFixed(2) : v;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s.trim());
  if (!m) throw new Error(`bad amount ${s}`);
  const f = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -f : f;
};
const bp = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 10000));

/** The README's name rule: no spaces, no leading economic code, no leading 序号. */
export function normalizeName(name: string): string {
  return name
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^\d{3,}/, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])/, '')
    .replace(/^[-—]+/, '');
}

function compareFigures(
  label: string,
  want: Figures,
  got: JsonTotals,
  lines: number | null,
  hasInitial: boolean,
): string[] {
  const errs: string[] = [];
  const keys = hasInitial
    ? (['initialBudget', 'adjustment', 'budget', 'executed'] as const)
    : (['budget', 'executed'] as const);
  for (const k of keys) {
    if (fen(want[k]) !== fen(got[k])) errs.push(`${label}.${k}: 应为 ${want[k]}，得 ${got[k].toFixed(2)}`);
  }
  if (want.rate_bp !== bp(got.executionRate))
    errs.push(`${label}.执行率: 应为 ${want.rate_bp}，得 ${bp(got.executionRate)}`);
  if (lines !== null && want.lines !== lines) errs.push(`${label}.lines: 应为 ${want.lines}，得 ${lines}`);
  return errs;
}

function sum(items: JsonTotals[]): JsonTotals {
  const t = { initialBudget: 0n, adjustment: 0n, budget: 0n, executed: 0n };
  for (const i of items) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += fen(i[k]);
  const budget = t.budget;
  return {
    initialBudget: Number(t.initialBudget) / 100,
    adjustment: Number(t.adjustment) / 100,
    budget: Number(budget) / 100,
    executed: Number(t.executed) / 100,
    // Rounded half away from zero to 0.01%, from exact 分.
    executionRate: budget === 0n ? null : Number(roundDiv(t.executed * 10000n, budget)) / 10000,
  };
}
function roundDiv(a: bigint, b: bigint): bigint {
  const neg = a < 0n !== b < 0n;
  const aa = a < 0n ? -a : a;
  const bb = b < 0n ? -b : b;
  const q = (aa * 2n + bb) / (bb * 2n);
  return neg ? -q : q;
}

function check(want: Expect, got: ReportJson): string[] {
  const errs: string[] = [];
  if (want.organization !== got.organization) errs.push(`单位: 应为 ${want.organization}，得 ${got.organization}`);
  if (want.year !== got.year) errs.push(`年度: 应为 ${want.year}，得 ${got.year}`);
  if (want.month !== got.month) errs.push(`月份: 应为 ${want.month}，得 ${got.month}`);
  if (want.timeProgress_bp !== bp(got.timeProgress))
    errs.push(`时间进度: 应为 ${want.timeProgress_bp}，得 ${bp(got.timeProgress)}`);
  const hi = want.has_initial;
  const lineCount = (is: ReportJson['items']): number => is.reduce((s, i) => s + (i.lines ?? 1), 0);
  errs.push(...compareFigures('合计', want.total, got.total, lineCount(got.items), hi));
  const basicItems = lineCount(got.items.filter((i) => i.category !== '项目支出'));
  errs.push(...compareFigures('基本支出', want.basic, got.basic, basicItems, hi));
  for (const [name, w] of Object.entries(want.categories)) {
    const g = got.categories.find((c) => c.name === name);
    const n = lineCount(got.items.filter((i) => i.category === name));
    if (!g) errs.push(`类别 ${name}: 缺`);
    else errs.push(...compareFigures(name, w, g, n, hi));
  }
  for (const [name, w] of Object.entries(want.sources)) {
    const g = got.sources.find((s) => s.name === name || s.name.startsWith(name) || name.startsWith(s.name));
    if (!g) errs.push(`资金来源 ${name}: 缺（有 ${got.sources.map((s) => s.name).join('、')}）`);
    else errs.push(...compareFigures(`来源${name}`, w, g, null, hi));
  }
  const byName = new Map<string, ReportJson['items']>();
  for (const i of got.items) {
    const k = normalizeName(i.name);
    byName.set(k, [...(byName.get(k) ?? []), i]);
  }
  const wantNames = new Set(Object.keys(want.items).map(normalizeName));
  for (const [name, w] of Object.entries(want.items)) {
    const g = byName.get(normalizeName(name));
    if (!g) {
      errs.push(`项目 ${name}: 缺`);
      continue;
    }
    errs.push(...compareFigures(`项目${name}`, w, sum(g), null, hi));
    const cats = new Set(g.map((i) => i.category));
    if (w.category && (cats.size !== 1 || !cats.has(w.category)))
      errs.push(`项目${name}.类别: 应为 ${w.category}，得 ${[...cats].join('/')}`);
  }
  for (const k of byName.keys()) if (!wantNames.has(k)) errs.push(`多出项目 ${k}`);
  const wantFlag = new Set(want.flagged.map(normalizeName));
  const gotFlag = new Set(got.flagged.map(normalizeName));
  for (const f of wantFlag) if (!gotFlag.has(f)) errs.push(`应标注滞后: ${f}`);
  for (const f of gotFlag) if (!wantFlag.has(f)) errs.push(`不应标注: ${f}`);
  return errs;
}

const root = path.join(__dirname, '..');
let passed = 0;
let total = 0;
for (const [id, c] of Object.entries(cases)) {
  if (only.length > 0 && !only.includes(id)) continue;
  total++;
  const out = mkdtempSync(path.join(os.tmpdir(), `acc-${id}-`));
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), path.join(dir, c.file), '--out', out, '--quiet', ...c.args],
    { encoding: 'utf8', cwd: root },
  );
  const errs: string[] = [];
  if (r.status !== c.expect_exit) errs.push(`退出码: 应为 ${c.expect_exit}，得 ${r.status}`);
  if (r.status === 0 && c.expect) {
    const json = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as ReportJson;
    errs.push(...check(c.expect, json));
  }
  if (c.expect_exit === 1 && r.status === 1 && !/[\u4e00-\u9fff]/.test(r.stderr)) errs.push('没有中文说明');
  rmSync(out, { recursive: true, force: true });
  const ok = errs.length === 0;
  if (ok) passed++;
  console.log(`${ok ? '通过' : '失败'}  ${id.padEnd(5)} ${c.what}`);
  if (!ok) for (const e of errs.slice(0, verbose ? 200 : 8)) console.log(`        ${e}`);
  if (!ok && errs.length > 8 && !verbose) console.log(`        …共 ${errs.length} 处`);
  if (verbose || (!ok && r.status !== c.expect_exit)) {
    const msg = r.stderr
      .trim()
      .split('\n')
      .slice(0, verbose ? 40 : 4)
      .join('\n        ');
    if (msg) console.log(`        stderr: ${msg}`);
  }
}
console.log(`\n合计：${passed}/${total} 通过`);
process.exit(passed === total ? 0 : 1);
