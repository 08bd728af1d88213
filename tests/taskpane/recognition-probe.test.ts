import { LedgerError } from '../../src/core/errors';
import { fieldErrors, guessHeaderRow, probeRecognition, safePreview } from '../../src/taskpane/recognition-probe';
import { previewReport } from '../../src/core/preview';
import { type Recognition } from '../../src/core/types';
import { book, sheet } from '../helpers/grids';
import { handBuiltRecognition } from './fixtures';

// The preview is the engine's: these tests say what it returns.
jest.mock('../../src/core/preview', () => ({ previewReport: jest.fn() }));
const mocked = previewReport as jest.MockedFunction<typeof previewReport>;

const grid = book(sheet('台账', [['项目名称', '全年预算', '1-8月执行数']]));

afterEach(() => {
  mocked.mockReset();
  jest.restoreAllMocks();
});

describe('fieldErrors', () => {
  test('a message goes beside its field, without the command-line hint', () => {
    const e = new LedgerError('没能确定年度。请在任务窗格中填写年度（命令行加 --year 2024）。', null, 'year');
    expect(fieldErrors(e)).toEqual({ top: null, byField: { year: '没能确定年度。请在任务窗格中填写年度。' } });
  });

  test('without a field, or about the file, it goes at the top', () => {
    expect(fieldErrors(new LedgerError('没有找到预算台账。'))).toEqual({ top: '没有找到预算台账。', byField: {} });
    expect(fieldErrors(new LedgerError('文件已损坏。', null, 'file')).top).toBe('文件已损坏。');
    expect(fieldErrors(null)).toEqual({ top: null, byField: {} });
  });
});

describe('probeRecognition', () => {
  const recognition: Recognition = handBuiltRecognition();

  test('stands in for each missing setting in turn and says which', () => {
    const seen: object[] = [];
    mocked.mockImplementation((_g, options = {}) => {
      seen.push(options);
      if (options.year === undefined) return { ok: false, error: new LedgerError('没有年度', null, 'year') };
      if (options.month === undefined) return { ok: false, error: new LedgerError('没有月份', null, 'month') };
      return { ok: true, value: { recognition, targetSheet: null } };
    });
    const probe = probeRecognition(grid, { organization: '某局' }, new LedgerError('没有年度', null, 'year'));
    expect(probe.recognition).toBe(recognition);
    expect([...probe.standIns]).toEqual(['year', 'month']);
    // The user's own settings go along; stand-ins only fill what is missing.
    expect(seen.at(-1)).toMatchObject({ organization: '某局', year: 2000, month: 1 });
  });

  test('a refusal on the ledger’s differences reads on with them accepted, to list them', () => {
    const spy = mocked.mockImplementation((_g, options = {}) =>
      options.acceptDifferences
        ? { ok: true, value: { recognition, targetSheet: null } }
        : { ok: false, error: new LedgerError('合计不符', null, 'discrepancy') },
    );
    const probe = probeRecognition(grid, {}, new LedgerError('合计不符', null, 'discrepancy'));
    expect(probe.recognition).toBe(recognition);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  test('nothing to stand in for (the header, the columns, no field): no probe at all', () => {
    const spy = mocked;
    for (const field of ['header', 'columns', 'sheet', null] as const) {
      expect(probeRecognition(grid, {}, new LedgerError('x', null, field)).recognition).toBeNull();
    }
    expect(spy).not.toHaveBeenCalled();
  });

  test('never loops: a stand-in that fails the same way ends the probe', () => {
    const spy = mocked.mockReturnValue({ ok: false, error: new LedgerError('没有年度', null, 'year') });
    const probe = probeRecognition(grid, {}, new LedgerError('没有年度', null, 'year'));
    expect(probe.recognition).toBeNull();
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('safePreview', () => {
  test('a bug in recognition becomes a message, not an exception', () => {
    mocked.mockImplementation(() => {
      throw new TypeError('x is undefined');
    });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = safePreview(grid, {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('识别台账时出现意外错误（x is undefined）');
  });
});

describe('guessHeaderRow', () => {
  test('the row with the most text cells, below titles and above the figures', () => {
    const s = sheet('台账', [
      ['某局2024年预算执行台账'],
      ['单位：元'],
      ['项目名称', '全年预算', '执行数'],
      ['A', 100, 50],
    ]);
    expect(guessHeaderRow(s)).toBe(3);
    expect(guessHeaderRow(sheet('空', []))).toBe(1);
  });
});
