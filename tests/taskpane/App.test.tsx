/** @jest-environment jsdom */
import '../helpers/jsdom-globals';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { ErrorBoundary } from '../../src/taskpane/components/ErrorBoundary';
import { type WorkbookGrid } from '../../src/core/grid/types';
import { type WritePlan } from '../../src/core/plan/types';
import { type HostSettings, type WorkbookHost } from '../../src/host/types';
import { ledgerRows, LEDGER_SHEET } from '../excel/ledger';

function fakeHost(grid: WorkbookGrid) {
  const calls = {
    plans: [] as WritePlan[],
    selected: [] as [string, number, string | undefined][],
    saved: [] as HostSettings[],
    cleared: 0,
  };
  const host: WorkbookHost = {
    kind: 'excel',
    capabilities: { canDownload: true, canSelect: true, writesInPlace: true },
    readGrid: async () => grid,
    applyPlan: async (plan, onProgress) => {
      onProgress?.({ step: '正在写入…', fraction: 0.5 });
      calls.plans.push(plan);
    },
    clearHighlights: async () => {
      calls.cleared++;
      return 3;
    },
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

const ledger: WorkbookGrid = { sheets: [{ name: LEDGER_SHEET, rows: ledgerRows(30) }] };

describe('task pane', () => {
  test('shows what was recognised, with a control for each column', async () => {
    renderApp(fakeHost(ledger).host);
    expect(await screen.findByText('识别结果与选项')).toBeTruthy();
    expect((screen.getByLabelText('台账工作表') as HTMLSelectElement).value).toBe(LEDGER_SHEET);
    expect((screen.getByLabelText('表头行') as HTMLInputElement).value).toBe('3');
    const budget = screen.getByLabelText('F列“全年预算”的含义') as HTMLSelectElement;
    expect(budget.value).toBe('budget');
    expect((screen.getByLabelText('截止月份') as HTMLSelectElement).value).toBe('8');
    expect((screen.getByLabelText('单位') as HTMLInputElement).value).toBe('泸县总工会');
    expect(screen.getByText(/共识别30行预算/)).toBeTruthy();
  });

  test('a correction changes the recognition without reading again', async () => {
    renderApp(fakeHost(ledger).host);
    const month = (await screen.findByLabelText('截止月份')) as HTMLSelectElement;
    fireEvent.change(month, { target: { value: '6' } });
    await waitFor(() => expect((screen.getByLabelText('截止月份') as HTMLSelectElement).value).toBe('6'));
  });

  test('生成监控报告 writes the plan, shows results, remembers options; clicking a project selects its row', async () => {
    const { host, calls } = fakeHost(ledger);
    renderApp(host);
    await screen.findByText('识别结果与选项');
    const button = screen.getByText('生成监控报告');
    await act(async () => fireEvent.click(button));
    expect(await screen.findByText('监控报告已生成')).toBeTruthy();
    expect(calls.plans).toHaveLength(1);
    expect(calls.saved).toHaveLength(1);
    const list = await screen.findByText(/执行滞后的项目（\d+个）/);
    const section = list.closest('section')!;
    const links = within(section).getAllByRole('button');
    expect(links.length).toBeGreaterThan(0);
    await act(async () => fireEvent.click(links[0]!));
    expect(calls.selected[0]![0]).toBe(LEDGER_SHEET);
    expect(calls.selected[0]![1]).toBeGreaterThan(3);
    expect(screen.getByRole('button', { name: '复制到 Word' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '下载 Word 文档' })).toBeTruthy();
    expect(screen.getByText('1-8月执行情况（时间进度 66.67%）')).toBeTruthy();
  });

  test('a workbook without a ledger says so in Chinese and cannot generate', async () => {
    renderApp(fakeHost({ sheets: [{ name: 'Sheet1', rows: [['你好']] }] }).host);
    expect(await screen.findByText('未能识别台账')).toBeTruthy();
    expect(screen.getByText(/没有找到预算台账/)).toBeTruthy();
    expect((screen.getByRole('button', { name: '生成监控报告' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('清除标注 reports how many highlights were removed', async () => {
    const { host, calls } = fakeHost(ledger);
    renderApp(host);
    await screen.findByText('识别结果与选项');
    await act(async () => fireEvent.click(screen.getByText('清除标注')));
    expect(calls.cleared).toBe(1);
    await screen.findByText('标注已清除');
    expect(screen.getByText(/已清除3处标注/)).toBeTruthy();
  });

  test('a failed read shows the error and a way to retry', async () => {
    const { host } = fakeHost(ledger);
    let fail = true;
    const flaky: WorkbookHost = {
      ...host,
      readGrid: async () => {
        if (fail) throw new Error('网络中断');
        return ledger;
      },
    };
    renderApp(flaky);
    expect(await screen.findByText('读取工作簿失败')).toBeTruthy();
    fail = false;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重新读取' })));
    expect(await screen.findByText('识别结果与选项')).toBeTruthy();
  });

  test('the error boundary never leaves a blank pane', () => {
    const Broken = () => {
      throw new Error('坏了');
    };
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>
      </FluentProvider>,
    );
    expect(screen.getByText('任务窗格出现了意外错误')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重新开始' })).toBeTruthy();
    spy.mockRestore();
  });
});
