/**
 * Appending the plan's named styles (and the highlight fill) to styles.xml. Existing entries are
 * never reordered or changed, so every index the user's cells use stays valid; identical entries
 * from a previous run are reused so repeated runs do not grow the file.
 */
import { type CellStyleName } from '../core/plan/types';
import { STYLES, type CellLook } from '../core/plan/styles';
import { BUILTIN_FORMAT_IDS } from './number-formats';
import {
  appendToElement,
  childElements,
  contentRange,
  findChild,
  prefixOf,
  rootElement,
  schemaInsertIndex,
  setAttr,
  withPrefix,
  type ElementSpan,
} from './xml-elements';
import { escapeAttr, localName, parseAttrs } from './xml-text';

const STYLESHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

/** The smallest valid style sheet, for packages that come without one. */
export const MINIMAL_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** '#C00000' -> 'FFC00000' (ARGB, as styles.xml wants). */
export function argb(color: string): string {
  return `FF${color.replace(/^#/, '').toUpperCase()}`;
}

function rootChildren(xml: string): { root: ElementSpan; children: ElementSpan[] } {
  const root = rootElement(xml);
  const r = contentRange(root);
  return { root, children: childElements(xml, r.from, r.to) };
}

/**
 * Adds `items` (unprefixed XML of the collection's children) to the collection `local`, creating
 * it in schema order when missing. Returns the new XML and each item's index in the collection.
 */
function addToCollection(xml: string, local: string, items: readonly string[]): { xml: string; indexes: number[] } {
  const { root, children } = rootChildren(xml);
  const p = prefixOf(root.name);
  let coll = findChild(children, local);
  if (!coll) {
    const at = schemaInsertIndex(children, STYLESHEET_ORDER, local, contentRange(root).to);
    xml = `${xml.slice(0, at)}${withPrefix(`<${local} count="0"></${local}>`, p)}${xml.slice(at)}`;
    coll = findChild(rootChildren(xml).children, local) as ElementSpan;
  }
  const cr = contentRange(coll);
  const existing = childElements(xml, cr.from, cr.to).map((c) => xml.slice(c.start, c.end));
  const added: string[] = [];
  const indexes = items.map((item) => {
    const text = withPrefix(item, p);
    const old = existing.indexOf(text);
    if (old >= 0) return old;
    const mine = added.indexOf(text);
    if (mine >= 0) return existing.length + mine;
    added.push(text);
    return existing.length + added.length - 1;
  });
  if (added.length > 0) xml = appendToElement(xml, coll, added.join(''));
  coll = findChild(rootChildren(xml).children, local) as ElementSpan;
  xml = setAttr(xml, coll, 'count', String(existing.length + added.length));
  return { xml, indexes };
}

interface BaseFont {
  readonly size: string;
  readonly name: string;
}

function baseFont(xml: string): BaseFont {
  const fonts = findChild(rootChildren(xml).children, 'fonts');
  const first = fonts ? childElements(xml, contentRange(fonts).from, contentRange(fonts).to)[0] : undefined;
  const text = first ? xml.slice(first.start, first.end) : '';
  const size = /<(?:\w+:)?sz\s+val="([^"]+)"/.exec(text)?.[1] ?? '11';
  const name = /<(?:\w+:)?name\s+val="([^"]+)"/.exec(text)?.[1] ?? '宋体';
  return { size, name };
}

function fontXml(look: CellLook, base: BaseFont): string {
  const name = look.font ?? base.name;
  const size = look.size !== undefined ? String(look.size) : base.size;
  const color = look.color ? `<color rgb="${argb(look.color)}"/>` : '';
  // Charset 134 (GB2312) tells Excel the face is a Chinese one, so it is not substituted.
  const cjk = /[^\x20-\x7e]/.test(name) ? '<charset val="134"/>' : '';
  return `<font>${look.bold ? '<b/>' : ''}<sz val="${size}"/>${color}<name val="${escapeAttr(name)}"/>${cjk}</font>`;
}

