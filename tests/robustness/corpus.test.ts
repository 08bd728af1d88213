import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildReport, type ReportOutput } from '../../src/core/pipeline';
import { LedgerError } from '../../src/core/errors';
import { OUTPUT_SHEETS } from '../../src/core/constants';
import { type WorkbookGrid } from '../../src/core/grid/types';
import { blocksToText } from '../../src/core/report/types';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { CORPUS, type CorpusCase } from './corpus';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jixiao-corpus-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function gridOf(c: CorpusCase): Promise<WorkbookGrid> {
  if (c.grid) return c.grid;
  if (!c.xlsx) throw new Error(`case “${c.name}” has neither a grid nor an .xlsx`);
  const file = path.join(dir, `${CORPUS.indexOf(c)}.xlsx`);
  writeFileSync(file, await c.xlsx());
  return readWorkbookGrid(new Uint8Array(readFileSync(file)));
}

/** What holds for every report, whatever the ledger: nothing that is not a number is printed as one. */
function checkReportInvariants(grid: WorkbookGrid, out: ReportOutput): void {
  const text = blocksToText(out.model.blocks);
  expect(text).not.toMatch(/NaN|Infinity|undefined|null|\[object/);
  const sheets = new Set(grid.sheets.map((s) => s.name));
  for (const warning of out.model.warnings) {
    expect(sheets.has(warning.sheet)).toBe(true);
    if (warning.row !== null) expect(Number.isInteger(warning.row) && warning.row >= 1).toBe(true);
    if (warning.column !== null) expect(warning.column).toMatch(/^[A-Z]{1,3}$/);
  }
  for (const s of out.plan.sheets) expect(OUTPUT_SHEETS).toContain(s.name);
  // A project on several rows is highlighted on each of them.
  const lineRows = new Set(
    out.model.recognition.lines.flatMap((l) => (l.rows ?? [l.row]).map((r) => `${l.sheet}\u0000${r - 1}`)),
  );
  for (const h of out.plan.highlights) expect(lineRows.has(`${h.sheet}\u0000${h.row}`)).toBe(true);
}

describe('the corpus of malformed and awkward ledgers', () => {
  test('holds at least 40 cases with distinct names', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
  });

  test.each(CORPUS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    // How fast: `npm run bench` (bench/read-bench.ts), not here.
    const grid = await gridOf(c);
    const r = buildReport(grid, c.options);
    const e = c.expected;
    if (e.kind === 'error') {
      if (r.ok)
        throw new Error(`expected an error, got a report with warnings: ${JSON.stringify(r.value.model.warnings)}`);
      expect(r.error).toBeInstanceOf(LedgerError);
      expect(r.error.message).toMatch(e.message);
      // Chinese, and says what to do.
      expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
      if (e.place !== undefined) expect(r.error.place).toEqual(e.place);
      return;
    }
    if (!r.ok) throw new Error(`expected a report, got: ${r.error.message}`);
    checkReportInvariants(grid, r.value);
    const warnings = r.value.model.warnings;
    for (const want of e.warnings ?? []) {
      const hit = warnings.find((x) => want.message.test(x.message));
      if (!hit) throw new Error(`no warning matching ${want.message}; got ${JSON.stringify(warnings, null, 1)}`);
      expect({ sheet: hit.sheet, row: hit.row, column: hit.column }).toEqual({
        sheet: want.sheet,
        row: want.row,
        column: want.column,
      });
    }
    if (e.noWarning) expect(warnings.filter((x) => e.noWarning!.test(x.message))).toEqual([]);
    e.check?.(r.value);
  });
});
