/** Times the command-line tool in a child process on generated .xlsx ledgers. */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type WorkbookGrid } from '../src/core/grid/types';
import { bigWorkbook } from './big-workbook';
import { budgetWorkbook, journalWorkbook } from './ledgers';

export interface CliFigures {
  readonly name: string;
  readonly seconds: number;
  readonly maxRssMB: number;
  readonly fileMB: number;
  /** The targets (child process, start-up included), when the row has them. */
  readonly target?: { readonly seconds: number; readonly maxRssMB: number };
}

/** Streams a grid workbook to .xlsx (the in-memory writer would take seconds at 100,000 rows). */
export async function writeGridXlsx(wb: WorkbookGrid, file: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  for (const s of wb.sheets) {
    const ws = writer.addWorksheet(s.name);
    for (const row of s.rows)
      ws.addRow(row.map((v) => (v === null || typeof v === 'object' ? (v as never) : v))).commit();
    ws.commit();
  }
  await writer.commit();
}

const { ensureCli } = require('../scripts/build-cli.cjs') as { ensureCli: () => string };

/** The compiled command line (what `npm run report` and `npx jxjk-report` run), start-up included. */
export function runCli(
  file: string,
  out: string,
  extra: readonly string[] = ['--month', '8'],
): { seconds: number; maxRssMB: number } {
  const bundle = ensureCli();
  const t = performance.now();
  const r = spawnSync(process.execPath, [bundle, file, '--out', out, '--quiet', ...extra], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, JXJK_STATS: '1' },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`CLI failed (${r.status}): ${r.stderr}`);
  const m = /"maxRssMB":([\d.]+)/.exec(r.stderr);
  return { seconds, maxRssMB: m ? Number(m[1]) : NaN };
}

export async function cliBench(): Promise<CliFigures[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jxjk-bench-'));
  try {
    const out: CliFigures[] = [];
    const grids: [string, WorkbookGrid, CliFigures['target']][] = [
      ['命令行：100,000 行支付明细 .xlsx', journalWorkbook(100_000), { seconds: 1.2, maxRssMB: 250 }],
      ['命令行：5,000 行预算台账 .xlsx', budgetWorkbook(5_000), undefined],
    ];
    for (const [name, wb, target] of grids) {
      const file = path.join(dir, `${out.length}.xlsx`);
      await writeGridXlsx(wb, file);
      const r = runCli(file, path.join(dir, `out${out.length}`));
      out.push({ name, ...r, fileMB: statSync(file).size / 2 ** 20, ...(target ? { target } : {}) });
    }
    // The sample ledger with formatted blank rows below it (generated once into .tmp/bench/).
    const big: [string, number, CliFigures['target']][] = [
      ['命令行：台账 + 400,000 行带格式空行（约 20 MB）', 400_000, { seconds: 2.5, maxRssMB: 300 }],
      ['命令行：台账 + 1,000,000 行带格式空行（约 48.8 MB）', 1_000_000, { seconds: 5, maxRssMB: 400 }],
    ];
    for (const [name, rows, target] of big) {
      const file = await bigWorkbook(rows);
      const r = runCli(file, path.join(dir, `out${out.length}`), []);
      out.push({ name, ...r, fileMB: statSync(file).size / 1e6, ...(target ? { target } : {}) });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
