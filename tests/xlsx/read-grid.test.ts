import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { isDateFormatCode } from '../../src/xlsx/number-formats';
import { serialToDate } from '../../src/xlsx/serial-date';
import { cellAt } from '../../src/core/grid/types';
import { scanWorksheet } from '../../src/xlsx/sheet-scanner';
import { largeSharedStrings, millionRowUsedRange, partNames, partText, patchPart, workbookBytes } from './helpers';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { SAMPLE_PATH } from '../../scripts/make-sample';
import { buildReport } from '../../src/core/pipeline';
import { HIGHLIGHT_MARKER } from '../../src/core/constants';
import { applyPlanToXlsx } from '../../src/xlsx/apply-plan';

describe('readWorkbookGrid', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('预算表');
      ws.mergeCells('A1:E1');
      ws.getCell('A1').value = '2024年部门预算';
      ws.addRow(['项目', '年初预算', '执行数', '日期', '备注']);
      ws.addRow(['维权帮扶', 20000, 5000.5, new Date(Date.UTC(2024, 7, 31)), true]);
      ws.addRow(['专项资金', 511600, { formula: 'B4*2', result: 1023200 }, new Date(Date.UTC(2024, 0, 2, 12)), false]);
      ws.addRow([
        { richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] },
        { error: '#N/A' },
        { formula: 'A3&"x"', result: '维权帮扶x' },
        45536,
        '=不是公式',
      ]);
      ws.getCell('D3').numFmt = 'yyyy-mm-dd';
      ws.getCell('D4').numFmt = 'yyyy"年"m"月"d"日" hh:mm';
      ws.getCell('D5').numFmt = '#,##0.00';
      ws.getCell('B3').numFmt = '0.00%';
      ws.addRow(['隐藏行', 1, 2, 3, '项目']);
      ws.getRow(6).hidden = true;
      ws.mergeCells('B7:C8');
      ws.getCell('B7').value = '合并';
      wb.addWorksheet('空表');
      const third = wb.addWorksheet('第三');
      third.getCell('C2').value = 3.25;
    });
  });

  it('reads every worksheet in order with values of each kind', async () => {
    const grid = await readWorkbookGrid(bytes);
    expect(grid.sheets.map((s) => s.name)).toEqual(['预算表', '空表', '第三']);
    const s = grid.sheets[0]!;
    expect(cellAt(s, 0, 0)).toBe('2024年部门预算');
    expect(s.rows[1]).toEqual(['项目', '年初预算', '执行数', '日期', '备注']);
    expect(s.rows[2]).toEqual(['维权帮扶', 20000, 5000.5, new Date(Date.UTC(2024, 7, 31)), true]);
    expect(s.rows[3]).toEqual(['专项资金', 511600, 1023200, new Date(Date.UTC(2024, 0, 2, 12)), false]);
    expect(s.rows[4]).toEqual(['富文本', { error: '#N/A' }, '维权帮扶x', 45536, '=不是公式']);
    expect(s.hiddenRows).toEqual([5]);
    expect(s.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 6, left: 1, bottom: 7, right: 2 },
    ]);
    expect(cellAt(s, 6, 1)).toBe('合并');
    expect(grid.sheets[1]!.rows).toEqual([]);
    expect(grid.sheets[2]!.rows).toEqual([[], [null, null, 3.25]]);
    expect(grid.date1904).toBe(false);
  });

  it('reads inline strings, phonetic runs, escapes and the 1904 date system', async () => {
    let patched = await patchPart(bytes, 'xl/worksheets/sheet3.xml', (xml) =>
      xml.replace(
        /<sheetData>[\s\S]*<\/sheetData>/,
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a&amp;b_x000D_ </t></is></c>' +
          '<c r="B1" t="inlineStr"><is><r><t>经</t></r><r><rPr><b/></rPr><t>费</t></r><rPh sb="0" eb="1"><t>jing</t></rPh></is></c>' +
          '<c r="C1" s="1"><v>1</v></c><c r="D1" t="str"><f>1</f><v>&lt;x&gt;</v></c><c r="E1"><f>NA()</f></c></row></sheetData>',
      ),
    );
    patched = await patchPart(patched, 'xl/workbook.xml', (xml) =>
      xml.replace(/<workbookPr[^>]*\/>/, '<workbookPr date1904="1"/>'),
    );
    patched = await patchPart(patched, 'xl/styles.xml', (xml) =>
      xml.replace(/(<cellXfs[^>]*>)<xf [^>]*?(\/>|>[\s\S]*?<\/xf>)<xf [^>]*?(\/>|>[\s\S]*?<\/xf>)/, (m) => {
        // Make style 1 the built-in date format 14.
        const second = m.lastIndexOf('<xf ');
        return m.slice(0, second) + m.slice(second).replace(/numFmtId="\d+"/, 'numFmtId="14"');
      }),
    );
    const grid = await readWorkbookGrid(patched);
    expect(grid.date1904).toBe(true);
    expect(grid.sheets[2]!.rows[0]).toEqual([' a&b\r ', '经费', new Date(Date.UTC(1904, 0, 2)), '<x>']);
  });

  it('reads a used range of 1,000,000 rows (formatting filled down) as its 50 rows of data', async () => {
    // How fast: `npm run bench` (bench/read-bench.ts), not here.
    const rows = (await readWorkbookGrid(await millionRowUsedRange())).sheets[0]!.rows;
    expect(rows).toHaveLength(50);
    expect(rows[49]).toEqual(['凭证49', 490]);
  });

  it('reads a 100,000-string shared table with 200,000 empty <row> elements after the data', async () => {
    const n = 100_000;
    const rows = (await readWorkbookGrid(await largeSharedStrings(n))).sheets[0]!.rows;
    expect(rows).toHaveLength(n);
    expect(rows[n - 1]).toEqual([`记-${n - 1}`]);
  });
});

