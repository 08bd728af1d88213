/**
 * Three ledgers and what the user must see after generating from each, typed by hand (every figure
 * worked out from the ledger's cells with pencil-and-paper rounding: half away from zero):
 * - the bundled sample (泸县总工会, 元, 1-8月);
 * - 东山街道办事处 (万元 with up to six decimals, 1-6月): a negative adjustment, amounts on a half, a
 *   project exactly on the gap line and one 0.01 below it, one exactly at 时间进度, one ahead of it,
 *   one with its budget cut to 0, one 0.012345万元 project not started;
 * - 南湖区水务局 (元 typed as text with thousands separators, 1-10月, 四川省预警线 with 基本支出 judged):
 *   two sources, a 公用 line 0.01 below the 80% line and one exactly on it, a project over budget.
 */
import ExcelJS from 'exceljs';
import { type FlagRules, type OracleCategory, type RawLine, fen } from './oracle';
import { PERSONNEL, PROJECTS, PUBLIC, SOURCE } from '../../scripts/sample-data';
import {
  type ExpectedSummary,
  type SeenCell,
  type SeenRow,
  PCT_FORMAT,
  POINTS_FORMAT,
  TEXT_FORMAT,
  WAN_FORMAT,
} from './summary-sheet';

const t = (s: string): SeenCell => (s === '' ? [null, ''] : [s, TEXT_FORMAT]);
const w = (x: number): SeenCell => [x, WAN_FORMAT];
const pc = (x: number | '—'): SeenCell => (x === '—' ? t('—') : [x, PCT_FORMAT]);
const pt = (x: number | '—'): SeenCell => (x === '—' ? t('—') : [x, POINTS_FORMAT]);

/** A figures row: label, source, 年初, 调整, 全年, 执行, 执行率, 偏差, 状态, 全年预计. */
function fig(
  label: string,
  source: string,
  initial: number,
  adjustment: number,
  budget: number,
  executed: number,
  rate: number | '—',
  dev: number | '—',
  status: string,
  forecast: number | '未填列',
): SeenRow {
  return [
    t(label),
    t(source),
    w(initial),
    w(adjustment),
    w(budget),
    w(executed),
    pc(rate),
    pt(dev),
    t(status),
    forecast === '未填列' ? t(forecast) : w(forecast),
  ];
}

const header = (period: string): SeenRow =>
  [
    '项目/类别',
    '资金来源',
    '年初预算',
    '年中调整',
    '全年预算',
    `${period}执行数`,
    '执行率',
    '偏差',
    '状态',
    '全年预计执行数',
  ].map(t);
const bar = (name: string, rate: number, tp: number): SeenRow => [t(name), pc(rate), pc(tp)];

export interface LedgerCase {
  readonly title: string;
  readonly organization: string;
  readonly month: number;
  /** The ledger's lines as raw figures, and the rule chosen, for the oracle's cross-check. */
  readonly raw: readonly RawLine[];
  readonly rules: FlagRules;
  /** The ledger's file name and the sheet its lines are on. */
  readonly file: string;
  readonly sheet: string;
  /** Command-line options beyond the file. */
  readonly argv: readonly string[];
  readonly summary: ExpectedSummary;
  /** 1-based rows of the chart's figures in 监控汇总, as `<c:f>` names them. */
  readonly chartRows: readonly [number, number];
  readonly chartCategories: readonly string[];
  readonly chartRates: readonly number[];
  readonly timeProgress: number;
  /** The highlighted ranges of the ledger sheet: the whole width of each flagged row. */
  readonly highlights: readonly string[];
  /** Rows of 监控报告 (a heading or a paragraph each), exactly as they must read. */
  readonly paragraphs: readonly string[];
  /** Sentences within longer rows of 监控报告. */
  readonly phrases: readonly string[];
  /** Text that must not appear anywhere in 监控报告. */
  readonly never: readonly string[];
}

const summary = (rows: SeenRow[], chart: readonly [number, number]): ExpectedSummary => ({
  rows,
  titleStart: '',
  chartRows: { first: chart[0] - 1, last: chart[1] - 1 },
});

// ——— the bundled sample ———

