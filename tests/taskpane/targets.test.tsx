/** @jest-environment jsdom */
import '../helpers/jsdom-globals';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { type WorkbookGrid } from '../../src/core/grid/types';
import { type WritePlan } from '../../src/core/plan/types';
import { type WorkbookHost } from '../../src/host/types';
import { ledgerRows, LEDGER_SHEET } from '../excel/ledger';

/** A host whose workbook gains the sheets an applied plan adds, as Excel's would. */
function fakeHost(initial: WorkbookGrid, writesInPlace = true) {
  let grid = initial;
  const calls = { plans: [] as WritePlan[], selected: [] as [string, number][] };
  const host: WorkbookHost = {
    kind: 'excel',
    capabilities: { canDownload: true, canSelect: true, writesInPlace },
    readGrid: async () => grid,
    applyPlan: async (plan) => {
      calls.plans.push(plan);
      if (plan.addOnly) {
        const added = plan.sheets.map((s) => ({
          name: s.name,
          rows: s.rows.map((r) => r.map((c) => c?.value ?? null)),
        }));
        grid = { sheets: [...grid.sheets, ...added] };
      }
    },
    clearHighlights: async () => 0,
    selectCell: async (sheet, row) => {
      calls.selected.push([sheet, row]);
    },
    loadSettings: async () => null,
    saveSettings: async () => undefined,
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

const targets = {
  name: '绩效目标',
  rows: [
    [
      '项目名称',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '1-8月完成情况',
      '全年预计完成情况',
      '偏差原因',
      '完成目标可能性',
    ],
    ['部门整体', '产出指标', '数量指标', '法律咨询服务人次', '≥300人次', '60人次', '300人次', '经费保障', '有可能'],
    ['部门整体', '满意度指标', '满意度指标', '职工满意度', '≥90%', '95%', '95%', '', '确定能'],
  ],
};

describe('task pane and performance targets', () => {
  test('without a targets sheet it offers 添加绩效目标表, which writes only that sheet, add-only', async () => {
    const { host, calls } = fakeHost(ledger);
    renderApp(host);
    const add = await screen.findByRole('button', { name: '添加绩效目标表' });
    await act(async () => fireEvent.click(add));
    expect(await screen.findByText('已添加绩效目标表')).toBeTruthy();
    expect(calls.plans).toHaveLength(1);
    expect(calls.plans[0]!.addOnly).toBe(true);
    expect(calls.plans[0]!.sheets.map((s) => s.name)).toEqual(['绩效目标']);
    expect(calls.plans[0]!.highlights).toEqual([]);
    // The workbook now has the sheet: the button is gone, so it can never be written twice.
    expect(screen.queryByRole('button', { name: '添加绩效目标表' })).toBeNull();
  });

  test('a sheet already named 绩效目标, even one it cannot read, is never offered to be replaced', async () => {
    renderApp(fakeHost({ sheets: [...ledger.sheets, { name: '绩效目标', rows: [['我的笔记']] }] }).host);
    await screen.findByText('识别结果与选项');
    expect(screen.queryByRole('button', { name: '添加绩效目标表' })).toBeNull();
  });

  test('a host that does not write in place does not offer it', async () => {
    renderApp(fakeHost(ledger, false).host);
    await screen.findByText('识别结果与选项');
    expect(screen.queryByRole('button', { name: '添加绩效目标表' })).toBeNull();
  });

  test('after a run the targets at risk are listed beside the lagging projects, and a click selects their row', async () => {
    const { host, calls } = fakeHost({ sheets: [...ledger.sheets, targets] });
    renderApp(host);
    await screen.findByText('识别结果与选项');
    expect(screen.queryByRole('button', { name: '添加绩效目标表' })).toBeNull();
    await act(async () => fireEvent.click(screen.getByText('生成监控报告')));
    const title = await screen.findByText('绩效目标预警（1项）');
    const section = title.closest('section')!;
    expect(within(section).getByText(/低于时间进度/)).toBeTruthy();
    await act(async () => fireEvent.click(within(section).getByRole('button', { name: '部门整体：法律咨询服务人次' })));
    expect(calls.selected).toEqual([['绩效目标', 2]]);
  });
});
