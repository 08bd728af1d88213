/** Times the core (recognition + indicators + narrative + plan) on workbooks already in memory. */
import { buildReport } from '../src/core/pipeline';
import { type WorkbookGrid } from '../src/core/grid/types';
import { recognize } from '../src/core/recognize/recognize';
import { budgetWorkbook, journalWorkbook, nestedWorkbook } from './ledgers';

export interface CoreFigures {
  readonly name: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly heapMB: number;
}

function measure(name: string, wb: WorkbookGrid, runs: number, job: (wb: WorkbookGrid) => void): CoreFigures {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    job(wb);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    medianMs: times[Math.floor(times.length / 2)]!,
    minMs: times[0]!,
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
  };
}

/** The whole job: recognition, indicators, narrative and write plan. */
const wholeJob = (wb: WorkbookGrid): void => {
  const r = buildReport(wb, { month: 8 });
  if (!r.ok) throw r.error;
};

/** Recognition alone (structure by arithmetic, columns, categories): the 50 ms target. */
const recognitionOnly = (wb: WorkbookGrid): void => {
  const r = recognize(wb, { month: 8 });
  if (!r.ok) throw r.error;
  if (r.value.discrepancies.length > 0) throw new Error(r.value.discrepancies[0]!.message);
};

export function coreBench(): CoreFigures[] {
  return [
    measure('内存：100,000 笔支付明细 + 200 个项目', journalWorkbook(100_000), 9, wholeJob),
    measure('内存：5,000 行预算台账', budgetWorkbook(5_000), 9, wholeJob),
    measure('仅识别：5,000 行预算台账（分节）', budgetWorkbook(5_000), 9, recognitionOnly),
    measure('仅识别：5,000 行三层嵌套台账（合计在顶、组标题、小计）', nestedWorkbook(5_000), 9, recognitionOnly),
  ];
}
