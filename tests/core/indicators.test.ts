import { computeIndicators } from '../../src/core/indicators/compute';
import { sichuanWarningLine } from '../../src/core/indicators/warning-line';
import { type Category, type LedgerLine } from '../../src/core/types';

let row = 2;
function line(
  name: string,
  category: Category,
  budget: number,
  executed: number,
  source = '一般公共预算拨款',
): LedgerLine {
  return {
    name,
    category,
    categorySource: '类别列',
    econCode: null,
    source,
    initial: budget,
    adjustment: 0,
    budget,
    executed,
    forecast: null,
    remark: '',
    sheet: '台账',
    row: row++,
  };
}

describe('status per line at 1-8月 (时间进度 66.67%)', () => {
  const ind = computeIndicators(
    [
      line('未动项目', '项目支出', 10000, 0),
      line('慢项目', '项目支出', 10000, 5000), // 50.00%: 16.67 points behind
      line('稍慢项目', '项目支出', 10000, 6000), // 60.00%: 6.67 behind, within the 10-point gap
      line('正常项目', '项目支出', 10000, 7000),
      line('超支项目', '项目支出', 10000, 12000),
      line('无预算有支出', '项目支出', 0, 500),
      line('无预算无支出', '项目支出', 0, 0),
      line('慢的公用', '公用支出', 10000, 1000, '政府性基金'),
    ],
    2024,
    8,
  );
  const by = (n: string) => ind.items.find((i) => i.line.name === n)!;

  test('未执行, 滞后, 正常, 超预算', () => {
    expect(ind.items.map((i) => [i.line.name, i.status])).toEqual([
      ['未动项目', '未执行'],
      ['慢项目', '滞后'],
      ['稍慢项目', '滞后'],
      ['正常项目', '正常'],
      ['超支项目', '超预算'],
      ['无预算有支出', '超预算'],
      ['无预算无支出', '正常'],
      ['慢的公用', '滞后'],
    ]);
  });
  test('rate and gap: none when the budget is zero, never a division by zero', () => {
    expect(by('慢项目').totals).toMatchObject({ rate: 5000, deviation: -1667 });
    expect(by('无预算有支出').totals).toMatchObject({ rate: null, deviation: null });
  });
  test('by default only projects more than 10 points behind or unspent are flagged', () => {
    expect(ind.flagged.map((i) => i.line.name)).toEqual(['未动项目', '慢项目']);
    expect(by('慢项目').flagReason).toBe('执行率50.00%，低于时间进度16.67个百分点');
  });
  test('the gap and including basic spending are options', () => {
    const lines = ind.items.map((i) => i.line);
    expect(computeIndicators(lines, 2024, 8, { gapPoints: 5 }).flagged.map((i) => i.line.name)).toEqual([
      '未动项目',
      '慢项目',
      '稍慢项目',
    ]);
    expect(computeIndicators(lines, 2024, 8, { includeBasic: true }).flagged.map((i) => i.line.name)).toContain(
      '慢的公用',
    );
  });
  test('totals per funding source', () => {
    expect(ind.sources.map((s) => [s.name, s.totals.budget])).toEqual([
      ['一般公共预算拨款', 50000],
      ['政府性基金', 10000],
    ]);
  });
});

describe('四川省预警线', () => {
  test.each([
    [3, null],
    [4, 2500],
    [5, 2500],
    [6, 4000],
    [8, 6000],
    [9, 6000],
    [10, 8000],
    [12, 8000],
  ])('1-%i月: %p', (m, expected) => expect(sichuanWarningLine(m)).toBe(expected));

  test('flags below the line, never personnel spending', () => {
    const lines = [
      line('项目', '项目支出', 100, 59),
      line('公用', '公用支出', 100, 50),
      line('工资', '人员支出', 100, 10),
    ];
    const ind = computeIndicators(lines, 2024, 8, { rule: 'sichuan', includeBasic: true });
    expect(ind.flagged.map((i) => i.line.name)).toEqual(['项目', '公用']);
    expect(ind.flagged[0]!.flagReason).toBe('执行率59.00%，低于预警线60.00%');
  });
});
