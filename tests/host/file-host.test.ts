import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import officeCrypto from 'officecrypto-tool';
import { addedNameOf, createFileHost, fileProblemOf, openFileHost, resultNameOf } from '../../src/host/file-host';
import { detectFileKind } from '../../src/xlsx/file-kind';
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

  test('names: <name>-监控报告.xlsx whatever the ledger’s extension', () => {
    expect(resultNameOf('台账.xlsx')).toBe('台账-监控报告.xlsx');
    expect(resultNameOf('台账.xls')).toBe('台账-监控报告.xlsx');
    expect(resultNameOf('导出.csv')).toBe('导出-监控报告.xlsx');
    expect(addedNameOf('台账.et')).toBe('台账-含绩效目标表.xlsx');
  });

  test('a damaged or foreign file is refused on opening with a Chinese HostError naming it', async () => {
    await expect(openFileHost('坏.xlsx', new Uint8Array([1, 2, 3]))).rejects.toThrow(HostError);
    await expect(openFileHost('坏.xlsx', new Uint8Array([1, 2, 3]))).rejects.toThrow('“坏.xlsx”不能作为台账打开');
    const cut = new Uint8Array(readFileSync(SAMPLE)).subarray(0, 5000);
    await expect(openFileHost('断.xlsx', cut)).rejects.toThrow('“断.xlsx”已损坏或不完整');
  });

  test('an .xls (here renamed .et) opens by content; the result is a new .xlsx and the page is told so', async () => {
    const xls = new Uint8Array(
      XLSX.write(XLSX.read(readFileSync(SAMPLE)), { type: 'array', bookType: 'biff8' }) as ArrayBuffer,
    );
    const host = await openFileHost('台账.et', xls);
    expect(host.note).toContain('结果工作簿是新建的 .xlsx');
    const out = buildReport(await host.readGrid(), {});
    if (!out.ok) throw out.error;
    await host.applyPlan(out.value.plan);
    expect(detectFileKind(host.resultBytes()!)).toEqual({ kind: 'zip' });
    expect((await readWorkbookGrid(host.resultBytes()!)).sheets.map((x) => x.name)).toContain('监控汇总');
    expect(host.resultName).toBe('台账-监控报告.xlsx');
  });

  test('a password-protected .xlsx: asked for, a wrong one told apart, the download encrypted again', async () => {
    const encrypted = new Uint8Array(officeCrypto.encrypt(readFileSync(SAMPLE), { password: 'pw-1' }));
    const problem = async (password?: string) => {
      try {
        await openFileHost(NAME, encrypted, password === undefined ? {} : { password });
      } catch (e) {
        return { problem: fileProblemOf(e), message: (e as Error).message };
      }
      return null;
    };
    expect(await problem()).toEqual({ problem: 'password-needed', message: expect.stringContaining('设置了打开密码') });
    expect(await problem('pw-2')).toEqual({
      problem: 'wrong-password',
      message: expect.stringContaining('打开密码不对'),
    });

    const host = await openFileHost(NAME, encrypted, { password: 'pw-1' });
    expect(host.note).toBe('结果工作簿已用同一打开密码加密。');
    const out = buildReport(await host.readGrid(), {});
    if (!out.ok) throw out.error;
    await host.applyPlan(out.value.plan);
    const result = host.resultBytes()!;
    expect(detectFileKind(result)).toEqual({ kind: 'ole', content: 'encrypted-ooxml' });
    const plain = new Uint8Array(await officeCrypto.decrypt(Buffer.from(result), { password: 'pw-1' }));
    expect((await readWorkbookGrid(plain)).sheets.map((x) => x.name)).toContain('监控报告');
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
