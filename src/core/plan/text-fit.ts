/**
 * Fitting text into Excel's cells: row heights for wrapped text and Excel's hard limits, which
 * every planned sheet respects.
 */

/** Excel holds at most 32,767 characters in a cell; longer text is cut with an ellipsis. */
export const MAX_CELL_TEXT = 32767;

/**
 * Height in points for text wrapped in a column of `widthChars` Excel width units at `fontPt`.
 * A width unit is a digit of the 11 pt default font; a CJK character is about two digits wide,
 * both growing with the font size; a line is about 1.35 × the font size. Errs on the tall side:
 * a blank line reads better than a clipped one.
 * @example wrappedRowHeight('一'.repeat(100), 100, 12) === 50 // 3 lines
 */
export function wrappedRowHeight(text: string, widthChars: number, fontPt: number): number {
  const scale = fontPt / 11;
  let units = 0;
  for (const ch of text) units += (ch.charCodeAt(0) > 0x2e7f ? 2.1 : 1.1) * scale;
  const lines = Math.max(1, Math.ceil(units / Math.max(1, widthChars - 1)));
  return Math.ceil(lines * fontPt * 1.35) + 1;
}

/** Excel's limits (learn.microsoft.com "Excel specifications and limits"): the plan never exceeds them. */
export const EXCEL_LIMITS = { rowHeight: 409, columnWidth: 255, cellText: MAX_CELL_TEXT } as const;

/**
 * A paragraph cut at sentence ends into pieces that each fit in a row of at most 409 points, so
 * Excel never clips a long list: the first piece keeps the indent, the rest continue without one.
 * @example splitForRows('甲。'.repeat(2000), 70, 12).length > 1
 */
export function splitForRows(text: string, widthChars: number, fontPt: number): string[] {
  if (wrappedRowHeight(text, widthChars, fontPt) <= EXCEL_LIMITS.rowHeight) return [text];
  const sentences = text.match(/[^。；]*[。；]|[^。；]+$/g) ?? [text];
  const out: string[] = [];
  let cur = '';
  for (const s of sentences) {
    if (cur !== '' && wrappedRowHeight(cur + s, widthChars, fontPt) > EXCEL_LIMITS.rowHeight) {
      out.push(cur);
      cur = '';
    }
    // A single sentence longer than a row: cut it by characters (rare: a list without 。 or ；).
    let rest = s;
    while (wrappedRowHeight(rest, widthChars, fontPt) > EXCEL_LIMITS.rowHeight) {
      const cut = charsThatFit(rest, widthChars, fontPt);
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    cur += rest;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/** How many UTF-16 units of `text` fit in one row of at most 409 points (never splitting a surrogate pair). */
function charsThatFit(text: string, widthChars: number, fontPt: number): number {
  const scale = fontPt / 11;
  const lines = Math.floor((EXCEL_LIMITS.rowHeight - 1) / (fontPt * 1.35));
  const budget = lines * Math.max(1, widthChars - 1);
  let units = 0;
  let i = 0;
  for (const ch of text) {
    units += (ch.charCodeAt(0) > 0x2e7f ? 2.1 : 1.1) * scale;
    if (units > budget) break;
    i += ch.length;
  }
  return Math.max(1, i);
}
