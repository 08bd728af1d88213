import { applyPlanToXlsx } from '../../src/xlsx/apply-plan';
import { type WritePlan } from '../../src/core/plan/types';
import { loadExcel, partText } from './helpers';
import { plan, userWorkbook } from './plan-fixture';

/** The plan the pane's 添加绩效目标表 writes: one new sheet that becomes the user's. */
const addTargets: WritePlan = {
  sheets: [
    {
      name: '绩效目标',
      rows: [[{ value: '项目名称', style: 'header' }]],
      merges: [],
      columnWidths: [20],
      freezeRows: 1,
      charts: [],
      orientation: 'landscape',
    },
  ],
  highlights: [],
  addOnly: true,
};

describe('an add-only plan (the empty 绩效目标 sheet)', () => {
  test('adds the sheet and keeps the earlier run’s output sheets and highlights', async () => {
    const first = await applyPlanToXlsx(await userWorkbook(), plan);
    const second = await applyPlanToXlsx(first, addTargets);
    const wb = await loadExcel(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['预算', '明细', '监控汇总', '监控报告', '绩效目标']);
    const marks = async (bytes: Uint8Array): Promise<number> =>
      ((await partText(bytes, 'xl/worksheets/sheet1.xml')) ?? '').split('绩效监控助手').length;
    expect(await marks(second)).toBe(await marks(first));
  });

  test('never replaces a sheet of the same name: the write fails and says so', async () => {
    const once = await applyPlanToXlsx(await userWorkbook(), addTargets);
    await expect(applyPlanToXlsx(once, addTargets)).rejects.toThrow('工作簿中已有名为“绩效目标”的工作表');
  });
});
