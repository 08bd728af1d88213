import { buildReport } from '../../src/core/pipeline';
import {
  HIGHLIGHT_FILL,
  HIGHLIGHT_FORMULA,
  HIGHLIGHT_MARKER,
  REPORT_SHEET,
  DEPARTMENT_SHEET,
  SUMMARY_SHEET,
  TARGETS_SHEET,
} from '../../src/core/constants';
import { addTargetsSheetPlan } from '../../src/core/plan/targets-sheet';
import { type WritePlan } from '../../src/core/plan/types';
import { HostError } from '../../src/host/types';
import { FakeExcel } from './fake-excel';
import { hostOn, ledgerWorkbook } from './harness';
import { LEDGER_SHEET } from './ledger';
import { measureRoundTrips } from './roundtrips';

async function generate(excel: FakeExcel) {
  const host = hostOn(excel);
  const grid = await host.readGrid();
  const out = buildReport(grid);
  if (!out.ok) throw out.error;
  await host.applyPlan(out.value.plan);
  return { host, grid, plan: out.value.plan, model: out.value.model };
}

const tinyPlan = (text: string): WritePlan => ({
  sheets: [
    {
      name: SUMMARY_SHEET,
      rows: [
        [
          { value: text, style: 'text' },
          { value: 1.5, style: 'wan' },
          { value: 0.5, style: 'percent' },
        ],
        [null, { value: '-5%', style: 'text' }, { value: '@home', style: 'text' }],
      ],
      merges: [],
      columnWidths: [20, 10, 10],
      freezeRows: 1,
      charts: [],
      orientation: 'landscape',
    },
  ],
  highlights: [{ sheet: LEDGER_SHEET, row: 3, firstCol: 0, lastCol: 7, reason: '尚未支出' }],
});

