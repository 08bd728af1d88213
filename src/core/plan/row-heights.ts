import { STYLES } from './styles';
import { type PlannedCell, type PlannedMerge } from './types';
import { EXCEL_LIMITS, wrappedRowHeight } from './text-fit';

/** One line of 11 pt text as wrappedRowHeight measures it: rows that fit in one line keep Excel's default. */
const ONE_LINE = Math.ceil(11 * 1.35) + 1;

/**
 * Heights of table rows whose wrapped text needs more than one line: each cell is measured over the
 * width of its column, or of all the columns it is merged across; a cell merged down over several
 * rows is left to them. Never above Excel's 409 points.
 * @example tableRowHeights([[{ value: '一'.repeat(40), style: 'text' }]], [], [10]).get(0) === 127
 */
export function tableRowHeights(
  rows: readonly (readonly (PlannedCell | null)[])[],
  merges: readonly PlannedMerge[],
  columnWidths: readonly number[],
): Map<number, number> {
  const spanOf = new Map<string, PlannedMerge>();
  for (const m of merges) spanOf.set(`${m.top}:${m.left}`, m);
  const heights = new Map<number, number>();
  rows.forEach((row, r) => {
    let tallest = 0;
    row.forEach((c, col) => {
      if (!c || typeof c.value !== 'string' || c.value === '') return;
      const look = STYLES[c.style];
      const m = spanOf.get(`${r}:${col}`);
      if (m && m.bottom > m.top) return;
      const right = m ? m.right : col;
      let width = 0;
      for (let k = col; k <= right; k++) width += columnWidths[k] ?? 8.43;
      const pt = look.size ?? 11;
      // A cell that does not wrap keeps one line whatever its length.
      const h = look.wrap ? wrappedRowHeight(c.value, width, pt) : Math.ceil(pt * 1.35) + 1;
      tallest = Math.max(tallest, h);
    });
    if (tallest > ONE_LINE) heights.set(r, Math.min(EXCEL_LIMITS.rowHeight, tallest));
  });
  return heights;
}
