/**
 * The independent corpus (tests/corpus/generate.ts) run through the product as the CLI would: read the
 * .xlsx bytes with the product's reader, build the report, and compare report.json with figures the
 * generator computed from its own raw numbers — exact to the 分, items by name (spaces, a leading economic
 * code and a leading 序号 stripped; lines of one name summed), flagged projects as a set.
 */
import { CATEGORY_NAMES, planCorpus, writeCase, type Category, type PlannedCase, type ReportExpect } from './generate';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { buildReport } from '../../src/core/pipeline';
import { reportToJson, type JsonTotals, type ReportJson } from '../../src/core/report/to-json';

const plans = planCorpus();

/** A 元 amount of report.json (two decimals) as exact 分. */
function fen(yuan: number): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(yuan.toFixed(2));
  if (!m) throw new Error(`not an amount: ${yuan}`);
  const v = Number(m[2]) * 100 + Number(m[3]);
  return m[1] ? -v : v;
}

/** The README's rule: no spaces, no leading economic code, no leading 序号 ("一、", "（二）", "3."). */
function normalizeName(name: string): string {
  return name
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^\d{3,}/, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])/, '');
}

interface View {
  initialBudget?: number;
  adjustment?: number;
  budget: number;
  executed: number;
  lines: number;
  category?: string;
}

interface ReportView {
  organization: string;
  year: number;
  month: number;
  total: View;
  basic: View;
  categories: Record<Category, View>;
  items: Record<string, View>;
  flagged: string[];
}

function view(
  f: { initialBudget: number; adjustment: number; budget: number; executed: number },
  lines: number,
  hasInitial: boolean,
): View {
  const v: View = { budget: f.budget, executed: f.executed, lines };
  if (hasInitial) {
    v.initialBudget = f.initialBudget;
    v.adjustment = f.adjustment;
  }
  return v;
}

const fenTotals = (t: JsonTotals): { initialBudget: number; adjustment: number; budget: number; executed: number } => ({
  initialBudget: fen(t.initialBudget),
  adjustment: fen(t.adjustment),
  budget: fen(t.budget),
  executed: fen(t.executed),
});

function expectedView(e: ReportExpect): ReportView {
  const h = e.hasInitial;
  const items: Record<string, View> = {};
  for (const [name, it] of Object.entries(e.items)) {
    const key = normalizeName(name);
    if (items[key]) throw new Error(`generator: two items normalise to ${key}`);
    items[key] = { ...view(it, it.lines, h), category: it.category };
  }
  return {
    organization: e.organization,
    year: e.year,
    month: e.month,
    total: view(e.total, e.total.lines, h),
    basic: view(e.basic, e.basic.lines, h),
    categories: Object.fromEntries(
      CATEGORY_NAMES.map((c) => [c, view(e.categories[c], e.categories[c].lines, h)]),
    ) as Record<Category, View>,
    items,
    flagged: [...new Set(e.flagged.map(normalizeName))].sort(),
  };
}