describe('Excel adapter against the fake object model', () => {
  test('the fake refuses to read a property that was not loaded', async () => {
    const excel = ledgerWorkbook(3);
    await expect(
      excel.run(async (context) => {
        const s = context.workbook.worksheets.getItem(LEDGER_SHEET);
        return s.name;
      }),
    ).rejects.toThrow(/未加载/);
  });

  test('end to end: ledger → buildReport → what was written', async () => {
    const excel = ledgerWorkbook(200);
    const before = excel.sheet(LEDGER_SHEET).snapshot();
    const { plan, grid } = await generate(excel);
    expect(grid.sheets.map((s) => s.name)).toEqual([LEDGER_SHEET]);
    expect(grid.sheets[0]!.rows[3]![3]).toBe(10000);
    expect(plan.sheets.length).toBeGreaterThan(0);
    for (const p of plan.sheets) {
      const written = excel.sheet(p.name);
      p.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          expect(written.value(r, c)).toBe(cell?.value ?? '');
          if (typeof cell?.value === 'string') expect(written.numberFormats.get(r * 16384 + c)).toBe('@');
        }),
      );
      expect(written.merges).toHaveLength(p.merges.length);
      expect(written.frozenRows).toBe(p.freezeRows);
      expect(written.charts).toHaveLength(p.charts.length);
      // 执行率 in columns, 时间进度 one line across them.
      for (const ch of written.charts) {
        expect(ch.type).toBe('ColumnClustered');
        expect(ch.series.map((x) => [x.name, x.chartType])).toEqual([
          ['执行率', undefined],
          ['时间进度', 'Line'],
        ]);
      }
      expect(written.columnWidths.size).toBe(p.columnWidths.length);
    }
    const cfs = excel.sheet(LEDGER_SHEET).conditionalFormats;
    expect(cfs.length).toBeGreaterThan(0);
    for (const cf of cfs) {
      expect(cf).toMatchObject({ type: 'Custom', formula: HIGHLIGHT_FORMULA, fill: HIGHLIGHT_FILL });
    }
    const highlighted = new Set(cfs.flatMap((cf) => cf.rects.flatMap((r) => range(r.top, r.bottom))));
    expect([...highlighted].sort((a, b) => a - b)).toEqual(
      [...new Set(plan.highlights.map((h) => h.row))].sort((a, b) => a - b),
    );
    expect(excel.sheet(LEDGER_SHEET).snapshot()).toBe(before);
    expect(excel.active).toBe(plan.sheets[0]!.name);
  });

  test('a usual ledger: 3 round trips to read, 4 to write', async () => {
    const f = await measureRoundTrips(1000);
    expect(f.readSyncs).toBe(3);
    expect(f.writeSyncs).toBe(4);
  });

  test('a 20,000-line ledger: 4 round trips to read, a few to write, every request under 5 MB', async () => {
    const f = await measureRoundTrips(20_000);
    expect(f.readSyncs).toBe(4);
    // 4 fixed + one per ~2 MB of output cells; the summary of 20,000 lines is about 4 MB.
    expect(f.writeSyncs).toBeLessThanOrEqual(7);
    expect(f.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(f.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  test('text that looks like a formula is written as text', async () => {
    const excel = ledgerWorkbook(10);
    await hostOn(excel).applyPlan(tinyPlan('=1+1'));
    const s = excel.sheet(SUMMARY_SHEET);
    expect(s.value(0, 0)).toBe('=1+1');
    expect(s.value(1, 1)).toBe('-5%');
    expect(s.value(1, 2)).toBe('@home');
    expect(s.numberFormats.get(0)).toBe('@');
    expect(s.numberFormats.get(1)).toBe('#,##0.00');
    expect(s.numberFormats.get(2)).toBe('0.00%');
    expect(s.formats.get(0)?.borders?.EdgeTop).toBe('Continuous');
  });

  test('a second run replaces the output sheets and the highlights', async () => {
    const excel = ledgerWorkbook(100);
    await generate(excel);
    const first = excel.sheets.map((s) => s.name);
    const cfCount = excel.sheet(LEDGER_SHEET).conditionalFormats.length;
    await generate(excel);
    expect(excel.sheets.map((s) => s.name)).toEqual(first);
    expect(excel.sheets.map((s) => s.name)).toEqual([LEDGER_SHEET, SUMMARY_SHEET, REPORT_SHEET, DEPARTMENT_SHEET]);
    expect(excel.sheet(LEDGER_SHEET).conditionalFormats).toHaveLength(cfCount);
  });

  test('清除标注 removes only the add-in’s conditional formats', async () => {
    const excel = ledgerWorkbook(100);
    const ledger = excel.sheet(LEDGER_SHEET);
    const mine = {
      type: 'Custom',
      formula: '=$G4<0',
      fill: '#FF0000',
      rects: [{ top: 3, left: 6, bottom: 50, right: 6 }],
    };
    const bar = { type: 'DataBar', formula: null, fill: null, rects: [{ top: 3, left: 5, bottom: 50, right: 5 }] };
    ledger.conditionalFormats.push(mine, bar);
    const { host } = await generate(excel);
    const ours = ledger.conditionalFormats.filter((c) => c.formula?.includes(HIGHLIGHT_MARKER)).length;
    expect(ours).toBeGreaterThan(0);
    const before = ledger.snapshot();
    excel.resetCounters();
    expect(await host.clearHighlights()).toBe(ours);
    expect(excel.syncs).toBe(3);
    expect(ledger.conditionalFormats).toEqual([mine, bar]);
    expect(ledger.snapshot()).toBe(before);
    expect(await host.clearHighlights()).toBe(0);
  });

  test.each([1, 2, 3, 5, 40])(
    'a failure on write %i leaves the user’s sheets and the old output as they were',
    async (n) => {
      const excel = ledgerWorkbook(100);
      await generate(excel);
      const snapshot = () => excel.sheets.map((s) => s.snapshot() + JSON.stringify(s.conditionalFormats));
      const before = snapshot();
      const grid = await hostOn(excel).readGrid();
      const out = buildReport(grid);
      if (!out.ok) throw out.error;
      excel.failOnWrite = n;
      const err = await hostOn(excel)
        .applyPlan(out.value.plan)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(err).toBeInstanceOf(HostError);
      expect((err as HostError).message).toMatch(/台账/);
      expect(snapshot()).toEqual(before);
    },
  );

  test('reads merged areas, hidden rows, errors and a used range away from A1', async () => {
    const excel = new FakeExcel();
    const s = excel.addSheet('表1');
    s.setValue(2, 1, '标题');
    s.setValue(3, 2, '#N/A');
    s.setValue(4, 3, 45000);
    s.setValue(5, 1, '=不是公式');
    s.merges.push({ top: 2, left: 1, bottom: 2, right: 3 });
    s.hiddenRows.add(4);
    const hidden = excel.addSheet('隐藏表', [['x']]);
    hidden.visibility = 'Hidden';
    hidden.isProtected = true;
    excel.addSheet('很隐藏', [['y']]).visibility = 'VeryHidden';
    excel.addSheet('空表');
    excel.sheets.unshift(excel.sheets.splice(1, 1)[0]!); // hidden sheet first in the workbook
    excel.addSheet(SUMMARY_SHEET, [['旧输出']]);
    const grid = await hostOn(excel).readGrid();
    expect(grid.sheets.find((x) => x.name === '隐藏表')?.protected).toBe(true);
    expect(grid.sheets.find((x) => x.name === '表1')?.protected).toBeUndefined();
    // An output-named sheet is read too, so the core can tell the add-in's own from a user's.
    expect(grid.sheets.map((x) => x.name)).toEqual(['表1', '空表', '监控汇总', '隐藏表']);
    const g = grid.sheets[0]!;
    expect(g.rows[2]).toEqual([null, '标题']);
    expect(g.rows[3]![2]).toEqual({ error: '#N/A' });
    expect(g.rows[4]![3]).toBe(45000);
    expect(g.rows[5]![1]).toBe('=不是公式');
    expect(g.rows[0]).toEqual([]);
    expect(g.merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 3 }]);
    expect(g.hiddenRows).toEqual([4]);
    expect(grid.sheets[1]!.rows).toEqual([]);
  });

  test('reads hidden columns from the same visible areas as hidden rows, in 3 round trips', async () => {
    const excel = new FakeExcel();
    // Used range C2:H6; columns D and F:G hidden (last year's figures, helpers), row 4 filtered out.
    const s = excel.addSheet('预算表');
    ['项目', '上年预算', '年初预算', '辅助', '辅助2', '执行数'].forEach((v, c) => s.setValue(1, c + 2, v));
    for (let r = 2; r <= 5; r++) for (let c = 2; c <= 7; c++) s.setValue(r, c, r * 10 + c);
    s.hiddenColumns.add(3).add(5).add(6).add(10); // K is outside the used range
    s.hiddenRows.add(3);
    const wide = excel.addSheet('全部隐藏', [['x', 'y']]);
    wide.hiddenRows.add(0); // no visible cell at all: rows hidden, columns unknown
    excel.addSheet('无隐藏', [['a', 'b']]);
    const grid = await hostOn(excel).readGrid();
    const g = grid.sheets[0]!;
    expect(g.hiddenColumns).toEqual([3, 5, 6]);
    expect(g.hiddenRows).toEqual([3]);
    expect(g.rows[2]).toEqual([null, null, 22, 23, 24, 25, 26, 27]);
    expect(grid.sheets[1]!.hiddenRows).toEqual([0]);
    expect(grid.sheets[1]!.hiddenColumns).toBeUndefined();
    expect(grid.sheets[2]!.hiddenColumns).toBeUndefined();
    expect(grid.sheets[2]!.hiddenRows).toBeUndefined();
    expect(excel.syncs).toBe(3);
  });

  test('finds hidden first and last used columns and still reads their values', async () => {
    const excel = new FakeExcel();
    const s = excel.addSheet('表1', [['a', 'b', 'c', 'd']]);
    s.hiddenColumns.add(0).add(3); // the first and the last used column
    const g = (await hostOn(excel).readGrid()).sheets[0]!;
    expect(g.hiddenColumns).toEqual([0, 3]);
    expect(g.hiddenRows).toBeUndefined();
    expect(g.rows).toEqual([['a', 'b', 'c', 'd']]);
  });

  test('works on ExcelApi 1.7 without RangeAreas, merged areas or page layout', async () => {
    const excel = ledgerWorkbook(100, { apiMinor: 7 });
    const { plan } = await generate(excel);
    expect(excel.sheet(SUMMARY_SHEET).value(0, 0)).toBe(plan.sheets[0]!.rows[0]![0]?.value);
    expect(excel.sheet(LEDGER_SHEET).conditionalFormats.length).toBeGreaterThan(0);
    expect(excel.sheet(SUMMARY_SHEET).orientation).toBeNull();
  });

  test('settings are remembered in the workbook; selectCell shows the row', async () => {
    const excel = ledgerWorkbook(5);
    const host = hostOn(excel);
    expect(await host.loadSettings()).toBeNull();
    const settings = {
      recognize: { headerRow: 3, month: 8 },
      indicators: { gapPoints: 5, rule: 'sichuan' as const },
      title: {},
    };
    await host.saveSettings(settings);
    expect(await host.loadSettings()).toEqual(settings);
    await host.selectCell(LEDGER_SHEET, 12);
    expect(excel.selection).toEqual({ sheet: LEDGER_SHEET, address: 'A12:XFD12' });
    await host.selectCell(LEDGER_SHEET, 12, 'C');
    expect(excel.selection).toEqual({ sheet: LEDGER_SHEET, address: 'C12:C12' });
  });
});

