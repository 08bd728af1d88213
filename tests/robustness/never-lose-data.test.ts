/**
 * Never lose data: through the .xlsx path (readWorkbookGrid → buildReport → applyPlanToXlsx, what
 * the CLI does) and through the Office adapter against the fake object model, the user's sheets
 * keep every value, formula and format; a second run gives the same workbook; 清除标注 gives back
 * the original sheets; a failure part-way leaves the ledger as it was and says what was written.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildReport } from '../../src/core/pipeline';
import { HIGHLIGHT_MARKER, OUTPUT_SHEETS } from '../../src/core/constants';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { applyPlanToXlsx } from '../../src/xlsx/apply-plan';
import { clearHighlightsXlsx } from '../../src/xlsx/clear-highlights';
import { runCli } from '../../src/cli/run';
import { HostError } from '../../src/host/types';
import { type FakeExcel } from '../excel/fake-excel';
import { hostOn, ledgerWorkbook } from '../excel/harness';
import { LEDGER_SHEET } from '../excel/ledger';
import { loadExcel } from '../xlsx/helpers';

// —— .xlsx ——

/** A ledger with formulas, styles, merges, a hidden row, the user's own conditional format and a second sheet. */
async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['测试单位2024年预算执行台账']);
  ws.mergeCells('A1:G1');
  ws.addRow(['单位：元']);
  ws.addRow(['项目名称', '支出类别', '年初预算', '年中调整', '全年预算', '1-8月执行数', '备注']);
  const lines: [string, string, number, number, number][] = [
    ['基本工资', '人员支出', 100000, 0, 66000],
    ['办公费', '公用支出', 20000, 500, 12000],
    ['维权帮扶项目', '项目支出', 50000, 0, 0],
    ['=cmd|"/c calc"!A1', '项目支出', 30000, 0, 1000],
    ['工会专项资金', '项目支出', 0, 51160, 5000],
  ];
  lines.forEach(([name, cat, initial, adj, exec], i) => {
    const r = 4 + i;
    ws.getCell(`A${r}`).value = name;
    ws.getCell(`B${r}`).value = cat;
    ws.getCell(`C${r}`).value = initial;
    ws.getCell(`D${r}`).value = adj;
    ws.getCell(`E${r}`).value = { formula: `C${r}+D${r}`, result: initial + adj };
    ws.getCell(`F${r}`).value = exec;
    ws.getCell(`F${r}`).numFmt = '#,##0.00';
    ws.getCell(`G${r}`).value = i === 0 ? '@备注' : null;
  });
  ws.getCell('A4').font = { bold: true, color: { argb: 'FFFF0000' } };
  ws.getCell('C5').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
  ws.getRow(6).hidden = true;
  ws.addConditionalFormatting({
    ref: 'F4:F8',
    rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 1, style: { font: { italic: true } } }],
  });
  const other = wb.addWorksheet('说明');
  other.getCell('A1').value = { formula: 'SUM(台账!E4:E8)', result: 251660 };
  other.getCell('A2').value = '本表由用户维护';
  wb.definedNames.add('台账!$A$3:$G$8', '台账区域');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function entries(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [p, f] of Object.entries(zip.files)) if (!f.dir) out.set(p, await f.async('string'));
  return out;
}

/** The sheet parts of the user's sheets, by sheet name (output sheets left out). */
async function userSheetXml(bytes: Uint8Array): Promise<Map<string, string>> {
  const wb = await loadExcel(bytes);
  const parts = await entries(bytes);
  const wbXml = parts.get('xl/workbook.xml')!;
  const rels = parts.get('xl/_rels/workbook.xml.rels')!;
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (OUTPUT_SHEETS.includes(ws.name)) continue;
    const rid = new RegExp(`<sheet [^>]*name="${ws.name}"[^>]*r:id="(rId\\d+)"`).exec(wbXml)![1]!;
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
    out.set(ws.name, parts.get(`xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, '')}`)!);
  }
  return out;
}

/** Every cell of the user's sheets as exceljs reads it: value (formula and result), style. */
async function userCells(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const wb = await loadExcel(bytes);
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    if (OUTPUT_SHEETS.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      out[`${ws.name}!row${r}`] = { hidden: row.hidden };
      row.eachCell({ includeEmpty: true }, (c) => {
        out[`${ws.name}!${c.address}`] = { value: c.value, numFmt: c.numFmt, font: c.font, fill: c.fill };
      });
    });
    out[`${ws.name}!merges`] = ws.model.merges;
  }
  return out;
}

async function generateXlsx(bytes: Uint8Array): Promise<Uint8Array> {
  const r = buildReport(await readWorkbookGrid(bytes));
  if (!r.ok) throw r.error;
  return applyPlanToXlsx(bytes, r.value.plan);
}