const SAMPLE_ROWS: SeenRow[] = [
  [t('泸县总工会2024年1-8月预算执行监控汇总')],
  [t('时间进度66.67%（8÷12）；金额单位：万元；偏差＝执行率－时间进度（个百分点）。')],
  header('1-8月'),
  [t('一、按支出类别')],
  fig('人员支出', '', 380.56, 25.58, 406.14, 287.18, 0.7071, 4.04, '', 406.14),
  fig('日常公用支出', '', 57.12, 0, 57.12, 36.87, 0.6455, -2.12, '', 57.12),
  fig('基本支出小计', '', 437.68, 25.58, 463.26, 324.05, 0.6995, 3.28, '', 463.26),
  fig('项目支出', '', 2, 51.16, 53.16, 0, 0, -66.67, '', 53.16),
  fig('合计', '', 439.68, 76.74, 516.42, 324.05, 0.6275, -3.92, '', 516.42),
  [t('二、按资金来源')],
  fig('一般公共预算拨款', '', 439.68, 76.74, 516.42, 324.05, 0.6275, -3.92, '', 516.42),
  fig('合计', '', 439.68, 76.74, 516.42, 324.05, 0.6275, -3.92, '', 516.42),
  [t('三、项目支出明细')],
  fig('维权帮扶项目经费', '一般公共预算拨款', 2, 0, 2, 0, 0, -66.67, '未执行', 2),
  fig('省级财政工会专项资金', '一般公共预算拨款', 0, 51.16, 51.16, 0, 0, -66.67, '未执行', 51.16),
  [],
  [t('执行率与时间进度对比（图表数据）')],
  [t('名称'), t('执行率'), t('时间进度')],
  bar('人员支出', 0.7071, 0.6667),
  bar('日常公用支出', 0.6455, 0.6667),
  bar('项目支出', 0, 0.6667),
  bar('合计', 0.6275, 0.6667),
  bar('维权帮扶项目经费', 0, 0.6667),
  bar('省级财政工会专项资金', 0, 0.6667),
];

const sampleLine =
  (category: OracleCategory) =>
  (l: { name: string; initial: number; adjustment: number; executed: number }): RawLine => ({
    name: l.name,
    category,
    initial: fen(String(l.initial)),
    adjustment: fen(String(l.adjustment)),
    executed: fen(String(l.executed)),
    forecast: fen(String(l.initial)) + fen(String(l.adjustment)),
    source: SOURCE,
  });

export const SAMPLE_CASE: LedgerCase = {
  title: '泸县总工会 sample',
  organization: '泸县总工会',
  month: 8,
  raw: [
    ...PERSONNEL.map(sampleLine('人员支出')),
    ...PUBLIC.map(sampleLine('公用支出')),
    ...PROJECTS.map(sampleLine('项目支出')),
  ],
  rules: {},
  file: '',
  sheet: '预算执行台账',
  argv: [],
  summary: summary(SAMPLE_ROWS, [19, 24]),
  chartRows: [19, 24],
  chartCategories: ['人员支出', '日常公用支出', '项目支出', '合计', '维权帮扶项目经费', '省级财政工会专项资金'],
  chartRates: [0.7071, 0.6455, 0, 0.6275, 0, 0],
  timeProgress: 0.6667,
  // The ledger is 11 columns wide (序号 … 备注): A to K.
  highlights: ['A33:K33', 'A34:K34'],
  paragraphs: [
    '泸县总工会2024年部门事中绩效监控报告',
    '三、预算绩效监控总体情况',
    '\u3000\u30002024年，我单位年初预算439.68万元，年中调增预算76.74万元，全年预算516.42万元。其中：人员支出406.14万元，占78.65%；日常公用支出57.12万元，占11.06%；项目支出53.16万元，占10.29%。',
    '\u3000\u3000截至2024年8月底，本单位累计支出324.05万元，为全年预算516.42万元的62.75%，时间进度为66.67%，低于时间进度3.92个百分点。其中：人员支出287.18万元，为全年预算406.14万元的70.71%；日常公用支出36.87万元，为全年预算57.12万元的64.55%；项目支出全年预算53.16万元，尚未支出。',
    '\u3000\u3000项目支出共2个（年初安排1个2.00万元，年中追加1个51.16万元），分别为：1.维权帮扶项目经费2.00万元；2.省级财政工会专项资金51.16万元（年中追加）。',
    '\u3000\u3000总体而言，基本支出执行正常，保障了单位运转；2个项目执行进度滞后，需加快推进。',
  ],
  phrases: ['全年预算516.42万元，预计全年执行516.42万元，预计执行率100.00%。'],
  never: ['调减', '高于时间进度3.92', '0.00万元，为全年预算'],
};

