import { type ColumnRole } from '../types';
import { normalizeText } from '../grid/text';

/**
 * Header words to column meanings, tried in order: the first match wins, so the more specific
 * patterns ("调整后" is a budget, "年初" an initial budget) come before the general ones.
 */
const RULES: readonly (readonly [ColumnRole, RegExp])[] = [
  ['rate', /执行率|执行进度|支出进度|支付进度|完成率|进度率|^进度$/],
  ['forecast', /预计/],
  ['econCode', /经济分类|经济科目|科目编码|科目代码|^编码$|^代码$/],
  ['indicatorSource', /指标来源|指标类型|指标性质/],
  ['projectCode', /^项目(代码|编码|编号)$/],
  ['source', /资金来源|资金性质|资金渠道|^来源$/],
  ['category', /支出类别|^类别|^类型$|经费类型|支出类型|支出性质|经费性质|^分类$|支出分类|项目类型|项目类别|项目性质/],
  // Names before budgets: "预算项目" and "指标名称" name the lines.
  ['name', /项目名称|预算项目|支出项目|科目名称|指标名称/],
  ['carryover', /结转|结余/],
  ['initial', /年初/],
  // A lone "调整预算数" may be the adjusted budget: layoutOf decides (see isAdjustedBudgetLabel).
  ['budget', /调整后|追加后|变动后/],
  ['reduction', /^(年中)?调减(数|额|金额)?$/],
  ['adjustment', /调整|调增|调减|追加|追减|^增减/],
  [
    'executed',
    /\d{1,2}月?-\d{1,2}月|\d{1,2}月?[至到]\d{1,2}月|截[至止]\d{1,2}月|累计支|累计执行|累计支付|累计借方|本年累计|已支|执行数|执行金额|执行额|实际支出|实际执行|支出数|支付数|已执行|累计$|^支出合计$|^合计支出$/,
  ],
  ['budget', /全年预算|预算数|预算金额|预算额|批复|全年指标|指标数|指标金额|可用预算|预算/],
  ['voucher', /凭证/],
  ['date', /日期|^时间$|支付时间|记账时间/],
  ['summary', /摘要/],
  ['amount', /^金额|支付金额|发生额|^借方|支出金额|付款金额/],
  ['remark', /备注|说明|用途|主要内容/],
  ['name', /^项目|名称|^科目$|^科目\/|^内容$/],
];

/**
 * Columns whose words would pass for a role but are none: document numbers (预算指标文号),
 * functional classification codes, the unit a line belongs to, forecast rates. A label that names
 * the project or the economic classification is never ignored ("项目名称（文号）", "经济科目编号").
 */
const IGNORED = /文号|文件|编号|^序号|功能分类|功能科目|预计.*(执行率|进度)|余额|期初|期末|贷方|本期|本月|当月|^月份$/;
/**
 * Last year's figures, kept beside this year's (上年预算数, 上年同期执行数, 去年, 同比): never this
 * year's budget or spending. 上年结转 is this year's money and is not among them.
 */
const LAST_YEAR = /上年(?!结转|结余)|上年同期|去年|同比|上期|以前年度(?!结转)/;
/** A column naming the unit each row belongs to (one 一体化 export covering many units). */
export const UNIT_COLUMN = /^(单位名称|预算单位|预算单位名称|部门名称|单位)$/;

/**
 * One month's figure ("8月执行数", "本月支出", "（8月）支出"), not the cumulative 1-N月: never this
 * year's spending to date.
 */
const ONE_MONTH = /^(本月|当月)?[(（]?\d{1,2}月(份)?[)）]?(执行|支出|支付|发生|实际)/;

function isIgnored(bare: string): boolean {
  if (/^项目(代码|编码|编号)$/.test(bare)) return false;
  if (UNIT_COLUMN.test(bare)) return true;
  if (LAST_YEAR.test(bare)) return true;
  if (ONE_MONTH.test(bare) && !/累计|[-~至到]/.test(bare)) return true;
  // "预算单位：临江县水利局", "截止日期：2024-08-31": a line of facts above the header, not a label.
  if (/[:：]\s*\S/.test(bare)) return true;
  return IGNORED.test(bare) && !/名称|经济分类|经济科目/.test(bare);
}

/**
 * Brackets that only qualify a label — a unit, a sign, "含追加", "调减" — and can be dropped to
 * match it; other brackets carry the meaning ("预算数（年初）", "预算执行（1-8月）").
 */
const QUALIFIER = /\((?:单位[:：]?)?(?:万?元|%|\+|-|含[^)]*|不含[^)]*|调[增减][^)]*|[+-][^)]*|人民币[^)]*)\)/g;

function match(text: string): ColumnRole | null {
  for (const [role, re] of RULES) if (re.test(text)) return role;
  return null;
}

/**
 * "调整预算数" alone is read as an adjustment; it is the adjusted budget when the sheet has no
 * other budget column (layoutOf asks). Signs or 调增/调减 in brackets keep it an adjustment.
 * @example isAdjustedBudgetLabel('调整预算数') === true; isAdjustedBudgetLabel('调整预算（调增+/调减-）') === false
 */
export function isAdjustedBudgetLabel(label: string): boolean {
  return /^(年中)?调整预算(数|额)?$/.test(normalizeText(label));
}

/**
 * The meaning of a header label, or null. Qualifying brackets (a unit, "含追加", "调减") are dropped
 * before matching; brackets that carry the meaning are kept.
 * @example roleOfLabel('调整后预算数（元）') === 'budget'
 * @example roleOfLabel('年中追加（调减）') === 'adjustment'
 * @example roleOfLabel('全年预算（含追加）') === 'budget'
 * @example roleOfLabel('预算数（年初）') === 'initial'
 * @example roleOfLabel('1至8月支出') === 'executed'
 * @example roleOfLabel('预算指标文号') === null
 */
export function roleOfLabel(label: string): ColumnRole | null {
  const full = normalizeText(label);
  if (full === '') return null;
  const core = full.replace(/\([^)]*\)|\[[^\]]*\]/g, '');
  if (isIgnored(core)) return null;
  const qualified = full.replace(QUALIFIER, '');
  return match(qualified !== '' ? qualified : full);
}

/**
 * How plainly a label names the project column, to choose between several candidates
 * ("项目类型" or "单位名称" beside "项目名称").
 * @example nameLabelRank('项目名称') === 3; nameLabelRank('名称') === 1
 */
export function nameLabelRank(label: string): number {
  const t = normalizeText(label);
  if (/项目名称/.test(t)) return 3;
  if (/预算项目|支出项目|科目名称|指标名称/.test(t)) return 2;
  return 1;
}

/**
 * True for labels that mark a subtotal of several columns of one group ("年中调整/小计").
 * @example isSubtotalLabel('年中调整/小计') === true; isSubtotalLabel('年中调整/追加') === false
 */
export function isSubtotalLabel(label: string): boolean {
  return /\/(小计|合计|净额|合计数|小计数)$/.test(normalizeText(label));
}

/** The amounts of a budget line, in the order they are compared against totals. */
export const LINE_AMOUNTS = [
  'initial',
  'adjustment',
  'reduction',
  'carryover',
  'budget',
  'executed',
  'forecast',
] as const;
export type LineAmount = (typeof LINE_AMOUNTS)[number];

/** The amount columns, read as money (a journal's payment amount too). */
export const AMOUNT_ROLES: readonly ColumnRole[] = [...LINE_AMOUNTS, 'amount'];