describe('never lose data: .xlsx (the CLI path)', () => {
  let original: Uint8Array;
  let once: Uint8Array;
  beforeAll(async () => {
    original = await userWorkbook();
    once = await generateXlsx(original);
  });

  test('the user sheets keep their cells byte for byte; only marked highlights are added after sheetData', async () => {
    const before = await userSheetXml(original);
    const after = await userSheetXml(once);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, xml] of before) {
      const next = after.get(name)!;
      const cells = (x: string) => x.slice(0, x.indexOf('</sheetData>'));
      expect(cells(next)).toBe(cells(xml));
      // Whatever was added is the add-in's, carrying its marker; removing it gives the original back.
      const added = next.length - xml.length;
      if (name === '台账') {
        expect(added).toBeGreaterThan(0);
        expect(next).toContain(HIGHLIGHT_MARKER);
      } else expect(next).toBe(xml);
    }
  });

  test('every value, formula and format reads back the same with exceljs', async () => {
    expect(await userCells(once)).toEqual(await userCells(original));
    const wb = await loadExcel(once);
    expect(wb.getWorksheet('台账')!.getCell('E4').value).toEqual({ formula: 'C4+D4', result: 100000 });
    expect(wb.getWorksheet('说明')!.getCell('A1').value).toEqual({ formula: 'SUM(台账!E4:E8)', result: 251660 });
    expect(wb.definedNames.getNames('台账!$A$3')).toContain('台账区域');
  });

  test('running it twice gives the same workbook, entry by entry', async () => {
    const twice = await generateXlsx(once);
    const a = await entries(once);
    const b = await entries(twice);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [p, text] of a) expect({ part: p, text: b.get(p) }).toEqual({ part: p, text });
  });

  test('清除标注 gives back exactly the original sheet XML', async () => {
    const cleared = await clearHighlightsXlsx(once);
    const before = await userSheetXml(original);
    const after = await userSheetXml(cleared);
    for (const [name, xml] of before) expect(after.get(name)).toBe(xml);
    // And the user's own conditional format is still there.
    expect(after.get('台账')).toContain('cellIs');
  });

  test('runCli writes the same workbook and leaves the input file untouched', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-nld-'));
    try {
      const input = path.join(dir, '台账.xlsx');
      writeFileSync(input, original);
      const res = await runCli([input, '--out', path.join(dir, 'out'), '--quiet'], { out: () => {}, err: () => {} });
      expect(res.code).toBe(0);
      expect(new Uint8Array(readFileSync(input))).toEqual(original);
      const written = new Uint8Array(readFileSync(res.files.find((f) => f.endsWith('.xlsx'))!));
      expect(await entries(written)).toEqual(await entries(once));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a user sheet called 监控汇总 without the add-in’s mark is refused before any plan exists', async () => {
    const wb = await loadExcel(original);
    wb.addWorksheet('监控汇总').getCell('A1').value = '我自己的汇总，不能丢';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = buildReport(await readWorkbookGrid(bytes));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('不是绩效监控助手生成的');
    // While the add-in's own 监控汇总 (with the mark) is replaced on the next run.
    const again = buildReport(await readWorkbookGrid(once));
    expect(again.ok).toBe(true);
  });
});

// —— Office adapter against the fake object model ——

function userState(excel: FakeExcel): string {
  return JSON.stringify(
    excel.sheets
      .filter((s) => !OUTPUT_SHEETS.includes(s.name))
      .map((s) => ({
        snap: s.snapshot(),
        cfs: s.conditionalFormats.filter((c) => !c.formula?.includes(HIGHLIGHT_MARKER)),
      })),
  );
}

/**
 * The output sheets and every sheet's conditional formats. The fake keeps a chart's source as the
 * address string it had when the chart was made, so a chart made on the temporary sheet still says
 * “监控汇总_新!” after the rename (Excel itself follows the rename): that name is folded back.
 */
function outputState(excel: FakeExcel): string {
  return JSON.stringify(
    excel.sheets.map((s) => (OUTPUT_SHEETS.includes(s.name) ? s.snapshot() : s.conditionalFormats)),
  ).replace(/_新\d*!/g, '!');
}

function workbookWithUserFormats(): FakeExcel {
  const excel = ledgerWorkbook(40);
  const ledger = excel.sheet(LEDGER_SHEET);
  ledger.formats.set(3 * 16384 + 1, { bold: true, fill: '#00FF00' });
  ledger.numberFormats.set(3 * 16384 + 6, '#,##0.00');
  ledger.conditionalFormats.push({
    type: 'CellValue',
    formula: '<0',
    fill: '#FF0000',
    rects: [{ top: 3, left: 6, bottom: 42, right: 6 }],
  });
  excel.addSheet('说明', [['本表由用户维护', 42]]);
  return excel;
}

async function generateFake(excel: FakeExcel): Promise<void> {
  const host = hostOn(excel);
  const r = buildReport(await host.readGrid());
  if (!r.ok) throw r.error;
  await host.applyPlan(r.value.plan);
}

