import { recognize } from '../../src/core/recognize/recognize';
import { type Recognition, type RecognizeOptions } from '../../src/core/types';
import { type CellValue, type WorkbookGrid } from '../../src/core/grid/types';
import { book, sheet } from '../helpers/grids';

function ok(wb: WorkbookGrid, options: RecognizeOptions = {}): Recognition {
  const r = recognize(wb, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const byName = (r: Recognition, name: string) => {
  const l = r.lines.find((x) => x.name === name);
  if (!l) throw new Error(`no line ${name}`);
  return l;
};

describe('title rows, a unit row in 万元 and a category column', () => {
  const wb = book(
    sheet('执行台账', [
      ['某某县文化馆2025年部门预算执行情况表'],
      [null, null, null, null, '单位：万元'],
      [],
      ['项目名称', '支出类型', '年初预算数', '调增(减)', '调整后预算数', '1至6月支出'],
      ['基本工资', '基本支出-人员经费', 120.5, 0, 120.5, 60.25],
      ['办公费', '日常公用经费', '8.00', '1.5', '9.50', '4.10'],
      ['非遗保护项目', '专项', 30, '-', 30, '—'],
    ]),
  );
  const r = ok(wb);

  test('finds the header below the title and the unit from the unit row', () => {
    expect(r.budget.headerRows).toEqual([4]);
    expect(r.budget.unit).toBe('万元');
    expect(r.budget.unitSource).toContain('单位：万元');
  });
  test('reads organisation, year and month from the title and header', () => {
    expect(r.organization.value).toBe('某某县文化馆');
    expect(r.year.value).toBe(2025);
    expect(r.month).toEqual({ value: 6, from: '表头“1至6月支出”' });
  });
  test('reads amounts in 万元 into exact 分 and normalises categories', () => {
    expect(byName(r, '基本工资')).toMatchObject({ category: '人员支出', budget: 120_500_000, executed: 60_250_000 });
    expect(byName(r, '办公费')).toMatchObject({
      category: '公用支出',
      initial: 8_000_000,
      adjustment: 1_500_000,
      budget: 9_500_000,
    });
    expect(byName(r, '非遗保护项目')).toMatchObject({
      category: '项目支出',
      adjustment: 0,
      executed: 0,
      categorySource: '类别列',
    });
  });
  test('options override organisation, year and month', () => {
    const o = ok(wb, { organization: '另一个单位', year: 2024, month: 7 });
    expect([o.organization.value, o.year.value, o.month.value]).toEqual(['另一个单位', 2024, 7]);
  });
});

describe('a two-row header with merged groups', () => {
  const rows = [
    ['XX局2024年预算执行台账'],
    ['项目', '预算数（万元）', null, null, '执行数', '备注'],
    [null, '年初', '调整', '调整后', '1-6月', null],
    ['（一）人员支出', null, null, null, null, null],
    ['工资', 10, 2, 12, 6, null],
    ['二、项目支出', null, null, null, null, null],
    ['乡村振兴', 5, 0, 5, 1, null],
  ];
  test('with merge information', () => {
    const r = ok(
      book(
        sheet('台账', rows, [
          { top: 1, left: 0, bottom: 2, right: 0 },
          { top: 1, left: 1, bottom: 1, right: 3 },
          { top: 1, left: 5, bottom: 2, right: 5 },
        ]),
      ),
    );
    expect(r.budget.headerRows).toEqual([2, 3]);
    expect(r.budget.columns.map((c) => c.role)).toEqual([
      'name',
      'initial',
      'adjustment',
      'budget',
      'executed',
      'remark',
    ]);
    expect(r.budget.unit).toBe('万元');
    expect(byName(r, '工资')).toMatchObject({
      initial: 10_000_000,
      adjustment: 2_000_000,
      budget: 12_000_000,
      category: '人员支出',
    });
    expect(byName(r, '乡村振兴')).toMatchObject({ category: '项目支出', executed: 1_000_000 });
    expect(r.month.value).toBe(6);
  });
  test('without merge information (a CSV-like grid): the group label carries across', () => {
    const r = ok(book(sheet('台账', rows)));
    expect(r.budget.columns.find((c) => c.role === 'initial')?.unit).toBe('万元');
    expect(byName(r, '工资').budget).toBe(12_000_000);
  });
});

describe('section rows and economic classification codes decide categories', () => {
  const r = ok(
    book(
      sheet('2024年支出台账', [
        ['经济分类科目', '项目名称', '全年预算', '截至8月累计支付'],
        [null, '一、基本支出', null, null],
        ['30101', '基本工资', 1000, 700],
        ['30201', '办公费', 500, 300],
        ['30302', '退休费', 200, 130],
        [null, '二、项目支出', null, null],
        ['30201', '培训项目', 800, 100],
        [null, '合计', 2500, 1230],
      ]),
    ),
  );
  test('codes split basic spending; the project section wins over a 302 code', () => {
    expect(byName(r, '基本工资')).toMatchObject({ category: '人员支出', categorySource: '经济分类' });
    expect(byName(r, '办公费')).toMatchObject({ category: '公用支出', categorySource: '经济分类' });
    expect(byName(r, '退休费').category).toBe('人员支出');
    expect(byName(r, '培训项目')).toMatchObject({ category: '项目支出', categorySource: '分节行' });
  });
  test('section and total rows are never lines; the year comes from the sheet name; no false warnings', () => {
    expect(r.lines.map((l) => l.name)).toEqual(['基本工资', '办公费', '退休费', '培训项目']);
    expect(r.year.value).toBe(2024);
    expect(r.month.value).toBe(8);
    expect(r.warnings.filter((w) => w.message.includes('合计'))).toEqual([]);
  });
  test('derives 年初 from 全年 when there is no 年初 column', () => {
    expect(byName(r, '基本工资')).toMatchObject({ initial: 100000, adjustment: 0, budget: 100000 });
  });
});

describe('小计 and 合计 rows that do not add up are discrepancies, which stop the report', () => {
  const r = ok(
    book(
      sheet('台账', [
        ['2024年预算执行表（1-8月）'],
        ['项目名称', '支出类别', '年初预算', '年中调整', '全年预算', '1-8月执行'],
        ['工资', '人员支出', 100, 0, 100, 60],
        ['社保', '人员支出', 50, 0, 50, 30],
        ['小计', null, 150, 0, 150, 90],
        ['项目A', '项目支出', 100, 20, 120, 10],
        ['小计', null, 100, 20, 120, 11],
        ['合计', null, 250, 20, 270, 101],
      ]),
    ),
  );
  test('a 小计 that differs from its lines names its row, column and the difference', () => {
    const d = r.discrepancies.filter((x) => x.message.includes('“小计”'));
    expect(d).toEqual([
      expect.objectContaining({
        sheet: '台账',
        row: 7,
        column: 'F',
        kind: 'total',
        message: expect.stringContaining('执行数为11.00元，但它所含的1行明细合计为10.00元，相差1.00元'),
      }),
    ]);
  });
  test('the 合计 is checked against every line; the 小计 that adds up is no discrepancy', () => {
    const d = r.discrepancies.filter((x) => x.message.includes('“合计”'));
    expect(d).toEqual([
      expect.objectContaining({ row: 8, column: 'F', message: expect.stringContaining('相差1.00元') }),
    ]);
    expect(r.discrepancies.filter((x) => x.row === 5)).toEqual([]);
    expect(r.lines.map((l) => l.name)).toEqual(['工资', '社保', '项目A']);
  });
  test('全年预算 ≠ 年初 + 调整 is a discrepancy; full budget kept', () => {
    const bad = ok(
      book(
        sheet('台账', [
          ['2024年1-8月'],
          ['项目名称', '年初预算', '调整数', '全年预算', '已支出'],
          ['项目B', 100, 10, 120, 5],
        ]),
      ),
    );
    expect(bad.lines[0]!.budget).toBe(12000);
    expect(bad.discrepancies).toEqual([
      expect.objectContaining({ row: 3, column: 'D', kind: 'identity', message: expect.stringContaining('不等于') }),
    ]);
  });
});

describe('a 执行率 column is cross-checked, not used', () => {
  test('a wrong rate is reported with its cell', () => {
    const r = ok(
      book(
        sheet('台账', [
          ['2024年'],
          ['项目名称', '全年预算', '1-8月执行数', '执行率'],
          ['项目A', 1000, 500, 0.5],
          ['项目B', 1000, 500, '60%'],
          ['项目C', 1000, 333, '33%'],
        ]),
      ),
    );
    expect(r.warnings.filter((w) => w.message.includes('执行率')).map((w) => `${w.row}${w.column}`)).toEqual(['4D']);
  });
});

describe('a payment journal beside a budget sheet', () => {
  const wb = book(
    sheet('预算', [
      ['某单位2024年预算指标'],
      ['项目名称', '支出类别', '全年预算'],
      ['维权帮扶', '项目支出', 20000],
      ['办公费', '公用支出', 50000],
    ]),
    sheet('支付明细', [
      ['日期', '凭证号', '摘要', '项目名称', '金额'],
      [45306, '记-001', '法律咨询费', '维权帮扶', 3000], // 2024-01-15 as an Excel serial
      [new Date(Date.UTC(2024, 2, 1)), '记-002', '购买纸张', '办公费', '1,200.50'],
      ['2024/8/31', '记-003', '律师费', '维权帮扶', 2000],
      ['2024年8月20日', '记-004', '退回多付律师费', '维权帮扶', -500],
      ['2024.9.1', '记-005', '九月律师费', '维权帮扶', 9999],
      ['2024-05-06', '记-006', '不明支出', '宣传经费', 800],
      ['2023-12-31', '记-007', '上年支出', '办公费', 100],
      ['2024-02-30', '记-008', '日期错误', '办公费', 100],
    ]),
  );
  const r = ok(wb, { month: 8 });
  test('sums payments to the end of month N with refunds netted out', () => {
    expect(byName(r, '维权帮扶').executed).toBe(450000);
    expect(byName(r, '办公费').executed).toBe(120050);
    expect(r.journal?.sheet).toBe('支付明细');
  });
  test('later payments, other years, bad dates and unknown projects are said, not dropped silently', () => {
    const msgs = r.warnings.map((w) => `${w.sheet}:${w.row ?? ''}${w.column ?? ''}:${w.message}`);
    expect(msgs.some((m) => m.includes('1笔支付') && m.includes('9,999.00'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('支付明细:7D') && m.includes('宣传经费'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('支付明细:8A') && m.includes('2023年'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('支付明细:9A') && m.includes('2024-02-30'))).toBe(true);
  });
  test('a different cut-off month changes what counts', () => {
    expect(byName(ok(wb, { month: 2 }), '维权帮扶').executed).toBe(300000);
  });
});

describe('clear errors for unusable workbooks', () => {
  const err = (wb: WorkbookGrid, o: RecognizeOptions = {}): string => {
    const r = recognize(wb, o);
    if (r.ok) throw new Error('expected an error');
    return r.error.message;
  };
  test('no ledger at all names the sheets looked at', () => {
    expect(err(book(sheet('Sheet1', [['你好'], [1, 2, 3]])))).toMatch(/没有找到预算台账.*“Sheet1”/);
  });
  test('no spending column and no journal', () => {
    expect(err(book(sheet('台账', [['2024年1-8月'], ['项目名称', '全年预算'], ['A', 1]])))).toContain('没有执行数列');
  });
  test('month not found, and month out of range', () => {
    const wb = book(
      sheet('2024台账', [
        ['项目名称', '全年预算', '已支出'],
        ['A', 1, 1],
      ]),
    );
    expect(err(wb)).toContain('--month');
    expect(err(wb, { month: 13 })).toContain('1到12');
    expect(err(wb, { month: 0 })).toContain('1到12');
    expect(ok(wb, { month: 5 }).month.value).toBe(5);
  });
  test('an unknown sheet name lists the sheets that exist', () => {
    expect(err(book(sheet('台账', [])), { sheet: '预算' })).toContain('现有工作表：“台账”');
  });
});

describe('the opening paragraph’s finance bureau and notice', () => {
  test('options override the 单位信息 sheet', () => {
    const wb = book(
      sheet('台账', [['2024年1-8月'], ['项目名称', '全年预算', '已支出'], ['A项目', 1, 1]]),
      sheet('单位信息', [
        ['财政部门', '某县财政局'],
        ['监控通知', '《旧通知》'],
      ]),
    );
    expect(ok(wb).unitInfo).toMatchObject({ financeBureau: '某县财政局', notice: '《旧通知》' });
    expect(ok(wb, { notice: '《新通知》（某财〔2024〕1号）' }).unitInfo).toMatchObject({
      financeBureau: '某县财政局',
      notice: '《新通知》（某财〔2024〕1号）',
    });
  });
});

describe('labels offices really use (from review)', () => {
  const withTitle = (header: CellValue[], ...rows: CellValue[][]) =>
    book(sheet('台账', [['某县档案馆2024年预算执行台账'], ['单位：元'], header, ...rows]));

  test('“调整预算数” is the adjusted budget, not an adjustment', () => {
    const r = ok(
      withTitle(
        ['项目名称', '支出类别', '年初预算数', '调整预算数', '1-8月执行数'],
        ['档案数字化项目', '项目支出', 50000, 80000, 30000],
      ),
    );
    expect(r.lines[0]).toMatchObject({ initial: 5_000_000, adjustment: 3_000_000, budget: 8_000_000 });
  });

  test('“全年预算（含追加）” is the full-year budget', () => {
    const r = ok(
      withTitle(
        ['项目名称', '支出类别', '年初预算', '全年预算（含追加）', '1-8月执行数'],
        ['河道治理项目', '项目支出', 100000, 150000, 90000],
      ),
    );
    expect(r.lines[0]).toMatchObject({ initial: 10_000_000, adjustment: 5_000_000, budget: 15_000_000 });
  });

  test('“金额 | 进度” under “1-8月执行情况”: the amount is the spending, the progress a rate', () => {
    const r = ok(
      book(
        sheet(
          '台账',
          [
            ['某县林业局2024年预算执行台账'],
            ['单位：元'],
            ['项目名称', '支出类别', '全年预算', '1-8月执行情况', null],
            [null, null, null, '金额', '进度'],
            ['森林防火项目', '项目支出', 100000, 40000, 0.4],
          ],
          [{ top: 2, left: 3, bottom: 2, right: 4 }],
        ),
      ),
    );
    expect(r.budget.columns.find((c) => c.col === 3)?.role).toBe('executed');
    expect(r.budget.columns.find((c) => c.col === 4)?.role).toBe('rate');
    expect(r.lines[0]!.executed).toBe(4_000_000);
    expect(r.warnings.filter((w) => w.message.includes('执行率'))).toEqual([]);
  });

  test('a 预算指标文号 column is not the budget', () => {
    const r = ok(
      withTitle(
        ['项目名称', '预算指标文号', '支出类别', '全年预算', '1-8月执行数'],
        ['文化惠民演出项目', '县财预〔2024〕12号', '项目支出', 100000, 40000],
      ),
    );
    expect(r.lines[0]).toMatchObject({ budget: 10_000_000, executed: 4_000_000 });
  });

  test('项目类型 is a category and 单位名称 a grouping: 项目名称 names the lines', () => {
    const a = ok(
      withTitle(
        ['序号', '项目类型', '项目名称', '全年预算', '1-8月支出'],
        [1, '专项', '高标准农田建设', 500000, 100000],
      ),
    );
    expect(a.lines[0]).toMatchObject({ name: '高标准农田建设', category: '项目支出' });
    const b = ok(
      withTitle(
        ['单位名称', '项目名称', '支出类别', '全年预算', '1-8月支出'],
        ['县一中', '校舍维修项目', '项目支出', 1000, 100],
      ),
    );
    expect(b.lines[0]!.name).toBe('校舍维修项目');
  });

  test('personnel lines under a bare 基本支出 category stay personnel', () => {
    const r = ok(
      withTitle(
        ['项目名称', '支出类别', '全年预算', '1-8月执行数'],
        ['其他社会保障缴费', '基本支出', 1000, 600],
        ['医疗费补助', '基本支出', 1000, 600],
        ['奖励金', '基本支出', 1000, 600],
        ['会务费', '基本支出', 1000, 600],
      ),
    );
    expect(r.lines.map((l) => l.category)).toEqual(['人员支出', '人员支出', '人员支出', '公用支出']);
  });

  test('a 功能分类 code column is ignored; the 经济分类 words name a line with no name', () => {
    const r = ok(
      withTitle(
        ['功能分类科目编码', '经济分类科目', '项目名称', '全年预算', '1-8月执行数'],
        ['2040601', '30101 基本工资', '', 100000, 66000],
        ['2040601', '30201 办公费', '', 10000, 5000],
      ),
    );
    expect(r.lines.map((l) => [l.name, l.category])).toEqual([
      ['基本工资', '人员支出'],
      ['办公费', '公用支出'],
    ]);
  });

  test('“支出金额” is the spending in a budget sheet; “预计全年执行率” is not cross-checked', () => {
    const r = ok(
      withTitle(
        ['项目名称', '支出类别', '预算金额', '支出金额', '预计全年执行率'],
        ['档案项目', '项目支出', 1000, 400, 0.9],
      ),
      { month: 8 },
    );
    expect(r.lines[0]).toMatchObject({ budget: 100000, executed: 40000 });
    expect(r.warnings.filter((w) => w.message.includes('执行率'))).toEqual([]);
  });
});

describe('the report year when a title names two', () => {
  test.each([
    ['泸县档案馆2023年结转资金和2024年预算执行台账', 2024, '泸县档案馆'],
    ['泸县档案馆上年结转及2024年预算执行台账', 2024, '泸县档案馆'],
    ['XX局2023年决算与2024年预算执行情况', 2024, 'XX局'],
  ])('%s → %i, %s', (title, year, org) => {
    const r = ok(book(sheet('台账', [[title], ['项目名称', '全年预算', '1-8月执行数'], ['A项目', 1, 1]])));
    expect([r.year.value, r.organization.value]).toEqual([year, org]);
  });
});

test('a forecast below what is already spent is a warning on its cell', () => {
  const r = ok(
    book(
      sheet('台账', [
        ['某局2024年预算执行台账'],
        ['项目名称', '全年预算', '1-8月执行数', '全年预计执行数'],
        ['A项目', 100, 70, 60],
      ]),
    ),
  );
  expect(r.warnings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ row: 3, column: 'D', message: expect.stringContaining('小于已执行') }),
    ]),
  );
});

describe('labels whose meaning sits in brackets or beside another budget (second review)', () => {
  const t = (header: CellValue[], row: CellValue[], options: RecognizeOptions = {}) =>
    ok(book(sheet('台账', [['某局2024年预算执行台账'], ['单位：元'], header, row])), { month: 8, ...options });

  test('调整预算 beside 调整后预算 is the adjustment', () => {
    const r = t(
      ['项目名称', '支出类别', '年初预算', '调整预算', '调整后预算', '1-8月执行数'],
      ['A项目', '项目支出', 100, 20, 120, 60],
    );
    expect(r.lines[0]).toMatchObject({ initial: 10000, adjustment: 2000, budget: 12000 });
  });
  test('调整预算（调增+/调减-） is an adjustment even without another budget column', () => {
    const r = t(
      ['项目名称', '支出类别', '年初预算', '调整预算（调增+/调减-）', '1-8月执行数'],
      ['A项目', '项目支出', 100, -20, 30],
    );
    expect(r.lines[0]).toMatchObject({ initial: 10000, adjustment: -2000, budget: 8000 });
  });
  test('预算数（年初） | 调整数 | 预算数（调整后）', () => {
    const r = t(
      ['项目名称', '预算数（年初）', '调整数', '预算数（调整后）', '1-8月执行数'],
      ['A项目', 100, 20, 120, 60],
    );
    expect(r.lines[0]).toMatchObject({ initial: 10000, adjustment: 2000, budget: 12000 });
  });
  test('预算执行（1-8月） is the spending', () => {
    const r = t(['项目名称', '全年预算', '预算执行（1-8月）', '执行率'], ['A项目', 100, 40, 0.4]);
    expect(r.lines[0]).toMatchObject({ budget: 10000, executed: 4000 });
  });
  test('项目名称（文号） names the lines; 经济科目编号 is the economic code', () => {
    const r = t(
      ['经济科目编号', '项目名称（文号）', '全年预算', '1-8月执行数'],
      ['30399', '其他对个人和家庭的补助', 100, 40],
    );
    expect(r.lines[0]).toMatchObject({ name: '其他对个人和家庭的补助', econCode: '30399', category: '人员支出' });
  });
  test('with a journal, a budget sheet’s 支出金额 column is not the spending', () => {
    const r = ok(
      book(
        sheet('预算', [
          ['某局2024年预算'],
          ['项目名称', '支出类别', '全年预算', '支出金额'],
          ['A项目', '项目支出', 1000, null],
        ]),
        sheet('支付明细', [
          ['日期', '凭证号', '摘要', '项目名称', '支出金额'],
          ['2024-03-01', '记-1', '付款', 'A项目', 300],
        ]),
      ),
      { month: 8 },
    );
    expect(r.lines[0]!.executed).toBe(30000);
  });
  test.each([
    ['XX局2024年经费执行台账（2025年1月更新）', 2024],
    ['某县2024年财政资金执行情况（2025年3月）', 2024],
    ['XX局2024年 部门预算执行台账（2025年2月补录）', 2024],
  ])('a date stamp is not the report year: %s', (title, year) => {
    const r = ok(book(sheet('台账', [[title], ['项目名称', '全年预算', '1-8月执行数'], ['A项目', 1, 1]])));
    expect(r.year.value).toBe(year);
  });
});
