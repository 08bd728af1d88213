import { type WorkbookGrid } from '../../src/core/grid/types';
import { type Category, type Discrepancy, type LedgerLine, type Recognition } from '../../src/core/types';

/**
 * A small ledger whose title names no year and whose 合计 row is 100元 off, with the Recognition a
 * finished engine would make of it — written by hand, so the pane's tests do not move with the
 * recognition engine.
 */
export const SHEET = '台账';

export const ledgerGrid: WorkbookGrid = {
  sheets: [
    {
      name: SHEET,
      rows: [
        ['某局预算执行台账'],
        ['单位：元'],
        ['项目名称', '支出类别', '全年预算', '1-8月执行数'],
        ['工资', '人员支出', 1000, 600],
        ['办公费', '公用支出', 500, 200],
        ['宣传项目', '项目支出', 800, 0],
        ['合计', null, 2400, 800],
      ],
    },
    { name: '说明', rows: [['本表按月更新']] },
  ],
};

const line = (name: string, category: Category, budgetYuan: number, executedYuan: number, row: number): LedgerLine => ({
  name,
  category,
  categorySource: '类别列',
  econCode: null,
  source: '',
  initial: budgetYuan * 100,
  adjustment: 0,
  budget: budgetYuan * 100,
  executed: executedYuan * 100,
  forecast: null,
  remark: '',
  sheet: SHEET,
  row,
});

export const totalDiscrepancy: Discrepancy = {
  sheet: SHEET,
  row: 7,
  column: 'C',
  kind: 'total',
  message: '合计行的全年预算2400元，各明细行之和为2300元，相差100元（命令行加 --accept-differences）。',
};

export function handBuiltRecognition(patch: Partial<Recognition> = {}): Recognition {
  return {
    budget: {
      sheet: SHEET,
      headerRows: [3],
      columns: [
        { role: 'name', col: 0, label: '项目名称', unit: '元' },
        { role: 'category', col: 1, label: '支出类别', unit: '元' },
        { role: 'budget', col: 2, label: '全年预算', unit: '元' },
        { role: 'executed', col: 3, label: '1-8月执行数', unit: '元' },
      ],
      unit: '元',
      unitSource: '“单位：元”',
    },
    journal: null,
    organization: { value: '某局', from: '标题“某局预算执行台账”' },
    year: { value: 2024, from: '用户指定' },
    month: { value: 8, from: '表头“1-8月执行数”' },
    lines: [
      line('工资', '人员支出', 1000, 600, 4),
      line('办公费', '公用支出', 500, 200, 5),
      line('宣传项目', '项目支出', 800, 0, 6),
    ],
    warnings: [],
    unitInfo: {
      organization: null,
      financeBureau: null,
      notice: null,
      functions: [],
      composition: [],
      departments: [],
      staffing: [],
      sheet: null,
    },
    categorySources: { 类别列: 3 },
    discrepancies: [],
    sheets: [SHEET],
    unitNames: { [SHEET]: SHEET },
    budgetSplit: true,
    ...patch,
  };
}
