import { recognize } from '../../src/core/recognize/recognize';
import { parseHostSettings } from '../../src/host/settings';
import { type HostSettings } from '../../src/host/types';
import { settingsToRemember } from '../../src/taskpane/remembered-settings';
import { settingsForWorkbook } from '../../src/taskpane/remembered-layout';
import { book, sheet } from '../helpers/grids';

const august = book(
  sheet('台账', [['某局2024年预算执行台账'], ['项目名称', '备用', '全年预算', '1-8月执行数'], ['A项目', 'x', 100, 60]]),
);
// Next period: the office inserted a column before the budget, and the header says 1-10月.
const october = book(
  sheet('台账', [
    ['某局2024年预算执行台账'],
    ['项目名称', '备用', '资金来源', '全年预算', '1-10月执行数'],
    ['A项目', 'x', '一般公共预算拨款', 100, 90],
  ]),
);

function layoutOf(grid: typeof august, s: HostSettings) {
  const r = recognize(grid, s.recognize);
  if (!r.ok) throw r.error;
  return r.value.budget;
}

describe('remembered settings', () => {
  // In August the user corrected the budget column by hand and picked the month.
  const used: HostSettings = { recognize: { month: 8, year: 2024, columns: { budget: 2 } }, indicators: {}, title: {} };
  const saved = settingsToRemember(used, august, layoutOf(august, used));

  test('the month and year of one report are not remembered for the next', () => {
    expect(saved.recognize.month).toBeUndefined();
    expect(saved.recognize.year).toBeUndefined();
    expect(saved.recognize.columns).toEqual({ budget: 2 });
  });

  test('column corrections hold while the header reads the same', () => {
    expect(settingsForWorkbook(saved, august)).toEqual({ settings: saved, reset: false });
  });

  test('a changed header drops positional corrections and says so', () => {
    const { settings, reset } = settingsForWorkbook(saved, october);
    expect(reset).toBe(true);
    expect(settings.recognize.columns).toBeUndefined();
    const r = recognize(october, settings.recognize);
    if (!r.ok) throw r.error;
    expect(r.value.month.value).toBe(10);
    expect(r.value.lines[0]!.budget).toBe(10000);
  });

  test('a ledger whose month the user had to pick is not taken for a changed header', () => {
    const noMonth = book(
      sheet('台账', [
        ['某局2024年预算执行台账'],
        ['项目名称', '备用', '全年预算', '累计支出'],
        ['A项目', 'x', 100, 60],
      ]),
    );
    const picked: HostSettings = { recognize: { month: 8, columns: { budget: 2 } }, indicators: {}, title: {} };
    const kept = settingsToRemember(picked, noMonth, layoutOf(noMonth, picked));
    expect(settingsForWorkbook(kept, noMonth)).toEqual({ settings: kept, reset: false });
  });

  test('they survive storage as JSON, signature included', () => {
    expect(parseHostSettings(JSON.stringify(saved))).toEqual(saved);
    expect(parseHostSettings('not json')).toBeNull();
  });
});