describe('hidden columns', () => {
  const ctx = { sharedStrings: [], dateStyles: [], date1904: false };

  it('reads the columns hidden with exceljs, outline groups included, as zero-based indexes', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('预算表');
      ws.addRow(['项目', '上年预算', '年初预算', '辅助列', '辅助列2', '明细', '执行数', '备注']);
      ws.addRow(['维权帮扶', 18000, 20000, 1, 2, 3, 5000]);
      ws.getColumn(2).hidden = true; // last year's figures
      ws.getColumn(3).width = 18; // a width alone hides nothing
      ws.getColumn(4).hidden = true;
      ws.getColumn(5).hidden = true;
      ws.getColumn(4).width = 30;
      ws.getColumn(6).outlineLevel = 1; // a collapsed outline group
      ws.getColumn(6).hidden = true;
      ws.getColumn(12).hidden = true; // past the last value: cannot matter
      const plain = wb.addWorksheet('无隐藏');
      plain.addRow(['a', 'b']);
      plain.getColumn(1).width = 40;
    });
    const grid = await readWorkbookGrid(bytes);
    expect(grid.sheets[0]!.hiddenColumns).toEqual([1, 3, 4, 5]);
    expect(grid.sheets[0]!.rows[1]).toEqual(['维权帮扶', 18000, 20000, 1, 2, 3, 5000]);
    expect(grid.sheets[1]!.hiddenColumns).toEqual([]);
  });

  it('reads prefixed elements, "true", single quotes and ranges running to the last column', () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:sheetFormatPr defaultRowHeight="15"/><x:cols>' +
      "<x:col min='1' max='1' hidden='0' width='9'/>" +
      '<x:col min="2" max="3" hidden="true"/>' +
      '<x:col min = "5" max = "16384" width="9" hidden = "1" customWidth="1"></x:col>' +
      '</x:cols><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="F1"><x:v>6</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    expect(scanWorksheet(xml, ctx).hiddenColumns).toEqual([1, 2, 4, 5]);
    // The same without a prefix: <cols> is not <col>, and a <col> inside cell text is not read.
    const plain = xml
      .replace(/<(\/?)x:/g, '<$1')
      .replace(
        '<v>6</v>',
        '<v>6</v></c><c r="G1" t="inlineStr"><is><t>&lt;col min="7" max="7" hidden="1"/&gt;</t></is>',
      );
    expect(scanWorksheet(plain, ctx).hiddenColumns).toEqual([1, 2, 4, 5, 6]);
  });

  it('finds no hidden columns in a sheet without <cols>, or with an empty one', () => {
    const sheet = (cols: string) =>
      `<worksheet>${cols}<sheetData><row r="1"><c r="C1"><v>1</v></c></row></sheetData></worksheet>`;
    expect(scanWorksheet(sheet(''), ctx).hiddenColumns).toEqual([]);
    expect(scanWorksheet(sheet('<cols/>'), ctx).hiddenColumns).toEqual([]);
    expect(scanWorksheet(sheet('<cols></cols>'), ctx).hiddenColumns).toEqual([]);
    expect(
      scanWorksheet('<worksheet><cols><col min="1" max="3" hidden="1"/></cols></worksheet>', ctx).hiddenColumns,
    ).toEqual([]);
  });
});

