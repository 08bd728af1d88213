import { type Block, type SignDate } from './types';

/**
 * Width of text in characters of the body font: a CJK character is one, a digit or Latin letter half.
 * @example textWidth('2024年9月5日') === 6
 */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

/**
 * The 成文日期 with Arabic numerals and 年月日 in full (GB/T 9704-2012 7.3.5.1), no leading zeros.
 * @example signDateText({ year: 2024, month: 9, day: 5 }) === '2024年9月5日'
 */
export function signDateText(d: SignDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

/**
 * The 落款 of a report without a seal (GB/T 9704-2012 7.3.5.2): the unit's name right-aligned two
 * characters in from the right, the date on the next line starting two characters to the right of
 * the name's first character; when the date is the longer, the date keeps the two characters and
 * the name moves left.
 * @example signatureBlocks('泸县总工会', { year: 2024, month: 9, day: 5 })
 *   → [{ kind: 'sign', text: '泸县总工会', rightIndent: 5, gapBefore: true }, { kind: 'sign', text: '2024年9月5日', rightIndent: 2 }]
 */
export function signatureBlocks(organization: string, date: SignDate): Block[] {
  const dateText = signDateText(date);
  const lo = textWidth(organization);
  const ld = textWidth(dateText);
  const dateRight = Math.max(2, lo - ld);
  const orgRight = dateRight + ld + 2 - lo;
  return [
    { kind: 'sign', text: organization, rightIndent: orgRight, gapBefore: true },
    { kind: 'sign', text: dateText, rightIndent: dateRight },
  ];
}

/** Today as a SignDate, in the machine's time zone (the day the report is made). */
export function today(now: Date = new Date()): SignDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** "2024-09-05", the value of a date input. @example isoDate({ year: 2024, month: 9, day: 5 }) === '2024-09-05' */
export function isoDate(d: SignDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * A "YYYY-MM-DD" day that exists, or null.
 * @example parseIsoDate('2024-09-05') → { year: 2024, month: 9, day: 5 }; parseIsoDate('2024-02-30') === null
 */
export function parseIsoDate(text: string): SignDate | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}