function fillXml(color: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(color)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

const THIN = ['left', 'right', 'top', 'bottom'].map((s) => `<${s} style="thin"><color indexed="64"/></${s}>`).join('');
const BORDER_THIN = `<border>${THIN}<diagonal/></border>`;
const BORDER_NONE = '<border><left/><right/><top/><bottom/><diagonal/></border>';

function customFormats(xml: string): Map<string, number> {
  const out = new Map<string, number>();
  const coll = findChild(rootChildren(xml).children, 'numFmts');
  if (!coll) return out;
  const r = contentRange(coll);
  for (const f of childElements(xml, r.from, r.to)) {
    if (localName(f.name) !== 'numFmt') continue;
    const a = parseAttrs(xml, f.start, f.openEnd);
    out.set(a.get('formatCode') ?? '', Number(a.get('numFmtId')));
  }
  return out;
}

export interface AppendedStyles {
  readonly xml: string;
  /** cellXfs index for each named style. */
  readonly xfIds: ReadonlyMap<CellStyleName, number>;
}

/** Appends what the named styles need and returns their cellXfs indexes. */
export function appendCellStyles(stylesXml: string, names: readonly CellStyleName[]): AppendedStyles {
  let xml = stylesXml;
  const unique = [...new Set(names)];
  const looks = unique.map((n) => STYLES[n]);

  // Number formats: built-ins by id, then custom codes (reused when already present).
  const custom = customFormats(xml);
  let nextId = Math.max(163, ...custom.values()) + 1;
  const newFormats: string[] = [];
  const fmtIds = looks.map((look) => {
    const code = look.numberFormat ?? 'General';
    const builtin = BUILTIN_FORMAT_IDS[code];
    if (builtin !== undefined) return builtin;
    const known = custom.get(code);
    if (known !== undefined) return known;
    const id = nextId++;
    custom.set(code, id);
    newFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  });
  if (newFormats.length > 0) xml = addToCollection(xml, 'numFmts', newFormats).xml;

  const base = baseFont(xml);
  const fonts = addToCollection(
    xml,
    'fonts',
    looks.map((l) => fontXml(l, base)),
  );
  xml = fonts.xml;
  const withFill = looks.filter((l) => l.fill);
  const fills = addToCollection(
    xml,
    'fills',
    withFill.map((l) => fillXml(l.fill as string)),
  );
  xml = fills.xml;
  const borders = addToCollection(xml, 'borders', [BORDER_NONE, BORDER_THIN]);
  xml = borders.xml;

  const xfs = looks.map((look, i) => {
    const fillIdx = look.fill ? (fills.indexes[withFill.indexOf(look)] as number) : 0;
    const borderIdx = borders.indexes[look.border ? 1 : 0] as number;
    const horizontal = look.align ?? (look.indent ? 'left' : undefined);
    const align =
      (horizontal ? ` horizontal="${horizontal}"` : '') +
      ' vertical="center"' +
      (look.wrap ? ' wrapText="1"' : '') +
      (look.indent ? ` indent="${look.indent}"` : '');
    return (
      `<xf numFmtId="${fmtIds[i]}" fontId="${fonts.indexes[i]}" fillId="${fillIdx}" borderId="${borderIdx}" xfId="0"` +
      ' applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">' +
      `<alignment${align}/></xf>`
    );
  });
  const cellXfs = addToCollection(xml, 'cellXfs', xfs);
  xml = cellXfs.xml;
  const xfIds = new Map<CellStyleName, number>();
  unique.forEach((n, i) => xfIds.set(n, cellXfs.indexes[i] as number));
  return { xml, xfIds };
}

/** Appends (or reuses) the differential format that fills a highlighted row. */
export function appendFillDxf(stylesXml: string, color: string): { xml: string; dxfId: number } {
  const c = argb(color);
  // Excel reads a dxf's solid fill from bgColor, other readers from fgColor: give both.
  const dxf = `<dxf><fill><patternFill patternType="solid"><fgColor rgb="${c}"/><bgColor rgb="${c}"/></patternFill></fill></dxf>`;
  const r = addToCollection(stylesXml, 'dxfs', [dxf]);
  return { xml: r.xml, dxfId: r.indexes[0] as number };
}