describe('date format detection', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"d"日"', true],
    ['[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', true],
    ['h:mm AM/PM', true],
    ['#,##0.00', false],
    ['0.00%', false],
    ['[Red]#,##0;[Blue]-#,##0', false],
    ['#,##0"元"', false],
    ['0.00"天"_);(0.00)', false],
    ['General', false],
    ['[h]:mm', true],
  ])('%s -> %s', (code, isDate) => {
    // '[h]:mm' still has ':mm' outside brackets, so it counts as a time.
    expect(isDateFormatCode(code)).toBe(isDate);
  });

  it('converts serials across the 1900 leap-year bug', () => {
    expect(serialToDate(1, false).toISOString()).toBe('1900-01-01T00:00:00.000Z');
    expect(serialToDate(61, false).toISOString()).toBe('1900-03-01T00:00:00.000Z');
    expect(serialToDate(45536.5, false).toISOString()).toBe('2024-09-01T12:00:00.000Z');
    expect(serialToDate(0, true).toISOString()).toBe('1904-01-01T00:00:00.000Z');
  });
});

describe('part names as Office compares them (OPC): without regard to case, percent-escapes decoded', () => {
  const sampleBytes = new Uint8Array(readFileSync(SAMPLE_PATH));
  async function renamed(from: string, to: string): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(sampleBytes);
    const data = await zip.file(from)!.async('uint8array');
    zip.remove(from);
    zip.file(to, data);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  test.each([
    ['another case', 'xl/worksheets/Sheet1.xml'],
    ['a space the rels write as %20', 'xl/worksheets/sheet 1.xml'],
  ])('a sheet stored under %s reads as it did, and the result writes it back under its own name', async (_what, to) => {
    let bytes = await renamed('xl/worksheets/sheet1.xml', to);
    if (to.includes(' '))
      bytes = await patchPart(bytes, 'xl/_rels/workbook.xml.rels', (x) => x.replace('sheet1.xml', 'sheet%201.xml'));
    const grid = await readWorkbookGrid(bytes);
    expect(grid).toEqual(await readWorkbookGrid(sampleBytes));
    const plan = buildReport(grid);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.plan.highlights.some((h) => h.sheet === grid.sheets[0]!.name)).toBe(true);
    const out = await applyPlanToXlsx(bytes, plan.value.plan);
    const names = (await partNames(out)).map((n) => n.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(await partText(out, to)).toContain(HIGHLIGHT_MARKER);
  });
});

test('a cell past the last column (XFD) or a row past 1,048,576 is damage, refused instead of read', () => {
  const ctx = { sharedStrings: [], dateStyles: [], date1904: false };
  const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
  // The last cell Excel has reads as it is.
  const last = scanWorksheet(sheet('<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>'), ctx);
  expect(last.rows.length).toBe(1_048_576);
  expect(last.rows[1_048_575]![16_383]).toBe(7);
  for (const bad of [
    '<row r="1"><c r="XFE1"><v>1</v></c></row>',
    '<row r="1048577"><c r="A1048577"><v>1</v></c></row>',
    '<row r="169220804"><c><v>1</v></c></row>',
    '<row r="2.5"><c><v>1</v></c></row>',
  ]) {
    expect(() => scanWorksheet(sheet(bad), ctx)).toThrow('Worksheet XML damaged');
  }
});
