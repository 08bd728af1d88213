/**
 * Many units at once, on a folder of generated ledgers of mixed shapes (台账, 一体化指标账, 科目余额表,
 * 每月一张表, in a sub-folder too), two units of one organisation, a ledger the product refuses, a
 * corrupt file and an encrypted one. The expected figures are the corpus generator's (computed from its
 * own raw numbers); 汇总.xlsx is read back with exceljs, not with the product's reader.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runBatch, runBatchCli, type BatchResult } from '../../src/cli/batch';
import { buildBulletin, type Bulletin } from '../../src/core/batch/bulletin';
import { type BatchModel } from '../../src/core/batch/types';
import { buildReport } from '../../src/core/pipeline';
import { reportToJson } from '../../src/core/report/to-json';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { CATEGORY_NAMES, rateBp, roundDivHalfAway } from '../corpus/generate';
import { type FolderCase, writeLedgerFolder } from './fixtures';
import { bulletinNumbersOutsideModel } from './bulletin-figures';

let dir: string;
let out: string;
let readable: FolderCase[];
let refused: string[];
let result: BatchResult;
let model: BatchModel;
let bulletin: Bulletin;
const lines: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'jxjk-batch-'));
  const folder = path.join(dir, '各单位台账');
  out = path.join(dir, 'out');
  ({ readable, refused } = await writeLedgerFolder(folder));
  result = await runBatch(
    { inputs: [folder], outDir: out, options: {}, quiet: false },
    { out: (l) => lines.push(l), err: (l) => errors.push(l) },
    { workers: 0 },
  );
  model = result.model!;
  bulletin = buildBulletin(model);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rel = (file: string) => path.join('各单位台账', file);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** 元 as written in a cell (two decimals) to exact 分. */
const fen = (v: unknown): number => Math.round(Number(v) * 100);
/** "516.42" from exact 分, half away from zero — the generator's rounding, not the product's. */
const wanText = (f: number): string => {
  const h = roundDivHalfAway(BigInt(f), 10000n);
  const neg = h < 0n;
  const a = neg ? -h : h;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};
const pctText = (bp: number): string => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

