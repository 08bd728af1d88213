/**
 * Finding and inserting elements in XML text without parsing it into a tree, so every byte we do not
 * mean to change is kept as it was.
 */
import { findTagEnd, localName } from './xml-text';

export interface ElementSpan {
  /** Qualified name as written (may carry a prefix). */
  readonly name: string;
  /** Index of the opening `<`. */
  readonly start: number;
  /** Index of the `>` of the opening tag. */
  readonly openEnd: number;
  /** Index just past the element (past `/>` or the closing tag). */
  readonly end: number;
  readonly selfClosing: boolean;
}

function skipSpecial(xml: string, lt: number): number {
  if (xml.startsWith('<!--', lt)) return xml.indexOf('-->', lt) + 3;
  if (xml.startsWith('<![CDATA[', lt)) return xml.indexOf(']]>', lt) + 3;
  return xml.indexOf('>', lt) + 1; // <?pi?> and <!DOCTYPE>
}

/** Top-level elements in xml[from, to). */
export function childElements(xml: string, from: number, to: number): ElementSpan[] {
  const out: ElementSpan[] = [];
  let depth = 0;
  let start = -1;
  let openEnd = -1;
  let name = '';
  let i = from;
  while (i < to) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */ || c === 63 /* ? */) {
      i = skipSpecial(xml, lt);
      continue;
    }
    const gt = findTagEnd(xml, lt);
    if (gt < 0) break;
    if (c === 47 /* / */) {
      depth--;
      if (depth === 0) out.push({ name, start, openEnd, end: gt + 1, selfClosing: false });
    } else {
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      if (depth === 0) {
        start = lt;
        openEnd = gt;
        name = tagName(xml, lt);
        if (selfClosing) out.push({ name, start, openEnd, end: gt + 1, selfClosing: true });
      }
      if (!selfClosing) depth++;
    }
    i = gt + 1;
  }
  return out;
}

/** The qualified name of the tag starting at `lt`. */
export function tagName(xml: string, lt: number): string {
  let j = lt + 1;
  while (j < xml.length) {
    const c = xml.charCodeAt(j);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
    j++;
  }
  return xml.slice(lt + 1, j);
}

/**
 * The document (root) element, found without walking its content: sheets can be tens of
 * megabytes, so this looks at the first tag and the last closing tag only.
 */
export function rootElement(xml: string): ElementSpan {
  const lt = rootStart(xml);
  const gt = findTagEnd(xml, lt);
  const name = tagName(xml, lt);
  if (xml.charCodeAt(gt - 1) === 47) return { name, start: lt, openEnd: gt, end: gt + 1, selfClosing: true };
  const close = xml.lastIndexOf(`</${name}`);
  if (close < gt) throw new Error(`XML part is truncated: no closing tag for <${name}>`);
  return { name, start: lt, openEnd: gt, end: xml.indexOf('>', close) + 1, selfClosing: false };
}

/** Where the root element's opening tag starts (past the XML declaration, comments, DOCTYPE). */
function rootStart(xml: string): number {
  let lt = xml.indexOf('<');
  while (lt >= 0) {
    const c = xml.charCodeAt(lt + 1);
    if (c !== 33 && c !== 63) break;
    lt = xml.indexOf('<', skipSpecial(xml, lt));
  }
  if (lt < 0) throw new Error('XML part has no root element');
  return lt;
}

/**
 * The root element's qualified name, from the start of the document only (a part still being read).
 * @example rootName('<?xml version="1.0"?><x:worksheet xmlns:x="…"><x:sheetData>') === 'x:worksheet'
 */
export function rootName(xml: string): string {
  return tagName(xml, rootStart(xml));
}

/** The namespace prefix of an element name ('' for the default namespace). */
export function prefixOf(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? '' : qname.slice(0, colon);
}

/** Puts `prefix:` on every tag of a snippet written without prefixes. */
export function withPrefix(snippet: string, prefix: string): string {
  return prefix ? snippet.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}:$2`) : snippet;
}

/** Index range of an element's content (between its tags); empty at openEnd for self-closing. */
export function contentRange(span: ElementSpan): { from: number; to: number } {
  if (span.selfClosing) return { from: span.openEnd, to: span.openEnd };
  // Closing tags are written `</name>`; the content ends where that begins.
  return { from: span.openEnd + 1, to: span.end - (span.name.length + 3) };
}

export function findChild(children: readonly ElementSpan[], local: string): ElementSpan | undefined {
  return children.find((c) => localName(c.name) === local);
}

/**
 * Where a new child named `local` goes among `children` so the parent keeps its schema's sequence:
 * before the first child that the schema puts after it, else at `fallback` (the parent's end).
 */
export function schemaInsertIndex(
  children: readonly ElementSpan[],
  order: readonly string[],
  local: string,
  fallback: number,
): number {
  const rank = order.indexOf(local);
  let afterSame = -1;
  for (const child of children) {
    const r = order.indexOf(localName(child.name));
    if (r > rank) return child.start;
    if (r === rank) afterSame = child.end;
  }
  return afterSame >= 0 ? afterSame : fallback;
}

/** Replaces a self-closing element `<x .../>` by `<x ...>content</x>` or appends to its content. */
export function appendToElement(xml: string, span: ElementSpan, content: string): string {
  if (span.selfClosing) {
    const slash = xml.lastIndexOf('/', span.openEnd);
    return `${xml.slice(0, slash)}>${content}</${span.name}>${xml.slice(span.end)}`;
  }
  const at = contentRange(span).to;
  return xml.slice(0, at) + content + xml.slice(at);
}

/** Sets (or adds) an attribute on the opening tag of `span`. */
export function setAttr(xml: string, span: ElementSpan, name: string, value: string): string {
  const head = xml.slice(span.start, span.openEnd + 1);
  const re = new RegExp(`(\\s${name.replace(/[:]/g, '\\:')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const next = re.test(head) ? head.replace(re, `$1"${value}"`) : head.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
  return xml.slice(0, span.start) + next + xml.slice(span.openEnd + 1);
}