function actualView(json: ReportJson, hasInitial: boolean): ReportView {
  const h = hasInitial;
  // An item of report.json may stand for several ledger rows (one project on several 指标 rows); it says how many.
  const rowsOf = (i: ReportJson['items'][number]): number => (i as { lines?: number }).lines ?? 1;
  const count = (pred: (i: ReportJson['items'][number]) => boolean): number =>
    json.items.filter(pred).reduce((s, i) => s + rowsOf(i), 0);
  const categories = {} as Record<Category, View>;
  for (const c of CATEGORY_NAMES) {
    const got = json.categories.find((x) => x.name === c);
    categories[c] = got
      ? view(
          fenTotals(got),
          count((i) => i.category === c),
          h,
        )
      : { budget: NaN, executed: NaN, lines: count((i) => i.category === c) };
  }
  const groups = new Map<string, ReportJson['items'][number][]>();
  for (const i of json.items) {
    const k = normalizeName(i.name);
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  const items: Record<string, View> = {};
  for (const [k, g] of groups) {
    const sum = { initialBudget: 0, adjustment: 0, budget: 0, executed: 0 };
    for (const i of g) {
      const t = fenTotals(i);
      sum.initialBudget += t.initialBudget;
      sum.adjustment += t.adjustment;
      sum.budget += t.budget;
      sum.executed += t.executed;
    }
    items[k] = {
      ...view(
        sum,
        g.reduce((s, i) => s + rowsOf(i), 0),
        h,
      ),
      category: [...new Set(g.map((i) => i.category))].sort().join('/'),
    };
  }
  return {
    organization: json.organization,
    year: json.year,
    month: json.month,
    total: view(
      fenTotals(json.total),
      count(() => true),
      h,
    ),
    basic: view(
      fenTotals(json.basic),
      count((i) => i.category !== '项目支出'),
      h,
    ),
    categories,
    items,
    flagged: [...new Set(json.flagged.map(normalizeName))].sort(),
  };
}

async function run(p: PlannedCase) {
  const c = await writeCase(p);
  const grid = await readWorkbookGrid(c.buffer);
  const options: { month?: number; year?: number; organization?: string } = {};
  if (c.args.month !== undefined) options.month = c.args.month;
  if (c.args.year !== undefined) options.year = c.args.year;
  if (c.args.organization !== undefined) options.organization = c.args.organization;
  return buildReport(grid, options);
}

describe('独立生成的台账语料（与 src/ 无共享代码）', () => {
  test.each(plans.map((plan) => ({ id: plan.id, shape: plan.shape, description: plan.description, plan })))(
    '$id $shape：$description',
    async ({ plan }) => {
      const result = await run(plan);
      const e = plan.expect;
      if (e.kind === 'refusal') {
        if (result.ok) {
          const t = reportToJson(result.value.model).total;
          throw new Error(
            `应拒绝（${e.why}，工作表“${e.sheet}”第${e.row}行），却生成了报告（全年预算 ${t.budget}，执行 ${t.executed}）`,
          );
        }
        expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
        expect(result.error.message).toContain(`第${e.row}行`);
        return;
      }
      if (!result.ok) throw new Error(`不应拒绝，却得到：${result.error.message}`);
      const json = reportToJson(result.value.model);
      expect(actualView(json, e.hasInitial)).toEqual(expectedView(e));
    },
  );
});

describe('语料本身', () => {
  test('至少 80 个用例，编号唯一，每种形态都有', () => {
    expect(plans.length).toBeGreaterThanOrEqual(80);
    expect(new Set(plans.map((p) => p.id)).size).toBe(plans.length);
    const shapes = new Set(plans.map((p) => p.shape));
    for (const s of ['台账', '一体化指标账', '科目余额表', '每月一张表', '主管部门多表', '指标加支付流水', '拒绝'])
      expect(shapes).toContain(s);
  });

  test('同一种子生成同样的期望数', () => {
    const again = planCorpus();
    expect(again.map((p) => [p.id, p.description, p.args, p.expect])).toEqual(
      plans.map((p) => [p.id, p.description, p.args, p.expect]),
    );
  });

  test('期望数自洽：分类相加为合计，基本 = 人员 + 公用，项目相加为合计，年初 + 调整 = 全年', () => {
    for (const p of plans) {
      const e = p.expect;
      if (e.kind !== 'report') continue;
      const keys = ['initialBudget', 'adjustment', 'budget', 'executed', 'lines'] as const;
      const items = Object.values(e.items);
      for (const k of keys) {
        const cats = CATEGORY_NAMES.reduce((s, c) => s + e.categories[c][k], 0);
        expect([p.id, k, cats]).toEqual([p.id, k, e.total[k]]);
        expect([p.id, k, e.categories['人员支出'][k] + e.categories['公用支出'][k]]).toEqual([p.id, k, e.basic[k]]);
        expect([p.id, k, items.reduce((s, i) => s + i[k], 0)]).toEqual([p.id, k, e.total[k]]);
      }
      for (const f of [e.total, e.basic, ...items]) expect(f.initialBudget + f.adjustment).toBe(f.budget);
      for (const name of e.flagged) expect(e.items[name]?.category).toBe('项目支出');
    }
  });

  test('多数用例有滞后项目，也有不滞后的项目', () => {
    const reports = plans.flatMap((p) => (p.expect.kind === 'report' ? [p.expect] : []));
    expect(reports.filter((e) => e.flagged.length > 0).length).toBeGreaterThan(reports.length / 2);
    const projects = reports.flatMap((e) => Object.values(e.items).filter((i) => i.category === '项目支出'));
    const flagged = reports.reduce((s, e) => s + e.flagged.length, 0);
    expect(flagged).toBeLessThan(projects.length);
  });
});