async function sheetRows(name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, '汇总.xlsx'));
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow((row, r) => {
    rows[r - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
}

test('exit code 1 (some ledgers unreadable), one summary line, each unreadable file named on stderr', () => {
  expect(result.code).toBe(1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(
    `共${readable.length + refused.length}个台账：${readable.length}个已生成报告，3个未能读取`,
  );
  expect(lines[0]).toContain('另有1个非表格文件未处理');
  for (const f of refused) expect(errors.some((e) => e.includes(rel(f)))).toBe(true);
});

test('totals equal the sum of the units, to the 分, in the model and in 汇总.xlsx', async () => {
  const expected = {
    budget: sum(readable.map((c) => c.expect.total.budget)),
    executed: sum(readable.map((c) => c.expect.total.executed)),
  };
  expect(model.totals.total.budget).toBe(expected.budget);
  expect(model.totals.total.executed).toBe(expected.executed);
  for (const c of CATEGORY_NAMES) {
    expect(model.totals.categories[c].budget).toBe(sum(readable.map((x) => x.expect.categories[c].budget)));
    expect(model.totals.categories[c].executed).toBe(sum(readable.map((x) => x.expect.categories[c].executed)));
  }
  const rows = await sheetRows('单位汇总');
  const header = rows[2]!;
  const totalRow = rows.find((r) => r?.[1] === '合计')!;
  const unitRows = rows.slice(3).filter((r) => r && r[1] !== '合计');
  expect(unitRows).toHaveLength(readable.length);
  const col = (label: string) => header.indexOf(label);
  expect(fen(totalRow[col('全年预算')])).toBe(expected.budget);
  // Each unit's own row (read by file) and the rows adding up to the 合计 row, column by column.
  for (const label of ['全年预算', ...CATEGORY_NAMES.flatMap((c) => [`${c}预算`, `${c}执行数`])]) {
    expect(sum(unitRows.map((r) => fen(r[col(label)])))).toBe(fen(totalRow[col(label)]));
  }
  const executedCol = header.findIndex((h) => /^1-\d+月执行数$/.test(String(h)));
  expect(fen(totalRow[executedCol])).toBe(expected.executed);
  for (const c of readable) {
    const row = unitRows.find((r) => r[header.length - 1] === rel(c.file))!;
    expect(fen(row[col('全年预算')])).toBe(c.expect.total.budget);
    expect(fen(row[executedCol])).toBe(c.expect.total.executed);
  }
});

test('units are ranked by 执行率, highest first, each rate the generator’s', async () => {
  const rows = (await sheetRows('单位汇总')).slice(3).filter((r) => r && r[1] !== '合计');
  const header = (await sheetRows('单位汇总'))[2]!;
  const rateCol = header.indexOf('执行率');
  const fileCol = header.length - 1;
  const expectedRate = new Map(
    readable.map((c) => [rel(c.file), rateBp(c.expect.total.executed, c.expect.total.budget)]),
  );
  const shown = rows.map((r) => Math.round(Number(r[rateCol]) * 10000));
  expect(shown).toEqual(rows.map((r) => expectedRate.get(String(r[fileCol]))));
  const sorted = [...expectedRate.values()].map(Number).sort((a, b) => b - a);
  expect(shown).toEqual(sorted);
  expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => i + 1));
  expect(model.units.map((u) => u.rank)).toEqual(rows.map((_, i) => i + 1));
});

test('the unreadable files are listed with their reasons, never dropped', async () => {
  const rows = (await sheetRows('未能读取')).slice(1);
  const byFile = new Map(rows.map((r) => [String(r[1]), String(r[3])]));
  expect([...byFile.keys()].sort()).toEqual(refused.map(rel).sort());
  expect(byFile.get(rel('加密台账.xlsx'))).toMatch(/密码/);
  expect(byFile.get(rel('损坏的台账.xlsx'))).toMatch(/不是有效的 \.xlsx 工作簿/);
  // The refused ledger: the product's own message, naming the sheet and row the generator planted.
  expect(byFile.get(rel('rf01.xlsx'))).toMatch(/第\d+行/);
  expect(model.failures.map((f) => f.file).sort()).toEqual(refused.map(rel).sort());
});

test('two units of one organisation get two folders and two rows, told apart by file name', () => {
  const names = model.units.map((u) => u.name);
  expect(new Set(names).size).toBe(names.length);
  const weather = names.filter((n) => n.startsWith('临江县气象局'));
  expect(weather.sort()).toEqual(['临江县气象局（yy02-副本）', '临江县气象局（yy02）']);
  const market = names.filter((n) => n.startsWith('临江县市场监督管理局'));
  expect(market.sort()).toEqual(['临江县市场监督管理局（yt06）', '临江县市场监督管理局（yy01）']);
  for (const n of names) expect(existsSync(path.join(out, n, 'report.json'))).toBe(true);
});

test("each unit's own report is the one-unit run's, figure for figure", async () => {
  for (const c of readable) {
    const u = model.units.find((x) => x.file === rel(c.file))!;
    const bytes = new Uint8Array(readFileSync(path.join(dir, '各单位台账', c.file)));
    const single = buildReport(await readWorkbookGrid(bytes));
    if (!single.ok) throw new Error(single.error.message);
    const batch = JSON.parse(readFileSync(path.join(out, u.name, 'report.json'), 'utf8')) as unknown;
    expect(batch).toEqual(JSON.parse(JSON.stringify(reportToJson(single.value.model))));
  }
});

test('lagging projects: every flagged project of every unit, in an Excel table', async () => {
  const expected = readable.flatMap((c) => c.expect.flagged.map((p) => `${c.file}|${p}`)).length;
  expect(model.totals.laggingCount).toBe(expected);
  const rows = (await sheetRows('滞后项目')).slice(1).filter(Boolean);
  expect(rows).toHaveLength(expected);
  const zip = await JSZip.loadAsync(readFileSync(path.join(out, '汇总.xlsx')));
  const table = await zip.file('xl/tables/table1.xml')!.async('string');
  expect(table).toContain(`ref="A1:I${expected + 1}"`);
  expect(table).toContain('<autoFilter');
  const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
  expect(chart).toContain('<c:v>执行率</c:v>');
  expect(chart).toContain('<c:v>时间进度</c:v>');
  expect(chart).toContain(`<c:ptCount val="${readable.length}"/>`);
});

test('the 通报 prints only the model’s figures, and its labelled totals are the generator’s', () => {
  expect(bulletinNumbersOutsideModel(bulletin, model)).toEqual([]);
  const text = bulletin.blocks.map((b) => (b.lead ?? '') + b.text).join('\n');
  const budget = sum(readable.map((c) => c.expect.total.budget));
  const executed = sum(readable.map((c) => c.expect.total.executed));
  expect(text).toContain(`纳入汇总的${readable.length}个单位全年预算合计${wanText(budget)}万元`);
  expect(text).toContain(`累计支出${wanText(executed)}万元，预算执行率${pctText(rateBp(executed, budget)!)}`);
  expect(text).toContain(`另有${refused.length}个单位的台账未能读取`);
  const d = model.distribution;
  expect(d['达到时间进度'] + d['略低于时间进度'] + d['明显低于时间进度'] + d['无法计算']).toBe(readable.length);
});

test('汇总通报.docx carries the 通报’s words', async () => {
  const zip = await JSZip.loadAsync(readFileSync(path.join(out, '汇总通报.docx')));
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
  const unescape = (s: string) =>
    s
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"');
  const plain = paragraphs.map(unescape);
  for (const b of bulletin.blocks) expect(plain).toContain((b.lead ?? '') + b.text);
});

test('a run split in two (two machines) merges into the same 汇总: the reduce step', async () => {
  const folder = path.join(dir, '各单位台账');
  const half = Math.ceil(readable.length / 2);
  const shard = async (files: string[], name: string) =>
    runBatch(
      { inputs: files.map((f) => path.join(folder, f)), outDir: path.join(dir, name), options: {}, quiet: true },
      { out: () => {}, err: () => {} },
      { workers: 0, unitOutputs: false },
    );
  await shard([...readable.slice(0, half).map((c) => c.file), ...refused], 'shard-a');
  await shard(
    readable.slice(half).map((c) => c.file),
    'shard-b',
  );
  const merged = await runBatchCli(
    [path.join(dir, 'shard-a', '汇总.json'), path.join(dir, 'shard-b', '汇总.json'), '--out', path.join(dir, 'merged')],
    { out: () => {}, err: () => {} },
  );
  expect(merged.code).toBe(1); // the unreadable files of shard a are still listed
  const m = merged.model!;
  expect(m.totals).toEqual(model.totals);
  expect(m.units.map((u) => [u.name, u.total])).toEqual(model.units.map((u) => [u.name, u.total]));
  expect(m.failures.map((f) => f.reason).sort()).toEqual(model.failures.map((f) => f.reason).sort());
  expect(existsSync(path.join(dir, 'merged', '汇总.xlsx'))).toBe(true);
});

test('--sichuan: each unit judged on 公用 + 项目 against the month’s 预警线, warned units counted', async () => {
  const folder = path.join(dir, '各单位台账');
  const r = await runBatch(
    { inputs: [folder], outDir: path.join(dir, 'sichuan'), options: { rule: 'sichuan' }, quiet: true },
    { out: () => {}, err: () => {} },
    { workers: 0, unitOutputs: false },
  );
  const m = r.model!;
  // The 2025 四川 measure, from the generator's figures: personnel out of scope.
  const line = (month: number) =>
    month >= 10 ? 8000 : month >= 8 ? 6000 : month >= 6 ? 4000 : month >= 4 ? 2500 : null;
  const warned = readable.filter((c) => {
    const l = line(c.expect.month);
    if (l === null) return false;
    const cat = c.expect.categories;
    const rate = rateBp(
      cat['公用支出'].executed + cat['项目支出'].executed,
      cat['公用支出'].budget + cat['项目支出'].budget,
    );
    const projectBelow = Object.values(c.expect.items).some((it) => {
      if (it.category !== '项目支出' || it.budget <= 0) return false;
      return it.executed === 0 || rateBp(it.executed, it.budget)! < l;
    });
    return (rate !== null && rate < l) || projectBelow;
  }).length;
  expect(m.sichuanWarned).toBe(warned);
  expect(m.units.every((u) => u.sichuan !== null)).toBe(true);
  const text = buildBulletin(m)
    .blocks.map((b) => b.text)
    .join('\n');
  expect(text).toContain(`${warned}个单位触发预警`);
  const header = await (async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'sichuan', '汇总.xlsx'));
    return (wb.getWorksheet('单位汇总')!.getRow(3).values as unknown[]).slice(1);
  })();
  expect(header).toContain('四川预警');
});
