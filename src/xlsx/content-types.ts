/** [Content_Types].xml: registering and unregistering the parts we add or remove. */
import { appendToElement, childElements, contentRange, rootElement } from './xml-elements';
import { escapeAttr, localName, parseAttrs } from './xml-text';

export const CONTENT_TYPES_PATH = '[Content_Types].xml';
export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
} as const;

/** Removes the Override of each part (package paths, without the leading slash). */
export function removeOverrides(xml: string, parts: readonly string[]): string {
  if (parts.length === 0) return xml;
  const names = new Set(parts.map((p) => `/${p}`.toLowerCase()));
  const root = rootElement(xml);
  const r = contentRange(root);
  const doomed = childElements(xml, r.from, r.to).filter(
    (c) =>
      localName(c.name) === 'Override' &&
      names.has((parseAttrs(xml, c.start, c.openEnd).get('PartName') ?? '').toLowerCase()),
  );
  let out = xml;
  for (const c of doomed.reverse()) out = out.slice(0, c.start) + out.slice(c.end);
  return out;
}

/** Adds (or replaces) the Override of a part. */
export function addOverride(xml: string, part: string, contentType: string): string {
  const cleaned = removeOverrides(xml, [part]);
  const el = `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`;
  return appendToElement(cleaned, rootElement(cleaned), el);
}
