/**
 * Every rule on its boundary, both sides, with the expected words and figures typed by hand:
 * the gap line (flagged only when more than the gap below 时间进度), exactly at 时间进度, 12 points
 * behind, each 四川 line, a unit ahead of time, 调增 / 调减, 万元 that round up, sit on a half or are
 * negative, and the targets' rules (a deadline due in the report month, a target exactly the gap
 * behind, target progress and spending exactly 10 points apart).
 */
import { buildReport, type ReportOptions, type ReportOutput } from '../../src/core/pipeline';
import { blocksToText } from '../../src/core/report/types';
import { type CellValue } from '../../src/core/grid/types';
import { book, sheet } from '../helpers/grids';
import { seenFromPlan } from './summary-sheet';

/** [name, 支出类别, 年初预算, 调整数, 1-N月执行数] in 元. */
type Line = readonly [string, string, number, number, number];

function ledgerRows(month: number, lines: readonly Line[]): CellValue[][] {
  return [
    ['测试局2024年预算执行台账'],
    ['单位：元'],
    ['项目名称', '支出类别', '年初预算', '调整数', '全年预算', `1-${month}月执行数`],
    ...lines.map(([name, category, initial, adjustment, executed]) => [
      name,
      category,
      initial,
      adjustment,
      initial + adjustment,
      executed,
    ]),
  ];
}

function report(
  month: number,
  lines: readonly Line[],
  options: ReportOptions = {},
  more: CellValue[][] = [],
): ReportOutput {
  const sheets = [sheet('台账', ledgerRows(month, lines))];
  if (more.length > 0) sheets.push(sheet('绩效目标', more));
  const r = buildReport(book(...sheets), options);
  if (!r.ok) throw r.error;
  return r.value;
}

const textOf = (out: ReportOutput): string => blocksToText(out.model.blocks);
const flaggedNames = (out: ReportOutput): string[] => out.model.indicators.flagged.map((i) => i.line.name);
/** 1-based ledger rows highlighted (the ledger's lines start on row 4). */
const highlightedRows = (out: ReportOutput): number[] => out.plan.highlights.map((h) => h.row + 1);
const reasonOf = (out: ReportOutput, name: string): string | null =>
  out.model.indicators.items.find((i) => i.line.name === name)?.flagReason ?? null;
const statusOf = (out: ReportOutput, name: string): string | undefined =>
  out.model.indicators.items.find((i) => i.line.name === name)?.status;

/** The 监控汇总 row of a line or group, as [value, format] cells. */
function summaryRow(out: ReportOutput, label: string): unknown[] {
  const summary = out.plan.sheets.find((s) => s.name === '监控汇总')!;
  const rows = seenFromPlan(summary);
  const row = rows.find((r) => r[0]?.[0] === label && r.length >= 10);
  if (!row) throw new Error(`no 监控汇总 row ${label}`);
  return row.map((c) => c[0]);
}

describe('the gap line (default: more than 10 points below 时间进度)', () => {
  // 1-8月: 时间进度 66.67%, so the line is 56.67%.
  const out = report(8, [
    ['在线项目', '项目支出', 10000, 0, 5667],
    ['线下项目', '项目支出', 10000, 0, 5666],
  ]);

  test('exactly on the line (56.67%, 10.00 points behind) is behind but not flagged', () => {
    expect(statusOf(out, '在线项目')).toBe('滞后');
    expect(reasonOf(out, '在线项目')).toBeNull();
    expect(textOf(out)).toContain(
      '（1）在线项目，全年预算1.00万元；1-8月支出0.57万元，执行率56.67%，低于时间进度10.00个百分点。',
    );
  });

  test('0.01 below the line (56.66%) is flagged, highlighted and listed with its gap', () => {
    expect(flaggedNames(out)).toEqual(['线下项目']);
    expect(highlightedRows(out)).toEqual([5]);
    expect(reasonOf(out, '线下项目')).toBe('执行率56.66%，低于时间进度10.01个百分点');
    expect(textOf(out)).toContain(
      '1个项目执行率低于时间进度10个百分点以上或尚未支出。线下项目执行率56.66%，低于时间进度10.01个百分点，【请说明滞后原因】。',
    );
    expect(summaryRow(out, '线下项目')).toEqual([
      '线下项目',
      '一般公共预算',
      1,
      0,
      1,
      0.57,
      0.5666,
      -10.01,
      '滞后',
      '未填列',
    ]);
  });
});

