import { formatPercent, formatWan } from '../../src/core/money/format';
import { fundsByCategory, fundsByProject, gapText, periodLabel, rateText } from '../../src/core/report/tables';
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
    expect(byLabel.get('公用支出')).toEqual([
      '公用支出',
      formatWan(pub.initial),
      formatWan(pub.adjustment),
      formatWan(pub.budget),
      formatWan(pub.executed),
      rateText(pub.rate),
      '66.67%',
      gapText(pub.deviation),
    ]);
    // Worked by hand from the fixture: 368,700 元 of 571,200 元.
    expect(byLabel.get('公用支出')?.slice(3, 6)).toEqual(['57.12', '36.87', '64.55%']);
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
      '未注明',
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
