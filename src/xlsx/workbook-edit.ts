/** Editing workbook.xml: adding and removing sheets and the defined names that belong to them. */
import { parseWorkbook } from './workbook-xml';
import { REL_ATTR_NS } from './sheet-xml';
import {
  appendToElement,
  childElements,
  contentRange,
  findChild,
  prefixOf,
  rootElement,
  setAttr,
  withPrefix,
} from './xml-elements';
import { decodeEntities, escapeAttr, parseAttrs } from './xml-text';

function children(xml: string) {
  const r = contentRange(rootElement(xml));
  return childElements(xml, r.from, r.to);
}

/** True when a defined name's formula refers to the sheet (quoted or not). */
function mentionsSheet(formula: string, sheet: string): boolean {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  if (formula.includes(quoted)) return true;
  return new RegExp(`(^|[^\\w.'\\u0080-\\uffff])${sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}!`).test(formula);
}

/**
 * Removes the sheet at `index` (tab order) from <sheets>, drops defined names scoped to it or
 * pointing at it, renumbers the other sheet-scoped names, and keeps the active tab in range.
 */
export function removeSheetEntry(xml: string, index: number): string {
  const wb = parseWorkbook(xml);
  const entry = wb.sheets[index];
  if (!entry) return xml;
  let out = xml.slice(0, entry.span.start) + xml.slice(entry.span.end);

  const names = findChild(children(out), 'definedNames');
  if (names) {
    const r = contentRange(names);
    const defs = childElements(out, r.from, r.to);
    let kept = 0;
    for (const d of [...defs].reverse()) {
      const a = parseAttrs(out, d.start, d.openEnd);
      const local = a.get('localSheetId');
      const formula = decodeEntities(out.slice(d.openEnd + 1, d.end - (d.name.length + 3)));
      if ((local !== undefined && Number(local) === index) || mentionsSheet(formula, entry.name)) {
        out = out.slice(0, d.start) + out.slice(d.end);
        continue;
      }
      kept++;
      if (local !== undefined && Number(local) > index) {
        out = setAttr(out, d, 'localSheetId', String(Number(local) - 1));
      }
    }
    if (kept === 0) {
      const again = findChild(children(out), 'definedNames');
      if (again) out = out.slice(0, again.start) + out.slice(again.end);
    }
  }

  const remaining = wb.sheets.length - 1;
  const views = findChild(children(out), 'bookViews');
  if (views) {
    const vr = contentRange(views);
    for (const v of childElements(out, vr.from, vr.to).reverse()) {
      const a = parseAttrs(out, v.start, v.openEnd);
      for (const attr of ['activeTab', 'firstSheet']) {
        const n = a.get(attr);
        if (n !== undefined && Number(n) >= remaining) out = setAttr(out, v, attr, String(Math.max(0, remaining - 1)));
        else if (n !== undefined && Number(n) > index) out = setAttr(out, v, attr, String(Number(n) - 1));
      }
    }
  }
  return out;
}

/** Appends a sheet to <sheets>. */
export function addSheetEntry(xml: string, name: string, sheetId: number, relId: string): string {
  const root = rootElement(xml);
  const p = prefixOf(root.name);
  const sheets = findChild(children(xml), 'sheets');
  if (!sheets) throw new Error('workbook.xml has no <sheets>');
  // Use the file's own prefix for the relationships namespace when it has one.
  const relPrefix = /\sxmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
    xml.slice(root.start, root.openEnd),
  )?.[1];
  const relAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `r:id="${relId}" xmlns:r="${REL_ATTR_NS}"`;
  const el = withPrefix(`<sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${relAttr}/>`, p);
  return appendToElement(xml, sheets, el);
}

export function nextSheetId(xml: string): number {
  return Math.max(0, ...parseWorkbook(xml).sheets.map((s) => s.sheetId)) + 1;
}
