import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFileHost, fileNameProblem, openFileHost, resultNameOf } from '../../src/host/file-host';
import { HostError } from '../../src/host/types';
import { buildReport } from '../../src/core/pipeline';
import { readWorkbookGrid } from '../../src/xlsx';

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
});
