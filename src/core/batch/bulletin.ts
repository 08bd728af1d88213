import { formatPercent, formatPoints, formatWan } from '../money/format';
import { type Percent } from '../money/percent';
import { gapWords, pct, periodLabel, spentOfBudget, wan } from '../report/phrases';
import { type CellAlign, type ReportTable, type TableRow } from '../report/tables';
import { type Block } from '../report/types';
import { type BatchModel, type CommonProblem, type LaggingProject, type RankedUnit } from './types';

/** The 通报 as blocks (rendered like a unit's report) and its attached tables. */
export interface Bulletin {
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly tables: readonly ReportTable[];
}

const CN_ORDER = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const lead = (i: number): string => `（${CN_ORDER[i] ?? String(i + 1)}）`;

/** "A（执行率12.34%，差额5.00万元）" */
function unitBrief(u: RankedUnit): string {
  return `${u.name}（执行率${pct(u.total.rate)}，比时间进度少支出${wan(u.shortfall)}）`;
}

function projectBrief(p: LaggingProject): string {
  const spent = p.executed <= 0 ? '尚未支出' : `已支出${wan(p.executed)}，执行率${pct(p.rate)}`;
  return `${p.unit}“${p.name}”（预算${wan(p.budget)}，${spent}）`;
}

function problemText(p: CommonProblem, m: BatchModel): { lead: string; text: string } {
  const period = periodLabel(m.month);
  switch (p.kind) {
    case 'behind':
      return {
        lead: '支出进度滞后。',
        text: `${p.units}个单位执行率低于时间进度，合计比时间进度少支出${wan(p.amount ?? 0)}。`,
      };
    case 'unspent':
      return {
        lead: '项目资金未支出。',
        text: `${p.units}个单位有${p.count}个项目${period}尚未支出，预算合计${wan(p.amount ?? 0)}。`,
      };
    case 'lagging':
      return {
        lead: '项目执行进度滞后。',
        text: `${p.units}个单位共有${p.count}个项目执行进度低于预警线，预算合计${wan(p.amount ?? 0)}。`,
      };
    case 'targets':
      return {
        lead: '绩效目标存在完成风险。',
        text: `${p.units}个单位有${p.count}项绩效目标按${period}完成情况或全年预计存在不能完成的风险。`,
      };
    case 'mismatch':
      return {
        lead: '目标完成与预算执行不同步。',
        text: `${p.units}个单位有${p.count}个项目的绩效目标完成进度与预算执行进度偏差较大。`,
      };
    case 'sichuan':
      return { lead: '触发预警。', text: `${p.units}个单位按四川省预警线触发预警（人员支出不纳入）。` };
    case 'differences':
      return {
        lead: '台账数据不一致。',
        text: `${p.units}个单位的台账合计与明细不符（共${p.count}处），本次按单位确认后的识别结果汇总，请相关单位核实台账。`,
      };
  }
}

const figureCells = (budget: number, executed: number, rate: Percent | null): string[] => [
  formatWan(budget),
  formatWan(executed),
  rate === null ? '—' : formatPercent(rate),
];
const points = (p: Percent | null): string => (p === null ? '—' : `${p < 0 ? '-' : ''}${formatPoints(p)}`);

function table(
  title: string,
  unit: string,
  header: string[],
  align: CellAlign[],
  widths: number[],
  rows: TableRow[],
  notes: string[] = [],
): ReportTable {
  return { title, unit, header, align, widths, rows, notes };
}

