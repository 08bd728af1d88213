/** Reading the style sheet just far enough to know which cell styles show dates. */
import { isBuiltinDateFormat, isDateFormatCode } from './number-formats';
import { childElements, contentRange, findChild, rootElement } from './xml-elements';
import { localName, parseAttrs } from './xml-text';

/** For each cellXfs index, whether its number format is a date/time format. */
export function dateStyleFlags(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const root = rootElement(xml);
  const r = contentRange(root);
  const children = childElements(xml, r.from, r.to);
  const custom = new Map<number, boolean>();
  const numFmts = findChild(children, 'numFmts');
  if (numFmts) {
    const nr = contentRange(numFmts);
    for (const f of childElements(xml, nr.from, nr.to)) {
      if (localName(f.name) !== 'numFmt') continue;
      const a = parseAttrs(xml, f.start, f.openEnd);
      custom.set(Number(a.get('numFmtId')), isDateFormatCode(a.get('formatCode') ?? ''));
    }
  }
  const xfs = findChild(children, 'cellXfs');
  if (!xfs) return [];
  const xr = contentRange(xfs);
  return childElements(xml, xr.from, xr.to)
    .filter((x) => localName(x.name) === 'xf')
    .map((x) => {
      const id = Number(parseAttrs(xml, x.start, x.openEnd).get('numFmtId') ?? 0);
      return custom.get(id) ?? isBuiltinDateFormat(id);
    });
}
