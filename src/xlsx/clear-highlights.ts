/** 清除标注 for .xlsx files: removes exactly the marked conditional formats, nothing else. */
import { removeMarkedHighlights } from './highlight-xml';
import { WorkbookEditor } from './apply-plan';

export async function clearHighlightsXlsx(bytes: Uint8Array): Promise<Uint8Array> {
  const ed = await WorkbookEditor.open(bytes);
  let changed = false;
  for (const ws of ed.worksheets()) {
    const xml = await ed.pkg.text(ws.path);
    if (xml === undefined) continue;
    const next = removeMarkedHighlights(xml);
    if (next !== xml) {
      ed.pkg.setText(ws.path, next);
      changed = true;
    }
  }
  // Nothing marked: hand back the very same file rather than a re-zipped copy.
  return changed ? ed.pkg.bytes() : bytes;
}
