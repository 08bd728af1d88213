/**
 * Highlights on the user's sheets, as marked conditional formats. Only the part of the sheet XML
 * after <sheetData> is ever looked at or changed, so the user's cells stay byte-for-byte the same
 * and a 100,000-row ledger is not re-parsed.
 */
import { HIGHLIGHT_FORMULA, HIGHLIGHT_MARKER } from '../core/constants';
import { cellAddress } from '../core/grid/types';
import { childElements, contentRange, prefixOf, rootElement, schemaInsertIndex, withPrefix } from './xml-elements';
import { escapeText, localName } from './xml-text';

/** CT_Worksheet's child sequence: a new element must go where the schema puts it. */
export const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

export interface HighlightRange {
  readonly row: number;
  readonly firstCol: number;
  readonly lastCol: number;
}

/** The formula text as it appears inside <formula> (no leading '='). */
const FORMULA = HIGHLIGHT_FORMULA.replace(/^=/, '');

/** The region after sheetData: [from, to) of the root's content, and the root's prefix. */
function tail(xml: string): { from: number; to: number; prefix: string } {
  const root = rootElement(xml);
  const prefix = prefixOf(root.name);
  const pre = prefix ? `${prefix}:` : '';
  const { from: rootFrom, to } = contentRange(root);
  // Searching backwards finds the end of sheetData in a few kilobytes, not across every row.
  const close = xml.lastIndexOf(`</${pre}sheetData>`, to);
  let from: number;
  if (close >= 0) from = close + pre.length + 12;
  else {
    const empty = xml.lastIndexOf(`<${pre}sheetData`, to);
    from = empty >= 0 ? xml.indexOf('>', empty) + 1 : rootFrom;
  }
  return { from, to, prefix };
}

function isMarked(text: string): boolean {
  return text.includes(HIGHLIGHT_MARKER);
}

/**
 * Removes the cfRules that carry the marker (and their conditionalFormatting when nothing else is
 * left in it). Returns the same string when there is nothing to remove.
 */
export function removeMarkedHighlights(xml: string): string {
  if (!xml.includes(HIGHLIGHT_MARKER)) return xml;
  const t = tail(xml);
  const blocks = childElements(xml, t.from, t.to).filter(
    (c) => localName(c.name) === 'conditionalFormatting' && isMarked(xml.slice(c.start, c.end)),
  );
  let out = xml;
  for (const block of blocks.reverse()) {
    const r = contentRange(block);
    const rules = childElements(xml, r.from, r.to);
    const kept = rules.filter((rule) => !isMarked(xml.slice(rule.start, rule.end)));
    const replacement =
      kept.length === 0
        ? ''
        : xml.slice(block.start, r.from) +
          kept.map((k) => xml.slice(k.start, k.end)).join('') +
          xml.slice(r.to, block.end);
    out = out.slice(0, block.start) + replacement + out.slice(block.end);
  }
  return out;
}

/** Adds one marked conditional format per range, with fresh priorities after the sheet's own. */
export function addHighlights(xml: string, ranges: readonly HighlightRange[], dxfId: number): string {
  if (ranges.length === 0) return xml;
  const t = tail(xml);
  const region = xml.slice(t.from, t.to);
  let priority = 0;
  for (const m of region.matchAll(/\bpriority\s*=\s*["'](\d+)["']/g)) priority = Math.max(priority, Number(m[1]));
  const blocks = ranges.map((h) => {
    const sqref = `${cellAddress(h.row, h.firstCol)}:${cellAddress(h.row, h.lastCol)}`;
    priority++;
    return (
      `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="${dxfId}" priority="${priority}">` +
      `<formula>${escapeText(FORMULA)}</formula></cfRule></conditionalFormatting>`
    );
  });
  const at = schemaInsertIndex(childElements(xml, t.from, t.to), WORKSHEET_ORDER, 'conditionalFormatting', t.to);
  return xml.slice(0, at) + withPrefix(blocks.join(''), t.prefix) + xml.slice(at);
}
