/** The shared string table, read with a scanner (it can hold hundreds of thousands of items). */
import { rootElement, prefixOf } from './xml-elements';
import { stringItemText } from './rich-text';

export function parseSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const p = prefixOf(rootElement(xml).name);
  const pre = p ? `${p}:` : '';
  const open = `<${pre}si`;
  const close = `</${pre}si>`;
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const lt = xml.indexOf(open, i);
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) break; // cut off: a search from -1 would go back to the start and never end
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push(''); // <si/>
      i = gt + 1;
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) break;
    out.push(stringItemText(xml, gt + 1, end, pre));
    i = end + close.length;
  }
  return out;
}
