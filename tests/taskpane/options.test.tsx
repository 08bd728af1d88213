/** @jest-environment jsdom */
/**
 * Every option of the task pane, changed as a user changes it, seen in what 生成监控报告 writes: the
 * 监控报告 text, the 监控汇总 sheet and the highlighted rows. A pane that dropped an option on the way
 * to the report (the 预警规则, the gap, 包含基本支出, a corrected month, year, organisation or unit)
 * would write the defaults' report instead.
 */
import '../helpers/jsdom-globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { type WorkbookGrid } from '../../src/core/grid/types';
import { type WritePlan } from '../../src/core/plan/types';
import { type HostSettings, type WorkbookHost } from '../../src/host/types';

const SHEET = '预算执行台账';

/**
 * Rates at 1-8月 (时间进度 66.67%): 工资 55%, 办公费 50%, 项目A 60%, 项目B 58%, 项目C 63%. With the
 * defaults (gap 10, projects only) nothing is behind; each option changes what is.
 */
const ledger: WorkbookGrid = {
  sheets: [
    {
      name: SHEET,
      rows: [
        ['某单位2024年预算执行台账'],
        ['单位：元'],
        ['项目名称', '支出类别', '全年预算', '1-8月执行数'],
        ['工资', '人员支出', 100, 55],
        ['办公费', '公用支出', 100, 50],
        ['项目A', '项目支出', 100, 60],
        ['项目B', '项目支出', 100, 58],
        ['项目C', '项目支出', 100, 63],
        ['合计', null, 500, 286],
      ],
    },
  ],
};

function fakeHost(grid: WorkbookGrid, remembered: HostSettings | null = null) {
  const calls = { plans: [] as WritePlan[], saved: [] as HostSettings[] };
  const host: WorkbookHost = {
    kind: 'excel',
    capabilities: { canDownload: true, canSelect: true, writesInPlace: true },
    readGrid: async () => grid,
    applyPlan: async (plan) => {
      calls.plans.push(plan);
    },
    clearHighlights: async () => 0,
    selectCell: async () => undefined,
    loadSettings: async () => remembered,
    saveSettings: async (s) => {
      calls.saved.push(s);
    },
  };
  return { host, calls };
}

