/** Text of a string item (<si> or <is>): its <t>, or its runs' <t> joined, never phonetic <rPh> guides. */
import { decodeCellText } from './xml-text';

/**
 * The text of the string item whose content is xml[from, to). `prefix` is the namespace prefix
 * with its colon ('' or 'x:').
 */
export function stringItemText(xml: string, from: number, to: number, prefix: string): string {
  const tOpen = `<${prefix}t`;
  const tClose = `</${prefix}t>`;
  const rph = `<${prefix}rPh`;
  const rphClose = `</${prefix}rPh>`;
  let out = '';
  let i = from;
  while (i < to) {
    const lt = xml.indexOf(tOpen, i);
    if (lt < 0 || lt >= to) break;
    // Skip phonetic runs: their <t> is a reading guide, not part of the value.
    // Look for a phonetic run only between here and the <t>: an unbounded indexOf would scan to
    // the end of the shared-string table for every item (quadratic: minutes at 100,000 items).
    const phInGap = lt > i ? xml.slice(i, lt).indexOf(rph) : -1;
    const ph = phInGap < 0 ? -1 : i + phInGap;
    if (ph >= 0 && ph < lt) {
      const end = xml.indexOf(rphClose, ph);
      i = end < 0 ? to : end + rphClose.length;
      continue;
    }
    const after = xml.charCodeAt(lt + tOpen.length);
    // '<t' must be the whole tag name (not <tag...>): followed by '>', '/', or whitespace.
    if (after !== 62 && after !== 47 && after !== 32 && after !== 9 && after !== 10 && after !== 13) {
      i = lt + tOpen.length;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (xml.charCodeAt(gt - 1) === 47) {
      i = gt + 1; // <t/>
      continue;
    }
    const close = xml.indexOf(tClose, gt);
    if (close < 0) break;
    out += decodeCellText(xml.slice(gt + 1, close));
    i = close + tClose.length;
  }
  return out;
}
