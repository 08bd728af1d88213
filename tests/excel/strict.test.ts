/**
 * The stand-in Excel refuses what the real one refuses, and the adapter copes with each refusal.
 * Plans here are made by hand, so Excel's limits are tested whatever the core plans.
 */
import { HIGHLIGHT_FILL, HIGHLIGHT_FORMULA, REPORT_SHEET, SUMMARY_SHEET } from '../../src/core/constants';
import { type PlannedSheet, type WritePlan } from '../../src/core/plan/types';
import { HostError } from '../../src/host/types';
import { officeErrorText } from '../../src/excel/error-text';
import { HIGHLIGHTED_SHEETS_KEY } from '../../src/excel/write';
import { type CfModel, FakeExcel, MAX_COLUMN_WIDTH_PT, type SheetModel } from './fake-excel';
import { hostOn, ledgerWorkbook } from './harness';
import { LEDGER_SHEET } from './ledger';

const sheetPlan = (name: string, over: Partial<PlannedSheet> = {}): PlannedSheet => ({
  name,
  rows: [
    [{ value: '标题', style: 'title' }, null],
    [
      { value: '项目', style: 'header' },
      { value: '金额', style: 'header' },
    ],
    [
      { value: '办公费', style: 'text' },
      { value: 1.5, style: 'wan' },
    ],
  ],
  merges: [],
  columnWidths: [20, 10],
  freezeRows: 2,
  charts: [],
  orientation: 'portrait',
  ...over,
});

const planOf = (sheets: PlannedSheet[], highlights: WritePlan['highlights'] = []): WritePlan => ({
  sheets,
  highlights,
});

const lagging = (rows: number[]): WritePlan['highlights'] =>
  rows.map((row) => ({ sheet: LEDGER_SHEET, row, firstCol: 0, lastCol: 7, reason: '尚未支出' }));

const marked = (rects: CfModel['rects']): CfModel => ({
  type: 'Custom',
  formula: HIGHLIGHT_FORMULA,
  fill: HIGHLIGHT_FILL,
  rects,
});
const userRule = (formula: string, row: number): CfModel => ({
  type: 'Custom',
  formula,
  fill: '#FF0000',
  rects: [{ top: row, left: 6, bottom: row, right: 6 }],
});

