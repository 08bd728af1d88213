import { type Category } from '../types';
import { normalizeText } from '../grid/text';

/** 'basic' is 基本支出 before it is split into 人员 and 公用 by a sub-section or a code. */
export type CategoryHint = Category | 'basic';

/**
 * The category a category cell or a section title names.
 * @example categoryOfText('基本支出-人员经费') === '人员支出'
 * @example categoryOfText('（二）日常公用经费') === '公用支出'
 * @example categoryOfText('一、基本支出') === 'basic'
 */
export function categoryOfText(text: string): CategoryHint | null {
  const t = normalizeText(text);
  if (t === '') return null;
  // The 一体化 项目类别: 人员类 → 人员; 公用经费 → 公用; 其他运转类 and 特定目标类 → 项目.
  if (/特定目标|其他运转/.test(t)) return '项目支出';
  if (/人员|工资福利|对个人和家庭|个人家庭|社会保障缴费|住房公积金/.test(t)) return '人员支出';
  if (/公用|商品和服务|运转/.test(t)) return '公用支出';
  if (/项目|专项/.test(t)) return '项目支出';
  if (/基本支出|基本经费/.test(t)) return 'basic';
  return null;
}

/**
 * The category an economic classification code implies: 301xx and 303xx are personnel,
 * anything else in basic spending is 公用 (302xx and the odd 310xx bought from the basic budget).
 * @example categoryOfEconCode('30101 基本工资') === '人员支出'
 * @example categoryOfEconCode('30201') === '公用支出'
 */
export function categoryOfEconCode(code: string): Category | null {
  const m = /^(3\d{2})\d*/.exec(normalizeText(code));
  if (!m?.[1]) return null;
  if (m[1] === '301' || m[1] === '303') return '人员支出';
  if (m[1] === '302') return '公用支出';
  return null;
}

/** The 3xxxx code at the start of a cell, if any. @example econCodeIn('30101 基本工资') === '30101' */
export function econCodeIn(text: string): string | null {
  return /^(3\d{2,6})/.exec(normalizeText(text))?.[1] ?? null;
}

/** Section rows: "一、基本支出", "（一）人员支出", "(二)公用支出", "二、项目支出". Returns its level. */
export function sectionLevel(text: string): 1 | 2 | null {
  const t = normalizeText(text);
  if (/^[一二三四五六七八九十]+[、.．]/.test(t)) return 1;
  if (/^\([一二三四五六七八九十]+\)/.test(t)) return 2;
  return null;
}

/** 小计 / 合计 / 总计 rows. 'all' covers every line, 'group' the lines since the last boundary. */
export function totalKind(text: string): 'all' | 'group' | 'section' | null {
  const t = normalizeText(text);
  if (/^(合计|总计|总合计|全部合计|支出合计|本年合计|累计合计|累计|本年累计|累计数)$/.test(t)) return 'all';
  if (/小计/.test(t)) return 'group';
  if (/合计|总计/.test(t)) return t.length <= 3 ? 'all' : 'section';
  return null;
}
