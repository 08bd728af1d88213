/** Reading the workbook part: the sheet list (in tab order) and workbook-wide settings. */
import { childElements, contentRange, findChild, rootElement, type ElementSpan } from './xml-elements';
import { localName, parseAttrs } from './xml-text';

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** The `<sheet>` element within workbook.xml. */
  readonly span: ElementSpan;
}

export interface WorkbookInfo {
  readonly sheets: SheetEntry[];
  /** Serial dates count from 1904-01-01 (old Mac workbooks). */
  readonly date1904: boolean;
}

export function parseWorkbook(xml: string): WorkbookInfo {
  const root = rootElement(xml);
  const { from, to } = contentRange(root);
  const children = childElements(xml, from, to);
  const sheetsEl = findChild(children, 'sheets');
  const sheets: SheetEntry[] = [];
  if (sheetsEl) {
    const r = contentRange(sheetsEl);
    for (const s of childElements(xml, r.from, r.to)) {
      if (localName(s.name) !== 'sheet') continue;
      const a = parseAttrs(xml, s.start, s.openEnd);
      let relId = '';
      // The relationship attribute is r:id, but the prefix is whatever the file bound it to.
      for (const [k, v] of a) if (k.endsWith(':id')) relId = v;
      sheets.push({ name: a.get('name') ?? '', sheetId: Number(a.get('sheetId') ?? 0), relId, span: s });
    }
  }
  const pr = findChild(children, 'workbookPr');
  const flag = pr ? parseAttrs(xml, pr.start, pr.openEnd).get('date1904') : undefined;
  return { sheets, date1904: flag === '1' || flag === 'true' };
}