async function rejection(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

/** Runs one batch on the fake directly and returns the Office-style error it fails with. */
async function fakeFailure(excel: FakeExcel, batch: (context: never) => void): Promise<{ code: string }> {
  const e = await excel
    .run(async (context) => {
      batch(context as never);
      await context.sync();
    })
    .then(
      () => null,
      (x: unknown) => x,
    );
  expect(e).toBeInstanceOf(Error);
  return e as { code: string };
}

describe('the stand-in Excel refuses what Excel refuses', () => {
  type Ctx = {
    workbook: {
      worksheets: {
        add: (n: string) => unknown;
        getItem: (n: string) => {
          getRange: (a?: string) => {
            format: { rowHeight: number; columnWidth: number };
            values: unknown;
            numberFormat: unknown;
          };
        };
      };
    };
  };
  const sheet = (c: never) => (c as Ctx).workbook.worksheets.getItem(LEDGER_SHEET);

  test('row height over 409 pt, column width over 255 characters, a cell over 32,767 characters', async () => {
    const excel = ledgerWorkbook(3);
    expect((await fakeFailure(excel, (c) => (sheet(c).getRange('A1').format.rowHeight = 410))).code).toBe(
      'InvalidArgument',
    );
    expect(
      (await fakeFailure(excel, (c) => (sheet(c).getRange('A1').format.columnWidth = MAX_COLUMN_WIDTH_PT + 1))).code,
    ).toBe('InvalidArgument');
    expect((await fakeFailure(excel, (c) => (sheet(c).getRange('A1').values = [['字'.repeat(32_768)]]))).code).toBe(
      'InvalidArgument',
    );
    // At the limits themselves Excel says yes.
    await excel.run(async (context) => {
      const r = sheet(context as never).getRange('A1');
      r.format.rowHeight = 409;
      r.format.columnWidth = MAX_COLUMN_WIDTH_PT;
      r.values = [['字'.repeat(32_767)]];
      await context.sync();
    });
    expect(excel.sheet(LEDGER_SHEET).rowHeights.get(0)).toBe(409);
  });

  test.each([
    ['a name of 32 characters', 'x'.repeat(32), 'InvalidArgument'],
    ['a name with [', '汇总[1]', 'InvalidArgument'],
    ['a name with /', '1/2', 'InvalidArgument'],
    ['a name with :', 'a:b', 'InvalidArgument'],
    ['a name starting with an apostrophe', "'a", 'InvalidArgument'],
    ['an empty name', '', 'InvalidArgument'],
    ['History', 'history', 'InvalidArgument'],
    ['the same name in another case', 'SHEET', 'ItemAlreadyExists'],
  ])('sheet names: %s is refused', async (_what, name, code) => {
    const excel = new FakeExcel();
    excel.addSheet('Sheet');
    expect(
      (
        await fakeFailure(excel, (c) =>
          (c as { workbook: { worksheets: { add: (n: string) => unknown } } }).workbook.worksheets.add(name),
        )
      ).code,
    ).toBe(code);
  });

  test('numberFormat must have the shape of the range; a request over 5 MB is refused by its JSON', async () => {
    const excel = ledgerWorkbook(3);
    expect((await fakeFailure(excel, (c) => (sheet(c).getRange('A1:B2').numberFormat = [['@', '@']]))).code).toBe(
      'InvalidArgument',
    );
    // 2,000 cells of 1,000 Chinese characters: 6 MB of UTF-8 in the request's JSON.
    const big = Array.from({ length: 2000 }, () => ['字'.repeat(1000)]);
    expect((await fakeFailure(excel, (c) => (sheet(c).getRange('A1:A2000').values = big))).code).toBe(
      'RequestPayloadSizeLimitExceeded',
    );
  });

  test('a new conditional format goes on top; a rule object loaded before a deletion points at another rule', async () => {
    const excel = ledgerWorkbook(3);
    const ledger = excel.sheet(LEDGER_SHEET);
    ledger.conditionalFormats.push(marked([{ top: 3, left: 0, bottom: 3, right: 7 }]), userRule('=$G4<0', 3));
    ledger.conditionalFormats.push(marked([{ top: 4, left: 0, bottom: 4, right: 7 }]), userRule('=$G5<0', 4));
    await excel.run(async (context) => {
      const cfs = context.workbook.worksheets.getItem(LEDGER_SHEET).getRange().conditionalFormats;
      cfs.load('items/type');
      await context.sync();
      // Deleting the loaded items 0 and 2 in order: after the first, "2" is the user's last rule.
      cfs.items[0]!.delete();
      cfs.items[2]!.delete();
      cfs.add('Custom');
      await context.sync();
    });
    expect(ledger.conditionalFormats.map((c) => c.formula)).toEqual([null, '=$G4<0', HIGHLIGHT_FORMULA]);
  });

  test('a protected sheet refuses format changes; a protected workbook refuses new sheets; cell-edit mode', async () => {
    const excel = ledgerWorkbook(3);
    excel.sheet(LEDGER_SHEET).isProtected = true;
    expect((await fakeFailure(excel, (c) => (sheet(c).getRange('A1').format.rowHeight = 20))).code).toBe(
      'AccessDenied',
    );
    excel.structureProtected = true;
    expect(
      (
        await fakeFailure(excel, (c) =>
          (c as { workbook: { worksheets: { add: (n: string) => unknown } } }).workbook.worksheets.add('新表'),
        )
      ).code,
    ).toBe('AccessDenied');
    excel.structureProtected = false;
    excel.cellEditing = true;
    expect((await fakeFailure(excel, (c) => (c as Ctx).workbook.worksheets.add('新表'))).code).toBe(
      'InvalidOperationInCellEditMode',
    );
    await excel.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.add('新表');
      await context.sync();
    });
    expect(excel.sheets.map((s) => s.name)).toContain('新表');
  });
});

