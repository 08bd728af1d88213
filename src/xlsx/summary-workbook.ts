/**
 * 汇总.xlsx from the BatchModel's sheets: an empty package carried through the same plan writer as
 * a unit's 监控汇总 (so the look, the number formats and the native chart are the same), then the
 * 滞后项目 sheet made an Excel table (sortable, filterable) by adding a table part.
 */
import JSZip from 'jszip';
import { columnLetter } from '../core/grid/types';
import { LAGGING_HEADER, SUMMARY_SHEETS, summaryPlan } from '../core/batch/summary-plan';
import { type BatchModel } from '../core/batch/types';
import { applyPlanToXlsx, WorkbookEditor } from './apply-plan';
import { addOverride } from './content-types';
import { MAIN_NS, REL_ATTR_NS } from './sheet-xml';
import { escapeAttr } from './xml-text';
import { parseRels, relativeTarget, relsPathOf, relsXml, freshRelId } from './zip-parts';

const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TABLE_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

/** A workbook with no sheet yet: the plan writer adds all three. */
async function emptyWorkbook(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${OFFICE_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_ATTR_NS}">` +
      '<bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"></Relationships>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

/** The table part over A1:{last}{rows}, with its autofilter, in Excel's medium blue style. */
function tableXml(id: number, name: string, header: readonly string[], rows: number): string {
  const ref = `A1:${columnLetter(header.length - 1)}${rows}`;
  const cols = header.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(h)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${header.length}">${cols}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

/** Makes the 滞后项目 sheet's range an Excel table (nothing to do when no project lags). */
async function addLaggingTable(bytes: Uint8Array, projects: number): Promise<Uint8Array> {
  if (projects === 0) return bytes;
  const ed = await WorkbookEditor.open(bytes);
  const sheet = ed.worksheets().find((s) => s.name === SUMMARY_SHEETS.lagging);
  if (!sheet) return bytes;
  const tablePath = ed.pkg.freshPath('xl/tables', 'table', 'xml');
  ed.pkg.setText(tablePath, tableXml(1, '滞后项目表', LAGGING_HEADER, projects + 1));
  ed.contentTypes = addOverride(ed.contentTypes, tablePath, TABLE_CONTENT_TYPE);
  const relsPath = relsPathOf(sheet.path);
  const rels = parseRels(await ed.pkg.text(relsPath));
  const id = freshRelId(rels);
  rels.push({ id, type: `${OFFICE_REL}/table`, target: relativeTarget(sheet.path, tablePath), external: false });
  ed.pkg.setText(relsPath, relsXml(rels));
  const xml = await ed.pkg.requireText(sheet.path);
  // tableParts comes after drawing and pageSetup: last before </worksheet>.
  ed.pkg.setText(
    sheet.path,
    xml.replace('</worksheet>', `<tableParts count="1"><tablePart r:id="${id}"/></tableParts></worksheet>`),
  );
  return ed.save();
}

/** 汇总.xlsx: 单位汇总 (with the chart), 滞后项目 (an Excel table), 未能读取. */
export async function buildSummaryWorkbook(model: BatchModel): Promise<Uint8Array> {
  const written = await applyPlanToXlsx(await emptyWorkbook(), { sheets: summaryPlan(model), highlights: [] });
  return addLaggingTable(written, model.lagging.length);
}
