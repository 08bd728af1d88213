/**
 * The Office.js path on the same three ledgers: the task pane's adapter reads the ledger from a
 * fake Excel, and what it asks Excel to write — the 监控汇总 values and number formats, the chart's
 * series and category ranges, the cells each highlight covers, the 监控报告 rows — must be what the
 * written .xlsx holds (tests/oracle/sheets-as-seen.test.ts), checked against the same hand-typed
 * figures.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildReport } from '../../src/core/pipeline';
import { parseArgs } from '../../src/cli/args';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { SAMPLE_PATH } from '../../scripts/make-sample';
import { type CellValue, type WorkbookGrid } from '../../src/core/grid/types';
import { FakeExcel, type Rect, type Scalar } from '../excel/fake-excel';
import { hostOn } from '../excel/harness';
import { DONGSHAN_CASE, type LedgerCase, NANHU_CASE, SAMPLE_CASE, writeDongshan, writeNanhu } from './ledgers';
import { type SeenCell, type SeenRow, expectSummaryRows } from './summary-sheet';

const CASES: readonly LedgerCase[] = [SAMPLE_CASE, DONGSHAN_CASE, NANHU_CASE];

function scalar(v: CellValue): Scalar | null {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new Error(`the fake holds no ${JSON.stringify(v)}`);
}

/** A fake Excel holding the workbook's sheets (values and merged areas) as a user's workbook would. */
function excelWith(grid: WorkbookGrid): FakeExcel {
  const excel = new FakeExcel();
  for (const s of grid.sheets) {
    const model = excel.addSheet(
      s.name,
      s.rows.map((r) => r.map(scalar)),
    );
    model.merges = (s.merges ?? []).map((m) => ({ ...m }));
  }
  return excel;
}

let dir: string;
const excels = new Map<LedgerCase, FakeExcel>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'office-as-seen-'));
  await writeDongshan(path.join(dir, DONGSHAN_CASE.file));
  await writeNanhu(path.join(dir, NANHU_CASE.file));
  for (const c of CASES) {
    const file = c.file === '' ? SAMPLE_PATH : path.join(dir, c.file);
    const excel = excelWith(await readWorkbookGrid(new Uint8Array(await readFile(file))));
    const host = hostOn(excel);
    // The options as the pane passes them: the same settings the command line's flags give.
    const r = buildReport(await host.readGrid(), parseArgs([file, ...c.argv]).options);
    if (!r.ok) throw r.error;
    await host.applyPlan(r.value.plan);
    excels.set(c, excel);
  }
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const excelOf = (c: LedgerCase): FakeExcel => {
  const e = excels.get(c);
  if (!e) throw new Error(`${c.title} was not generated`);
  return e;
};

/** What a written sheet shows: each cell's value and number format ("General" is no format). */
function shown(excel: FakeExcel, sheet: string): SeenRow[] {
  const s = excel.sheet(sheet);
  return s.values.map((row, r) =>
    (row ?? []).map((v, c): SeenCell => {
      if (v === '' || v === undefined) return [null, ''];
      const format = s.numberFormats.get(r * 16384 + c) ?? '';
      return [v as string | number, format === 'General' ? '' : format];
    }),
  );
}

const colIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** "A33:K33" → every (row, col) it covers, 0-based, as "row,col". */
function cellsOfRange(a1: string): string[] {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  return cellsOfRect({
    top: Number(m[2]) - 1,
    left: colIndex(m[1]!),
    bottom: Number(m[4]) - 1,
    right: colIndex(m[3]!),
  });
}

function cellsOfRect(r: Rect): string[] {
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(`${row},${col}`);
  return out;
}

describe.each(CASES)('Office.js: $title', (c) => {
  test('监控汇总: every cell’s value and number format', () => {
    expectSummaryRows(shown(excelOf(c), '监控汇总'), c.summary);
  });

  test('the chart is added over exactly the rows of its figures', () => {
    const [first, last] = c.chartRows;
    const col = (letter: string): string => `监控汇总!${letter}${first}:${letter}${last}`;
    expect(
      excelOf(c)
        .sheet('监控汇总')
        .charts.map((ch) => ch.series),
    ).toEqual([
      [
        { name: '执行率', values: col('B'), xValues: col('A') },
        // One reference line across the columns, not a column per category.
        { name: '时间进度', values: col('C'), xValues: col('A'), chartType: 'Line' },
      ],
    ]);
  });

  test('the highlights cover the full width of each flagged row, and nothing else', () => {
    const cfs = excelOf(c).sheet(c.sheet).conditionalFormats;
    expect(cfs.length).toBeGreaterThan(0);
    for (const cf of cfs)
      expect(cf).toMatchObject({ type: 'Custom', formula: '=ISTEXT("绩效监控助手")', fill: '#FFE699' });
    const covered = cfs.flatMap((cf) => cf.rects.flatMap(cellsOfRect)).sort();
    expect(covered).toEqual(c.highlights.flatMap(cellsOfRange).sort());
  });

  test('监控报告: the rows as they read', () => {
    const rows = shown(excelOf(c), '监控报告').map((r) => String(r[0]?.[0] ?? ''));
    expect(rows[0]).toBe(c.paragraphs[0]);
    for (const p of c.paragraphs) expect(rows).toContain(p);
    const all = rows.join('\n');
    for (const p of c.phrases) expect(all).toContain(p);
    for (const n of c.never) expect(all).not.toContain(n);
  });
});
