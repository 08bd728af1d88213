/**
 * `npm run bench`: speed and memory of the core in memory, of the CLI on .xlsx files, and the
 * Office.js round trips. Targets (2 cores): 100,000 payments in memory < 200 ms; the CLI on a
 * 100,000-row .xlsx < 4 s and < 400 MB; pathological .xlsx files read and each ledger of the
 * robustness corpus reported in < 5 s (exit 1 when one of these is missed).
 */
import os from 'node:os';
import { coreBench } from './core-bench';
import { cliBench } from './cli-bench';
import { readBench } from './read-bench';
import { batchBench } from './batch-bench';

async function main(): Promise<void> {
  console.log('== 核心计算（识别 + 指标 + 报告 + 写回计划），取 9 次中位数 ==');
  for (const f of coreBench()) {
    console.log(
      `${f.name}: 中位 ${f.medianMs.toFixed(1)} ms，最快 ${f.minMs.toFixed(1)} ms，堆 ${f.heapMB.toFixed(0)} MB`,
    );
  }
  console.log('\n== 命令行（读取 .xlsx → 报告 → 写出 .xlsx/.docx/json），子进程计时 ==');
  for (const f of await cliBench()) {
    const t = f.target;
    const missed = t !== undefined && (f.seconds > t.seconds || f.maxRssMB > t.maxRssMB);
    const goal = t ? `（目标 ≤ ${t.seconds} s、≤ ${t.maxRssMB} MB）${missed ? ' ✗ 未达标' : ''}` : '';
    console.log(
      `${f.name}: ${f.seconds.toFixed(2)} s，峰值内存 ${f.maxRssMB.toFixed(0)} MB（文件 ${f.fileMB.toFixed(1)} MB）${goal}`,
    );
    if (missed) process.exitCode = 1;
  }
  console.log('\n== 异常文件与异常台账（单元测试只检查结果，耗时在这里检查）==');
  for (const f of await readBench()) {
    const ok = f.ms < f.targetMs;
    console.log(`${f.name}: ${f.ms.toFixed(0)} ms（目标 < ${f.targetMs} ms）${ok ? '' : ' ✗ 未达标'}`);
    if (!ok) process.exitCode = 1;
  }
  console.log(
    '\n== 多单位汇总：一个文件夹 N 个台账（各 50-300 行）→ 各单位报告 + 汇总.xlsx + 汇总通报.docx，子进程计时 ==',
  );
  const loadBefore = loadAverage();
  for (const f of await batchBench()) {
    const ok = f.units < 500 || (f.seconds <= 60 && f.maxRssMB <= 1024);
    console.log(
      `${f.units} 个单位（共 ${f.lines} 行）: ${f.seconds.toFixed(1)} s，CPU ${f.cpuSeconds.toFixed(1)} s，峰值内存 ${f.maxRssMB.toFixed(0)} MB；` +
        `每单位 ${f.msPerUnit.toFixed(0)} ms（CPU ${f.cpuMsPerUnit.toFixed(0)} ms）${f.units === 500 ? '（目标 ≤ 60 s、≤ 1024 MB）' : ''}${ok ? '' : ' ✗ 未达标'}`,
    );
    if (!ok) process.exitCode = 1;
  }
  // The machine is shared: the wall time depends on what else runs, the CPU time much less.
  console.log(`（开始/结束时的系统负载 ${loadBefore} / ${loadAverage()}，2 核）`);
  try {
    const { benchExcelRoundTrips } = await import('./excel-roundtrips');
    console.log('\n== Office.js 往返次数与数据量（模拟 Excel 对象模型）==');
    console.log(JSON.stringify(await benchExcelRoundTrips(), null, 2));
  } catch (e) {
    console.log(`\n（Office.js 往返统计不可用：${e instanceof Error ? e.message : String(e)}）`);
  }
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
