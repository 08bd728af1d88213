import { type AmountUnit } from '../money/parse-amount';
import { normalizeText } from '../grid/text';

/**
 * The unit a label names, if any. "万元" wins over "元" since it contains it.
 * @example unitInText('年初预算（万元）') === '万元'; unitInText('单位：元') === '元'; unitInText('项目') === null
 */
export function unitInText(text: string): AmountUnit | null {
  const t = normalizeText(text);
  if (/万元/.test(t)) return '万元';
  if (/\(元\)|单位[:：]?元|\[元\]|（元）|人民币元|^元$|金额元$/.test(t)) return '元';
  return null;
}

/**
 * The cut-off month a label names: "1-8月", "1至8月", "1月-8月", "截至8月", "截止8月底".
 * @example monthInText('1-8月累计支出') === 8; monthInText('截至6月底') === 6; monthInText('预算') === null
 */
export function monthInText(text: string): number | null {
  const t = chineseMonths(normalizeText(text)).replace(/[~～—–－‐]/g, '-');
  const range = /(?:^|[^\d])1月?(?:份)?[-至到](\d{1,2})月/.exec(t);
  const upTo = /截[至止](?:日期|时间)?[:：]?(?:\d{4}年)?(\d{1,2})月/.exec(t);
  // "截止日期：2024-09-30", "截至2024年9月30日", "期间：2024.01-2024.08", "（2024.08）".
  const dated = /截[至止](?:日期|时间)?[:：]?\s*20\d{2}[-/.年](\d{1,2})(?:[-/.月]|$)/.exec(t);
  const period =
    /20\d{2}[./-]0?1[-至到]20\d{2}[./-](\d{1,2})(?!\d)/.exec(t) ??
    /20\d{2}年第?0?1[月期][-至到](?:20\d{2}年)?第?(\d{1,2})[月期]/.exec(t) ??
    /期间[:：]?20\d{2}年第?(\d{1,2})期(?!\d)/.exec(t);
  const stamp = /[(（]20\d{2}[./-](\d{1,2})[)）]/.exec(t) ?? /[(（]20\d{2}年(\d{1,2})月[)）]/.exec(t);
  const m = range?.[1] ?? upTo?.[1] ?? dated?.[1] ?? period?.[1] ?? stamp?.[1];
  if (m === undefined) return null;
  const n = Number(m);
  return n >= 1 && n <= 12 ? n : null;
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/**
 * Chinese month numbers as digits: "一至八月" → "1至8月", "十一月" → "11月".
 * @example chineseMonths('一至八月支出数') === '1至8月支出数'
 */
export function chineseMonths(t: string): string {
  return t.replace(/([一二三四五六七八九十]{1,3})(?=月|[至到~—-][一二三四五六七八九十]{1,3}月)/g, (w: string) => {
    if (w === '十') return '10';
    if (w.startsWith('十')) return String(10 + (CN_DIGITS[w[1]!] ?? 0));
    if (w.length === 1) return String(CN_DIGITS[w] ?? w);
    return w;
  });
}

/**
 * The month a sheet of a one-sheet-per-month workbook stands for: "7月", "2024年7月", "07".
 * @example monthOfSheetName('7月') === 7; monthOfSheetName('1-7月') === 7; monthOfSheetName('台账') === null
 */
export function monthOfSheetName(name: string): number | null {
  const t = chineseMonths(normalizeText(name));
  const m =
    /^(?:20\d{2}年?)?(?:1[-至到])?(\d{1,2})月(?:份)?(?:执行|支出|台账|预算)?.{0,4}$/.exec(t) ?? /^(\d{1,2})$/.exec(t);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 12 ? n : null;
}

/**
 * The report year a title or sheet name names (2000–2099): a year followed by 结转/上年/决算 is
 * another year's money, one followed by a month and 更新/制表 a date stamp; of several, the one next
 * to 预算/执行/台账 wins, else the first.
 * @example yearInText('泸县总工会2024年部门预算指标执行台账') === 2024
 * @example yearInText('泸县档案馆2023年结转资金和2024年预算执行台账') === 2024
 */
export function yearInText(text: string): number | null {
  const years: { year: number; after: string }[] = [];
  for (const m of text.matchAll(/(?:^|[^\d])(20\d{2})(?=[^\d]|$)/g)) {
    const at = (m.index ?? 0) + m[0].length;
    years.push({ year: Number(m[1]), after: text.slice(at, at + 10).replace(/^\s*年?度?\s*/, '') });
  }
  // "2023年结转资金和2024年预算执行台账": a carried-over year is not the report's year; nor is a
  // date stamp such as "（2025年1月更新）".
  const own = years.filter(
    (y) =>
      !/^(结转|以前|上年|结余|决算)/.test(y.after) &&
      !/^\d{1,2}月(\d{1,2}日)?\s*(更新|制表|补录|修订|编制|填报|打印|\)|$)/.test(y.after),
  );
  if (own.length === 0) return years[0]?.year ?? null;
  const named = own.find((y) => /^(部门)?(预算|执行|台账|支出|项目|绩效|经费|财政|1[-—至到]|一)/.test(y.after));
  return (named ?? own[0]!).year;
}

/**
 * The organisation a title names: the words before the year.
 * @example organizationInTitle('泸县总工会2024年部门预算指标执行台账') === '泸县总工会'
 */
export function organizationInTitle(text: string): string | null {
  const labelled =
    /(?:预算单位|核算单位|核算组织|单位名称|填报单位|编制单位|公司)[:：]\s*(?:\[[^\]]*\]|【[^】]*】|\d+\s)?\s*([^\s:：]{2,40}?)(?=\s|$|截止|期间|单位[:：]|金额单位)/.exec(
      text,
    );
  if (labelled?.[1]) return labelled[1];
  const m =
    /^\s*(.+?)\s*20\d{2}\s*年/.exec(text) ??
    /^\s*(.{2,40}?)(?:部门)?(?:预算|财政|项目|课题|专项|经费|资金|基本支出|支出|指标)[^\s]*(?:执行|台账|明细|情况|表)/.exec(
      text,
    );
  if (!m?.[1]) return null;
  // "核算组织：… 期间：…" read as a title: a label is not an organisation.
  if (/[:：]/.test(m[1])) return null;
  // "预算指标执行情况表": the words before 指标 are the document's, not an organisation.
  if (/^(预算|部门|项目|单位|指标|财政|专项|资金|经费|基本|支出|本级|全局)/.test(m[1].trim())) return null;
  const org = m[1]
    .replace(/^(关于|附件\d*[:：]?)/, '')
    // "2025年临江县…局部门预算执行情况表": the year before the name is not part of it.
    .replace(/^20\d{2}\s*年度?/, '')
    // "…课题经费执行情况表（2016年…": the document's name is not the organisation's.
    .replace(/[（(]$/, '')
    .replace(/(部门|单位)?(预算|项目|课题|专项|经费|资金|基本支出|支出|指标|执行)\S*?(表|台账|明细|情况|账)$/, '')
    .replace(/(上年|以前年度|往年)?结转(资金|结余)?(及|和|与|、)?$/, '')
    .trim();
  return org.length >= 2 && org.length <= 40 ? org : null;
}