describe('never lose data: Office adapter (fake Excel)', () => {
  test('user cells, formats and own conditional formats are identical after a run; highlights are only marked ones', async () => {
    const excel = workbookWithUserFormats();
    const before = userState(excel);
    await generateFake(excel);
    expect(userState(excel)).toBe(before);
    expect(excel.sheet(LEDGER_SHEET).conditionalFormats.some((c) => c.formula?.includes(HIGHLIGHT_MARKER))).toBe(true);
  });

  test('running it twice gives the same workbook', async () => {
    const excel = workbookWithUserFormats();
    await generateFake(excel);
    const first = outputState(excel);
    const names = excel.sheets.map((s) => s.name);
    await generateFake(excel);
    expect(excel.sheets.map((s) => s.name)).toEqual(names);
    expect(outputState(excel)).toBe(first);
  });

  test('清除标注 gives back exactly the conditional formats from before', async () => {
    const excel = workbookWithUserFormats();
    const before = JSON.stringify(excel.sheets.map((s) => [s.snapshot(), s.conditionalFormats]));
    await generateFake(excel);
    const removed = await hostOn(excel).clearHighlights();
    expect(removed).toBeGreaterThan(0);
    const after = excel.sheets.filter((s) => !OUTPUT_SHEETS.includes(s.name));
    expect(JSON.stringify(after.map((s) => [s.snapshot(), s.conditionalFormats]))).toBe(before);
  });

  test('a failure on the 3rd write leaves the user sheets untouched and says what was partly written', async () => {
    const excel = workbookWithUserFormats();
    const host = hostOn(excel);
    const r = buildReport(await host.readGrid());
    if (!r.ok) throw r.error;
    const before = userState(excel);
    const sheetsBefore = excel.sheets.map((s) => s.name);
    excel.failOnWrite = 3;
    const err = await host.applyPlan(r.value.plan).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).message).toMatch(/写了一半|未改动|台账/);
    expect(userState(excel)).toBe(before);
    expect(excel.sheet(LEDGER_SHEET).conditionalFormats.some((c) => c.formula?.includes(HIGHLIGHT_MARKER))).toBe(false);
    expect(excel.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  /** Writes of a whole run, so every one of them can be made to fail. */
  async function writesOfARun(): Promise<number> {
    const probe = workbookWithUserFormats();
    const before = probe.writes;
    await generateFake(probe);
    return probe.writes - before;
  }

  async function failAt(
    n: number,
  ): Promise<{ excel: FakeExcel; before: FakeExcel; err: unknown; warnings: readonly string[] }> {
    const excel = workbookWithUserFormats();
    const host = hostOn(excel);
    const r = buildReport(await host.readGrid());
    if (!r.ok) throw r.error;
    excel.failOnWrite = n;
    let warnings: readonly string[] = [];
    const err = await host.applyPlan(r.value.plan).then(
      (out) => {
        warnings = out?.warnings ?? [];
        return null;
      },
      (e: unknown) => e,
    );
    return { excel, before: workbookWithUserFormats(), err, warnings };
  }

  // A failure before the report is complete rejects; one in the best-effort steps after it (freeze
  // panes, borders, layout, charts, highlights) is a warning. Either way the user's sheets are intact.
  test('a failure at any write leaves every user value and cell format as it was, and the message says what happened', async () => {
    const total = await writesOfARun();
    expect(total).toBeGreaterThan(3);
    for (let n = 1; n <= total; n++) {
      const { excel, before, err, warnings } = await failAt(n);
      if (err === null) {
        // A cosmetic step that failed once is retried on its own: a warning only if it fails again.
        expect(warnings.length).toBeLessThanOrEqual(1);
        for (const w of warnings) expect(w).toMatch(/不影响内容|台账的数值和格式未被改动|图表/);
        const snaps = (x: FakeExcel) =>
          x.sheets.filter((s) => !OUTPUT_SHEETS.includes(s.name)).map((s) => s.snapshot());
        expect({ n, snaps: snaps(excel) }).toEqual({ n, snaps: snaps(before) });
        continue;
      }
      expect(err).toBeInstanceOf(HostError);
      const snaps = (x: FakeExcel) => x.sheets.filter((s) => !OUTPUT_SHEETS.includes(s.name)).map((s) => s.snapshot());
      expect({ n, snaps: snaps(excel) }).toEqual({ n, snaps: snaps(before) });
      // The user's own conditional formats are all still there.
      expect(excel.sheet(LEDGER_SHEET).conditionalFormats[0]).toEqual(before.sheet(LEDGER_SHEET).conditionalFormats[0]);
      expect((err as HostError).message).toMatch(/台账/);
    }
  });

  // The format is added with cfs.add('Custom') and marked in a later queued call; after a failure
  // in between, the adapter removes the half-made (formula-less) formats it left.
  test('a failure at any write leaves no unmarked conditional format on the ledger', async () => {
    const total = await writesOfARun();
    for (let n = 1; n <= total; n++) {
      const { excel, before } = await failAt(n);
      const foreign = (x: FakeExcel) =>
        x.sheet(LEDGER_SHEET).conditionalFormats.filter((c) => !c.formula?.includes(HIGHLIGHT_MARKER));
      expect({ n, cfs: foreign(excel) }).toEqual({ n, cfs: foreign(before) });
    }
  });
});