describe('an add-only plan (添加绩效目标表) through the Office adapter', () => {
  test('adds the 绩效目标 sheet and leaves the earlier output, its highlights and the ledger alone', async () => {
    const excel = ledgerWorkbook(30);
    const { model } = await generate(excel);
    const sheetsBefore = excel.sheets.map((x) => x.name);
    const outputBefore = [SUMMARY_SHEET, REPORT_SHEET].map((n) => excel.sheet(n).snapshot());
    const ledgerBefore = excel.sheet(LEDGER_SHEET).snapshot();
    const cfsBefore = JSON.stringify(excel.sheet(LEDGER_SHEET).conditionalFormats);

    await hostOn(excel).applyPlan(addTargetsSheetPlan(model));

    expect(excel.sheets.map((x) => x.name)).toEqual([...sheetsBefore, TARGETS_SHEET]);
    expect([SUMMARY_SHEET, REPORT_SHEET].map((n) => excel.sheet(n).snapshot())).toEqual(outputBefore);
    expect(excel.sheet(LEDGER_SHEET).snapshot()).toEqual(ledgerBefore);
    expect(JSON.stringify(excel.sheet(LEDGER_SHEET).conditionalFormats)).toBe(cfsBefore);
    // The header of the standard layout is there for the user to fill in.
    expect(excel.sheet(TARGETS_SHEET).values.flat()).toEqual(expect.arrayContaining(['一级指标', '三级指标']));
  });

  test('never replaces a sheet of that name the user already has', async () => {
    const excel = ledgerWorkbook(30);
    const { model } = await generate(excel);
    excel.addSheet(TARGETS_SHEET, [['用户自己的内容']]);
    await expect(hostOn(excel).applyPlan(addTargetsSheetPlan(model))).rejects.toThrow(
      /已有名为“绩效目标”的工作表，未做任何改动/,
    );
    expect(excel.sheet(TARGETS_SHEET).values).toEqual([['用户自己的内容']]);
  });
});

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
