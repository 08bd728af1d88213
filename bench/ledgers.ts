/** Generated ledgers for the benchmark: deterministic, realistic in shape, any size. */
import { type CellValue, type WorkbookGrid } from '../src/core/grid/types';

/** A tiny deterministic PRNG so every run measures the same workbook. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const EXCEL_2024_01_01 = 45292;

export function projectName(i: number): string {
  return `专项工作经费${String(i + 1).padStart(4, '0')}`;
}

/** A budget sheet of `projects` lines and a journal of `payments` payments dated through 2024. */
export function journalWorkbook(payments: number, projects = 200): WorkbookGrid {
  const rand = prng(42);
  const budgetRows: CellValue[][] = [
    ['测试局2024年项目预算指标'],
    ['单位：元'],
    ['项目名称', '支出类别', '资金来源', '年初预算', '调整数', '全年预算'],
  ];
  for (let i = 0; i < projects; i++) {
    const initial = Math.round(rand() * 5_000_000) * 100;
    budgetRows.push([
      projectName(i),
      '项目支出',
      i % 3 === 0 ? '政府性基金' : '一般公共预算拨款',
      initial / 100,
      0,
      initial / 100,
    ]);
  }
  const journalRows: CellValue[][] = [['日期', '凭证号', '摘要', '项目名称', '金额']];
  for (let i = 0; i < payments; i++) {
    const day = Math.floor(rand() * 366);
    const amount = Math.round(rand() * 2_000_000) / 100;
    journalRows.push([
      EXCEL_2024_01_01 + day,
      `记-${i + 1}`,
      '支付款项',
      projectName(Math.floor(rand() * projects)),
      i % 97 === 0 ? -amount : amount,
    ]);
  }
  return {
    sheets: [
      { name: '预算指标（1-8月）', rows: budgetRows },
      { name: '支付明细', rows: journalRows },
    ],
  };
}

/** A budget ledger of `lines` lines with sections, subtotals and 1-8月 spending. */
export function budgetWorkbook(lines: number): WorkbookGrid {
  const rand = prng(7);
  const rows: CellValue[][] = [
    ['测试局2024年部门预算执行台账'],
    ['单位：元'],
    ['经济分类科目', '项目名称', '资金来源', '年初预算', '年中调整', '全年预算', '1-8月执行数', '全年预计执行数'],
  ];
  const third = Math.floor(lines / 3);
  const section = (title: string, n: number, code: string): void => {
    rows.push([null, title]);
    for (let i = 0; i < n; i++) {
      const initial = Math.round(rand() * 100_000_000) / 100;
      const adj = i % 10 === 0 ? Math.round(rand() * 1_000_000) / 100 : 0;
      const executed = Math.round((initial + adj) * rand() * 100) / 100;
      rows.push([
        code,
        `${title.slice(3)}事项${i + 1}`,
        '一般公共预算拨款',
        initial,
        adj,
        Math.round((initial + adj) * 100) / 100,
        executed,
        initial + adj,
      ]);
    }
  };
  section('（一）人员支出', third, '30101');
  section('（二）公用支出', third, '30201');
  section('二、项目支出', lines - 2 * third, '');
  return { sheets: [{ name: '执行台账', rows }] };
}

/**
 * A 5,000-line ledger as offices nest it: 合计 at the top, sections with their subtotals as
 * headings, groups of ten projects under a heading row each, every group closed by a 小计 row —
 * so recognition has a structure of several levels to find by arithmetic.
 */
export function nestedWorkbook(lines: number): WorkbookGrid {
  const rand = prng(11);
  const head: CellValue[][] = [
    ['测试局2024年部门预算执行台账'],
    ['单位：元'],
    ['序号', '项目名称', '年初预算', '年中调整', '全年预算', '1-8月执行数'],
  ];
  const body: CellValue[][] = [];
  const sum = { i: 0, a: 0, b: 0, e: 0 };
  const group = (n: number, g: number): void => {
    const rows: CellValue[][] = [];
    const s = { i: 0, a: 0, b: 0, e: 0 };
    for (let k = 0; k < n; k++) {
      const i = Math.round(rand() * 100_000_000);
      const a = k % 7 === 0 ? Math.round(rand() * 1_000_000) : 0;
      const e = Math.round((i + a) * rand());
      rows.push([String(k + 1), `专项${g}-${k + 1}`, i / 100, a / 100, (i + a) / 100, e / 100]);
      s.i += i;
      s.a += a;
      s.b += i + a;
      s.e += e;
    }
    body.push([null, `（${g}）专项组${g}`, s.i / 100, s.a / 100, s.b / 100, s.e / 100]);
    body.push(...rows);
    body.push([null, '小计', s.i / 100, s.a / 100, s.b / 100, s.e / 100]);
    sum.i += s.i;
    sum.a += s.a;
    sum.b += s.b;
    sum.e += s.e;
  };
  for (let g = 1; g * 10 <= lines; g++) group(10, g);
  return {
    sheets: [
      {
        name: '执行台账',
        rows: [...head, [null, '合计', sum.i / 100, sum.a / 100, sum.b / 100, sum.e / 100], ...body],
      },
    ],
  };
}