// ——— 东山街道办事处: 万元, 1-6月 ———

/** [序号, 项目名称, 支出类别, 年初预算, 年中调整, 全年预算, 1-6月执行数, 全年预计执行数] in 万元. */
const DONGSHAN_LINES: readonly (readonly [number, string, string, number, number, number, number, number])[] = [
  [1, '工资福利支出', '人员支出', 120, -2.5, 117.5, 58.75, 117.5],
  [2, '办公经费', '公用支出', 10, -1.225, 8.775, 3.14159, 8.775],
  [3, '道路维修项目', '项目支出', 50, 0, 50, 20, 50],
  [4, '环境整治项目', '项目支出', 30, 0, 30, 11.997, 30],
  [5, '文化活动项目', '项目支出', 0, 6.6666, 6.6666, 4.4444, 6.6666],
  [6, '安全生产项目', '项目支出', 5, -5, 0, 0, 0],
  [7, '未启动项目', '项目支出', 0.012345, 0, 0.012345, 0, 0.012345],
];

export async function writeDongshan(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('预算执行');
  ws.addRow(['东山街道办事处2024年预算执行台账']);
  ws.addRow(['单位：万元']);
  ws.addRow(['序号', '项目名称', '支出类别', '年初预算', '年中调整', '全年预算', '1-6月执行数', '全年预计执行数']);
  for (const l of DONGSHAN_LINES) ws.addRow([...l]);
  ws.addRow([null, '合计', null, 215.012345, -2.0584, 212.953945, 98.33299, 212.953945]);
  await wb.xlsx.writeFile(file);
}

const DONGSHAN_ROWS: SeenRow[] = [
  [t('东山街道办事处2024年1-6月预算执行监控汇总')],
  [t('时间进度50.00%（6÷12）')],
  header('1-6月'),
  [t('一、按支出类别')],
  // 58.75 / 117.5 = 50.00%: exactly at 时间进度.
  fig('人员支出', '', 120, -2.5, 117.5, 58.75, 0.5, 0, '', 117.5),
  // −1.225 → −1.23 and 8.775 → 8.78 (halves, away from zero); 3.14159 / 8.775 = 35.80%.
  fig('日常公用支出', '', 10, -1.23, 8.78, 3.14, 0.358, -14.2, '', 8.78),
  // −3.725 → −3.73, 126.275 → 126.28; 61.89159 / 126.275 = 49.01%.
  fig('基本支出小计', '', 130, -3.73, 126.28, 61.89, 0.4901, -0.99, '', 126.28),
  // 85.012345 → 85.01, 1.6666 → 1.67, 86.678945 → 86.68; 36.4414 / 86.678945 = 42.04%.
  fig('项目支出', '', 85.01, 1.67, 86.68, 36.44, 0.4204, -7.96, '', 86.68),
  // 98.33299 / 212.953945 = 46.18%.
  fig('合计', '', 215.01, -2.06, 212.95, 98.33, 0.4618, -3.82, '', 212.95),
  [t('二、按资金来源')],
  fig('一般公共预算', '', 215.01, -2.06, 212.95, 98.33, 0.4618, -3.82, '', 212.95),
  fig('合计', '', 215.01, -2.06, 212.95, 98.33, 0.4618, -3.82, '', 212.95),
  [t('三、项目支出明细')],
  fig('道路维修项目', '一般公共预算', 50, 0, 50, 20, 0.4, -10, '滞后', 50),
  // 11.997 → 12.00 (rounds up); 39.99%.
  fig('环境整治项目', '一般公共预算', 30, 0, 30, 12, 0.3999, -10.01, '滞后', 30),
  fig('文化活动项目', '一般公共预算', 0, 6.67, 6.67, 4.44, 0.6667, 16.67, '正常', 6.67),
  fig('安全生产项目', '一般公共预算', 5, -5, 0, 0, '—', '—', '正常', 0),
  // 0.012345万元 = 12,345分 → 0.01.
  fig('未启动项目', '一般公共预算', 0.01, 0, 0.01, 0, 0, -50, '未执行', 0.01),
  [],
  [t('执行率与时间进度对比（图表数据）')],
  [t('名称'), t('执行率'), t('时间进度')],
  bar('人员支出', 0.5, 0.5),
  bar('日常公用支出', 0.358, 0.5),
  bar('项目支出', 0.4204, 0.5),
  bar('合计', 0.4618, 0.5),
  bar('道路维修项目', 0.4, 0.5),
  bar('环境整治项目', 0.3999, 0.5),
  bar('文化活动项目', 0.6667, 0.5),
  // 安全生产项目 has no budget, so no rate and no bar.
  bar('未启动项目', 0, 0.5),
];