function tables(m: BatchModel): ReportTable[] {
  const period = periodLabel(m.month);
  const out: ReportTable[] = [];
  const t = m.totals;
  out.push(
    table(
      `附表1\u3000各单位${period}预算执行情况（按执行率排序）`,
      '单位：万元',
      ['序号', '单位', '全年预算', `${period}执行数`, '执行率', '偏差（百分点）', '滞后项目'],
      ['center', 'left', 'right', 'right', 'right', 'right', 'right'],
      [7, 29, 15, 15, 11, 12, 11],
      [
        ...m.units.map((u) => ({
          cells: [
            String(u.rank),
            u.name,
            ...figureCells(u.total.budget, u.total.executed, u.total.rate),
            points(u.deviation),
            String(u.lagging.length),
          ],
        })),
        {
          cells: [
            '',
            '合计',
            ...figureCells(t.total.budget, t.total.executed, t.total.rate),
            points(m.deviation),
            String(t.laggingCount),
          ],
          total: true,
        },
      ],
      [
        m.otherPeriods.length > 0
          ? `偏差为执行率减时间进度（${formatPercent(m.timeProgress)}；截止期间不同的单位按各自台账的期间），负数为低于时间进度。`
          : `偏差为执行率减时间进度（${formatPercent(m.timeProgress)}），负数为低于时间进度。`,
      ],
    ),
  );
  if (m.mostLaggingProjects.length > 0) {
    out.push(
      table(
        `附表2\u3000比时间进度少支出最多的项目`,
        '单位：万元',
        ['序号', '单位', '项目', '全年预算', `${period}执行数`, '执行率', '少支出'],
        ['center', 'left', 'left', 'right', 'right', 'right', 'right'],
        [7, 20, 25, 13, 13, 10, 12],
        m.mostLaggingProjects.map((p, i) => ({
          cells: [String(i + 1), p.unit, p.name, ...figureCells(p.budget, p.executed, p.rate), formatWan(p.shortfall)],
          flagged: true,
        })),
      ),
    );
  }
  if (m.failures.length > 0) {
    out.push(
      table(
        `附表${out.length + 1}\u3000未能读取的台账`,
        '',
        ['序号', '文件', '原因'],
        ['center', 'left', 'left'],
        [8, 32, 60],
        m.failures.map((f, i) => ({ cells: [String(i + 1), f.file, f.reason] })),
      ),
    );
  }
  return out;
}

/**
 * The 财政局's 通报 (or a 主管部门's report on its units) as blocks: overall execution against 时间进度,
 * the distribution of units, the most lagging units and projects, the problems several units share
 * and the measures. Every figure is read from the BatchModel, as the 汇总 workbook's are.
 */
