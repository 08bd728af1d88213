/** @jest-environment jsdom */
import '../helpers/jsdom-globals';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { ErrorBoundary } from '../../src/taskpane/components/ErrorBoundary';
import { previewReport } from '../../src/core/preview';
import { LedgerError } from '../../src/core/errors';
import { type ReportOptions } from '../../src/core/pipeline-options';
import { type WorkbookGrid } from '../../src/core/grid/types';
import { type HostSettings, type WorkbookHost } from '../../src/host/types';
import { settingsToRemember } from '../../src/taskpane/remembered-settings';
import { SHEET, handBuiltRecognition, ledgerGrid, totalDiscrepancy } from './fixtures';

/**
 * The pane never dead-ends: whatever recognition says, every setting stays editable, the failure
 * sits beside the field that fixes it, and a ledger whose figures disagree can be corrected or
 * accepted. The engine is stood in for (its answers are the test's), so these tests say what the
 * pane does with each kind of answer.
 */
jest.mock('../../src/core/preview', () => {
  const actual = jest.requireActual<typeof import('../../src/core/preview')>('../../src/core/preview');
  return { ...actual, previewReport: jest.fn() };
});
const preview = previewReport as jest.MockedFunction<typeof previewReport>;
/** The options of the pane's last own preview, not of a probe standing in for a missing year. */
const lastOptions = (): ReportOptions =>
  preview.mock.calls
    .map((c): ReportOptions => c[1] ?? {})
    .filter((o) => o.year !== 2000 && o.organization !== '（未填写）')
    .at(-1) ?? {};

afterEach(() => preview.mockReset());

function fakeHost(grid: WorkbookGrid = ledgerGrid, canSelect = true) {
  const calls = { selected: [] as [string, number, string | undefined][], plans: 0, saved: [] as HostSettings[] };
  const host: WorkbookHost = {
    kind: 'excel',
    capabilities: { canDownload: true, canSelect, writesInPlace: true },
    readGrid: async () => grid,
    applyPlan: async () => {
      calls.plans++;
    },
    clearHighlights: async () => 0,
    selectCell: async (sheet, row, col) => {
      calls.selected.push([sheet, row, col]);
    },
    loadSettings: async () => null,
    saveSettings: async (s) => {
      calls.saved.push(s);
    },
  };
  return { host, calls };
}

const renderApp = (host: WorkbookHost) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );

const generateButton = () => screen.getByRole('button', { name: '生成监控报告' }) as HTMLButtonElement;
const fieldOf = (label: string) => screen.getByLabelText(label).closest('.fui-Field') as HTMLElement;

const YEAR_MESSAGE =
  '没能确定年度：工作表“台账”的标题和表名中没有“2024年”这样的字样。请在任务窗格中填写年度（命令行加 --year 2024）。';

