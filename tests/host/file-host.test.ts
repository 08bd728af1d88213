import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFileHost, fileNameProblem, openFileHost, resultNameOf } from '../../src/host/file-host';
import { HostError } from '../../src/host/types';
import { buildReport } from '../../src/core/pipeline';
import { readWorkbookGrid } from '../../src/xlsx';
import { addTargetsSheetPlan } from '../../src/core/plan/targets-sheet';
import { TARGETS_SHEET } from '../../src/core/constants';

const SAMPLE = join(__dirname, '../../samples/泸县总工会2024年预算执行台账.xlsx');
const NAME = '泸县总工会2024年预算执行台账.xlsx';

describe('file host', () => {
  const store = new Map<string, string>();
  beforeAll(() => {
    (globalThis as unknown as { localStorage: unknown }).localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
  });
  afterAll(() => {
    delete (globalThis as unknown as { localStorage?: unknown }).localStorage;
  });

  test('names: .xls and .et are told to be saved as .xlsx; the result is <name>-监控报告.xlsx', () => {
    expect(fileNameProblem('台账.xls')).toContain('请先另存为 .xlsx');
    expect(fileNameProblem('台账.et')).toContain('请先另存为 .xlsx');
    expect(fileNameProblem('台账.docx')).toContain('不是 Excel 工作簿');
    expect(fileNameProblem('台账.XLSX')).toBeNull();
    expect(resultNameOf('台账.xlsx')).toBe('台账-监控报告.xlsx');
  });

  test('a damaged .xlsx is refused on opening with a Chinese HostError', async () => {
    await expect(openFileHost('坏.xlsx', new Uint8Array([1, 2, 3]))).rejects.toThrow(HostError);
    await expect(openFileHost('坏.xlsx', new Uint8Array([1, 2, 3]))).rejects.toThrow('不是有效的 .xlsx');
  });

  test('a second run replaces the first one (always from the original bytes); settings per file name', async () => {
    const original = new Uint8Array(readFileSync(SAMPLE));
    const host = await openFileHost(NAME, original);
    expect(host.capabilities).toEqual({ canDownload: true, canSelect: false, writesInPlace: false });
    expect(host.resultBytes()).toBeNull();
    const out = buildReport(await host.readGrid(), {});
    if (!out.ok) throw out.error;
    await host.applyPlan(out.value.plan);
    const first = host.resultBytes()!;
    await host.applyPlan(out.value.plan);
    const second = host.resultBytes()!;
    const names = async (b: Uint8Array) => (await readWorkbookGrid(b)).sheets.map((s) => s.name);
    expect(await names(second)).toEqual(await names(first));
    expect(second.length).toBe(first.length);
    expect(await host.clearHighlights()).toBe(out.value.plan.highlights.length);

    await host.saveSettings({ recognize: { month: 7 }, indicators: {}, title: {} });
    expect(await createFileHost(NAME, original).loadSettings()).toEqual({
      recognize: { month: 7 },
      indicators: {},
      title: {},
    });
    expect(await createFileHost('别的.xlsx', original).loadSettings()).toBeNull();
  });

  test('添加绩效目标表 in the page: the sheet is handed over as a download and kept for later runs', async () => {
    // The sample has a 绩效目标 sheet: build a copy of the file without it through the add-only path.
    const ledgerOnly = await createLedgerOnlyCopy();
    const host = await openFileHost(NAME, ledgerOnly);
    expect(host.addedBytes()).toBeNull();
    const out = buildReport(await host.readGrid(), {});
    if (!out.ok) throw out.error;
    expect(out.value.model.targets).toBeNull();

    await host.applyPlan(addTargetsSheetPlan(out.value.model));
    expect(host.addedName).toBe('泸县总工会2024年预算执行台账-含绩效目标表.xlsx');
    const added = await readWorkbookGrid(host.addedBytes()!);
    expect(added.sheets.map((x) => x.name)).toContain(TARGETS_SHEET);
    // The page now sees the sheet, and a report run keeps it in the result.
    expect((await host.readGrid()).sheets.map((x) => x.name)).toContain(TARGETS_SHEET);
    const again = buildReport(await host.readGrid(), {});
    if (!again.ok) throw again.error;
    await host.applyPlan(again.value.plan);
    expect((await readWorkbookGrid(host.resultBytes()!)).sheets.map((x) => x.name)).toContain(TARGETS_SHEET);
    // Adding it twice is refused, and nothing changes.
    const before = host.addedBytes();
    await expect(host.applyPlan(addTargetsSheetPlan(out.value.model))).rejects.toThrow('已有名为“绩效目标”');
    expect(host.addedBytes()).toBe(before);
  });
});

/** The sample workbook without its 绩效目标 sheet (its entry removed from workbook.xml). */
async function createLedgerOnlyCopy(): Promise<Uint8Array> {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  // Drop the <sheet> entry named 绩效目标: its part stays in the zip unreferenced, which Excel tolerates
  // and the reader ignores (it reads the sheets workbook.xml lists).
  await zip.file('xl/workbook.xml', workbook.replace(/<sheet [^>]*name="绩效目标"[^>]*\/>/, ''));
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}
