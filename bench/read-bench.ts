/**
 * The timings the unit tests used to assert (they check only what is read and reported now):
 * reading pathological .xlsx files, and the whole report on each ledger of the robustness corpus.
 * Each figure has a target; `npm run bench` exits 1 when one is missed.
 */
import { buildReport } from '../src/core/pipeline';
import { readWorkbookGrid } from '../src/xlsx/read-grid';
import { scanWorksheet } from '../src/xlsx/sheet-scanner';
import { CORPUS } from '../tests/robustness/corpus';
import { largeSharedStrings, millionRowUsedRange } from '../tests/xlsx/helpers';

export interface TimedFigure {
  readonly name: string;
  readonly ms: number;
  readonly targetMs: number;
}

async function timeRead(name: string, bytes: Uint8Array, targetMs: number): Promise<TimedFigure> {
  const t = performance.now();
  await readWorkbookGrid(bytes);
  return { name, ms: performance.now() - t, targetMs };
}

export async function readBench(): Promise<TimedFigure[]> {
  const figures = [
    await timeRead('读取：已用区域到第1,000,000行（50行数据）', await millionRowUsedRange(), 5000),
    await timeRead('读取：100,000个共享字符串 + 300,000行', await largeSharedStrings(100_000), 5000),
  ];
  // A damaged part: 200,000 cells whose attribute values lost their quotes. Every search stays inside its
  // tag; one running on through the part for each cell would take hours.
  const damaged =
    '<worksheet><sheetData><row r="1">' + '<c r=A1 s=1><v>1</v></c>'.repeat(200_000) + '</row></sheetData></worksheet>';
  const t0 = performance.now();
  scanWorksheet(damaged, { sharedStrings: [], dateStyles: [], date1904: false });
  figures.push({
    name: '读取：损坏的工作表（200,000个单元格的属性缺引号）',
    ms: performance.now() - t0,
    targetMs: 5000,
  });

  // The corpus of malformed ledgers: the slowest whole report (read from .xlsx where the case has one).
  let slowest = { name: '', ms: 0 };
  for (const c of CORPUS) {
    const grid = c.grid ?? (c.xlsx ? await readWorkbookGrid(await c.xlsx()) : null);
    if (!grid) continue;
    const t = performance.now();
    buildReport(grid, c.options);
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { name: c.name, ms };
  }
  figures.push({ name: `报告：异常台账语料中最慢的一个（${slowest.name}）`, ms: slowest.ms, targetMs: 5000 });
  return figures;
}
