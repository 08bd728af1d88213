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
  // Search only inside the item: an unbounded indexOf for a tag that is absent would scan the rest
  // of a multi-megabyte string table for every item.
  const item = xml.slice(from, to);
  const hasPhonetic = item.includes(rph);
  let out = '';
  let i = 0;
  const n = item.length;
  while (i < n) {
    const lt = item.indexOf(tOpen, i);
    if (lt < 0) break;
    // Skip phonetic runs: their <t> is a reading guide, not part of the value.
    if (hasPhonetic) {
      const ph = item.indexOf(rph, i);
      if (ph >= 0 && ph < lt) {
        const end = item.indexOf(rphClose, ph);
        i = end < 0 ? n : end + rphClose.length;
        continue;
      }
    }
    const after = item.charCodeAt(lt + tOpen.length);
    // '<t' must be the whole tag name (not <tag...>): followed by '>', '/', or whitespace.
    if (after !== 62 && after !== 47 && after !== 32 && after !== 9 && after !== 10 && after !== 13) {
      i = lt + tOpen.length;
      continue;
    }
    const gt = item.indexOf('>', lt);
    if (item.charCodeAt(gt - 1) === 47) {
      i = gt + 1; // <t/>
      continue;
    }
    const close = item.indexOf(tClose, gt);
    if (close < 0) break;
    out += decodeCellText(item.slice(gt + 1, close));
    i = close + tClose.length;
  }
  return out;
}