describe('a failure the user can fix in the pane', () => {
  beforeEach(() => {
    preview.mockImplementation((_grid, options = {}) =>
      options.year === undefined
        ? { ok: false, error: new LedgerError(YEAR_MESSAGE, { sheet: SHEET, row: null, column: null }, 'year') }
        : {
            ok: true,
            value: {
              recognition: handBuiltRecognition({ year: { value: options.year, from: '用户指定' } }),
              targetSheet: null,
            },
          },
    );
  });

  test('the year missing from every title: the message beside an empty 年度, the rest as read', async () => {
    renderApp(fakeHost().host);
    const year = (await screen.findByLabelText('年度')) as HTMLInputElement;
    expect(year.value).toBe('');
    expect(year.disabled).toBe(false);
    expect(within(fieldOf('年度')).getByText(/没能确定年度/).textContent).toBe(
      '没能确定年度：工作表“台账”的标题和表名中没有“2024年”这样的字样。请在任务窗格中填写年度。',
    );
    // No command-line words anywhere in the pane.
    expect(document.body.textContent).not.toMatch(/--|命令行/);
    // The top says where to look; the rest of what was read stays as read, not 未使用.
    expect(screen.getByText('未能识别台账')).toBeTruthy();
    expect(screen.getByText('请按下方标红的提示更正“年度”。')).toBeTruthy();
    expect((screen.getByLabelText('C列“全年预算”的含义') as HTMLSelectElement).value).toBe('budget');
    expect((screen.getByLabelText('截止月份') as HTMLSelectElement).value).toBe('8');
    expect((screen.getByLabelText('单位') as HTMLInputElement).value).toBe('某局');
    expect((screen.getByLabelText('表头行') as HTMLInputElement).value).toBe('3');
    expect(generateButton().disabled).toBe(true);
    expect(screen.getByText('还不能生成：请先按上面的提示更正识别结果。')).toBeTruthy();
  });

  test('typing the year re-runs recognition with it and unblocks 生成监控报告', async () => {
    renderApp(fakeHost().host);
    const year = (await screen.findByLabelText('年度')) as HTMLInputElement;
    fireEvent.change(year, { target: { value: '20' } }); // on the way: not a year yet, not sent
    expect(lastOptions().year).toBeUndefined();
    fireEvent.change(year, { target: { value: '2024' } });
    await waitFor(() => expect(generateButton().disabled).toBe(false));
    expect(lastOptions().year).toBe(2024);
    expect(screen.queryByText('未能识别台账')).toBeNull();
    expect(within(fieldOf('年度')).getByText('用户指定')).toBeTruthy();
  });

  test('an invalid year says so once the user leaves the field', async () => {
    renderApp(fakeHost().host);
    const year = (await screen.findByLabelText('年度')) as HTMLInputElement;
    fireEvent.focus(year);
    fireEvent.change(year, { target: { value: '24' } });
    expect(screen.queryByText('请填写2000到2099之间的四位年份')).toBeNull();
    fireEvent.blur(year);
    expect(screen.getByText('请填写2000到2099之间的四位年份')).toBeTruthy();
  });
});

describe('nothing recognised', () => {
  beforeEach(() => {
    preview.mockReturnValue({
      ok: false,
      error: new LedgerError(
        '工作表“台账”的前40行中没有找到表头。请在任务窗格中指定表头所在行（命令行加 --header-row 3）。',
        { sheet: SHEET, row: null, column: null },
        'header',
      ),
    });
  });

  test('every setting is still there to give, and a column picked holds for the sheet and row on screen', async () => {
    renderApp(fakeHost().host);
    await screen.findByText('识别结果与选项');
    for (const label of ['台账工作表', '表头行', '单位', '年度', '截止月份', '金额单位']) {
      expect((screen.getByLabelText(label) as HTMLInputElement).disabled).toBe(false);
    }
    expect(within(fieldOf('表头行')).getByText(/没有找到表头。请在任务窗格中指定表头所在行。$/)).toBeTruthy();
    // The columns of the likeliest header row are offered, none assumed.
    expect((screen.getByLabelText('表头行') as HTMLInputElement).value).toBe('3');
    const budget = screen.getByLabelText('C列“全年预算”的含义') as HTMLSelectElement;
    expect(budget.value).toBe('__none__');
    fireEvent.change(budget, { target: { value: 'budget' } });
    await waitFor(() => expect(lastOptions()).toMatchObject({ sheet: SHEET, headerRow: 3, columns: { budget: 2 } }));
    expect((screen.getByLabelText('C列“全年预算”的含义') as HTMLSelectElement).value).toBe('budget');
  });

  test('the month, unit and organization can be given before anything is recognised', async () => {
    renderApp(fakeHost().host);
    const month = (await screen.findByLabelText('截止月份')) as HTMLSelectElement;
    expect(month.value).toBe('');
    fireEvent.change(month, { target: { value: '6' } });
    await waitFor(() => expect(lastOptions().month).toBe(6));
    fireEvent.change(screen.getByLabelText('金额单位'), { target: { value: '万元' } });
    await waitFor(() => expect(lastOptions().unit).toBe('万元'));
    const org = screen.getByLabelText('单位') as HTMLInputElement;
    fireEvent.change(org, { target: { value: '某某县总工会' } });
    fireEvent.blur(org);
    await waitFor(() => expect(lastOptions().organization).toBe('某某县总工会'));
    // And all of it can be taken back in one go.
    fireEvent.click(screen.getByRole('button', { name: '撤销所有更正，恢复自动识别' }));
    // Nothing left of the corrections; the 成文日期 is not one (it defaults to today).
    await waitFor(() => expect({ ...lastOptions(), signedOn: undefined }).toEqual({ signedOn: undefined }));
  });

  test('a failure that belongs to no field shows at the top, with the row to go to', async () => {
    preview.mockReturnValue({
      ok: false,
      error: new LedgerError('没有找到预算台账（命令行加 --sheet 工作表）。', { sheet: SHEET, row: 3, column: null }),
    });
    const { host, calls } = fakeHost();
    renderApp(host);
    expect(await screen.findByText('没有找到预算台账。')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '定位到工作表“台账”第3行' })));
    expect(calls.selected).toEqual([[SHEET, 3, undefined]]);
  });

  test('a bug in recognition is shown, with every field still there to change', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    preview.mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'row')");
    });
    renderApp(fakeHost().host);
    expect(await screen.findByText(/识别台账时出现意外错误/)).toBeTruthy();
    expect(screen.getByLabelText('年度')).toBeTruthy();
    expect(generateButton().disabled).toBe(true);
    spy.mockRestore();
  });
});

