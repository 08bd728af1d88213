/**
 * Benchmark of the .xlsx adapter: generates a ledger workbook (a 100,000-row journal and a small
 * budget sheet), then times readWorkbookGrid and applyPlanToXlsx.
 *
 *   npx tsx bench/xlsx-bench.ts [rows]
 *
 * Timing and memory are measured in a fresh child process so the generator's own allocations do
 * not hide the adapter's peak RSS.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { applyPlanToXlsx } from '../src/xlsx/apply-plan';
import { readWorkbookGrid } from '../src/xlsx/read-grid';
import { type PlannedCell, type WritePlan } from '../src/core/plan/types';

export interface JournalOptions {
  /** Journal rows below the header (default 100,000). */
  readonly rows?: number;
  /** Adds a sixth column 经济分类 (economic classification code). */
  readonly economicCode?: boolean;
}

export const JOURNAL_SHEET = '明细账';
export const BUDGET_SHEET = '预算表';
const PROJECTS = ['人员经费', '日常公用经费', '维权帮扶项目经费', '省级财政工会专项资金', '职工活动经费'];
const SUMMARIES = [
  '报销差旅费',
  '支付办公用品',
  '发放工资',
  '缴纳社会保险',
  '购买慰问品',
  '支付水电费',
  '印刷费',
  '会议费',
];
const CODES = ['30101', '30201', '30211', '30108', '30299'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function col(n: number): string {
  return String.fromCharCode(65 + n);
}

/**
 * A ledger workbook as Excel writes it: shared strings, dates as serials with a date style, a
 * frozen header. Deterministic, so runs are comparable.
 */
export async function makeJournalXlsx(options: JournalOptions = {}): Promise<Uint8Array> {
  const rows = options.rows ?? 100_000;
  const header = ['日期', '凭证号', '摘要', '项目名称', '金额', ...(options.economicCode ? ['经济分类'] : [])];
  const sst: string[] = [];
  const sstIndex = new Map<string, number>();
  const s = (text: string) => {
    let i = sstIndex.get(text);
    if (i === undefined) {
      i = sst.length;
      sst.push(text);
      sstIndex.set(text, i);
    }
    return i;
  };
  const str = (ref: string, text: string) => `<c r="${ref}" t="s"><v>${s(text)}</v></c>`;

  const parts: string[] = [];
  parts.push(`<row r="1">${header.map((h, i) => str(`${col(i)}1`, h)).join('')}</row>`);
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const jan1 = 45292; // 2024-01-01
  for (let r = 0; r < rows; r++) {
    const n = r + 2;
    const day = jan1 + Math.floor((r / rows) * 243); // January to August
    const amount = Math.round(rand() * 5_000_000) / 100;
    const project = PROJECTS[r % PROJECTS.length] as string;
    parts.push(
      `<row r="${n}"><c r="A${n}" s="1"><v>${day}</v></c>${str(`B${n}`, `记-${String(r + 1).padStart(6, '0')}`)}` +
        `${str(`C${n}`, SUMMARIES[r % SUMMARIES.length] as string)}${str(`D${n}`, project)}` +
        `<c r="E${n}" s="2"><v>${amount}</v></c>` +
        (options.economicCode ? `<c r="F${n}"><v>${CODES[r % CODES.length]}</v></c>` : '') +
        '</row>',
    );
  }
  const lastCol = col(header.length - 1);
  const journal =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1:${lastCol}${rows + 1}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="13.5"/><sheetData>${parts.join('')}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

  const budgetRows = [
    ['项目名称', '年初预算', '年中调整', '全年预算'],
    ...PROJECTS.map((p, i) => [p, 100000 * (i + 1), 5000 * i, 100000 * (i + 1) + 5000 * i]),
  ];
  const budget =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    budgetRows
      .map(
        (row, r) =>
          `<row r="${r + 1}">${row
            .map((v, c) =>
              typeof v === 'number'
                ? `<c r="${col(c)}${r + 1}" s="2"><v>${v}</v></c>`
                : str(`${col(c)}${r + 1}`, v as string),
            )
            .join('')}</row>`,
      )
      .join('') +
    '</sheetData></worksheet>';

  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><bookViews><workbookView activeTab="1"/></bookViews>' +
      `<sheets><sheet name="${BUDGET_SHEET}" sheetId="1" r:id="rId1"/><sheet name="${JOURNAL_SHEET}" sheetId="2" r:id="rId2"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  zip.file(
    'xl/styles.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  );
  zip.file('xl/worksheets/sheet1.xml', budget);
  zip.file('xl/worksheets/sheet2.xml', journal);
  zip.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sst.length}" uniqueCount="${sst.length}">` +
      sst.map((t) => `<si><t>${esc(t)}</t></si>`).join('') +
      '</sst>',
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A plan like the real one: a summary sheet with a chart, a report sheet, and `highlights` ledger rows. */
export function benchPlan(highlights = 2_000): WritePlan {
  const c = (value: string | number | null, style: PlannedCell['style']): PlannedCell => ({ value, style });
  const rows: PlannedCell[][] = [
    [c('预算执行监控汇总', 'title')],
    [c('单位：万元', 'subtitle')],
    [],
    [c('项目', 'header'), c('全年预算', 'header'), c('执行数', 'header'), c('执行率', 'header'), c('偏差', 'header')],
    ...PROJECTS.map((p, i) => [
      c(p, 'text'),
      c(10 * (i + 1), 'wan'),
      c(6 * (i + 1), 'wan'),
      c(0.6, 'percent'),
      c(-6.67, 'points'),
    ]),
  ];
  return {
    sheets: [
      {
        name: '监控汇总',
        rows,
        merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
        columnWidths: [24, 12, 12, 10, 10],
        freezeRows: 4,
        charts: [
          {
            title: '执行率',
            categories: { col: 0, firstRow: 4, lastRow: 4 + PROJECTS.length - 1 },
            series: [{ name: '执行率', col: 3 }],
            anchor: { row: 4, col: 6, rows: 15, cols: 7 },
          },
        ],
        orientation: 'landscape',
      },
      {
        name: '监控报告',
        rows: [[c('一、主要职能职责', 'heading1')], [c('正文。'.repeat(100), 'paragraph')]],
        merges: [],
        columnWidths: [90],
        freezeRows: 0,
        charts: [],
        orientation: 'portrait',
      },
    ],
    highlights: Array.from({ length: highlights }, (_, i) => ({
      sheet: JOURNAL_SHEET,
      row: 1 + i * 37,
      firstCol: 0,
      lastCol: 4,
      reason: '滞后',
    })),
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Reads and writes the file once and prints time and memory. Run it in a fresh process. */
export async function measure(bytes: Uint8Array): Promise<{ readMs: number; writeMs: number; peakRss: number }> {
  const base = process.memoryUsage().rss;
  let t = performance.now();
  const grid = await readWorkbookGrid(bytes);
  const readMs = performance.now() - t;
  const afterRead = process.resourceUsage().maxRSS * 1024;
  const cells = grid.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
  console.log(`read   ${readMs.toFixed(0)} ms  ${cells} cells  peak RSS ${mb(afterRead)} (start ${mb(base)})`);
  t = performance.now();
  const out = await applyPlanToXlsx(bytes, benchPlan());
  const writeMs = performance.now() - t;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(`apply  ${writeMs.toFixed(0)} ms  ${mb(out.length)} out  peak RSS ${mb(peakRss)}`);
  return { readMs, writeMs, peakRss };
}

async function main(): Promise<void> {
  const [, , first, second] = process.argv;
  if (first === '--measure' && second) {
    await measure(new Uint8Array(readFileSync(second)));
    return;
  }
  const rows = first ? Number(first) : 100_000;
  for (const economicCode of [false, true]) {
    const t = performance.now();
    const bytes = await makeJournalXlsx({ rows, economicCode });
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-bench-'));
    const file = join(dir, 'journal.xlsx');
    writeFileSync(file, bytes);
    console.log(
      `\n${rows} rows × ${economicCode ? 6 : 5} columns: generated ${mb(bytes.length)} in ${(performance.now() - t).toFixed(0)} ms`,
    );
    execFileSync(process.execPath, [...process.execArgv, process.argv[1] as string, '--measure', file], {
      stdio: 'inherit',
    });
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run only as a script, not when the main bench imports the generator.
if (process.argv[1] && /xlsx-bench\.ts$/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
