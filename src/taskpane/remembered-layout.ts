import { type WorkbookGrid } from '../core/grid/types';
import { recognize } from '../core/recognize/recognize';
import { type HostSettings } from '../host/types';
import { headerSignature } from './remembered-settings';

/**
 * Remembered settings made safe for the workbook as it is now: when its header no longer reads as
 * it did (a column inserted, renamed), positional corrections are dropped and recognition starts
 * afresh. Returns whether that happened, for the pane to say so.
 */
export function settingsForWorkbook(
  saved: HostSettings,
  grid: WorkbookGrid,
): { settings: HostSettings; reset: boolean } {
  const positional = saved.recognize.columns !== undefined || saved.recognize.headerRow !== undefined;
  if (!positional || saved.headerSignature === undefined) return { settings: saved, reset: false };
  // The month and year are not remembered; a stand-in keeps recognition from stopping on them.
  const rec = recognize(grid, { month: 1, year: 2000, ...saved.recognize });
  if (rec.ok && headerSignature(grid, rec.value.budget) === saved.headerSignature)
    return { settings: saved, reset: false };
  const { columns: _columns, headerRow: _headerRow, ...rest } = saved.recognize;
  return { settings: { ...saved, recognize: rest }, reset: true };
}
