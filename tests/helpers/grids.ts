import { type CellValue, type SheetGrid, type WorkbookGrid, type MergeRange } from '../../src/core/grid/types';

/** A sheet from rows of cell values; the test reads like the ledger it stands for. */
export function sheet(
  name: string,
  rows: CellValue[][],
  merges: MergeRange[] = [],
  hiddenRows: number[] = [],
): SheetGrid {
  return { name, rows, merges, hiddenRows };
}

export function book(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

/**
 * True when the total or a category of these lines spends more than 150% of its budget: the
 * product then refuses (a sign of misread columns), so properties check the refusal instead.
 * Computed here from the generator's own figures, not by the product.
 */
export function spendsOver150(
  lines: readonly {
    readonly category: string;
    readonly initial: number;
    readonly adjustment: number;
    readonly executed: number;
  }[],
): boolean {
  const groups = [lines, ...['人员支出', '公用支出', '项目支出'].map((c) => lines.filter((l) => l.category === c))];
  return groups.some((g) => {
    const budget = g.reduce((s, l) => s + l.initial + l.adjustment, 0);
    const executed = g.reduce((s, l) => s + l.executed, 0);
    return budget > 0 && executed * 2 > budget * 3;
  });
}
