import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { applyPlanToXlsx } from '../../src/xlsx/apply-plan';
import { buildReport } from '../../src/core/pipeline';
import { SAMPLE_PATH } from '../../scripts/make-sample';

/** The sample workbook plus a user's chart sheet named 监控汇总 (a chartsheet part, no cells). */
async function withUserChartSheet(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await readFile(SAMPLE_PATH));
  zip.file(
    'xl/chartsheets/sheet1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
  );
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdUserChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    ),
  );
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  zip.file(
    'xl/workbook.xml',
    wb.replace('</sheets>', '<sheet name="监控汇总" sheetId="99" r:id="rIdUserChart"/></sheets>'),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
    ),
  );
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

describe('a user’s chart sheet that happens to be called 监控汇总', () => {
  test('reaches the core, which refuses to write over it', async () => {
    const bytes = await withUserChartSheet();
    const grid = await readWorkbookGrid(bytes);
    expect(grid.sheets.find((s) => s.name === '监控汇总')?.rows).toEqual([]);
    const r = buildReport(grid);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('“监控汇总”');
  });

  test('the writer itself never removes a sheet that is not a worksheet', async () => {
    const bytes = await withUserChartSheet();
    const clean = buildReport(await readWorkbookGrid(await readFile(SAMPLE_PATH).then((b) => new Uint8Array(b))));
    if (!clean.ok) throw clean.error;
    await expect(applyPlanToXlsx(bytes, clean.value.plan)).rejects.toThrow('不是绩效监控助手生成的工作表');
  });
});
