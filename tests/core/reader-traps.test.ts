/**
 * Ledgers that once gave a plausible wrong report with exit 0 (found by an independent review):
 * each now reads right, or is refused with the sheet named.
 */
import { buildReport } from '../../src/core/pipeline';
import { recognize } from '../../src/core/recognize/recognize';
import { type CellValue, type WorkbookGrid } from '../../src/core/grid/types';
import { type Recognition } from '../../src/core/types';
import { book, sheet } from '../helpers/grids';

function ok(wb: WorkbookGrid, options = {}): Recognition {
  const r = recognize(wb, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const total = (r: Recognition, f: 'budget' | 'executed'): number => r.lines.reduce((s, l) => s + l[f], 0);
const byCategory = (r: Recognition, c: string, f: 'budget' | 'executed'): number =>
  r.lines.filter((l) => l.category === c).reduce((s, l) => s + l[f], 0);

const LINES: CellValue[][] = [
  ['禁毒宣传', '项目支出', 100000, 20000],
  ['社区戒毒康复', '项目支出', 200000, 150000],
  ['禁毒办公经费', '项目支出', 100000, 60000],
];
const ledgerSheet = (name: string, title: string, lines: CellValue[][] = LINES) =>
  sheet(name, [[title], ['单位：元'], ['项目名称', '支出类别', '全年预算', '1-8月执行数'], ...lines]);

describe('a copy of the ledger sheet is never added in', () => {
  test('“台账 (2)” is a copy: one sheet read, and said', () => {
    const r = ok(
      book(
        ledgerSheet('台账', '临江县禁毒办2024年1-8月预算执行表'),
        ledgerSheet('台账 (2)', '临江县禁毒办2024年1-8月预算执行表'),
      ),
    );
    expect(r.sheets).toEqual(['台账']);
    expect(total(r, 'budget')).toBe(40000000);
    expect(r.warnings.map((w) => w.message)).toContain('“台账 (2)”看来是副本或旧版本，未使用');
  });
  test('“8月（修改前）” is an earlier version: the current one is read', () => {
    const older: CellValue[][] = LINES.map((l) => [l[0] ?? null, l[1] ?? null, l[2] ?? null, Number(l[3]) - 5000]);
    const r = ok(
      book(
        ledgerSheet('8月', '临江县禁毒办2024年1-8月预算执行表'),
        ledgerSheet('8月（修改前）', '临江县禁毒办2024年1-8月预算执行表', older),
      ),
    );
    expect(r.sheets).toEqual(['8月']);
    expect(total(r, 'executed')).toBe(23000000);
  });
  test('two sheets titled with the same organisation are versions, not units: refused, the sheet to choose asked for', () => {
    const r = recognize(
      book(
        ledgerSheet('甲表', '临江县禁毒办2024年1-8月预算执行表'),
        ledgerSheet('乙表', '临江县禁毒办2024年1-8月预算执行表', LINES.slice(0, 2)),
      ),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('sheet');
      expect(r.error.message).toMatch(/同一本台账的不同版本或副本.*请在任务窗格中选择要用的工作表/);
    }
  });
  test('two untitled sheets with the same figures are copies: refused, not doubled', () => {
    const plain = (name: string) => sheet(name, [['项目名称', '支出类别', '全年预算', '2024年1-8月执行数'], ...LINES]);
    const r = recognize(book(plain('Sheet1'), plain('Sheet2')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('sheet');
  });
  test('units titled with their own names are added up (本级 + 二级单位)', () => {
    const r = ok(
      book(
        ledgerSheet('局本级', '临江县禁毒办2024年1-8月预算执行表'),
        ledgerSheet('戒毒所', '临江县戒毒所2024年1-8月预算执行表', LINES.slice(0, 2)),
      ),
    );
    expect(r.sheets).toEqual(['局本级', '戒毒所']);
    expect(total(r, 'budget')).toBe(70000000);
  });
});

test('one month’s column (8月执行数) is never the spending to date: the cumulative column is', () => {
  const r = ok(
    book(
      sheet('台账', [
        ['临江县司法局2024年预算执行表'],
        ['项目名称', '支出类别', '全年预算', '8月执行数', '1-8月累计执行数', '可用余额'],
        ['普法宣传项目', '项目支出', 100000, 5000, 10000, 90000],
        ['法律援助项目', '项目支出', 400000, 35000, 381000, 19000],
      ]),
    ),
  );
  expect(r.month.value).toBe(8);
  expect(r.budget.columns.find((c) => c.role === 'executed')?.label).toBe('1-8月累计执行数');
  expect(total(r, 'executed')).toBe(39100000);
});

test('a line of facts above the header (截止日期：…, 预算单位：…) is not a header row', () => {
  const r = ok(
    book(
      sheet('指标执行情况', [
        ['指标执行情况查询'],
        ['截止日期：2024-08-31', null, null, '预算单位：临江县水利局'],
        ['指标来源', '项目类别', '项目名称', '预算单位', '指标金额', '已支付金额'],
        ['年初预算', '特定目标类', '防汛物资储备', '临江县水利局', '200,000.00', '0.00'],
        ['年中追加', '特定目标类', '河道整治', '临江县水利局', '300,000.00', '120,000.00'],
      ]),
    ),
  );
  expect(r.budget.headerRows).toEqual([3]);
  expect([r.year.value, r.month.value, r.organization.value]).toEqual([2024, 8, '临江县水利局']);
  expect(total(r, 'budget')).toBe(50000000);
});

test('a bare “项目支出” row without amounts opens the projects in a ledger of economic codes', () => {
  const r = ok(
    book(
      sheet('基本支出', [
        ['临江县档案馆2024年预算执行表（1-8月）'],
        ['经济分类科目', '全年预算', '1-8月执行数'],
        ['302 商品和服务支出', 40000, 20000],
        ['  30201 办公费', 40000, 20000],
        ['项目支出', null, null],
        ['  31002 办公设备购置项目', 50000, 0],
      ]),
    ),
  );
  expect(r.lines.map((l) => [l.name, l.category])).toEqual([
    ['办公费', '公用支出'],
    ['办公设备购置项目', '项目支出'],
  ]);
});

test('lines called by a category’s own name are that category (人员经费, 公用经费, 对个人和家庭的补助)', () => {
  const r = ok(
    book(
      sheet('局本级', [
        ['临江县林业局2024年预算执行表（1-8月）'],
        ['项目', '全年预算', '1-8月执行'],
        ['人员经费', 700000, 460000],
        ['公用经费', 100000, 60000],
        ['对个人和家庭的补助', 60000, 40000],
        ['森林防火项目', 400000, 100000],
      ]),
    ),
  );
  expect(byCategory(r, '人员支出', 'budget')).toBe(76000000);
  expect(byCategory(r, '公用支出', 'budget')).toBe(10000000);
  expect(byCategory(r, '项目支出', 'budget')).toBe(40000000);
});

test('a year before the organisation in the title is not part of its name', () => {
  const r = ok(
    book(
      sheet('台账', [
        ['2025年临江县人力资源和社会保障局部门预算执行情况表（1-6月）'],
        ['项目名称', '支出类别', '全年预算', '1-6月执行数'],
        ['就业服务项目', '项目支出', 100000, 50000],
      ]),
    ),
  );
  expect([r.organization.value, r.year.value, r.month.value]).toEqual(['临江县人力资源和社会保障局', 2025, 6]);
});

test('the 用友 period line “期间：2024年01期-2024年08期” gives the month', () => {
  const r = buildReport(
    book(
      sheet('科目余额表', [
        ['科目余额表'],
        ['核算单位：临江县应急管理局    期间：2024年01期-2024年08期    金额单位：元'],
        ['科目编码', '科目名称', '累计借方', '全年预算'],
        ['7101', '行政支出', 30000, null],
        ['710101', '项目支出-安全生产执法检查经费', 30000, 100000],
      ]),
    ),
  );
  if (!r.ok) throw new Error(r.error.message);
  expect([r.value.model.organization, r.value.model.month]).toEqual(['临江县应急管理局', 8]);
});

test('a department of several units: the report says which units add up, with each unit’s figures, in the text and the 监控汇总 sheet', () => {
  const r = buildReport(
    book(
      ledgerSheet('局本级', '临江县禁毒办2024年1-8月预算执行表'),
      ledgerSheet('戒毒所', '临江县戒毒所2024年1-8月预算执行表', LINES.slice(0, 2)),
    ),
  );
  if (!r.ok) throw new Error(r.error.message);
  const { model, plan } = r.value;
  // 局本级 400,000 / 230,000 元 = 57.50%; 戒毒所 300,000 / 170,000 元 = 56.67%.
  expect(model.blocks.map((b) => b.text).join('\n')).toContain(
    '由局本级（临江县禁毒办）、临江县戒毒所共2个单位的台账汇总。分单位看：局本级（临江县禁毒办）全年预算40.00万元，执行23.00万元，执行率57.50%；临江县戒毒所全年预算30.00万元，执行17.00万元，执行率56.67%。',
  );
  const summary = plan.sheets.find((s) => s.name === '监控汇总')!;
  const texts = summary.rows.map((row) => row.map((c) => c?.value ?? null));
  const at = texts.findIndex((row) => String(row[0]).startsWith('按单位'));
  expect(at).toBeGreaterThan(0);
  expect(texts[at + 1]?.slice(0, 2)).toEqual(['局本级（临江县禁毒办）', '局本级']);
  expect(texts[at + 2]?.slice(0, 2)).toEqual(['临江县戒毒所', '戒毒所']);
});

test('指标 rows of one 项目代码 are one project, whatever each row calls it', () => {
  const r = ok(
    book(
      sheet('指标执行情况', [
        ['临江县农业农村局指标执行情况（截止日期：2024-09-30）'],
        ['指标来源', '项目代码', '项目类别', '项目名称', '指标金额', '已支付金额'],
        ['年初预算', '51052224T000001', '特定目标类', '高标准农田建设项目', '3,000,000.00', '1,250,000.00'],
        ['上级转移支付', '51052224T000001', '特定目标类', '高标准农田建设（省级补助）', '2,000,000.00', '0.00'],
        ['年初预算', '51052224T000002', '特定目标类', '农技推广服务补助经费', '260,000.00', '98,000.00'],
      ]),
    ),
  );
  expect(r.lines.map((l) => [l.name, l.initial, l.adjustment, l.budget, l.executed, l.rows])).toEqual([
    ['高标准农田建设项目', 300000000, 200000000, 500000000, 125000000, [3, 4]],
    ['农技推广服务补助经费', 26000000, 0, 26000000, 9800000, undefined],
  ]);
});

describe('second review: more shapes offices keep', () => {
  test('a last row reading 累计 is a total, not a project called 累计', () => {
    const r = ok(
      book(
        sheet('台账', [
          ['临江县民政局2024年1-8月预算执行表'],
          ['项目名称', '支出类别', '全年预算', '1-8月执行数'],
          ['临时救助资金', '项目支出', 100000, 50000],
          ['养老服务经费', '项目支出', 200000, 120000],
          ['累计', null, 300000, 170000],
        ]),
      ),
    );
    expect(r.lines.map((l) => l.name)).toEqual(['临时救助资金', '养老服务经费']);
    expect(r.discrepancies).toEqual([]);
  });

  test('功能分类 rows (2130101 行政运行) over 经济分类 lines and uncoded projects are groups, even without a 合计', () => {
    const r = ok(
      book(
        sheet('执行情况', [
          ['临江县农业农村局2024年1-8月部门预算执行情况表'],
          ['科目编码', '科目名称', '全年预算', '1-8月支出数'],
          ['2130101', '行政运行', 1250000, 830000],
          ['30101', '基本工资', 1200000, 800000],
          ['30201', '办公费', 50000, 30000],
          ['2130199', '其他农业农村支出', 680000, 180000],
          [null, '高标准农田建设项目', 600000, 120000],
          [null, '动物防疫经费', 80000, 60000],
        ]),
      ),
    );
    expect(r.lines.map((l) => [l.name, l.category])).toEqual([
      ['基本工资', '人员支出'],
      ['办公费', '公用支出'],
      ['高标准农田建设项目', '项目支出'],
      ['动物防疫经费', '项目支出'],
    ]);
    expect(total(r, 'budget')).toBe(193000000);
  });

  test('财政拨款｜其他资金｜合计 under a merged 全年预算: the 合计 column is the budget', () => {
    const r = ok(
      book(
        sheet(
          '台账',
          [
            ['临江县水务局2024年1-8月预算执行表'],
            ['项目名称', '支出类别', '全年预算', null, null, '1-8月支出', null, null],
            [null, null, '财政拨款', '其他资金', '合计', '财政拨款', '其他资金', '合计'],
            ['河道清淤项目', '项目支出', 100000, 20000, 120000, 50000, 10000, 60000],
            ['水质监测经费', '项目支出', 80000, 0, 80000, 40000, 0, 40000],
          ],
          [
            { top: 1, left: 2, bottom: 1, right: 4 },
            { top: 1, left: 5, bottom: 1, right: 7 },
            { top: 1, left: 0, bottom: 2, right: 0 },
            { top: 1, left: 1, bottom: 2, right: 1 },
          ],
        ),
      ),
    );
    expect(r.budget.headerRows).toEqual([2, 3]);
    expect([total(r, 'budget'), total(r, 'executed')]).toEqual([20000000, 10000000]);
  });

  test('预算数 | 追加数 | 调整后预算数: 调整后 is the budget, 预算数 the 年初 one', () => {
    const r = ok(
      book(
        sheet('台账', [
          ['临江县水务局2024年1-8月预算执行表'],
          ['项目名称', '支出类别', '预算数', '追加数', '调整后预算数', '1-8月执行数'],
          ['河道清淤项目', '项目支出', 100000, 20000, 120000, 60000],
        ]),
      ),
    );
    expect(r.lines[0]).toMatchObject({ initial: 10000000, adjustment: 2000000, budget: 12000000 });
    expect(r.discrepancies).toEqual([]);
  });

  test('two tables side by side are refused with the header named, not read as one', () => {
    const r = recognize(
      book(
        sheet('台账', [
          ['临江县水务局2024年1-8月预算执行表'],
          ['项目名称', '全年预算', '1-8月执行数', null, '项目名称', '全年预算', '1-8月执行数'],
          ['基本工资', 100000, 60000, null, '河道清淤项目', 300000, 20000],
        ]),
      ),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('header');
      expect(r.error.message).toMatch(/左右并排的两张表/);
    }
  });

  test('an adjustment written with the minus sign (U+2212) is negative', () => {
    const r = ok(
      book(
        sheet('台账', [
          ['临江县水务局2024年1-8月预算执行表'],
          ['项目名称', '支出类别', '年初预算', '调整数', '全年预算', '1-8月执行数'],
          ['河道清淤项目', '项目支出', '40,000.00', '\u22125,000.00', '35,000.00', '10,000.00'],
        ]),
      ),
    );
    expect(r.lines[0]).toMatchObject({ adjustment: -500000, budget: 3500000 });
    expect(r.discrepancies).toEqual([]);
  });

  test('a ledger with only 全年预算 never speaks of a 年初 or an adjustment it did not state', () => {
    const r = buildReport(
      book(
        sheet('台账', [
          ['临江县水务局2024年1-8月预算执行表'],
          ['项目名称', '支出类别', '全年预算', '1-8月执行数'],
          ['河道清淤项目', '项目支出', 100000, 60000],
        ]),
      ),
    );
    if (!r.ok) throw new Error(r.error.message);
    const text = r.value.model.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('2024年，我单位全年预算10.00万元（台账未分列年初预算和年中调整）。');
    expect(text).not.toMatch(/年初预算\d|年中未调整预算|年初未安排项目/);
  });

  test('a project funded only by 上年结转 is said to be carried over, not added in the year', () => {
    const r = buildReport(
      book(
        sheet('台账', [
          ['临江县水务局2024年1-8月预算执行表'],
          ['项目名称', '支出类别', '年初预算', '上年结转', '全年预算', '1-8月执行数'],
          ['河道清淤项目', '项目支出', 0, 150000, 150000, 60000],
          ['水质监测经费', '项目支出', 80000, 0, 80000, 40000],
        ]),
      ),
    );
    if (!r.ok) throw new Error(r.error.message);
    const text = r.value.model.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('河道清淤项目15.00万元（上年结转）');
    expect(text).not.toContain('（年中追加）');
  });
});

test('a 万元 合计 typed to two decimals over lines kept to four is the lines’ sum rounded: said, not refused; one 元 more is refused', () => {
  const ledger = (totalBudget: number) =>
    book(
      sheet('执行', [
        ['临江县公路事务中心2024年1-8月预算执行表'],
        [null, null, null, '单位：万元'],
        ['类别', '项目', '全年预算', '1-8月执行'],
        ['人员支出', '基本工资', 123.4567, 82.3045],
        ['项目支出', '乡村道路养护项目', 55.5555, 11.1111],
        ['合计', null, totalBudget, 93.42],
      ]),
    );
  // 123.4567 + 55.5555 = 179.0122 → 179.01; 82.3045 + 11.1111 = 93.4156 → 93.42.
  const rounded = ok(ledger(179.01));
  expect(rounded.discrepancies).toEqual([]);
  expect(rounded.warnings.map((w) => w.message)).toContain(
    '“合计”行的全年预算179.01万元是明细合计179.0122万元四舍五入到0.01万元的结果，视为相符；报告按明细计算',
  );
  expect(ok(ledger(179.02)).discrepancies).toEqual([expect.objectContaining({ row: 6, column: 'C', kind: 'total' })]);
});

describe('second review, continued', () => {
  test('page totals: 本页合计 and a running 累计 on every page are totals; the lines are read once', () => {
    const r = ok(
      book(
        sheet('台账', [
          ['临江县交通运输局2024年1-8月预算执行表'],
          ['项目名称', '支出类别', '全年预算', '1-8月执行数'],
          ['甲项目', '项目支出', 100000, 50000],
          ['乙项目', '项目支出', 200000, 120000],
          ['本页合计', null, 300000, 170000],
          ['累计', null, 300000, 170000],
          ['项目名称', '支出类别', '全年预算', '1-8月执行数'],
          ['丙项目', '项目支出', 50000, 10000],
          ['本页合计', null, 50000, 10000],
          ['累计', null, 350000, 180000],
        ]),
      ),
    );
    expect(r.lines.map((l) => l.name)).toEqual(['甲项目', '乙项目', '丙项目']);
    expect(r.discrepancies).toEqual([]);
  });

  test('财政拨款预算｜其他资金预算｜预算合计 in one header row: the 合计 columns are the amounts', () => {
    const r = ok(
      book(
        sheet('台账', [
          ['临江县水务局2024年1-8月预算执行表'],
          [
            '项目名称',
            '支出类别',
            '财政拨款预算',
            '其他资金预算',
            '预算合计',
            '财政拨款支出',
            '其他资金支出',
            '支出合计',
          ],
          ['河道清淤项目', '项目支出', 100000, 20000, 120000, 50000, 10000, 60000],
        ]),
      ),
    );
    expect(r.lines[0]).toMatchObject({ budget: 12000000, executed: 6000000 });
  });

  test('a 金蝶 科目余额表: 年初余额 and 期末余额 are balances, never the budget; 核算组织 names the organisation', () => {
    const r = ok(
      book(
        sheet(
          '科目余额表',
          [
            ['科目余额表'],
            ['核算组织：临江县民政局', null, null, '期间：2024年第1期至2024年第8期'],
            ['科目代码', '科目名称', '年初余额', null, '本年累计发生额', null, '期末余额', null, '全年预算数'],
            [null, null, '借方', '贷方', '借方', '贷方', '借方', '贷方'],
            ['5001.01', '临时救助资金', 0, 0, 120000, 0, 120000, 0, 600000],
            ['5001.02', '养老服务经费', 0, 0, 60000, 0, 60000, 0, 80000],
          ],
          [
            { top: 2, left: 2, bottom: 2, right: 3 },
            { top: 2, left: 4, bottom: 2, right: 5 },
            { top: 2, left: 6, bottom: 2, right: 7 },
          ],
        ),
      ),
    );
    expect([r.organization.value, r.month.value]).toEqual(['临江县民政局', 8]);
    expect(r.budgetSplit).toBe(false);
    expect([total(r, 'budget'), total(r, 'executed')]).toEqual([68000000, 18000000]);
  });

  test('side-by-side tables under their own headings (基本支出｜项目支出) are refused too', () => {
    const r = recognize(
      book(
        sheet('执行表', [
          ['临江县交通运输局2024年1-8月预算执行情况表'],
          ['基本支出', null, null, null, '项目支出'],
          ['经济科目', '全年预算', '1-8月支出', null, '项目名称', '全年预算', '1-8月支出'],
          ['30101', 100000, 60000, null, '道路养护项目', 300000, 20000],
        ]),
      ),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('header');
  });
});

test('a journal’s 小计 row with the project’s name beside it is not a payment: spending is not counted twice', () => {
  const r = ok(
    book(
      sheet('预算', [
        ['某单位2024年预算指标'],
        ['项目名称', '支出类别', '全年预算'],
        ['办公费', '公用支出', 10000],
        ['宣传项目', '项目支出', 20000],
      ]),
      sheet('支付明细', [
        ['日期', '凭证号', '摘要', '项目名称', '金额'],
        [new Date(Date.UTC(2024, 7, 5)), '1', '付办公费', '办公费', 1000],
        [new Date(Date.UTC(2024, 7, 20)), '2', '付宣传费', '宣传项目', 3000],
        [new Date(Date.UTC(2024, 7, 31)), '', '小计', '宣传项目', 3000],
      ]),
    ),
    { month: 8 },
  );
  expect(r.lines.map((l) => [l.name, l.executed])).toEqual([
    ['办公费', 100000],
    ['宣传项目', 300000],
  ]);
});

test('a flagged project on two 指标 rows is highlighted on both rows, across the whole line', () => {
  const r = buildReport(
    book(
      sheet('指标执行情况', [
        ['临江县农业农村局指标执行情况（截止日期：2024-09-30）'],
        ['指标来源', '项目类别', '项目名称', '指标金额', '已支付金额'],
        ['年初预算', '特定目标类', '高标准农田建设项目', '3,000,000.00', '0.00'],
        ['上级转移支付', '特定目标类', '高标准农田建设项目', '2,000,000.00', '0.00'],
        ['年初预算', '特定目标类', '农技推广服务补助经费', '260,000.00', '200,000.00'],
      ]),
    ),
  );
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.model.indicators.flagged.map((i) => i.line.name)).toEqual(['高标准农田建设项目']);
  // Rows 3 and 4 (0-based 2 and 3), columns A to E.
  expect(r.value.plan.highlights.map((h) => [h.sheet, h.row, h.firstCol, h.lastCol])).toEqual([
    ['指标执行情况', 2, 0, 4],
    ['指标执行情况', 3, 0, 4],
  ]);
});