export const DONGSHAN_CASE: LedgerCase = {
  title: '东山街道办事处 (万元, 1-6月)',
  organization: '东山街道办事处',
  month: 6,
  raw: DONGSHAN_LINES.map(([, name, category, initial, adjustment, , executed, forecast]) => ({
    name,
    category: category as OracleCategory,
    initial: fen(String(initial), '万元'),
    adjustment: fen(String(adjustment), '万元'),
    executed: fen(String(executed), '万元'),
    forecast: fen(String(forecast), '万元'),
  })),
  rules: {},
  file: '东山街道办事处2024年预算执行台账.xlsx',
  sheet: '预算执行',
  argv: [],
  summary: summary(DONGSHAN_ROWS, [22, 29]),
  chartRows: [22, 29],
  chartCategories: [
    '人员支出',
    '日常公用支出',
    '项目支出',
    '合计',
    '道路维修项目',
    '环境整治项目',
    '文化活动项目',
    '未启动项目',
  ],
  chartRates: [0.5, 0.358, 0.4204, 0.4618, 0.4, 0.3999, 0.6667, 0],
  timeProgress: 0.5,
  // 环境整治项目 (39.99%, below the 40.00% line) and 未启动项目 (nothing spent), A to H.
  highlights: ['A7:H7', 'A10:H10'],
  paragraphs: [
    '东山街道办事处2024年部门事中绩效监控报告',
    '\u3000\u30002024年，我单位年初预算215.01万元，年中调减预算2.06万元，全年预算212.95万元。其中：人员支出117.50万元，占55.18%；日常公用支出8.78万元，占4.12%；项目支出86.68万元，占40.70%。',
    '\u3000\u3000截至2024年6月底，本单位累计支出98.33万元，为全年预算212.95万元的46.18%，时间进度为50.00%，低于时间进度3.82个百分点。其中：人员支出58.75万元，为全年预算117.50万元的50.00%；日常公用支出3.14万元，为全年预算8.78万元的35.80%；项目支出36.44万元，为全年预算86.68万元的42.04%。',
    '\u3000\u3000基本支出全年预算126.28万元，1-6月执行61.89万元，执行率49.01%，低于时间进度0.99个百分点，主要用于保障人员工资福利和单位正常运转。',
    '\u3000\u3000项目支出共5个（年初安排4个85.01万元，年中追加1个6.67万元，年中调减项目预算5.00万元），分别为：1.道路维修项目50.00万元；2.环境整治项目30.00万元；3.文化活动项目6.67万元（年中追加）；4.安全生产项目0.00万元（年中已全部调减）；5.未启动项目0.01万元。',
    '\u3000\u3000（1）道路维修项目，全年预算50.00万元；1-6月支出20.00万元，执行率40.00%，低于时间进度10.00个百分点。',
    '\u3000\u3000（2）环境整治项目，全年预算30.00万元；1-6月支出12.00万元，执行率39.99%，低于时间进度10.01个百分点。',
    '\u3000\u3000（3）文化活动项目，全年预算6.67万元；1-6月支出4.44万元，执行率66.67%，高于时间进度16.67个百分点。',
    '\u3000\u3000（4）安全生产项目，全年预算0.00万元；1-6月未发生支出。',
    '\u3000\u3000（5）未启动项目，全年预算0.01万元；1-6月尚未支出。',
    '\u3000\u3000（一）项目支出执行进度滞后。截至6月底，2个项目执行率低于时间进度10个百分点以上或尚未支出。环境整治项目执行率39.99%，低于时间进度10.01个百分点，【请说明滞后原因】；未启动项目尚未支出，【请说明滞后原因】。',
  ],
  phrases: [
    '全年预算212.95万元，预计全年执行212.95万元，预计执行率100.00%。',
    '总体而言，基本支出执行正常，保障了单位运转；2个项目执行进度滞后，需加快推进。',
  ],
  never: ['调增预算2.06', '年中调增预算', '高于时间进度10.00', '道路维修项目，全年预算50.00万元，已支出'],
};