describe('the whole budget on the gap line', () => {
  test('10.00 points behind is not yet slow', () => {
    const text = textOf(report(8, [['工资', '人员支出', 10000, 0, 5667]]));
    expect(text).toContain('总体而言，我单位预算执行和绩效目标任务稳步推进。');
    expect(text).not.toContain('整体预算执行偏慢');
  });

  test('10.01 points behind is said in 总体而言 and as a problem', () => {
    const text = textOf(report(8, [['工资', '人员支出', 10000, 0, 5666]]));
    expect(text).toContain(
      '总体而言，基本支出执行率56.66%，低于时间进度10.01个百分点；整体执行率56.66%，低于时间进度10.01个百分点，需加快推进。',
    );
    expect(text).toContain('（一）整体预算执行偏慢。整体执行率低于时间进度10个百分点以上，后4个月支出压力较大。');
  });
});

describe('exactly at 时间进度', () => {
  // 1-6月: 时间进度 50.00%.
  const out = report(6, [
    ['持平项目', '项目支出', 10000, 0, 5000],
    ['差一点项目', '项目支出', 10000, 0, 4999],
  ]);

  test('50.00% at 50.00% is 正常 and 与时间进度持平, never 滞后', () => {
    expect(statusOf(out, '持平项目')).toBe('正常');
    expect(textOf(out)).toContain('（1）持平项目，全年预算1.00万元；1-6月支出0.50万元，执行率50.00%，与时间进度持平。');
    expect(summaryRow(out, '持平项目')).toEqual(['持平项目', '一般公共预算', 1, 0, 1, 0.5, 0.5, 0, '正常', '未填列']);
  });

  test('0.01 below is 滞后, and not flagged', () => {
    expect(statusOf(out, '差一点项目')).toBe('滞后');
    expect(textOf(out)).toContain('执行率49.99%，低于时间进度0.01个百分点。');
    expect(flaggedNames(out)).toEqual([]);
  });

  test('a whole ledger at 时间进度 says so and finds no problem', () => {
    const all = report(6, [
      ['工资', '人员支出', 20000, 0, 10000],
      ['持平项目', '项目支出', 10000, 0, 5000],
    ]);
    const text = textOf(all);
    expect(text).toContain('本单位累计支出1.50万元，为全年预算3.00万元的50.00%，时间进度为50.00%，与时间进度持平。');
    expect(text).toContain('总体而言，我单位预算执行和绩效目标任务稳步推进。');
    expect(text).toContain('截至6月底，各项支出执行进度与时间进度基本匹配，未发现明显问题。');
    expect(summaryRow(all, '合计')).toEqual(['合计', '', 3, 0, 3, 1.5, 0.5, 0, '', '未填列']);
  });
});

describe('12 points behind, and the gap the user sets', () => {
  // 1-8月: 54.67% is 12.00 points below 66.67%.
  const lines: Line[] = [
    ['十二点项目', '项目支出', 10000, 0, 5467],
    ['再差一点项目', '项目支出', 10000, 0, 5466],
  ];

  test('with the default gap (10) both are flagged, 12.00 and 12.01 points behind', () => {
    const out = report(8, lines);
    expect(flaggedNames(out)).toEqual(['十二点项目', '再差一点项目']);
    expect(reasonOf(out, '十二点项目')).toBe('执行率54.67%，低于时间进度12.00个百分点');
    expect(textOf(out)).toContain('执行率低于时间进度10个百分点以上或尚未支出');
  });

  test('with a gap of 12, exactly 12 points behind is on the line: only 12.01 is flagged', () => {
    const out = report(8, lines, { gapPoints: 12 });
    expect(flaggedNames(out)).toEqual(['再差一点项目']);
    expect(textOf(out)).toContain('1个项目执行率低于时间进度12个百分点以上或尚未支出。再差一点项目执行率');
  });

  test('with a gap of 15 neither is flagged', () => {
    const out = report(8, lines, { gapPoints: 15 });
    expect(flaggedNames(out)).toEqual([]);
    expect(out.plan.highlights).toEqual([]);
  });
});

