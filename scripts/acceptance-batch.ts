/**
 * `npx tsx scripts/acceptance-batch.ts [DIR]`: the acceptance folder (default ../shared/ledgers) run as ONE
 * batch, then each workbook run alone with the same options: every readable unit's figures in the batch
 * (its report.json and its row of 汇总.xlsx) must be identical to its one-unit run, every workbook the
 * one-unit run cannot read must be listed as unreadable in the batch, and where cases.json expects a
 * report without extra arguments, the batch's figures must be the expected ones. Not part of `npm test`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runBatch } from '../src/cli/batch';
import { runCli } from '../src/cli/run';

interface Case {
  file: string;
  args: string[];
  expect_exit: number;
  expect: { total: { budget: string; executed: string } } | null;
}

const yuanToFen = (s: string | number): number => {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(typeof s === 'number' ? s.toFixed(2) : s);
  if (!m) throw new Error(`not an amount: ${s}`);
  const v = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -v : v;
};

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '../../shared/ledgers'));
  if (!existsSync(path.join(dir, 'cases.json'))) {
    console.log(`没有找到 ${dir}/cases.json，跳过。`);
    return;
  }
  const cases = (JSON.parse(readFileSync(path.join(dir, 'cases.json'), 'utf8')) as { cases: Record<string, Case> })
    .cases;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jxjk-acceptance-batch-'));
  const quiet = { out: () => {}, err: () => {} };
  let failed = 0;
  try {
    const out = path.join(tmp, 'batch');
    const batch = await runBatch({ inputs: [dir], outDir: out, options: {}, quiet: true }, quiet);
    const model = batch.model!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '汇总.xlsx'));
    const ws = wb.getWorksheet('单位汇总')!;
    const header = (ws.getRow(3).values as unknown[]).slice(1).map(String);
    const rowOf = new Map<string, unknown[]>();
    ws.eachRow((row, r) => {
      const v = (row.values as unknown[]).slice(1);
      if (r > 3 && v[1] !== '合计') rowOf.set(String(v[header.length - 1]), v);
    });
    const executedCol = header.findIndex((h) => /^1-\d+月执行数$/.test(h));
    const files = [...new Set(Object.values(cases).map((c) => c.file))].sort();
    for (const file of files) {
      const shown = path.join(path.basename(dir), file);
      const single = path.join(tmp, `single-${files.indexOf(file)}`);
      const r = await runCli([path.join(dir, file), '--out', single, '--quiet'], quiet);
      const unit = model.units.find((u) => u.file === shown);
      const failure = model.failures.find((f) => f.file === shown);
      const problems: string[] = [];
      if (r.code !== 0) {
        if (!failure) problems.push(`单独运行失败（退出码${r.code}），汇总中却没有列为未能读取`);
      } else if (!unit) {
        problems.push(`单独运行成功，汇总中却${failure ? `列为未能读取：${failure.reason}` : '没有这个单位'}`);
      } else {
        const a = readFileSync(path.join(single, 'report.json'), 'utf8');
        const b = readFileSync(path.join(out, unit.name, 'report.json'), 'utf8');
        if (a !== b) problems.push('汇总中该单位的 report.json 与单独运行的不同');
        const json = JSON.parse(a) as { total: { budget: number; executed: number } };
        const row = rowOf.get(shown);
        if (!row) problems.push('汇总.xlsx 中没有这一行');
        else {
          if (yuanToFen(Number(row[header.indexOf('全年预算')])) !== yuanToFen(json.total.budget))
            problems.push('汇总.xlsx 的全年预算与单独运行不同');
          if (yuanToFen(Number(row[executedCol])) !== yuanToFen(json.total.executed))
            problems.push('汇总.xlsx 的执行数与单独运行不同');
        }
        for (const c of Object.values(cases)) {
          if (c.file !== file || c.args.length > 0 || !c.expect) continue;
          if (yuanToFen(c.expect.total.budget) !== unit.total.budget) problems.push('全年预算与 cases.json 不符');
          if (yuanToFen(c.expect.total.executed) !== unit.total.executed) problems.push('执行数与 cases.json 不符');
        }
      }
      const status = problems.length > 0 ? '✗' : '✓';
      if (problems.length > 0) failed++;
      const what = unit
        ? `${unit.name}：与单独运行一致`
        : `未能读取（单独运行同样不能）：${failure?.reason.slice(0, 40) ?? ''}`;
      console.log(`${status} ${file}  ${problems.length > 0 ? problems.join('；') : what}`);
    }
    console.log(
      `\n${files.length} 个工作簿：${model.units.length} 个单位进入汇总、${model.failures.length} 个未能读取；${failed === 0 ? '全部一致' : `${failed} 个不一致`}。`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (failed > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
