import { type WorkbookGrid } from '../core/grid/types';
import { cellText } from '../core/grid/text';
import { type SheetLayout } from '../core/types';
import { type HostSettings } from '../host/types';

/**
 * The text of a ledger's header rows, to tell next month whether column corrections still fit.
 * @example headerSignature(grid, layout) === '项目名称|全年预算|1-8月执行数'
 */
export function headerSignature(grid: WorkbookGrid, layout: SheetLayout): string {
  const sheet = grid.sheets.find((s) => s.name === layout.sheet);
  if (!sheet) return '';
  return layout.headerRows
    .map((r) => (sheet.rows[r - 1] ?? []).map((v) => cellText(v ?? null).trim()).join('|'))
    .join('/');
}

/**
 * What to remember after a run. The cut-off month and the year belong to this report (next
 * period's header says 1-9月; a remembered 8 would silently report the wrong period), so they are
 * not kept; nor are row roles (next month's ledger has rows inserted: a remembered "忽略" on row 20
 * would silently drop another line) or the acceptance of this ledger's differences. Column
 * corrections are kept with the header they were made against.
 */
export function settingsToRemember(settings: HostSettings, grid: WorkbookGrid, layout: SheetLayout): HostSettings {
  const {
    month: _month,
    year: _year,
    rowRoles: _rowRoles,
    acceptDifferences: _accepted,
    ...recognizeRest
  } = settings.recognize;
  return { ...settings, recognize: recognizeRest, headerSignature: headerSignature(grid, layout) };
}