describe('the 四川省预警线 (25% at 1-4月, 40% at 1-6月, 60% at 1-8月, 80% at 1-10月)', () => {
  // Month by month: the line of the last checkpoint passed; none before April.
  const LINES: readonly (number | null)[] = [null, null, null, 25, 25, 40, 40, 60, 60, 80, 80, 80];

  const months = LINES.map((line, i) => ({ month: i + 1, line }));

  test.each(months.filter((m) => m.line === null))(
    'month $month: no line yet, only nothing spent is a finding',
    ({ month }) => {
      const out = report(
        month,
        [
          ['少量支出项目', '项目支出', 10000, 0, 1],
          ['未支出项目', '项目支出', 10000, 0, 0],
        ],
        { rule: 'sichuan' },
      );
      expect(flaggedNames(out)).toEqual(['未支出项目']);
      expect(reasonOf(out, '未支出项目')).toBe('尚未支出');
    },
  );

  test.each(months.flatMap(({ month, line }) => (line === null ? [] : [{ month, line }])))(
    'month $month: exactly $line% is not flagged, 0.01 below is',
    ({ month, line }) => {
      const out = report(
        month,
        [
          ['线上项目', '项目支出', 10000, 0, line * 100],
          ['线下项目', '项目支出', 10000, 0, line * 100 - 1],
          // Personnel is out of the Sichuan rule, even far below the line and with basic spending judged.
          ['工资', '人员支出', 10000, 0, 100],
          ['办公费', '公用支出', 10000, 0, line * 100 - 1],
        ],
        { rule: 'sichuan', includeBasic: true },
      );
      expect(flaggedNames(out)).toEqual(['线下项目', '办公费']);
      expect(highlightedRows(out)).toEqual([5, 7]);
      expect(reasonOf(out, '线下项目')).toBe(`执行率${line - 1}.99%，低于预警线${line}.00%`);
      expect(textOf(out)).toContain(`2个支出事项执行率低于四川省预警线${line}.00%或尚未支出。线下项目执行率`);
    },
  );
});

describe('a unit ahead of time progress', () => {
  // 1-8月: 70.00% is 3.33 points above 66.67%.
  const out = report(8, [
    ['工资', '人员支出', 100000, 0, 70000],
    ['办公费', '公用支出', 20000, 0, 14000],
    ['领先项目', '项目支出', 10000, 0, 7000],
  ]);

  test('is told it is 高于时间进度, never 低于', () => {
    const text = textOf(out);
    expect(text).toContain(
      '本单位累计支出9.10万元，为全年预算13.00万元的70.00%，时间进度为66.67%，高于时间进度3.33个百分点。',
    );
    expect(text).toContain(
      '（1）领先项目，全年预算1.00万元；1-8月支出0.70万元，执行率70.00%，高于时间进度3.33个百分点。',
    );
    expect(text).toContain('基本支出全年预算12.00万元，1-8月执行8.40万元，执行率70.00%，高于时间进度3.33个百分点，');
    expect(text).not.toContain('低于时间进度');
    expect(text).not.toContain('滞后，');
    expect(summaryRow(out, '合计')).toEqual(['合计', '', 13, 0, 13, 9.1, 0.7, 3.33, '', '未填列']);
    expect(summaryRow(out, '领先项目')[8]).toBe('正常');
  });
});

describe('spending exactly the budget', () => {
  const out = report(8, [
    ['用完项目', '项目支出', 10000, 0, 10000],
    ['超支项目', '项目支出', 10000, 0, 10100],
  ]);

  test('100.00% is 正常, not 超预算', () => {
    expect(statusOf(out, '用完项目')).toBe('正常');
    expect(summaryRow(out, '用完项目')).toEqual(['用完项目', '一般公共预算', 1, 0, 1, 1, 1, 33.33, '正常', '未填列']);
    expect(textOf(out)).not.toContain('用完项目全年预算');
  });

  test('0.01万元 more is 超预算, and said with the excess', () => {
    expect(statusOf(out, '超支项目')).toBe('超预算');
    expect(summaryRow(out, '超支项目')[8]).toBe('超预算');
    expect(textOf(out)).toContain(
      '（一）1项支出超预算。超支项目全年预算1.00万元，已支出1.01万元，超出0.01万元，【请说明超预算的原因】',
    );
  });
});

