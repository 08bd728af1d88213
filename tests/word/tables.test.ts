import { formatPercent, formatWan } from '../../src/core/money/format';
import {
  MAX_TABLE_PROJECTS,
  fundsByCategory,
  fundsByProject,
  gapText,
  periodLabel,
  rateText,
} from '../../src/core/report/tables';
import { buildReport } from '../../src/core/pipeline';
import { testModel } from './fixture';

describe('monitoring tables', () => {
  const model = testModel();
  const ind = model.indicators;

  it('labels the period by the model month', () => {
    expect(periodLabel(8)).toBe('1-8月');
    expect(periodLabel(1)).toBe('1月');
    expect(fundsByCategory(model).header[4]).toBe('1-8月执行数');
    expect(fundsByProject(model).header[5]).toBe('1-8月执行数');
    expect(fundsByCategory(model).title).toContain('1-8月');
  });

  it('writes gaps with a direction word and never divides by zero', () => {
    expect(gapText(-392)).toBe('低于3.92');
    expect(gapText(120)).toBe('高于1.20');
    expect(gapText(0)).toBe('持平');
    expect(gapText(null)).toBe('—');
    expect(rateText(null)).toBe('—');
    expect(rateText(6455)).toBe('64.55%');
  });

  it('prints the category totals of the indicators in 万元', () => {
    const t = fundsByCategory(model);
    expect(t.header).toEqual([
      '类别',
      '年初预算',
      '年中调整',
      '全年预算',
      '1-8月执行数',
      '执行率',
      '时间进度',
      '偏差（个百分点）',
    ]);
    const byLabel = new Map(t.rows.map((r) => [r.cells[0], r.cells]));
    const pub = ind.categories['公用支出'];
    // Named as the text names it: 日常公用支出.
    expect(byLabel.get('日常公用支出')).toEqual([
      '日常公用支出',
      formatWan(pub.initial),
      formatWan(pub.adjustment),
      formatWan(pub.budget),
      formatWan(pub.executed),
      rateText(pub.rate),
      '66.67%',
      gapText(pub.deviation),
    ]);
    // Worked by hand from the fixture: 368,700 元 of 571,200 元.
    expect(byLabel.get('日常公用支出')?.slice(3, 6)).toEqual(['57.12', '36.87', '64.55%']);
    const total = t.rows[t.rows.length - 1];
    expect(total?.cells[0]).toBe('合计');
    expect(total?.total).toBe(true);
    expect(total?.cells[3]).toBe(formatWan(ind.total.budget));
    expect(total?.cells[5]).toBe(rateText(ind.total.rate));
    for (const r of t.rows) expect(r.cells).toHaveLength(t.header.length);
  });

  it('lists every project with its status and a total', () => {
    const t = fundsByProject(model);
    const projects = ind.items.filter((i) => i.line.category === '项目支出');
    expect(t.rows).toHaveLength(projects.length + 1);
    const special = t.rows.find((r) => r.cells[0] === '省级财政工会专项资金');
    // 300,000 of 511,600 元 added mid-year: 58.64%, 8.03 points behind 66.67%.
    expect(special?.cells).toEqual([
      '省级财政工会专项资金',
      // No 资金来源 column in this ledger: 一般公共预算, and a warning says so.
      '一般公共预算',
      '0.00',
      '51.16',
      '51.16',
      '30.00',
      '58.64%',
      '低于8.03',
      '滞后',
    ]);
    const unspent = t.rows.find((r) => r.cells[0] === '维权帮扶项目经费');
    expect(unspent?.cells.slice(4)).toEqual(['2.00', '0.00', '0.00%', '低于66.67', '未执行']);
    expect(unspent?.flagged).toBe(true);
    expect(t.rows[t.rows.length - 1]?.cells.slice(0, 7)).toEqual([
      '合计',
      '',
      formatWan(ind.categories['项目支出'].initial),
      formatWan(ind.categories['项目支出'].adjustment),
      '53.16',
      '30.00',
      formatPercent(ind.categories['项目支出'].rate ?? 0),
    ]);
  });

  it('says so when there are no projects', () => {
    const m = testModel();
    const noProjects = {
      ...m,
      indicators: { ...m.indicators, items: m.indicators.items.filter((i) => i.line.category !== '项目支出') },
    };
    const t = fundsByProject(noProjects);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]?.cells[0]).toBe('无项目支出');
    expect(t.rows[0]?.cells).toHaveLength(t.header.length);
  });
});

describe('a ledger with hundreds of projects', () => {
  test('the printed table keeps the flagged and the largest projects, sums the rest and still reconciles', () => {
    const rows: (string | number)[][] = [
      ['测试单位2024年预算执行台账'],
      ['单位：元'],
      ['项目名称', '支出类别', '全年预算', '1-8月执行数'],
    ];
    for (let i = 1; i <= 150; i++) rows.push([`项目${i}号`, '项目支出', i * 1000, i % 10 === 0 ? 0 : i * 900]);
    const r = buildReport({ sheets: [{ name: '台账', rows }] });
    if (!r.ok) throw r.error;
    const t = fundsByProject(r.value.model);
    const names = t.rows.map((row) => row.cells[0]);
    expect(t.rows).toHaveLength(MAX_TABLE_PROJECTS + 2);
    // The 15 unspent projects (every tenth) are flagged and all kept, whatever their size.
    for (let i = 10; i <= 150; i += 10) expect(names).toContain(`项目${i}号`);
    expect(names).toContain('项目150号');
    expect(names).not.toContain('项目1号');
    expect(names.at(-2)).toBe('其余50个项目（明细见“监控汇总”表）');
    // The kept rows plus the 其余 row add up to the 合计 row (in 万元 with two decimals, 元 exact here).
    const yuan = (s: string | undefined) => Math.round(Number(s) * 10000);
    const sum = t.rows.slice(0, -1).reduce((acc, row) => acc + yuan(row.cells[4]), 0);
    expect(sum).toBe(yuan(t.rows.at(-1)!.cells[4]));
  });
});
