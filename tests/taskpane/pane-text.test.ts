import { paneText } from '../../src/taskpane/pane-text';

describe('paneText: no command-line words in the pane', () => {
  test.each([
    [
      '没能确定年度：工作表“台账”的标题和表名中没有“2024年”这样的字样。请在任务窗格中填写年度（命令行加 --year 2024）。',
      '没能确定年度：工作表“台账”的标题和表名中没有“2024年”这样的字样。请在任务窗格中填写年度。',
    ],
    ['请选择截止月份（命令行加 --month 8）。', '请选择截止月份。'],
    ['请选择截止月份 (use --month 8).', '请选择截止月份.'],
    ['请指定工作表（--sheet 台账）', '请指定工作表'],
    // Mixed brackets, and brackets inside the hint.
    ['请指定工作表（命令行加 --sheet "台账(2)")。', '请指定工作表。'],
    ['请指定单位（命令行加 --org “某局（本级）”）。', '请指定单位。'],
    // Two hints in one message.
    ['请填写年度（--year 2024）和月份（--month 8）。', '请填写年度和月份。'],
    // A hint without brackets goes with its clause.
    ['请在任务窗格中选择截止月份，或在命令行加 --month 8。', '请在任务窗格中选择截止月份。'],
    ['命令行加 --year 2024。请填写年度。', '请填写年度。'],
  ])('%s', (input, expected) => {
    expect(paneText(input)).toBe(expected);
  });

  test.each([
    '预算数（年初）与执行数（1-8月）不符。',
    '工作表“台账(2)”第12行D列：金额“(1,234.00)”按负数读取。',
    '全年预算 — 年初预算 — 调整 不平',
    '括号没有闭合（如这里',
    '多出的右括号）不影响',
    '',
  ])('keeps everything else as written: %s', (input) => {
    expect(paneText(input)).toBe(input);
  });
});
