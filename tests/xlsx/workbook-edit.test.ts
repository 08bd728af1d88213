import { removeSheetEntry, addSheetEntry } from '../../src/xlsx/workbook-edit';
import { updateAppTitles } from '../../src/xlsx/app-props';
import { addHighlights, removeMarkedHighlights } from '../../src/xlsx/highlight-xml';

const WB =
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<bookViews><workbookView activeTab="2"/></bookViews><sheets>' +
  '<sheet name="预算" sheetId="1" r:id="rId1"/><sheet name="监控汇总" sheetId="2" r:id="rId2"/><sheet name="明细" sheetId="3" r:id="rId3"/>' +
  '</sheets><definedNames>' +
  '<definedName name="_xlnm.Print_Titles" localSheetId="1">\'监控汇总\'!$4:$4</definedName>' +
  '<definedName name="_xlnm.Print_Area" localSheetId="2">明细!$A$1:$E$9</definedName>' +
  '<definedName name="合计">监控汇总!$B$8</definedName>' +
  '<definedName name="预算合计">预算!$B$2</definedName>' +
  '</definedNames></workbook>';

describe('workbook.xml edits', () => {
  it('removes a sheet, the names that point at it, and renumbers the rest', () => {
    const out = removeSheetEntry(WB, 1);
    expect(out).not.toContain('监控汇总');
    expect(out).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">明细!$A$1:$E$9</definedName>');
    expect(out).toContain('<definedName name="预算合计">预算!$B$2</definedName>');
    expect(out).toContain('<workbookView activeTab="1"/>');
    const added = addSheetEntry(out, '监控汇总', 4, 'rId9');
    expect(added).toContain(
      '<sheet name="明细" sheetId="3" r:id="rId3"/><sheet name="监控汇总" sheetId="4" r:id="rId9"/></sheets>',
    );
  });

  it('drops app.xml title lists it cannot keep consistent', () => {
    const app =
      '<Properties xmlns:vt="v"><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Hojas</vt:lpstr></vt:variant>' +
      '<vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr">' +
      '<vt:lpstr>A</vt:lpstr></vt:vector></TitlesOfParts><Company/></Properties>';
    expect(updateAppTitles(app, ['A', 'B'])).toBe('<Properties xmlns:vt="v"><Company/></Properties>');
  });
});

describe('highlight XML', () => {
  const sheet = (tail: string) =>
    `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"/></x:sheetData>${tail}</x:worksheet>`;

  it('inserts before the first element the schema puts later, with the file prefix', () => {
    const xml = sheet(
      '<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells><x:hyperlinks/><x:pageMargins/>',
    );
    const out = addHighlights(xml, [{ row: 4, firstCol: 0, lastCol: 10 }], 3);
    expect(out).toContain(
      '</x:mergeCells><x:conditionalFormatting sqref="A5:K5"><x:cfRule type="expression" dxfId="3" priority="1">' +
        '<x:formula>ISTEXT("绩效监控助手")</x:formula></x:cfRule></x:conditionalFormatting><x:hyperlinks/>',
    );
    expect(removeMarkedHighlights(out)).toBe(xml);
  });

  it('removes only marked rules, keeping a user rule in the same block', () => {
    const user = '<cfRule type="expression" dxfId="0" priority="1"><formula>A1&gt;0</formula></cfRule>';
    const marked =
      '<cfRule type="expression" dxfId="1" priority="2"><formula>ISTEXT(&quot;绩效监控助手&quot;)</formula></cfRule>';
    const xml = `<worksheet><sheetData/><conditionalFormatting sqref="A1">${user}${marked}</conditionalFormatting><pageMargins/></worksheet>`;
    expect(removeMarkedHighlights(xml)).toBe(
      `<worksheet><sheetData/><conditionalFormatting sqref="A1">${user}</conditionalFormatting><pageMargins/></worksheet>`,
    );
    expect(addHighlights(xml, [{ row: 0, firstCol: 0, lastCol: 0 }], 1)).toContain('priority="3"');
  });
});
