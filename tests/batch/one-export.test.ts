/**
 * One 一体化 指标账 export covering several units (a 预算单位 column): split by unit into the same
 * 汇总, instead of every unit being summed into one report. Expected figures from the raw rows here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { isBatchCommand, runBatch } from '../../src/cli/batch';
import { splitByUnitColumn } from '../../src/core/batch/split-units';
import { planCorpus, writeCase } from '../corpus/generate';

/** 单位, 指标来源, 项目类别, 项目名称, 指标金额 (分), 已支付 (分). */
type Row = [string, string, string, string, number, number];
const ROWS: Row[] = [
  ['临江县水利局', '年初预算', '人员类', '基本工资', 120_000_00, 80_000_00],
  ['临江县水利局', '年初预算', '公用经费', '办公费', 10_000_00, 6_000_00],
  ['临江县教育局', '年初预算', '人员类', '基本工资', 900_000_00, 600_000_00],
  ['临江县水利局', '年初预算', '特定目标类', '防汛物资储备', 200_000_00, 0],
  ['临江县教育局', '年中追加', '特定目标类', '校舍维修', 300_000_00, 30_000_00],
  ['[101003]临江县林业局', '年初预算', '人员类', '基本工资', 50_000_00, 33_000_00],
  ['临江县教育局', '年初预算', '公用经费', '办公费', 40_000_00, 30_000_00],
  ['[101003]临江县林业局', '年初预算', '特定目标类', '森林防火', 80_000_00, 60_000_00],
];
const yuan = (fen: number) => (fen / 100).toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ',');

async function exportBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标执行情况');
  ws.addRow(['指标执行情况查询']);
  ws.addRow(['截止日期：2024-08-31']);
  ws.addRow(['序号', '预算单位', '指标来源', '项目类别', '项目名称', '指标金额', '已支付金额']);
  ROWS.forEach((r, i) => ws.addRow([i + 1, r[0], r[1], r[2], r[3], yuan(r[4]), yuan(r[5])]));
  const sum = (k: 4 | 5) => ROWS.reduce((s, r) => s + r[k], 0);
  // The export's 合计, written in the unit column as some exports do: it belongs to no unit.
  ws.addRow([null, '合计', null, null, null, yuan(sum(4)), yuan(sum(5))]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jxjk-one-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the export is split into its three units, with the file’s own row numbers', async () => {
  const { readWorkbookGrid } = await import('../../src/xlsx/read-grid');
  const parts = splitByUnitColumn(await readWorkbookGrid(await exportBytes()))!;
  expect(parts.map((p) => [p.unit, p.rows])).toEqual([
    ['临江县水利局', 3],
    ['临江县教育局', 3],
    ['临江县林业局', 2],
  ]);
  // 临江县林业局's rows stay where they are in the file (rows 9 and 11); the others are emptied.
  const rows = parts[2]!.workbook.sheets[0]!.rows;
  expect(rows[8]![1]).toBe('[101003]临江县林业局');
  expect(rows[10]![1]).toBe('[101003]临江县林业局');
  expect(rows[3]).toEqual([]);
  expect(rows[11]).toEqual([]); // the export's 合计 belongs to no unit
});

test('one export given alone is a batch: one row per unit, totals the sum of its rows', async () => {
  const file = path.join(dir, '一体化指标账导出.xlsx');
  writeFileSync(file, await exportBytes());
  expect(await isBatchCommand([file, '--out', path.join(dir, 'x')])).toBe(true);
  const r = await runBatch(
    { inputs: [file], outDir: path.join(dir, 'out'), options: {}, quiet: true },
    { out: () => {}, err: () => {} },
    { workers: 0 },
  );
  expect(r.code).toBe(0);
  const m = r.model!;
  const byUnit = (u: string, k: 4 | 5) => ROWS.filter((x) => x[0] === u).reduce((s, x) => s + x[k], 0);
  // The unit's name without the 一体化 unit code it is written with.
  for (const u of ['临江县水利局', '临江县教育局', '[101003]临江县林业局']) {
    const unit = m.units.find((x) => x.name === u.replace('[101003]', ''))!;
    expect([unit.total.budget, unit.total.executed]).toEqual([byUnit(u, 4), byUnit(u, 5)]);
    expect(unit.month).toBe(8);
  }
  expect(m.totals.total.budget).toBe(ROWS.reduce((s, x) => s + x[4], 0));
  // 防汛物资储备 has nothing spent: 临江县水利局's lagging project, and only its.
  expect(m.lagging.map((p) => [p.unit, p.name])).toEqual(expect.arrayContaining([['临江县水利局', '防汛物资储备']]));
  expect(m.lagging.every((p) => ROWS.some((x) => x[0].endsWith(p.unit) && x[3] === p.name))).toBe(true);
});