describe('the adapter within Excel’s limits and refusals', () => {
  test('row heights over 409 pt and widths over 255 characters are written at the limit', async () => {
    const excel = ledgerWorkbook(3);
    const tall = sheetPlan(REPORT_SHEET, { rowHeights: new Map([[2, 795]]), columnWidths: [300, 10] });
    const out = await hostOn(excel).applyPlan(planOf([tall]));
    expect(out?.warnings).toEqual([]);
    const s = excel.sheet(REPORT_SHEET);
    expect(s.rowHeights.get(2)).toBe(409);
    expect(s.columnWidths.get(0)).toBeLessThanOrEqual(MAX_COLUMN_WIDTH_PT);
    expect(s.columnWidths.get(0)).toBeGreaterThan(MAX_COLUMN_WIDTH_PT - 1);
  });

  test('a cell over 32,767 characters is cut at the limit and the warning names it', async () => {
    const excel = ledgerWorkbook(3);
    const long = sheetPlan(REPORT_SHEET, { rows: [[{ value: '很长的报告'.repeat(8000), style: 'paragraph' }]] });
    const out = await hostOn(excel).applyPlan(planOf([long]));
    const v = excel.sheet(REPORT_SHEET).value(0, 0) as string;
    expect(v.length).toBe(32_767);
    expect(v.endsWith('…')).toBe(true);
    expect(out?.warnings.join('')).toMatch(/“监控报告”的单元格 A1 超过 Excel 单元格 32767 字的上限/);
  });

  test('marked rules among the user’s are deleted lowest priority first: the user’s rules all stay', async () => {
    const excel = ledgerWorkbook(20);
    const ledger = excel.sheet(LEDGER_SHEET);
    const users = [userRule('=$G4<0', 3), userRule('=$G6<0', 5), userRule('=$G8<0', 7)];
    ledger.conditionalFormats.push(
      marked([{ top: 3, left: 0, bottom: 3, right: 7 }]),
      users[0]!,
      marked([{ top: 5, left: 0, bottom: 5, right: 7 }]),
      users[1]!,
      marked([{ top: 9, left: 0, bottom: 9, right: 7 }]),
      users[2]!,
    );
    const out = await hostOn(excel).applyPlan(planOf([sheetPlan(SUMMARY_SHEET)], lagging([10, 11])));
    expect(out?.warnings).toEqual([]);
    const formulas = ledger.conditionalFormats.map((c) => c.formula);
    expect(formulas.filter((f) => f !== HIGHLIGHT_FORMULA)).toEqual(users.map((u) => u.formula));
    const ours = ledger.conditionalFormats.filter((c) => c.formula === HIGHLIGHT_FORMULA);
    expect(ours.flatMap((c) => c.rects.map((r) => r.top))).toEqual([10]);
    expect(ours[0]!.rects[0]).toMatchObject({ top: 10, bottom: 11 });

    // 清除标注 the same way.
    ledger.conditionalFormats.splice(1, 0, marked([{ top: 12, left: 0, bottom: 12, right: 7 }]));
    expect(await hostOn(excel).clearHighlights()).toBe(2);
    expect(ledger.conditionalFormats).toEqual(users);
  });

  test('a ledger protected after a first run: the report is still written, its highlights skipped and named', async () => {
    const excel = ledgerWorkbook(20);
    await hostOn(excel).applyPlan(planOf([sheetPlan(SUMMARY_SHEET)], lagging([5])));
    const ledger = excel.sheet(LEDGER_SHEET);
    const before = JSON.stringify(ledger.conditionalFormats);
    ledger.isProtected = true;
    const out = await hostOn(excel).applyPlan(planOf([sheetPlan(SUMMARY_SHEET, { freezeRows: 1 })], lagging([6])));
    expect(out?.warnings.join('')).toMatch(/工作表“预算执行台账”受保护.*撤销工作表保护/);
    expect(excel.sheet(SUMMARY_SHEET).frozenRows).toBe(1);
    expect(JSON.stringify(ledger.conditionalFormats)).toBe(before);
    const cleared = await hostOn(excel).clearHighlights();
    expect(cleared).toEqual({
      removed: 0,
      warnings: [expect.stringMatching(/“预算执行台账”受保护，其上的标注未能清除/)],
    });
  });

  test('a protected workbook structure or a read-only workbook: said first, nothing written', async () => {
    for (const set of [(x: FakeExcel) => (x.structureProtected = true), (x: FakeExcel) => (x.readOnly = true)]) {
      const excel = ledgerWorkbook(5);
      set(excel);
      const e = await rejection(hostOn(excel).applyPlan(planOf([sheetPlan(SUMMARY_SHEET)])));
      expect(e.message).toMatch(/保护工作簿|只读/);
      expect(e.message).toContain('未做任何改动');
      expect(excel.sheets.map((s) => s.name)).toEqual([LEDGER_SHEET]);
      expect(excel.syncs).toBe(1);
    }
    const viewOnly = ledgerWorkbook(5);
    viewOnly.sheet(LEDGER_SHEET).conditionalFormats.push(marked([{ top: 3, left: 0, bottom: 3, right: 7 }]));
    viewOnly.readOnly = true;
    expect((await rejection(hostOn(viewOnly).clearHighlights())).message).toMatch(/只读.*未做任何改动/);
  });

  test('while the user edits a cell the batches wait (delayForCellEdit) instead of failing', async () => {
    const excel = ledgerWorkbook(10);
    excel.cellEditing = true;
    const host = hostOn(excel);
    const grid = await host.readGrid();
    expect(grid.sheets[0]!.name).toBe(LEDGER_SHEET);
    await host.applyPlan(planOf([sheetPlan(SUMMARY_SHEET)]));
    await host.clearHighlights();
    await host.selectCell(LEDGER_SHEET, 3);
    expect(excel.runs.length).toBeGreaterThanOrEqual(4);
    expect(excel.runs.every((r) => r.delayForCellEdit === true)).toBe(true);
  });

  test('Office’s errors become Chinese text chosen by error.code, never Office’s English message', async () => {
    const excel = ledgerWorkbook(5);
    excel.failKinds.set('addSheet', { code: 'ItemAlreadyExists', left: 1 });
    const e = await rejection(hostOn(excel).applyPlan(planOf([sheetPlan(SUMMARY_SHEET)])));
    expect(e.message).toMatch(/已删除写了一半的新工作表/);
    const codes = [
      'InvalidOperationInCellEditMode',
      'RequestPayloadSizeLimitExceeded',
      'InactiveWorkbook',
      'AccessDenied',
      'ItemAlreadyExists',
      'GeneralException',
    ];
    for (const code of codes) {
      const text = officeErrorText(Object.assign(new Error('The English message for developers.'), { code }));
      expect(text).not.toMatch(/English/);
      expect(text).toMatch(/[\u4e00-\u9fff].*请/);
      expect(text).toContain(`错误代码：${code}`);
    }
    expect(officeErrorText({ code: 'constructor' })).toMatch(/^Excel 报告了一个错误/);
    // Through the host: a read refused as AccessDenied says what to do in Chinese.
    const denied = ledgerWorkbook(3);
    denied.failKinds.set('select', { code: 'AccessDenied', left: 1 });
    const host = hostOn(denied);
    const err = await rejection(host.selectCell(LEDGER_SHEET, 2));
    expect(err.message).toMatch(/^定位单元格时出错：没有修改此工作簿的权限.*（错误代码：AccessDenied）$/);
  });

  test('freeze panes, charts and layout failing (GeneralException) are warnings; the report is written', async () => {
    const excel = ledgerWorkbook(10, { apiMinor: 13 });
    excel.failKinds.set('freezeRows', { code: 'GeneralException', left: 2 });
    excel.failKinds.set('addChart', { code: 'GeneralException', left: 2 });
    const withChart = sheetPlan(SUMMARY_SHEET, {
      charts: [
        {
          title: '执行率',
          categories: { col: 0, firstRow: 2, lastRow: 2 },
          series: [{ name: '金额', col: 1 }],
          anchor: { row: 4, col: 3, rows: 10, cols: 5 },
        },
      ],
    });
    const out = await hostOn(excel).applyPlan(planOf([withChart], lagging([4])));
    expect(out?.warnings).toEqual([
      '“监控汇总”的表头未能冻结（不影响内容）。',
      '“监控汇总”的图表未能添加（表格内容完整，可在 Excel 中自行插入图表）。',
    ]);
    const s = excel.sheet(SUMMARY_SHEET);
    expect(s.value(2, 1)).toBe(1.5);
    expect(s.formats.get(16384)?.borders?.EdgeTop).toBe('Continuous');
    expect(s.orientation).toBe('Portrait');
    expect(excel.sheet(LEDGER_SHEET).conditionalFormats).toHaveLength(1);
  });

  test('a chart that failed half way once but works on its own is there once, complete, without a warning', async () => {
    const excel = ledgerWorkbook(10);
    excel.failKinds.set('chartPosition', { code: 'GeneralException', left: 1 });
    const withChart = sheetPlan(SUMMARY_SHEET, {
      charts: [
        {
          title: '执行率',
          categories: { col: 0, firstRow: 2, lastRow: 2 },
          series: [{ name: '金额', col: 1 }],
          anchor: { row: 4, col: 3, rows: 10, cols: 5 },
        },
      ],
    });
    const out = await hostOn(excel).applyPlan(planOf([withChart]));
    expect(out?.warnings).toEqual([]);
    expect(excel.sheet(SUMMARY_SHEET).charts).toHaveLength(1);
    expect(excel.sheet(SUMMARY_SHEET).charts[0]!.position).toEqual(['D5', 'H14']);
    expect(excel.sheet(SUMMARY_SHEET).frozenRows).toBe(2);
  });

  test('a read refused as too large is read again in halves', async () => {
    const excel = new FakeExcel();
    // 8 columns × 5,000 rows of 60 Chinese characters: the blind first block of 40,000 cells would
    // answer with about 7 MB.
    const rows = Array.from({ length: 5000 }, (_, r) =>
      Array.from({ length: 8 }, (_, c) => `${r}-${c}${'长'.repeat(60)}`),
    );
    excel.addSheet('长文本', rows);
    const grid = await hostOn(excel).readGrid();
    expect(grid.sheets[0]!.rows).toHaveLength(5000);
    expect(grid.sheets[0]!.rows[4999]![7]).toBe(rows[4999]![7]);
    expect(excel.refusedResponses).toBe(1);
    expect(excel.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  test('hidden rows come from the visible areas as numbers, with a sheet name full of quotes and commas', async () => {
    const excel = new FakeExcel();
    const s = excel.addSheet("台账'2024,A!B");
    for (let r = 0; r < 10; r++) s.setValue(r, 0, r);
    s.hiddenRows.add(2).add(3).add(7);
    const grid = await hostOn(excel).readGrid();
    expect(grid.sheets[0]!.hiddenRows).toEqual([2, 3, 7]);
  });

  test('selecting a row on a hidden sheet says how to show it', async () => {
    const excel = ledgerWorkbook(5);
    excel.addSheet('隐藏的表', [['x']]).visibility = 'Hidden';
    const e = await rejection(hostOn(excel).selectCell('隐藏的表', 1));
    expect(e.message).toMatch(/工作表“隐藏的表”是隐藏的.*取消隐藏/);
    expect(excel.selection).toBeNull();
  });

  test('output sheets keep their place in the workbook on a re-run', async () => {
    const excel = ledgerWorkbook(10);
    const plan = planOf([sheetPlan(SUMMARY_SHEET), sheetPlan(REPORT_SHEET)]);
    await hostOn(excel).applyPlan(plan);
    excel.addSheet('说明', [['用户的表']]);
    // The user moves the report between the ledger and the summary, and a note sheet after them.
    const order = (names: string[]) => (excel.sheets = names.map((n) => excel.sheet(n)));
    order([REPORT_SHEET, LEDGER_SHEET, SUMMARY_SHEET, '说明']);
    await hostOn(excel).applyPlan(plan);
    expect(excel.sheets.map((x) => x.name)).toEqual([REPORT_SHEET, LEDGER_SHEET, SUMMARY_SHEET, '说明']);
    expect(excel.active).toBe(SUMMARY_SHEET);
  });

  test('one undo group for a generation where ExcelApi 1.20 allows it', async () => {
    const older = ledgerWorkbook(5);
    await hostOn(older).applyPlan(planOf([sheetPlan(SUMMARY_SHEET)]));
    expect(older.runs.some((r) => r.mergeUndoGroup)).toBe(false);
    const newer = ledgerWorkbook(5, { apiMinor: 20 });
    await hostOn(newer).applyPlan(planOf([sheetPlan(SUMMARY_SHEET)]));
    expect(newer.runs.at(-1)).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
  });

  test('a re-run reads the rules only of sheets that had or get highlights', async () => {
    const excel = ledgerWorkbook(10);
    const others: SheetModel[] = [];
    for (let i = 0; i < 5; i++) others.push(excel.addSheet(`其他${i}`, [['x']]));
    const plan = planOf([sheetPlan(SUMMARY_SHEET)], lagging([4]));
    await hostOn(excel).applyPlan(plan); // no record yet: every user sheet looked at once
    expect(JSON.parse(String(excel.settings.get(HIGHLIGHTED_SHEETS_KEY)))).toEqual([LEDGER_SHEET]);
    excel.resetCounters();
    await hostOn(excel).applyPlan(plan);
    expect(new Set(excel.cfLoads)).toEqual(new Set([LEDGER_SHEET]));
    // 清除标注 still looks everywhere: a user may have copied a highlighted row to another sheet.
    excel.resetCounters();
    await hostOn(excel).clearHighlights();
    expect(new Set(excel.cfLoads)).toEqual(new Set([LEDGER_SHEET, ...others.map((o) => o.name)]));
  });
});
