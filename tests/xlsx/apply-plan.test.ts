import { applyPlanToXlsx } from '../../src/xlsx/apply-plan';
import { clearHighlightsXlsx } from '../../src/xlsx/clear-highlights';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { HIGHLIGHT_MARKER } from '../../src/core/constants';
import { loadExcel, partBytes, partNames, partText } from './helpers';
import { plan, report, summary, userWorkbook } from './plan-fixture';

/** Our blocks, exactly as written: removing them must give the user's sheet back. */
const MARKED_BLOCK =
  /<conditionalFormatting sqref="[^"]*"><cfRule type="expression" dxfId="\d+" priority="\d+"><formula>ISTEXT\("绩效监控助手"\)<\/formula><\/cfRule><\/conditionalFormatting>/g;

describe('applyPlanToXlsx', () => {
  let input: Uint8Array;
  let output: Uint8Array;
  beforeAll(async () => {
    input = await userWorkbook();
    output = await applyPlanToXlsx(input, plan);
  });

  it('adds the plan sheets after the user sheets, readable by exceljs', async () => {
    const wb = await loadExcel(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['预算', '明细', '监控汇总', '监控报告']);
    const ws = wb.getWorksheet('监控汇总')!;
    expect(ws.getCell('A1').value).toBe(summary.rows[0]![0]!.value);
    expect(ws.getCell('B5').value).toBe(406.14);
    expect(ws.getCell('D5').value).toBeCloseTo(0.7071);
    expect(ws.getCell('A7').value).toBe("维权'帮扶");
    expect(ws.getCell('D5').numFmt).toBe('0.00%');
    expect(ws.getCell('B5').numFmt).toBe('#,##0.00');
    expect(ws.getCell('E5').numFmt).toBe('+0.00;-0.00;0.00');
    expect(ws.getCell('A4').font.bold).toBe(true);
    expect(ws.getCell('A4').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getCell('A4').border.top).toMatchObject({ style: 'thin' });
    expect(ws.getCell('A1').font.size).toBe(16);
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('A9').font.color).toMatchObject({ argb: 'FFC00000' });
    expect(ws.model.merges).toEqual(['A1:E1']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.getColumn(1).width).toBe(24);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    const rep = wb.getWorksheet('监控报告')!;
    expect(rep.getCell('A1').font.name).toBe('黑体');
    expect(rep.getCell('A3').value).toBe('（一）年度预算安排情况');
    // exceljs does not decode _xHHHH_ escapes; our own reader round-trips them (see below).
    expect(rep.pageSetup.orientation).toBe('portrait');
  });

  it('writes strings that look like formulas as text', async () => {
    const wb = await loadExcel(output);
    const ws = wb.getWorksheet('监控汇总')!;
    for (const [ref, text] of [
      ['A9', '=SUM(A1:A3)'],
      ['B9', '+86 028'],
      ['C9', '-5'],
      ['D9', '@home'],
    ] as const) {
      expect(ws.getCell(ref).formula).toBeUndefined();
      expect(ws.getCell(ref).value).toBe(text);
    }
    const xml = (await partText(output, 'xl/worksheets/sheet3.xml'))!;
    expect(xml).not.toContain('<f>');
    expect(xml).toContain('<c r="A9" s="');
  });

  it('reads back through readWorkbookGrid', async () => {
    const grid = await readWorkbookGrid(output);
    const s = grid.sheets.find((x) => x.name === '监控汇总')!;
    expect(s.rows[8]).toEqual(['=SUM(A1:A3)', '+86 028', '-5', '@home']);
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
    expect(grid.sheets.find((x) => x.name === '监控报告')!.rows[3]).toEqual([report.rows[3]![0]!.value]);
    expect(grid.sheets[1]!.rows[1]![0]).toEqual(new Date(Date.UTC(2024, 0, 5)));
  });

  it('leaves the user sheets byte-identical apart from the marked conditional formats', async () => {
    expect(await partBytes(output, 'xl/worksheets/sheet1.xml')).toEqual(
      await partBytes(input, 'xl/worksheets/sheet1.xml'),
    );
    expect(await partBytes(output, 'xl/sharedStrings.xml')).toEqual(await partBytes(input, 'xl/sharedStrings.xml'));
    const before = (await partText(input, 'xl/worksheets/sheet2.xml'))!;
    const after = (await partText(output, 'xl/worksheets/sheet2.xml'))!;
    expect(after.match(MARKED_BLOCK)).toHaveLength(2);
    expect(after).toContain('sqref="A3:E3"');
    expect(after).toContain('sqref="A5:E5"');
    expect(after.replace(MARKED_BLOCK, '')).toBe(before);
    // Schema order: after the user's own conditional format, before dataValidations.
    const ours = after.indexOf(HIGHLIGHT_MARKER);
    expect(ours).toBeGreaterThan(after.indexOf('<conditionalFormatting sqref="E2:E7"'));
    expect(ours).toBeLessThan(after.indexOf('<dataValidations'));
    // Priorities follow the user's own.
    expect(after).toMatch(/priority="2"><formula>ISTEXT/);
    const styles = (await partText(output, 'xl/styles.xml'))!;
    expect(styles).toMatch(/<dxf><fill><patternFill patternType="solid"><fgColor rgb="FFFFE699"\/>/);
  });

  it('registers the parts in the workbook, rels, content types and app.xml', async () => {
    const wbXml = (await partText(output, 'xl/workbook.xml'))!;
    expect(wbXml.match(/<sheet /g)).toHaveLength(4);
    const rels = (await partText(output, 'xl/_rels/workbook.xml.rels'))!;
    expect(rels).toContain('Target="worksheets/sheet3.xml"');
    expect(rels).toContain('Target="worksheets/sheet4.xml"');
    const ct = (await partText(output, '[Content_Types].xml'))!;
    expect(ct).toContain('PartName="/xl/worksheets/sheet3.xml"');
    expect(ct).toContain('PartName="/xl/charts/chart1.xml"');
    expect(ct).toContain('PartName="/xl/drawings/drawing1.xml"');
    const app = await partText(output, 'docProps/app.xml');
    if (app) {
      expect(app).toContain('<vt:lpstr>监控汇总</vt:lpstr>');
      expect(app).toMatch(/<vt:i4>4<\/vt:i4>/);
    }
  });

  it('adds a native column chart with the reference series as one line, both referencing the summary ranges', async () => {
    const names = await partNames(output);
    expect(names).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml']));
    const sheetRels = (await partText(output, 'xl/worksheets/_rels/sheet3.xml.rels'))!;
    expect(sheetRels).toContain('Target="../drawings/drawing1.xml"');
    expect(await partText(output, 'xl/worksheets/sheet3.xml')).toContain('<drawing r:id="rId1"/>');
    expect(await partText(output, 'xl/drawings/_rels/drawing1.xml.rels')).toContain('Target="../charts/chart1.xml"');
    const chart = (await partText(output, 'xl/charts/chart1.xml'))!;
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    // 执行率 as columns; the second series a line over the same axes, not a column per category.
    const bars = chart.slice(chart.indexOf('<c:barChart>'), chart.indexOf('</c:barChart>'));
    const line = chart.slice(chart.indexOf('<c:lineChart>'), chart.indexOf('</c:lineChart>'));
    expect(bars).toContain('<c:v>执行率</c:v>');
    expect(bars).not.toContain('<c:v>时间进度</c:v>');
    expect(line).toContain('<c:v>时间进度</c:v>');
    expect(line).toContain("<c:f>'监控汇总'!$E$5:$E$7</c:f>");
    expect(line).toContain('<c:axId val="500000001"/><c:axId val="500000002"/>');
    expect(chart).toContain("<c:f>'监控汇总'!$A$5:$A$7</c:f>");
    expect(chart).toContain("<c:f>'监控汇总'!$D$5:$D$7</c:f>");
    expect(chart).toContain('<c:v>0.6455</c:v>');
  });

  it('replaces its sheets and highlights on a second run instead of duplicating them', async () => {
    const twice = await applyPlanToXlsx(output, plan);
    const wb = await loadExcel(twice);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['预算', '明细', '监控汇总', '监控报告']);
    const journal = (await partText(twice, 'xl/worksheets/sheet2.xml'))!;
    expect(journal.match(MARKED_BLOCK)).toHaveLength(2);
    const names = await partNames(twice);
    expect(names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(4);
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(1);
    const wbXml = (await partText(twice, 'xl/workbook.xml'))!;
    expect(wbXml.match(/监控汇总/g)).toHaveLength(1);
    // The user's print area (a defined name on 明细) survives.
    expect(wbXml).toContain('_xlnm.Print_Area');
    // Styles are reused, not appended again.
    expect(await partText(twice, 'xl/styles.xml')).toBe(await partText(output, 'xl/styles.xml'));
    const ct = (await partText(twice, '[Content_Types].xml'))!;
    expect(ct.match(/worksheet\+xml/g)).toHaveLength(4);
  });

  it('clearHighlightsXlsx restores the user sheet exactly and leaves everything else', async () => {
    const cleared = await clearHighlightsXlsx(output);
    expect(await partText(cleared, 'xl/worksheets/sheet2.xml')).toBe(await partText(input, 'xl/worksheets/sheet2.xml'));
    const wb = await loadExcel(cleared);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['预算', '明细', '监控汇总', '监控报告']);
    // Nothing to clear: the very same bytes come back.
    expect(await clearHighlightsXlsx(input)).toBe(input);
  });

  it('applies a plan without highlights or charts and removes old marks', async () => {
    const bare = await applyPlanToXlsx(output, { sheets: [report], highlights: [] });
    expect(await partText(bare, 'xl/worksheets/sheet2.xml')).toBe(await partText(input, 'xl/worksheets/sheet2.xml'));
    const wb = await loadExcel(bare);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['预算', '明细', '监控汇总', '监控报告']);
  });
});