// ——— 南湖区水务局: 元 as text, 1-10月, 四川省预警线, 基本支出 judged ———

/** [项目名称, 支出类别, 资金来源, 年初预算, 追加调整, 全年预算, 1-10月支出, 全年预计, 备注] as the office typed them. */
const NANHU_LINES: readonly (readonly string[])[] = [
  [
    '在职人员工资',
    '人员支出',
    '一般公共预算拨款',
    '1,000,000.00',
    '0.00',
    '1,000,000.00',
    '700,000.00',
    '1,000,000.00',
    '',
  ],
  ['办公费', '公用支出', '一般公共预算拨款', '200,000.00', '0.00', '200,000.00', '159,980.00', '200,000.00', ''],
  ['差旅费', '公用支出', '一般公共预算拨款', '50,000.00', '0.00', '50,000.00', '40,000.00', '50,000.00', ''],
  [
    '乡村振兴项目',
    '项目支出',
    '一般公共预算拨款',
    '1,500,000.00',
    '500,000.00',
    '2,000,000.00',
    '1,700,000.00',
    '2,000,000.00',
    '7月追加',
  ],
  [
    '河道治理项目',
    '项目支出',
    '政府性基金',
    '800,000.00',
    '0.00',
    '800,000.00',
    '900,000.00',
    '900,000.00',
    '超支待调整',
  ],
  [
    '信息化建设项目',
    '项目支出',
    '一般公共预算拨款',
    '300,000.00',
    '0.00',
    '300,000.00',
    '0.00',
    '300,000.00',
    '招标中',
  ],
];

export async function writeNanhu(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['南湖区水务局2024年预算执行台账']);
  ws.addRow(['单位：元']);
  ws.addRow([
    '项目名称',
    '支出类别',
    '资金来源',
    '年初预算',
    '追加调整',
    '全年预算',
    '1-10月支出',
    '全年预计执行数',
    '备注',
  ]);
  for (const l of NANHU_LINES) ws.addRow([...l]);
  ws.addRow(['合计', null, null, '3,850,000.00', '500,000.00', '4,350,000.00', '3,499,980.00', '4,450,000.00', null]);
  await wb.xlsx.writeFile(file);
}

const NANHU_ROWS: SeenRow[] = [
  [t('南湖区水务局2024年1-10月预算执行监控汇总')],
  [t('时间进度83.33%（10÷12）')],
  header('1-10月'),
  [t('一、按支出类别')],
  fig('人员支出', '', 100, 0, 100, 70, 0.7, -13.33, '', 100),
  // 199,980 / 250,000 = 79.992% → 79.99%.
  fig('日常公用支出', '', 25, 0, 25, 20, 0.7999, -3.34, '', 25),
  fig('基本支出小计', '', 125, 0, 125, 90, 0.72, -11.33, '', 125),
  // 2,600,000 / 3,100,000 = 83.87%; the forecast 3,200,000 (河道治理 forecast over its budget).
  fig('项目支出', '', 260, 50, 310, 260, 0.8387, 0.54, '', 320),
  // 3,499,980 / 4,350,000 = 80.46%.
  fig('合计', '', 385, 50, 435, 350, 0.8046, -2.87, '', 445),
  [t('二、按资金来源')],
  // 2,599,980 / 3,550,000 = 73.24%.
  fig('一般公共预算拨款', '', 305, 50, 355, 260, 0.7324, -10.09, '', 355),
  fig('政府性基金', '', 80, 0, 80, 90, 1.125, 29.17, '', 90),
  fig('合计', '', 385, 50, 435, 350, 0.8046, -2.87, '', 445),
  [t('三、项目支出明细')],
  // A 公用 line listed because it is flagged: 79.99% is below the 80% line.
  fig('办公费', '一般公共预算拨款', 20, 0, 20, 16, 0.7999, -3.34, '滞后', 20),
  fig('乡村振兴项目', '一般公共预算拨款', 150, 50, 200, 170, 0.85, 1.67, '正常', 200),
  fig('河道治理项目', '政府性基金', 80, 0, 80, 90, 1.125, 29.17, '超预算', 90),
  fig('信息化建设项目', '一般公共预算拨款', 30, 0, 30, 0, 0, -83.33, '未执行', 30),
  [],
  [t('执行率与时间进度对比（图表数据）')],
  [t('名称'), t('执行率'), t('时间进度')],
  bar('人员支出', 0.7, 0.8333),
  bar('日常公用支出', 0.7999, 0.8333),
  bar('项目支出', 0.8387, 0.8333),
  bar('合计', 0.8046, 0.8333),
  bar('办公费', 0.7999, 0.8333),
  bar('乡村振兴项目', 0.85, 0.8333),
  bar('河道治理项目', 1.125, 0.8333),
  bar('信息化建设项目', 0, 0.8333),
];

