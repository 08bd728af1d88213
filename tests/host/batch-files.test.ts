/**
 * The file mode's 汇总: the same model, workbook and 通报 from files picked in the page as the CLI
 * builds from the folder; unreadable files listed, non-spreadsheets only counted.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { runBatch } from '../../src/cli/batch';
import { summarizeFiles, type BatchFile } from '../../src/host/batch-files';
import { writeLedgerFolder } from '../batch/fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jxjk-batch-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a folder pick gives the page: every file with its path under the folder picked. */
function picked(root: string): BatchFile[] {
  const out: BatchFile[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const full = path.join(d, e);
      if (statSync(full).isDirectory()) walk(full);
      else
        out.push({
          name: path.join(path.basename(root), path.relative(root, full)),
          bytes: async () => new Uint8Array(readFileSync(full)),
        });
    }
  };
  walk(root);
  return out;
}

test('a folder picked in the page gives the CLI’s 汇总, figure for figure', async () => {
  const folder = path.join(dir, '各单位台账');
  const { readable, refused } = await writeLedgerFolder(folder);
  const seen: string[] = [];
  const page = await summarizeFiles(picked(folder), {}, (done, total) => seen.push(`${done}/${total}`));
  const cli = (
    await runBatch(
      { inputs: [folder], outDir: path.join(dir, 'out'), options: {}, quiet: true },
      { out: () => {}, err: () => {} },
      { workers: 0, unitOutputs: false },
    )
  ).model!;
  expect(page.model).toEqual(cli);
  expect(page.model.units).toHaveLength(readable.length);
  expect(page.model.failures.map((f) => path.basename(f.file)).sort()).toEqual([...refused].sort());
  // 说明.txt is no unit; the Office lock file ~$tz01.xlsx neither.
  expect(page.skipped).toBe(2);
  const total = readable.length + refused.length;
  expect(seen).toEqual(Array.from({ length: total }, (_, i) => `${i + 1}/${total}`));
  const docx = await JSZip.loadAsync(page.bulletin);
  expect(await docx.file('word/document.xml')!.async('string')).toContain('预算执行和绩效运行监控情况通报');
  const xlsx = await JSZip.loadAsync(page.summary);
  expect(xlsx.file('xl/tables/table1.xml')).not.toBeNull();
}, 120_000);

test('a broken .xls among the files picked is listed with what to do', async () => {
  const r = await summarizeFiles([{ name: '旧台账.xls', bytes: async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) }]);
  expect(r.model.failures).toEqual([
    expect.objectContaining({ file: '旧台账.xls', reason: expect.stringContaining('请选择台账所在的工作簿') }),
  ]);
});
