/** The XML of a worksheet the plan writes whole (监控汇总, 监控报告). */
import { cellAddress, columnLetter } from '../core/grid/types';
import { type CellStyleName, type PlannedSheet } from '../core/plan/types';
import { escapeCellText } from './xml-text';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_ATTR_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function cellXml(ref: string, value: string | number | null, style: number | undefined): string {
  const s = style !== undefined ? ` s="${style}"` : '';
  if (typeof value === 'number') {
    // A non-finite number has no spreadsheet form: keep the cell, empty, with its look.
    return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s}/>`;
  }
  if (typeof value === 'string') {
    // Always an inline string, never <f>: text starting with '=' stays text.
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeCellText(value)}</t></is></c>`;
  }
  return `<c r="${ref}"${s}/>`;
}

export interface WorksheetOptions {
  /** Relationship id of the sheet's drawing (its charts), if it has one. */
  readonly drawingRelId?: string;
}

export function worksheetXml(
  sheet: PlannedSheet,
  xfIds: ReadonlyMap<CellStyleName, number>,
  options: WorksheetOptions = {},
): string {
  const parts: string[] = [];
  parts.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_ATTR_NS}">`,
  );
  // fitToPage makes pageSetup's fitToWidth/fitToHeight take effect.
  parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');

  let lastRow = 0;
  let lastCol = 0;
  sheet.rows.forEach((row, r) => {
    if (row.length > 0) lastRow = r;
    if (row.length - 1 > lastCol) lastCol = row.length - 1;
  });
  parts.push(`<dimension ref="A1:${cellAddress(lastRow, lastCol)}"/>`);

  const frozen = sheet.freezeRows > 0;
  const top = cellAddress(sheet.freezeRows, 0);
  parts.push(
    '<sheetViews><sheetView workbookViewId="0">' +
      (frozen
        ? `<pane ySplit="${sheet.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
          `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`
        : '<selection activeCell="A1" sqref="A1"/>') +
      '</sheetView></sheetViews>',
  );
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.columnWidths.length > 0) {
    parts.push('<cols>');
    sheet.columnWidths.forEach((w, i) => {
      parts.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
    });
    parts.push('</cols>');
  }

  parts.push('<sheetData>');
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (cell) cells.push(cellXml(`${columnLetter(c)}${r + 1}`, cell.value, xfIds.get(cell.style)));
    });
    const ht = sheet.rowHeights?.get(r);
    const height = ht === undefined ? '' : ` ht="${ht}" customHeight="1"`;
    if (cells.length > 0) parts.push(`<row r="${r + 1}"${height}>${cells.join('')}</row>`);
  });
  parts.push('</sheetData>');

  if (sheet.merges.length > 0) {
    parts.push(`<mergeCells count="${sheet.merges.length}">`);
    for (const m of sheet.merges) {
      parts.push(`<mergeCell ref="${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}"/>`);
    }
    parts.push('</mergeCells>');
  }
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  // A4, one page wide and as many pages tall as needed.
  parts.push(`<pageSetup paperSize="9" orientation="${sheet.orientation}" fitToWidth="1" fitToHeight="0"/>`);
  if (options.drawingRelId) parts.push(`<drawing r:id="${options.drawingRelId}"/>`);
  parts.push('</worksheet>');
  return parts.join('');
}
