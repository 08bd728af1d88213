/**
 * The workbook the command line writes, read back as the user sees it: the 监控汇总 cells (values
 * and number formats), the chart's series and category ranges, the full width of every highlight
 * and the 监控报告 rows — for the bundled sample and two ledgers built here — against figures typed
 * by hand (tests/oracle/ledgers.ts), which the oracle cross-checks from the raw ledger figures.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/run';
import { SAMPLE_PATH } from '../../scripts/make-sample';
import { DONGSHAN_CASE, type LedgerCase, NANHU_CASE, SAMPLE_CASE, writeDongshan, writeNanhu } from './ledgers';
import { ledgerFigures } from './oracle';
import { chartsOf, columnA, conditionalFormatsOf, loadWorkbook, seenRows } from './seen';
import { expectSummaryRows, expectedSummary } from './summary-sheet';

const CASES: readonly LedgerCase[] = [SAMPLE_CASE, DONGSHAN_CASE, NANHU_CASE];

interface Written {
  readonly bytes: Uint8Array;
  readonly wb: ExcelJS.Workbook;
  readonly messages: readonly string[];
}

let dir: string;
const written = new Map<LedgerCase, Written>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'as-seen-'));
  await writeDongshan(path.join(dir, DONGSHAN_CASE.file));
  await writeNanhu(path.join(dir, NANHU_CASE.file));
  for (const [i, c] of CASES.entries()) {
    const ledger = c.file === '' ? SAMPLE_PATH : path.join(dir, c.file);
    const messages: string[] = [];
    const io = { out: (l: string) => messages.push(l), err: (l: string) => messages.push(l) };
    const r = await runCli([ledger, '--out', path.join(dir, `out${i}`), '--quiet', ...c.argv], io);
    if (r.code !== 0) throw new Error(`${c.title}: exit ${r.code}\n${messages.join('\n')}`);
    const file = r.files.find((f) => f.endsWith('.xlsx'));
    if (!file) throw new Error(`${c.title}: no workbook written`);
    const bytes = new Uint8Array(await readFile(file));
    written.set(c, { bytes, wb: await loadWorkbook(bytes), messages });
  }
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const out = (c: LedgerCase): Written => {
  const w = written.get(c);
  if (!w) throw new Error(`${c.title} was not generated`);
  return w;
};

describe.each(CASES)('$title', (c) => {
  test('the hand-typed figures are the oracle’s (computed from the raw ledger figures)', () => {
    const figures = ledgerFigures(c.raw, c.month, c.rules);
    expectSummaryRows(c.summary.rows, expectedSummary(figures, c.organization, 2024));
  });

  test('监控汇总: every cell’s value and number format', () => {
    expectSummaryRows(seenRows(out(c).wb, '监控汇总'), c.summary);
  });

  test('the chart draws 执行率 and 时间进度 over exactly the rows of its figures', async () => {
    const [first, last] = c.chartRows;
    const col = (letter: string): string => `'监控汇总'!$${letter}$${first}:$${letter}$${last}`;
    const charts = await chartsOf(out(c).bytes, '监控汇总');
    expect(charts.map((ch) => ch.series)).toEqual([
      [
        { name: '执行率', categories: col('A'), values: col('B') },
        { name: '时间进度', categories: col('A'), values: col('C') },
      ],
    ]);
    // The cached points viewers draw before recalculating.
    expect(charts[0]!.cachedCategories).toEqual(c.chartCategories);
    expect(charts[0]!.cachedValues).toEqual([c.chartRates, c.chartRates.map(() => c.timeProgress)]);
    // The ranges hold those figures in the sheet itself.
    const rows = seenRows(out(c).wb, '监控汇总').slice(first - 1, last);
    expect(rows.map((r) => r[0]?.[0])).toEqual(c.chartCategories);
    expect(rows.map((r) => r[1]?.[0])).toEqual(c.chartRates);
    expect(rows.map((r) => r[2]?.[0])).toEqual(c.chartRates.map(() => c.timeProgress));
  });

  test('each flagged line is highlighted across the full width of the ledger, and only those', async () => {
    const cfs = await conditionalFormatsOf(out(c).bytes, c.sheet);
    expect(cfs.map((cf) => cf.sqref)).toEqual(c.highlights);
    for (const cf of cfs) expect(cf).toMatchObject({ formula: 'ISTEXT("绩效监控助手")', fill: 'FFE699' });
  });

  test('监控报告: the rows as they read', () => {
    const rows = columnA(out(c).wb, '监控报告');
    expect(rows[0]).toBe(c.paragraphs[0]);
    for (const p of c.paragraphs) expect(rows).toContain(p);
    const all = rows.join('\n');
    for (const p of c.phrases) expect(all).toContain(p);
    for (const n of c.never) expect(all).not.toContain(n);
    // Headings in the official order, whatever else is between them.
    const h1 = rows.filter((r) => /^[一二三四五六]、/.test(r));
    expect(h1).toEqual([
      '一、主要职能职责',
      '二、机构基本情况',
      '三、预算绩效监控总体情况',
      '四、运行监控分析',
      '五、存在的问题',
      '六、下一步工作措施',
    ]);
    expect(rows[rows.length - 1]).toBe('（本表由绩效监控助手生成，重新生成时会被替换，请勿在此表中录入数据。）');
  });
});
