/** The .xlsx adapter: read a workbook into a grid, write a plan back, clear highlights. */
export { readWorkbookGrid, type WorkbookGridWithInfo } from './read-grid';
export { applyPlanToXlsx } from './apply-plan';
export { clearHighlightsXlsx } from './clear-highlights';
