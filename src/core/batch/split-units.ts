import { type CellValue, type SheetGrid, type WorkbookGrid } from '../grid/types';
import { normalizeText } from '../grid/text';
import { UNIT_COLUMN } from '../recognize/column-roles';

/** One unit's share of an export covering many units. */
export interface UnitPart {
  readonly unit: string;
  /** The workbook with only this unit's rows (the others emptied, so row numbers stay the file's). */
  readonly workbook: WorkbookGrid;
  /** How many rows are this unit's. */
  readonly rows: number;
  /** The sheets that were split (the others, without a unit column, are the same for every unit). */
  readonly splitSheets: readonly string[];
}

/** Where a sheet says which unit each row is for: its header row and the 预算单位/单位名称 column. */
interface UnitColumn {
  readonly headerRow: number;
  readonly col: number;
}

const text = (v: CellValue | undefined): string => (typeof v === 'string' ? normalizeText(v).trim() : '');
/** Words of a total row, never a unit's name. */
const TOTAL_WORDS = /^(合计|总计|小计|本页小计|累计)$/;

/**
 * The unit's name without the 一体化 unit code it is written with.
 * @example unitDisplayName('[738737]青石县发展和改革局') === '青石县发展和改革局'
 * @example unitDisplayName('101001 临江县水利局') === '临江县水利局'
 */
export function unitDisplayName(raw: string): string {
  const name = raw.replace(/^(?:[[【(（]\s*\d+\s*[\]】)）]|\d{3,}\s+)\s*/, '').trim();
  return name === '' ? raw : name;
}

function unitColumnOf(sheet: SheetGrid): UnitColumn | null {
  const limit = Math.min(sheet.rows.length, 30);
  for (let r = 0; r < limit; r++) {
    const row = sheet.rows[r] ?? [];
    const col = row.findIndex((v) => UNIT_COLUMN.test(text(v)));
    // A header row names other columns too; "单位：元" above a table is not one.
    if (col >= 0 && row.filter((v) => text(v) !== '').length >= 3) return { headerRow: r, col };
  }
  return null;
}

/**
 * An export that covers many units (the 财政局's 一体化 指标账 or 支付 export with a 预算单位 column)
 * split into one workbook per unit, so each is reported on its own instead of all being summed into
 * one. Rows of other units and rows of no unit (the export's 合计) are emptied, not removed: the row
 * numbers a unit's report names are the file's own. Null when the workbook has fewer than two units.
 */
export function splitByUnitColumn(workbook: WorkbookGrid): UnitPart[] | null {
  const columns = workbook.sheets.map(unitColumnOf);
  const order: string[] = [];
  const counts = new Map<string, number>();
  workbook.sheets.forEach((sheet, s) => {
    const uc = columns[s];
    if (!uc) return;
    for (let r = uc.headerRow + 1; r < sheet.rows.length; r++) {
      const unit = text(sheet.rows[r]?.[uc.col]);
      if (unit === '' || TOTAL_WORDS.test(unit)) continue;
      if (!counts.has(unit)) order.push(unit);
      counts.set(unit, (counts.get(unit) ?? 0) + 1);
    }
  });
  if (order.length < 2) return null;
  const splitSheets = workbook.sheets.filter((_, s) => columns[s] !== null).map((sh) => sh.name);
  return order.map((unit) => ({
    splitSheets,
    unit: unitDisplayName(unit),
    rows: counts.get(unit) ?? 0,
    workbook: {
      sheets: workbook.sheets.map((sheet, s) => {
        const uc = columns[s];
        if (!uc) return sheet;
        return {
          ...sheet,
          rows: sheet.rows.map((row, r) => (r <= uc.headerRow || text(row[uc.col]) === unit ? row : [])),
        };
      }),
    },
  }));
}
