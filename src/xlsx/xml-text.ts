/**
 * Small, allocation-light helpers for reading and writing XML text by hand. The package is patched
 * as strings (not a DOM) so untouched bytes stay untouched and big sheets stay fast.
 */

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function decodeEntity(_m: string, body: string): string {
  switch (body) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default: {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return String.fromCodePoint(code);
    }
  }
}

/** Decodes XML entities; the common case (no '&') costs one indexOf. */
export function decodeEntities(s: string): string {
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY, decodeEntity);
}

/**
 * Decodes the text of a spreadsheet string: XML entities, then OOXML's `_xHHHH_` escapes that Excel
 * uses for control characters (`_x005F_` is a literal underscore before an escape-like run).
 */
export function decodeCellText(s: string): string {
  const t = decodeEntities(s);
  return t.indexOf('_x') < 0 ? t : t.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// Characters XML 1.0 cannot carry at all; OOXML writes them as _xHHHH_.
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text content of an element. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (always written in double quotes). */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** Escapes a cell string so it round-trips exactly, including control characters and `_x..._` look-alikes. */
export function escapeCellText(s: string): string {
  const guarded = s.indexOf('_x') < 0 ? s : s.replace(OOXML_ESCAPE, (m) => `_x005F${m}`);
  const safe = guarded.replace(
    XML_FORBIDDEN,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
  return escapeText(safe);
}

/** Index of the `>` closing the tag that starts at `lt`, skipping quoted attribute values. */
export function findTagEnd(xml: string, lt: number): number {
  let i = lt + 1;
  const n = xml.length;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (c === 62 /* > */) return i;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const close = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
      continue;
    }
    i++;
  }
  return -1;
}

/** Attributes of the tag spanning [lt, gt]; names keep their prefix (`r:id`). Values are decoded. */
export function parseAttrs(xml: string, lt: number, gt: number): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s=/<>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const head = xml.slice(lt, gt);
  // Skip the element name so it is never read as an attribute.
  const nameEnd = head.search(/[\s/>]/);
  re.lastIndex = nameEnd < 0 ? head.length : nameEnd;
  let m: RegExpExecArray | null;
  while ((m = re.exec(head)) !== null) {
    attrs.set(m[1] as string, decodeEntities(m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

/** The local name of an element or attribute, without its namespace prefix. */
export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}