describe('a ledger whose figures disagree', () => {
  /** The total row is off unless the user says what row 7 is. */
  const withDiscrepancy = (_grid: WorkbookGrid, options: ReportOptions = {}) => ({
    ok: true as const,
    value: {
      recognition: handBuiltRecognition({
        discrepancies: options.rowRoles?.[7] ? [] : [totalDiscrepancy],
        sheets: [SHEET, '二级单位'],
      }),
      targetSheet: null,
    },
  });

  test('blocks 生成监控报告 with the rows listed, each a click away', async () => {
    preview.mockImplementation(withDiscrepancy);
    const { host, calls } = fakeHost();
    renderApp(host);
    const bar = await screen.findByRole('alert', { name: /台账的数字对不上/ });
    expect(within(bar).getByText('台账的数字对不上（1处）')).toBeTruthy();
    expect(within(bar).getByText('合计不符：合计行的全年预算2400元，各明细行之和为2300元，相差100元。')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/--|命令行/);
    expect(generateButton().disabled).toBe(true);
    await act(async () => fireEvent.click(within(bar).getByRole('button', { name: '工作表“台账”第7行C列' })));
    expect(calls.selected).toEqual([[SHEET, 7, 'C']]);
    // The sheets used, in the recognition panel.
    expect(screen.getByText('使用的工作表：“台账”、“二级单位”（共2张）')).toBeTruthy();
  });

  test('ticking 仍按当前识别结果生成 sets acceptDifferences and lets the report be made', async () => {
    preview.mockImplementation(withDiscrepancy);
    const { host, calls } = fakeHost();
    renderApp(host);
    const accept = await screen.findByRole('checkbox', { name: '仍按当前识别结果生成（报告中会注明台账合计不符）' });
    fireEvent.click(accept);
    await waitFor(() => expect(generateButton().disabled).toBe(false));
    expect(lastOptions().acceptDifferences).toBe(true);
    // Still listed, no longer blocking.
    expect(screen.getByRole('status', { name: /台账的数字对不上/ })).toBeTruthy();
    await act(async () => fireEvent.click(generateButton()));
    expect(await screen.findByText('监控报告已生成')).toBeTruthy();
    expect(calls.plans).toBe(1);
    expect(lastOptions().acceptDifferences).toBe(true);
    // The acceptance belongs to this ledger's figures: it is not remembered for the next one.
    expect(calls.saved[0]!.recognize.acceptDifferences).toBeUndefined();
  });

  test('这一行是 合计行 sets rowRoles, and the choice stays to be taken back', async () => {
    preview.mockImplementation(withDiscrepancy);
    renderApp(fakeHost().host);
    const role = (await screen.findByLabelText('第7行是')) as HTMLSelectElement;
    expect([...role.options].map((o) => o.text)).toEqual(['自动判断', '明细行', '合计行', '忽略']);
    fireEvent.change(role, { target: { value: 'total' } });
    await waitFor(() => expect(generateButton().disabled).toBe(false));
    expect(lastOptions().rowRoles).toEqual({ 7: 'total' });
    expect(screen.queryByRole('alert', { name: /台账的数字对不上/ })).toBeNull();
    const kept = screen.getByRole('region', { name: '已指定的行' });
    const again = within(kept).getByLabelText('第7行是') as HTMLSelectElement;
    expect(again.value).toBe('total');
    fireEvent.change(again, { target: { value: '' } });
    await waitFor(() => expect(generateButton().disabled).toBe(true));
    expect(lastOptions().rowRoles).toBeUndefined();
  });

  test('an engine that refuses on the differences still gets them listed, and accepting them goes on', async () => {
    preview.mockImplementation((grid, options = {}) =>
      options.acceptDifferences
        ? withDiscrepancy(grid, options)
        : {
            ok: false,
            error: new LedgerError('台账的合计与明细不符（命令行加 --accept-differences）。', null, 'discrepancy'),
          },
    );
    renderApp(fakeHost().host);
    const bar = await screen.findByRole('alert', { name: /台账的数字对不上/ });
    expect(within(bar).getByText('台账的合计与明细不符。')).toBeTruthy();
    expect(within(bar).getByRole('button', { name: '工作表“台账”第7行C列' })).toBeTruthy();
    expect(generateButton().disabled).toBe(true);
    expect(screen.queryByText('未能识别台账')).toBeNull(); // the list says it; no second notice
    expect(screen.getByText(/还不能生成：台账的数字对不上/)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /仍按当前识别结果生成/ }));
    await waitFor(() => expect(generateButton().disabled).toBe(false));
  });

  test('where the host cannot select (a file in the browser) the place is plain text', async () => {
    preview.mockImplementation(withDiscrepancy);
    renderApp(fakeHost(ledgerGrid, false).host);
    const bar = await screen.findByRole('alert', { name: /台账的数字对不上/ });
    expect(within(bar).queryByRole('button')).toBeNull();
    expect(within(bar).getByText('工作表“台账”第7行C列')).toBeTruthy();
  });

  test('rows given a role are not remembered for next month’s ledger', () => {
    const settings: HostSettings = {
      recognize: { rowRoles: { 7: 'ignore' }, acceptDifferences: true, columns: { budget: 2 } },
      indicators: {},
      title: {},
    };
    const saved = settingsToRemember(settings, ledgerGrid, handBuiltRecognition().budget);
    expect(saved.recognize).toEqual({ columns: { budget: 2 } });
  });
});

describe('a bug in the pane itself', () => {
  test('the error boundary shows the error as one sentence, without command-line words, and starts again', () => {
    let broken = true;
    const Child = () => {
      if (broken) throw new Error('坏了（命令行加 --debug）');
      return <p>又好了</p>;
    };
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary>
          <Child />
        </ErrorBoundary>
      </FluentProvider>,
    );
    expect(screen.getByText(/^坏了。请点击“重新开始”/)).toBeTruthy();
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: '重新开始' }));
    expect(screen.getByText('又好了')).toBeTruthy();
    spy.mockRestore();
  });
});
