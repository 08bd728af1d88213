/** Sheets the product writes. They belong to it: a second run replaces them, recognition skips them. */
export const SUMMARY_SHEET = '监控汇总';
export const REPORT_SHEET = '监控报告';
/** The standard monitoring table (funds and targets per project), written when there are targets. */
export const TARGETS_MONITOR_SHEET = '绩效目标执行监控表';
/** The 部门整体支出绩效监控表 (funds of the whole unit, and its unit-wide targets), always written. */
export const DEPARTMENT_SHEET = '部门整体绩效监控表';
export const OUTPUT_SHEETS: readonly string[] = [SUMMARY_SHEET, REPORT_SHEET, DEPARTMENT_SHEET, TARGETS_MONITOR_SHEET];
/**
 * The targets sheet the pane offers to add. It is the user's once written: never in OUTPUT_SHEETS,
 * never replaced.
 */
export const TARGETS_SHEET = '绩效目标';

/**
 * Every output sheet carries this text in a note (监控汇总 in row 2, 监控报告 in its last row). A sheet
 * with an output name and without it is the user's own, and is never replaced.
 */
export const OUTPUT_SHEET_MARK = '本表由绩效监控助手';

/** The fill of a highlighted (under-executed) ledger line: a light amber that prints legibly. */
export const HIGHLIGHT_FILL = '#FFE699';

/**
 * Every highlight is a conditional format whose formula carries this marker, so 清除标注 can remove
 * exactly the add-in's own highlights and never touch a format the user made.
 */
export const HIGHLIGHT_MARKER = '绩效监控助手';
export const HIGHLIGHT_FORMULA = `=ISTEXT("${HIGHLIGHT_MARKER}")`;