export function buildBulletin(m: BatchModel): Bulletin {
  const period = periodLabel(m.month);
  const n = m.units.length;
  const t = m.totals;
  const title = `${m.year}年${period}预算执行和绩效运行监控情况通报`;
  const blocks: Block[] = [{ kind: 'title', text: title }];
  const p = (text: string, leadText?: string): void => {
    blocks.push(leadText ? { kind: 'p', text, lead: leadText } : { kind: 'p', text });
  };
  const attached = tables(m);
  const failuresTable = attached.length > 0 && m.failures.length > 0 ? `附表${attached.length}` : '附表';
  const failed =
    m.failures.length > 0
      ? `另有${m.failures.length}个单位的台账未能读取，未纳入汇总（见${failuresTable}），请相关单位核实后重新报送。`
      : '';
  p(`根据预算绩效运行监控工作安排，现将${n}个单位${m.year}年${period}预算执行和绩效运行监控情况通报如下。${failed}`);

  blocks.push({ kind: 'h1', text: '一、总体执行情况' });
  if (n === 0) {
    p('本次没有可以汇总的单位台账。');
  } else {
    p(
      `纳入汇总的${n}个单位全年预算合计${wan(t.total.budget)}，其中人员支出${wan(t.categories['人员支出'].budget)}、` +
        `公用支出${wan(t.categories['公用支出'].budget)}、项目支出${wan(t.categories['项目支出'].budget)}。` +
        `${period}累计支出${wan(t.total.executed)}，预算执行率${pct(t.total.rate)}，时间进度${formatPercent(m.timeProgress)}，` +
        `${gapWords(m.deviation)}。`,
    );
    p(
      [
        spentOfBudget(
          '人员支出',
          t.categories['人员支出'].executed,
          t.categories['人员支出'].budget,
          t.categories['人员支出'].rate,
        ),
        spentOfBudget(
          '日常公用支出',
          t.categories['公用支出'].executed,
          t.categories['公用支出'].budget,
          t.categories['公用支出'].rate,
        ),
        spentOfBudget(
          '项目支出',
          t.categories['项目支出'].executed,
          t.categories['项目支出'].budget,
          t.categories['项目支出'].rate,
        ),
      ].join('；') + '。',
    );
    if (m.otherPeriods.length > 0) {
      const others = m.otherPeriods.map((u) => `${u.name}（${u.year}年${periodLabel(u.month)}）`).join('、');
      p(`以下单位台账的截止期间与本通报不同，按各自台账的期间计算：${others}。`);
    }
  }

  blocks.push({ kind: 'h1', text: '二、执行进度分布' });
  if (n > 0) {
    const d = m.distribution;
    const gap = formatHundredths2(m.gapPoints);
    const parts = [
      `达到或超过时间进度的${d['达到时间进度']}个`,
      `低于时间进度${gap}个百分点以内的${d['略低于时间进度']}个`,
      `低于时间进度${gap}个百分点及以上的${d['明显低于时间进度']}个`,
    ];
    if (d['无法计算'] > 0) parts.push(`全年预算为0、无法计算执行率的${d['无法计算']}个`);
    const first = m.units[0]!;
    const rated = m.units.filter((u) => u.total.rate !== null);
    const last = rated[rated.length - 1] ?? first;
    const extremes =
      rated.length > 1
        ? `执行率最高的是${first.name}（${pct(first.total.rate)}），最低的是${last.name}（${pct(last.total.rate)}）。`
        : '';
    p(`按各单位执行率与时间进度的差距：${parts.join('，')}。${extremes}各单位执行情况见附表1。`);
    if (m.sichuanWarned !== null && m.sichuanLine !== null) {
      p(
        `按四川省预警线（${period}${formatPercent(m.sichuanLine)}，人员支出不纳入），${m.sichuanWarned}个单位触发预警，` +
          '应在规定时限内选择继续执行、调剂预算或取消项目并报送。',
      );
    }
  }

  blocks.push({ kind: 'h1', text: '三、进度滞后的单位和项目' });
  if (m.mostLaggingUnits.length === 0) {
    p('各单位执行率均达到时间进度。');
  } else {
    p(
      `按比时间进度少支出的金额，滞后最多的${m.mostLaggingUnits.length}个单位依次为：` +
        `${m.mostLaggingUnits.map(unitBrief).join('；')}。`,
    );
  }
  if (t.laggingCount === 0) {
    p('各单位均无执行进度滞后的项目。');
  } else {
    p(
      `各单位共有${t.laggingCount}个项目执行进度滞后，预算合计${wan(t.laggingBudget)}。` +
        `比时间进度少支出最多的${m.mostLaggingProjects.length}个项目为：${m.mostLaggingProjects.map(projectBrief).join('；')}。` +
        '全部滞后项目见汇总工作簿“滞后项目”表。',
    );
  }

  blocks.push({ kind: 'h1', text: '四、存在的共性问题' });
  if (m.problems.length === 0) p('本次汇总未发现共性问题。');
  m.problems.forEach((pr, i) => {
    const { lead: l, text } = problemText(pr, m);
    p(text, `${lead(i)}${l}`);
  });

  blocks.push({ kind: 'h1', text: '五、下一步工作要求' });
  const measures: [string, string][] = [
    [
      '加快预算执行。',
      '执行率低于时间进度的单位要逐项分析原因，制定分月支出计划，加快项目实施和资金支付，确保全年预算按进度执行。',
    ],
    [
      '分类处置滞后项目。',
      '对未支出和执行进度滞后的项目，因客观原因无法按计划实施的，及时调剂预算、同步调整绩效目标；' +
        '确实无法执行的，按程序取消项目、收回资金。',
    ],
    [
      '同步跟踪绩效目标。',
      '各单位要对照年度绩效目标跟踪完成情况，对存在完成风险的目标分析原因、落实整改，确保预算执行与目标完成同步推进。',
    ],
  ];
  if (m.failures.length > 0) {
    measures.push(['规范台账报送。', `${m.failures.length}个单位的台账未能读取，请按附表所列原因整改后重新报送。`]);
  }
  measures.forEach(([l, text], i) => p(text, `${lead(i)}${l}`));
  return { title, blocks, tables: attached };
}

/** The gap threshold as the user gave it: "10", "7.5". */
function formatHundredths2(points: number): string {
  return Number.isInteger(points) ? String(points) : String(Math.round(points * 100) / 100);
}
