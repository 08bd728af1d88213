import { type CellValue, isCellError } from '../grid/types';
import { normalizeText } from '../grid/text';
import { type Direction, type IndicatorKind, type TargetValue } from './types';

/** Comparison words folded to a symbol before the figure is read. */
const WORDS_AT_LEAST = ['大于等于', '大于或等于', '不低于', '不少于', '不小于', '至少', '达到', '高于', '超过', '大于'];
const WORDS_AT_MOST = [
  '小于等于',
  '小于或等于',
  '不高于',
  '不超过',
  '不多于',
  '不大于',
  '控制在',
  '低于',
  '少于',
  '小于',
];
/** One pass, longest words first, so "不高于" is never read as "不" + "高于". */
const COMPARISON_WORDS = new RegExp(
  [...WORDS_AT_LEAST, ...WORDS_AT_MOST].sort((a, b) => b.length - a.length).join('|'),
  'g',
);

/** Words after the figure that give its direction: "90%以上", "2个工作日以内". */
const SUFFIX_AT_LEAST = /(及以上|以上|或以上)$/;
const SUFFIX_AT_MOST = /(及以下|以下|以内|之内|内)$/;

const DEADLINE = /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号]|(底|末|份))?(前|之前|以前|内|完成)?/;

/**
 * Reads a target value (年度指标值) or an actual (完成情况) as a finance office writes it.
 * Never throws: anything it cannot read as a figure or a deadline is kept as qualitative text.
 * @example parseTargetValue('≥95%') → { kind: 'number', direction: '≥', directionGiven: true, value: 95, unit: '%', label: '' }
 * @example parseTargetValue('≤57.12万元') → { kind: 'number', direction: '≤', directionGiven: true, value: 57.12, unit: '万元', label: '' }
 * @example parseTargetValue('100人次') → { kind: 'number', direction: '=', directionGiven: false, value: 100, unit: '人次', label: '' }
 * @example parseTargetValue('满意度≥90%') → { kind: 'number', direction: '≥', directionGiven: true, value: 90, unit: '%', label: '满意度' }
 * @example parseTargetValue('不高于2个工作日') → { kind: 'number', direction: '≤', directionGiven: true, value: 2, unit: '个工作日', label: '' }
 * @example parseTargetValue('12月底前') → { kind: 'deadline', month: 12, day: null }
 * @example parseTargetValue('逐步提高') → { kind: 'qualitative', text: '逐步提高' }
 */
export function parseTargetValue(value: CellValue): TargetValue {
  if (value === null) return { kind: 'empty' };
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { kind: 'number', direction: '=', directionGiven: false, value, unit: '', label: '' }
      : { kind: 'qualitative', text: String(value) };
  }
  if (typeof value === 'boolean') return { kind: 'qualitative', text: value ? '是' : '否' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? { kind: 'empty' }
      : { kind: 'deadline', month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  if (isCellError(value)) return { kind: 'qualitative', text: value.error };
  return parseTargetText(value);
}

/**
 * The text form of {@link parseTargetValue}.
 * @example parseTargetText('年底前') → { kind: 'deadline', month: 12, day: null }
 * @example parseTargetText('90%以上') → { kind: 'number', direction: '≥', directionGiven: true, value: 90, unit: '%', label: '' }
 * @example parseTargetText('') → { kind: 'empty' }
 */
export function parseTargetText(raw: string): TargetValue {
  const original = raw.trim();
  if (original === '') return { kind: 'empty' };
  let t = normalizeText(original)
    .replace(/[≧]/g, '≥')
    .replace(/[≦]/g, '≤')
    .replace(/>=|=>|＞=/g, '≥')
    .replace(/<=|=</g, '≤')
    .replace(/＞/g, '>')
    .replace(/＜/g, '<')
    .replace(/％/g, '%');
  if (/^[-—]+$/.test(t)) return { kind: 'empty' };
  // A leading period ("1-8月完成120人次") or year ("2024年") is not the figure.
  t = t.replace(/^\d{1,2}-\d{1,2}月/, '').replace(/^\d{4}年(?!\d{1,2}月)/, '');

  if (/^(年底|年末|年终)(前|之前|以前)?(完成)?$/.test(t)) return { kind: 'deadline', month: 12, day: null };
  const d = DEADLINE.exec(t);
  if (d && (d[4] !== undefined || d[5] !== undefined || d[3] !== undefined || /^(\d{4}年)?\d{1,2}月$/.test(t))) {
    const month = Number(d[2]);
    const day = d[3] === undefined ? null : Number(d[3]);
    if (month >= 1 && month <= 12 && (day === null || (day >= 1 && day <= 31))) {
      return { kind: 'deadline', month, day };
    }
  }

  const folded = t.replace(COMPARISON_WORDS, (w) => (WORDS_AT_MOST.includes(w) ? '≤' : '≥'));
  const m = /^(.*?)([≥≤><=])?(\d+(?:,\d{3})*(?:\.\d+)?)([^\d,，;；。、(（]*)/.exec(folded);
  if (m) {
    const [, labelRaw = '', sym, digits = '', unitRaw = ''] = m;
    // A figure inside words ("第3季度开展") is not a target figure: the label must be short and have no digits.
    const label = labelRaw.replace(/[:：]$/, '');
    if (!/\d/.test(label) && label.length <= 12) {
      let direction: Direction = '=';
      let given = false;
      if (sym === '≥' || sym === '>') [direction, given] = ['≥', true];
      else if (sym === '≤' || sym === '<') [direction, given] = ['≤', true];
      else if (sym === '=') given = true;
      let unit = unitRaw.trim();
      if (SUFFIX_AT_LEAST.test(unit)) {
        unit = unit.replace(SUFFIX_AT_LEAST, '');
        if (!given) [direction, given] = ['≥', true];
      } else if (SUFFIX_AT_MOST.test(unit)) {
        unit = unit.replace(SUFFIX_AT_MOST, '');
        if (!given) [direction, given] = ['≤', true];
      }
      const value = Number(digits.replace(/,/g, ''));
      if (Number.isFinite(value)) {
        return { kind: 'number', direction, directionGiven: given, value, unit: unit.replace(/左右$/, ''), label };
      }
    }
  }
  return { kind: 'qualitative', text: original };
}

/**
 * The kind an indicator is forecast under, from its 二级指标 (or 一级 when 二级 says nothing).
 * @example indicatorKind('产出指标', '数量指标') === '数量'
 * @example indicatorKind('效益指标', '社会效益指标') === '效益'
 * @example indicatorKind('满意度指标', '服务对象满意度指标') === '满意度'
 */
export function indicatorKind(level1: string, level2: string, level3 = ''): IndicatorKind {
  for (const t of [level2, level1, level3]) {
    if (/满意/.test(t)) return '满意度';
    if (/数量/.test(t)) return '数量';
    if (/质量/.test(t)) return '质量';
    if (/时效|时限|及时/.test(t)) return '时效';
    if (/成本/.test(t)) return '成本';
    if (/效益|影响/.test(t)) return '效益';
  }
  return '其他';
}