describe('调增 and 调减', () => {
  test('a negative adjustment is printed as 调减 with its size (1.225万元 → 1.23)', () => {
    const out = report(8, [
      ['工资', '人员支出', 100000, 0, 60000],
      ['压减项目', '项目支出', 50000, -12250, 20000],
    ]);
    const text = textOf(out);
    expect(text).toContain('年初预算15.00万元，年中调减预算1.23万元，全年预算13.78万元。');
    expect(text).toContain('项目支出共1个（年初安排1个5.00万元，年中调减项目预算1.23万元），为：1.');
    expect(text).not.toContain('调增');
    expect(summaryRow(out, '压减项目').slice(2, 6)).toEqual([5, -1.23, 3.78, 2]);
  });

  test('a project with neither 年初 nor 调增 is not one added in the year', () => {
    const text = textOf(
      report(8, [
        ['原有项目', '项目支出', 50000, 0, 40000],
        ['空白项目', '项目支出', 0, 0, 0],
        ['新增项目', '项目支出', 0, 30000, 20000],
      ]),
    );
    expect(text).toContain('项目支出共3个（年初安排1个5.00万元，年中追加1个3.00万元），分别为：');
  });

  test('a positive one as 调增, none as 未调整', () => {
    const up = textOf(report(8, [['追加项目', '项目支出', 50000, 12250, 20000]]));
    expect(up).toContain('年初预算5.00万元，年中调增预算1.23万元，全年预算6.23万元。');
    expect(up).toContain('项目支出共1个（年初安排1个5.00万元，年中调增项目预算1.23万元），为：1.追加项目6.23万元。');
    expect(up).not.toContain('调减');
    const none = textOf(report(8, [['原定项目', '项目支出', 50000, 0, 40000]]));
    expect(none).toContain('年初预算5.00万元，年中未调整预算，全年预算5.00万元。');
  });
});

describe('万元 with two decimals, half away from zero', () => {
  const out = report(8, [
    // 12,299.99元 = 1.229999万元: rounds up to 1.23 (truncating gives 1.22).
    ['向上项目', '项目支出', 20000, 0, 12299.99],
    // 12,250元 = 1.225万元, exactly a half: 1.23 (half-even gives 1.22).
    ['半数项目', '项目支出', 20000, 0, 12250],
    // 12,350元 = 1.235万元: 1.24.
    ['另一半项目', '项目支出', 20000, 0, 12350],
    // 123.45元 = 12,345分 = 0.012345万元: 0.01.
    ['零头项目', '项目支出', 20000, 0, 123.45],
    // −49.99元 of adjustment is −0.004999万元: shown as 0.00, never −0.00.
    ['微调项目', '项目支出', 20000, -49.99, 14000],
  ]);

  test('in the narrative', () => {
    const text = textOf(out);
    expect(text).toContain('（1）向上项目，全年预算2.00万元；1-8月支出1.23万元，执行率61.50%');
    expect(text).toContain('（2）半数项目，全年预算2.00万元；1-8月支出1.23万元，执行率61.25%');
    expect(text).toContain('（3）另一半项目，全年预算2.00万元；1-8月支出1.24万元，执行率61.75%');
    expect(text).toContain('（4）零头项目，全年预算2.00万元；1-8月支出0.01万元，执行率0.62%');
    expect(text).toContain('（5）微调项目，全年预算2.00万元；1-8月支出1.40万元，执行率70.18%');
    expect(text).not.toMatch(/-0\.00/);
  });

  test('in the 监控汇总 cells', () => {
    expect(summaryRow(out, '向上项目')[5]).toBe(1.23);
    expect(summaryRow(out, '半数项目')[5]).toBe(1.23);
    expect(summaryRow(out, '另一半项目')[5]).toBe(1.24);
    expect(summaryRow(out, '零头项目')[5]).toBe(0.01);
    const adjustment = summaryRow(out, '微调项目')[3];
    expect(Object.is(adjustment, 0)).toBe(true);
    // 合计: 执行 51,023.44元 of 99,950.01元 → 5.10万元, 51.05%, 15.62 points below 66.67%.
    expect(summaryRow(out, '合计').slice(2, 8)).toEqual([10, 0, 10, 5.1, 0.5105, -15.62]);
  });

  test('negative amounts round away from zero too', () => {
    const neg = report(8, [
      ['调减一半项目', '项目支出', 20000, -12250, 5000],
      ['调减向上项目', '项目支出', 20000, -12299.99, 5000],
    ]);
    expect(summaryRow(neg, '调减一半项目')[3]).toBe(-1.23);
    expect(summaryRow(neg, '调减向上项目')[3]).toBe(-1.23);
    // −24,549.99元 → −2.4549999万元 → 2.45; the budget 15,450.01元 → 1.55.
    expect(textOf(neg)).toContain('年初预算4.00万元，年中调减预算2.45万元，全年预算1.55万元。');
  });
});

