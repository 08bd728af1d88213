/**
 * The batch (one folder, many units) in a child process, as `npm run report -- <folder>` runs it:
 * N generated ledgers of 50–300 lines each → every unit's four files + 汇总.xlsx + 汇总通报.docx.
 * Target on this 2-core machine: 500 ledgers in ≤ 60 s and ≤ 1 GB peak. Run at several N to show
 * how the cost grows with the number of units.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CellValue, type WorkbookGrid } from '../src/core/grid/types';
import { writeGridXlsx } from './cli-bench';
import { prng } from './ledgers';

export interface BatchFigures {
  readonly units: number;
  readonly lines: number;
  readonly seconds: number;
  readonly maxRssMB: number;
  /** CPU time of the whole process, all threads. */
  readonly cpuSeconds: number;
  readonly msPerUnit: number;
  readonly cpuMsPerUnit: number;
}

/**
 * Unit i's ledger: 50–300 lines in three sections (人员, 公用, 项目), its own organisation and figures,
 * a 合计 row; some units spend fast, some slowly, so the ranking and the lagging lists have work to do.
 */
export function unitLedger(i: number): WorkbookGrid {
  const rand = prng(Math.imul(i + 1, 2654435761) >>> 0);
  const lines = 50 + Math.floor(rand() * 251);
  const pace = 0.3 + rand() * 0.6;
  const rows: CellValue[][] = [
    [`测试县第${i + 1}单位2024年部门预算执行台账`],
    ['单位：元'],
    ['经济分类科目', '项目名称', '资金来源', '年初预算', '年中调整', '全年预算', '1-8月执行数'],
  ];
  let total = [0, 0, 0, 0];
  const section = (title: string, n: number, code: string): void => {
    rows.push([null, title]);
    for (let k = 0; k < n; k++) {
      const initial = Math.round(rand() * 50_000_000);
      const adj = k % 10 === 0 ? Math.round(rand() * 1_000_000) : 0;
      const budget = initial + adj;
      const executed = Math.round(budget * Math.min(1, pace * rand() * 1.6));
      total = [total[0]! + initial, total[1]! + adj, total[2]! + budget, total[3]! + executed];
      rows.push([
        code,
        `${title.slice(3)}事项${k + 1}`,
        '一般公共预算拨款',
        initial / 100,
        adj / 100,
        budget / 100,
        executed / 100,
      ]);
    }
  };
  const third = Math.floor(lines / 3);
  section('（一）人员支出', third, '30101');
  section('（二）公用支出', third, '30201');
  section('二、项目支出', lines - 2 * third, '');
  rows.push([null, '合计', null, ...total.map((f) => f / 100)]);
  return { sheets: [{ name: '执行台账', rows }] };
}

function runBatch(folder: string, out: string): { seconds: number; maxRssMB: number; cpuSeconds: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', folder, '--out', out, '--quiet'], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, JXJK_STATS: '1' },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`batch failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  const m = /"maxRssMB":([\d.]+)/.exec(r.stderr);
  const c = /"cpuSeconds":([\d.]+)/.exec(r.stderr);
  return { seconds, maxRssMB: m ? Number(m[1]) : NaN, cpuSeconds: c ? Number(c[1]) : NaN };
}

/** Writes the largest folder once; smaller runs take its first N files (sub-folders of links would do too). */
export async function batchBench(sizes: readonly number[] = [50, 150, 500]): Promise<BatchFigures[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jxjk-batch-bench-'));
  try {
    const max = Math.max(...sizes);
    const lineCounts: number[] = [];
    for (const n of sizes) mkdirSync(path.join(dir, `in-${n}`));
    for (let i = 0; i < max; i++) {
      const wb = unitLedger(i);
      lineCounts.push(wb.sheets[0]!.rows.length);
      // One write per folder it belongs to (N smallest first), so each run reads its own files.
      for (const n of sizes) {
        if (i < n) await writeGridXlsx(wb, path.join(dir, `in-${n}`, `单位${String(i + 1).padStart(4, '0')}.xlsx`));
      }
    }
    const out: BatchFigures[] = [];
    for (const n of sizes) {
      const r = runBatch(path.join(dir, `in-${n}`), path.join(dir, `out-${n}`));
      out.push({
        units: n,
        lines: lineCounts.slice(0, n).reduce((a, b) => a + b, 0),
        ...r,
        msPerUnit: (r.seconds * 1000) / n,
        cpuMsPerUnit: (r.cpuSeconds * 1000) / n,
      });
      rmSync(path.join(dir, `out-${n}`), { recursive: true, force: true });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