test('an ordinary ledger, and an export of one unit, stay one-unit runs', async () => {
  const one = path.join(dir, 'tz01.xlsx');
  writeFileSync(one, (await writeCase(planCorpus().find((p) => p.id === 'tz01')!)).buffer);
  expect(await isBatchCommand([one])).toBe(false);
  // The corpus's 一体化 exports have a 预算单位 column with one unit in it.
  const yt = path.join(dir, 'yt01.xlsx');
  writeFileSync(yt, (await writeCase(planCorpus().find((p) => p.id === 'yt01')!)).buffer);
  expect(await isBatchCommand([yt])).toBe(false);
});

test('a payments sheet without a 预算单位 column is no unit’s: the units are listed with why, not given all payments', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标');
  ws.addRow(['指标执行情况查询（截止日期：2024-08-31）']);
  ws.addRow(['序号', '预算单位', '指标来源', '项目类别', '项目名称', '指标金额']);
  ws.addRow([1, '临江县水利局', '年初预算', '特定目标类', '防汛物资储备', '200,000.00']);
  ws.addRow([2, '临江县教育局', '年初预算', '特定目标类', '校舍维修', '300,000.00']);
  const pay = wb.addWorksheet('支付明细');
  pay.addRow(['支付日期', '项目名称', '摘要', '支付金额']);
  pay.addRow(['2024-03-05', '防汛物资储备', '采购', '50,000.00']);
  pay.addRow(['2024-05-10', '校舍维修', '工程款', '80,000.00']);
  const file = path.join(dir, '指标加支付.xlsx');
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const r = await runBatch(
    { inputs: [file], outDir: path.join(dir, 'out-pay'), options: { month: 8, year: 2024 }, quiet: true },
    { out: () => {}, err: () => {} },
    { workers: 0, unitOutputs: false },
  );
  const m = r.model!;
  expect(m.units).toEqual([]);
  expect(m.failures.map((f) => [f.name, f.reason])).toEqual([
    ['临江县水利局', expect.stringContaining('工作表“支付明细”没有预算单位列')],
    ['临江县教育局', expect.stringContaining('工作表“支付明细”没有预算单位列')],
  ]);
});

test('the command line opens one file once and turns to the 汇总 only when it holds several units', async () => {
  const { runCli } = await import('../../src/cli/run');
  const io = (asBatch: jest.Mock) => ({ out: () => undefined, err: () => undefined, runAsBatch: asBatch });
  const file = path.join(dir, '一体化指标账导出-一次.xlsx');
  writeFileSync(file, await exportBytes());
  // The file is not inspected before it is opened…
  expect(await isBatchCommand([file], { inspectFile: false })).toBe(false);
  // …and once opened, an export of three units runs as the 汇总.
  const several = jest.fn(async () => ({ code: 0, files: [] }));
  await runCli([file, '--out', path.join(dir, 'once')], io(several));
  expect(several).toHaveBeenCalledTimes(1);
  // An export of one unit is a one-unit report, as before.
  const yt = path.join(dir, 'yt01-once.xlsx');
  writeFileSync(yt, (await writeCase(planCorpus().find((p) => p.id === 'yt01')!)).buffer);
  const one = jest.fn(async () => ({ code: 0, files: [] }));
  const r = await runCli([yt, '--out', path.join(dir, 'once-yt')], io(one));
  expect(one).not.toHaveBeenCalled();
  expect(r.code).toBe(0);
});
