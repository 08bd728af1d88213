import { textWidth } from './signature';

/**
 * Width in characters of 五号 table text: CJK one, digits and points a little over half (bold rows
 * included), % almost a whole one.
 * @example cellWidth('69.95%') === 3.65
 */
export function cellWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch === '%' ? 0.9 : ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return Math.round(w * 100) / 100;
}

/**
 * How a printed table lays itself out: where a header may wrap (on words, never one character a
 * line) and how wide each column is, from what it holds (a percentage or an amount never breaks).
 */

/** Words a header ends with, at which a long header may wrap ("全年预计|执行数"). */
const HEADER_WORDS = [
  '执行数',
  '执行率',
  '预算数',
  '完成情况',
  '可能性',
  '指标值',
  '执行情况',
  '调整',
  '预算',
  '进度',
  '原因',
];

/**
 * A header cut into the lines it may wrap into: before "（…）", after "1-8月", before a known final word
 * when the header is longer than four characters.
 * @example headerLines('1-8月执行数') → ['1-8月', '执行数']
 * @example headerLines('偏差（个百分点）') → ['偏差', '（个百分点）']
 * @example headerLines('全年预计执行数') → ['全年预计', '执行数']
 * @example headerLines('执行率') → ['执行率']
 */
export function headerLines(header: string): string[] {
  const parts = header
    .replace(/（/g, '\n（')
    .replace(/(\d+月)(?=\S)/g, '$1\n')
    .split('\n')
    .filter((x) => x !== '');
  return parts.flatMap((part) => {
    if (textWidth(part) <= 4 || part.startsWith('（')) return [part];
    const word = HEADER_WORDS.find((w) => part.endsWith(w) && part.length > w.length);
    return word ? [part.slice(0, -word.length), word] : [part];
  });
}

/** A cell that must not break: a figure, a percentage, a gap, a dash. */
function unbreakable(text: string): boolean {
  return /^[-+−≥≤<>]?[\d,.]+(%|[^\d\s]{1,2})?$|^(低于|高于)[\d.]+$|^—$|^持平$/.test(text.trim());
}

/** A text cell wraps, but not before this many characters: short labels ("日常公用支出") stay on one line. */
const TEXT_MIN = 6;

/**
 * Relative column widths (summing to 100) for a table `available` characters wide: every column gets
 * at least its longest header line and its longest figure, text columns at least six characters;
 * what is left goes to the columns whose text would otherwise wrap most.
 * Text columns get at least TEXT_MIN characters.
 * @example contentWidths(['项目', '执行率'], [['维权帮扶项目经费', '0.00%']], 20) → [70, 30] (about)
 */
export function contentWidths(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  available: number,
): number[] {
  // Cell margins and borders: about a character a column.
  const pad = 1;
  const min = header.map((h) => Math.max(...headerLines(h).map(cellWidth)) + pad);
  const pref = [...min];
  for (const r of rows) {
    r.forEach((c, i) => {
      const w = cellWidth(c) + pad;
      if (unbreakable(c)) min[i] = Math.max(min[i] ?? 0, w);
      else min[i] = Math.max(min[i] ?? 0, Math.min(w, TEXT_MIN + pad));
      pref[i] = Math.max(pref[i] ?? 0, Math.min(w, 18 + pad));
    });
  }
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumPref = pref.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sumPref <= available) widths = pref.map((p) => (p * available) / sumPref);
  else if (sumMin <= available) {
    const extra = available - sumMin;
    const want = pref.map((p, i) => p - (min[i] ?? 0));
    const sumWant = want.reduce((a, b) => a + b, 0) || 1;
    widths = min.map((m, i) => m + (extra * (want[i] ?? 0)) / sumWant);
  } else widths = min;
  const total = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => Math.round((w * 10000) / total) / 100);
}
