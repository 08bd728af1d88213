/**
 * The batch as `npm run report -- <folder>` runs it: a real process whose units run in worker threads.
 *   0  every ledger of the folder gave a report
 *   1  some could not be read (汇总 written all the same, listing them)
 *   2  a wrong command line (--org with a folder)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planCorpus, writeCase } from '../corpus/generate';

const ROOT = path.join(__dirname, '../..');

function cli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'jxjk-batch-cli-'));
  mkdirSync(path.join(dir, 'good'));
  const plans = new Map(planCorpus().map((p) => [p.id, p]));
  for (const id of ['tz03', 'yt02', 'yy03']) {
    writeFileSync(path.join(dir, 'good', `${id}.xlsx`), (await writeCase(plans.get(id)!)).buffer);
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a folder of good ledgers: exit 0, a folder per unit, 汇总.xlsx and 汇总通报.docx, one summary line', async () => {
  const out = path.join(dir, 'out-good');
  const r = await cli([path.join(dir, 'good'), '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout.trim().split('\n')).toHaveLength(1);
  expect(r.stdout).toMatch(/^共3个台账：3个已生成报告；总执行率\d+\.\d{2}%，时间进度\d+\.\d{2}%/);
  const entries = readdirSync(out).sort();
  expect(entries).toContain('汇总.xlsx');
  expect(entries).toContain('汇总通报.docx');
  expect(entries.filter((e) => !e.includes('.'))).toHaveLength(3);
  expect(entries.some((e) => e.startsWith('.'))).toBe(false); // the staging folder is gone
}, 60_000);

test('several files, one of them not a workbook: exit 1, the 汇总 written and the file named', async () => {
  const bad = path.join(dir, '坏文件.xlsx');
  writeFileSync(bad, 'not a zip');
  const out = path.join(dir, 'out-mixed');
  const r = await cli([path.join(dir, 'good', 'tz03.xlsx'), bad, '--out', out]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`未能读取：${bad}：“坏文件.xlsx”不是有效的 .xlsx 工作簿`);
  expect(r.stdout).toContain('共2个台账：1个已生成报告，1个未能读取');
  expect(existsSync(path.join(out, '汇总.xlsx'))).toBe(true);
}, 60_000);

test('--org with a folder is a wrong command line: exit 2, nothing written', async () => {
  const out = path.join(dir, 'out-org');
  const r = await cli([path.join(dir, 'good'), '--org', '某局', '--out', out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--org 只能用于单个台账');
  expect(existsSync(out)).toBe(false);
}, 60_000);

test('--summary-only: the 汇总 files and no folder per unit', async () => {
  const out = path.join(dir, 'out-summary');
  const r = await cli([path.join(dir, 'good'), '--out', out, '--summary-only']);
  expect(r.code).toBe(0);
  expect(readdirSync(out).sort()).toEqual(['汇总.json', '汇总.xlsx', '汇总通报.docx']);
}, 60_000);