const yuan = (text: string | undefined): bigint => fen((text ?? '').replace(/,/g, ''));

export const NANHU_CASE: LedgerCase = {
  title: '南湖区水务局 (元 as text, 1-10月, --sichuan --include-basic)',
  organization: '南湖区水务局',
  month: 10,
  raw: NANHU_LINES.map((l) => ({
    name: l[0]!,
    category: l[1] as OracleCategory,
    source: l[2]!,
    initial: yuan(l[3]),
    adjustment: yuan(l[4]),
    executed: yuan(l[6]),
    forecast: yuan(l[7]),
  })),
  rules: { rule: 'sichuan', includeBasic: true },
  file: '南湖区水务局2024年预算执行台账.xlsx',
  sheet: '台账',
  argv: ['--sichuan', '--include-basic'],
  summary: summary(NANHU_ROWS, [22, 29]),
  chartRows: [22, 29],
  chartCategories: [
    '人员支出',
    '日常公用支出',
    '项目支出',
    '合计',
    '办公费',
    '乡村振兴项目',
    '河道治理项目',
    '信息化建设项目',
  ],
  chartRates: [0.7, 0.7999, 0.8387, 0.8046, 0.7999, 0.85, 1.125, 0],
  timeProgress: 0.8333,
  // 办公费 (79.99% < 80%) and 信息化建设项目 (nothing spent); 差旅费 sits exactly on 80% and 在职人员工资
  // (70%) is personnel, out of the Sichuan rule. Nine columns: A to I.
  highlights: ['A5:I5', 'A9:I9'],
  paragraphs: [
    '南湖区水务局2024年部门事中绩效监控报告',
    '\u3000\u30002024年，我单位年初预算385.00万元，年中调增预算50.00万元，全年预算435.00万元。其中：人员支出100.00万元，占22.99%；日常公用支出25.00万元，占5.75%；项目支出310.00万元，占71.26%。',
    '\u3000\u3000按资金来源分：一般公共预算拨款355.00万元，政府性基金80.00万元。',
    '\u3000\u3000截至2024年10月底，本单位累计支出350.00万元，为全年预算435.00万元的80.46%，时间进度为83.33%，低于时间进度2.87个百分点。其中：人员支出70.00万元，为全年预算100.00万元的70.00%；日常公用支出20.00万元，为全年预算25.00万元的79.99%；项目支出260.00万元，为全年预算310.00万元的83.87%。',
    '\u3000\u3000（1）乡村振兴项目，全年预算200.00万元；1-10月支出170.00万元，执行率85.00%，高于时间进度1.67个百分点（单位说明：7月追加）。',
    '\u3000\u3000总体而言，基本支出执行率72.00%，低于时间进度11.33个百分点；2个支出事项执行进度滞后，需加快推进。',
    '\u3000\u3000（一）部分支出执行进度滞后。截至10月底，2个支出事项执行率低于四川省预警线80.00%或尚未支出。办公费执行率79.99%，低于时间进度3.34个百分点，【请说明滞后原因】；信息化建设项目尚未支出，单位说明：招标中。',
    '\u3000\u3000（二）1项支出超预算。河道治理项目全年预算80.00万元，已支出90.00万元，超出10.00万元，单位说明：超支待调整。',
  ],
  phrases: ['预计全年执行445.00万元，预计执行率102.30%。'],
  never: ['差旅费，全年预算', '在职人员工资，全年预算', '年中调减'],
};