describe('the targets’ boundaries', () => {
  const HEAD = [
    '项目名称',
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '1-8月完成情况',
    '全年预计完成情况',
    '偏差原因',
    '完成目标可能性',
    '备注',
  ];
  const target = (project: string, level2: string, level3: string, value: string, actual: string): CellValue[] => [
    project,
    '产出指标',
    level2,
    level3,
    value,
    actual,
    value,
    '',
    '确定能',
    '',
  ];
  // 1-8月, each project half spent (50.00%).
  const lines: Line[] = [
    ['甲项目', '项目支出', 10000, 0, 5000],
    ['乙项目', '项目支出', 10000, 0, 5000],
    ['丙项目', '项目支出', 10000, 0, 5000],
    ['丁项目', '项目支出', 10000, 0, 5000],
  ];
  const withTargets = (rows: CellValue[][]): ReportOutput => report(8, lines, {}, [HEAD, ...rows]);

  test('a deadline due in the report month and not met is 逾期, not 未到期; next month’s is 未到期', () => {
    const out = withTargets([
      target('甲项目', '时效指标', '本月到期任务', '8月底前', '正在推进'),
      target('乙项目', '时效指标', '下月到期任务', '9月底前', '正在推进'),
      target('丙项目', '时效指标', '上月到期任务', '7月底前', '正在推进'),
    ]);
    const status = out.model.targets!.groups.map((g) => [g.name, g.targets.map((t) => t.status)]);
    expect(status).toEqual([
      ['甲项目', ['逾期']],
      ['乙项目', ['未到期']],
      ['丙项目', ['逾期']],
    ]);
    const text = textOf(out);
    expect(text).toContain('本月到期任务应于8月底前完成，1-8月正在推进，已逾期');
    expect(text).toContain('下月到期任务应于9月底前完成，1-8月正在推进');
    expect(out.model.targets!.groups[0]!.targets[0]!.riskReasons).toEqual(['应于8月底前完成，截至8月底尚未完成']);
  });

  test('a target exactly the gap behind 时间进度 (56.67%) is on course; 56.66% is 滞后', () => {
    const out = withTargets([
      target('甲项目', '数量指标', '在线指标', '≥10000人次', '5667人次'),
      target('乙项目', '数量指标', '线下指标', '≥10000人次', '5666人次'),
    ]);
    const [on, below] = out.model.targets!.groups.map((g) => g.targets[0]!);
    expect([on!.ratio, on!.status, on!.atRisk]).toEqual([5667, '正常', false]);
    expect([below!.ratio, below!.status, below!.atRisk]).toEqual([5666, '滞后', true]);
    expect(below!.riskReasons).toEqual(['1-8月完成5666人次，完成56.66%，低于时间进度10.01个百分点']);
  });

  test('target progress and spending exactly 10 points apart match; 10.01 apart do not', () => {
    const out = withTargets([
      target('甲项目', '数量指标', '快十点指标', '≥10000人次', '6000人次'),
      target('乙项目', '数量指标', '快十点零一指标', '≥10000人次', '6001人次'),
      target('丙项目', '数量指标', '慢十点指标', '≥10000人次', '4000人次'),
      target('丁项目', '数量指标', '慢十点零一指标', '≥10000人次', '3999人次'),
    ]);
    const groups = out.model.targets!.groups.map((g) => [g.name, g.progress, g.spendingRate, g.gap, g.mismatch]);
    expect(groups).toEqual([
      ['甲项目', 6000, 5000, 1000, false],
      ['乙项目', 6001, 5000, 1001, true],
      ['丙项目', 4000, 5000, -1000, false],
      ['丁项目', 3999, 5000, -1001, true],
    ]);
    const text = textOf(out);
    expect(text).toContain('甲项目可量化指标平均完成60.00%，快于预算执行进度（50.00%）10.00个百分点。');
    expect(text).toContain('乙项目可量化指标平均完成60.01%，快于预算执行进度（50.00%）10.01个百分点。');
    expect(text).toContain('丙项目可量化指标平均完成40.00%，慢于预算执行进度（50.00%）10.00个百分点。');
    expect(text).toContain('丁项目可量化指标平均完成39.99%，慢于预算执行进度（50.00%）10.01个百分点。');
    // Only the two beyond the line are a problem (五), each with its own direction.
    expect(text).toContain(
      '（四）绩效目标完成进度与预算执行进度不匹配。乙项目绩效目标完成进度快于资金支出进度10.01个百分点；丁项目资金支出进度快于绩效目标完成进度10.01个百分点，偏差超过10个百分点',
    );
  });
});