/** The text of a planned sheet, one line per row. */
function sheetText(plan: WritePlan, name: string): string {
  const sheet = plan.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name} in the plan`);
  return sheet.rows
    .map((row) => row.map((c) => (c?.value === null || c === null ? '' : String(c.value))).join('\t'))
    .join('\n');
}

/** The ledger rows (1-based, as the user sees them) marked as behind. */
const highlightedRows = (plan: WritePlan): number[] => plan.highlights.map((h) => h.row + 1);

async function generate(calls: { plans: WritePlan[] }): Promise<WritePlan> {
  const before = calls.plans.length;
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '生成监控报告' })));
  await screen.findByText('监控报告已生成');
  expect(calls.plans).toHaveLength(before + 1);
  return calls.plans[before]!;
}

function renderPane(remembered: HostSettings | null = null) {
  const { host, calls } = fakeHost(ledger, remembered);
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
  return calls;
}

test('the defaults first: 1-8月, gap 10, projects only — nothing behind', async () => {
  const calls = renderPane();
  await screen.findByLabelText('偏差阈值（个百分点）');
  const plan = await generate(calls);
  const report = sheetText(plan, '监控报告');
  expect(report).toContain('某单位2024年部门事中绩效监控报告');
  expect(report).toContain('全年预算0.05万元'); // 500 元
  expect(sheetText(plan, '监控汇总')).toContain('时间进度66.67%（8÷12）');
  expect(highlightedRows(plan)).toEqual([]);
});

test('the gap rule: month, year, organisation, unit, gap and 包含基本支出 all reach the report', async () => {
  const calls = renderPane();
  const gap = (await screen.findByLabelText('偏差阈值（个百分点）')) as HTMLInputElement;

  fireEvent.change(screen.getByLabelText('截止月份'), { target: { value: '9' } });
  fireEvent.change(screen.getByLabelText('年度'), { target: { value: '2025' } });
  const org = screen.getByLabelText('单位') as HTMLInputElement;
  fireEvent.change(org, { target: { value: '某某县总工会' } });
  fireEvent.blur(org);
  fireEvent.change(screen.getByLabelText('金额单位'), { target: { value: '万元' } });
  fireEvent.change(gap, { target: { value: '12' } });
  fireEvent.click(screen.getByLabelText('包含基本支出（公用支出也参与预警）'));

  const plan = await generate(calls);
  const report = sheetText(plan, '监控报告');
  expect(report).toContain('某某县总工会2025年部门事中绩效监控报告');
  expect(report).toContain('1-9月');
  expect(report).toContain('全年预算500.00万元');
  expect(sheetText(plan, '监控汇总')).toContain('时间进度75.00%（9÷12）');
  // At 1-9月 the warning line is 75% − 12 = 63%: 项目C (63%) sits on it and is not behind; with the
  // basic lines in, 工资 (55%) and 办公费 (50%) are.
  expect(report).toContain('4个支出事项执行率低于时间进度12个百分点以上或尚未支出');
  expect(highlightedRows(plan)).toEqual([4, 5, 6, 7]);
  expect(calls.saved.at(-1)?.indicators).toEqual({ gapPoints: 12, includeBasic: true });
});

test('四川省预警线: the 60% line at 1-8月, 人员支出 never flagged, the gap field disabled', async () => {
  const calls = renderPane();
  const gap = (await screen.findByLabelText('偏差阈值（个百分点）')) as HTMLInputElement;
  fireEvent.click(screen.getByLabelText(/四川省预警线/));
  expect(gap.disabled).toBe(true);
  fireEvent.click(screen.getByLabelText('包含基本支出（公用支出也参与预警）'));

  const plan = await generate(calls);
  const report = sheetText(plan, '监控报告');
  // 办公费 50% and 项目B 58% are below 60%; 项目A is on the line; 工资 55% is 人员支出.
  expect(report).toContain('2个支出事项执行率低于四川省预警线60.00%或尚未支出');
  expect(highlightedRows(plan)).toEqual([5, 7]);
  expect(calls.saved.at(-1)?.indicators).toEqual({ rule: 'sichuan', includeBasic: true });
});

test('the 成文日期 the user picks is the 落款’s date, under the unit’s name', async () => {
  const calls = renderPane();
  const date = (await screen.findByLabelText('成文日期')) as HTMLInputElement;
  const org = screen.getByLabelText('单位') as HTMLInputElement;
  fireEvent.change(org, { target: { value: '某某县总工会' } });
  fireEvent.blur(org);
  fireEvent.change(date, { target: { value: '2024-09-05' } });
  const plan = await generate(calls);
  const rows = sheetText(plan, '监控报告').trimEnd().split('\n');
  // The 落款 ends the text (the sheet's own note follows it), ideographic spaces keeping its place.
  expect(rows.slice(-3, -1).map((r) => r.trimEnd().replace(/\u3000+$/, ''))).toEqual(['某某县总工会', '2024年9月5日']);
});

test('a remembered gap outside 0–100 (a document saved elsewhere) is refused beside the options, never used', async () => {
  const calls = renderPane({ recognize: {}, indicators: { gapPoints: 150 }, title: {} });
  expect(await screen.findByText(/预警差距应为0到100之间的数.*150/)).toBeTruthy();
  expect((screen.getByRole('button', { name: '生成监控报告' }) as HTMLButtonElement).disabled).toBe(true);
  expect(calls.plans).toEqual([]);
  // 100 itself is a gap the user may choose.
  fireEvent.change(await screen.findByLabelText('偏差阈值（个百分点）'), { target: { value: '100' } });
  const plan = await generate(calls);
  expect(highlightedRows(plan)).toEqual([]);
  expect(calls.saved.at(-1)?.indicators).toEqual({ gapPoints: 100 });
});
