/** Reading an .xlsx file into the core's plain WorkbookGrid (Node and browser alike). */
import { type SheetGrid, type WorkbookGrid } from '../core/grid/types';
import { parseSharedStrings } from './shared-strings';
import { scanWorksheet } from './sheet-scanner';
import { dateStyleFlags } from './styles-read';
import { type ByteFinder, compactSheetXml, fflateInflater, type Inflater } from './sheet-stream';
import { parseWorkbook } from './workbook-xml';
import { parseRels, relsPathOf, resolveTarget, REL_TYPE, workbookPath, XlsxPackage } from './zip-parts';

export interface WorkbookGridWithInfo extends WorkbookGrid {
  /** The workbook counts serial dates from 1904 (dates are already converted with it). */
  readonly date1904: boolean;
}

export interface ReadOptions {
  /**
   * Worksheet parts larger than this (unzipped bytes) are inflated in chunks and compacted as they come
   * (sheet-stream.ts) instead of being unzipped whole. Tests set 0 to read every sheet that way.
   */
  readonly streamAbove?: number;
  /** The streaming inflate; fflate by default, Node's zlib in the CLI (several times faster). */
  readonly inflater?: Inflater;
  /** A native byte search (Node's Buffer.indexOf in the CLI); a JavaScript one by default. */
  readonly findBytes?: ByteFinder;
}

/** 16 MB of XML: a few hundred thousand cells; below it a whole-part read is fast and small enough. */
const STREAM_ABOVE = 16 * 1024 * 1024;

export async function readWorkbookGrid(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookGridWithInfo> {
  const streamAbove = options.streamAbove ?? STREAM_ABOVE;
  const inflater = options.inflater ?? fflateInflater;
  const pkg = await XlsxPackage.open(bytes);
  const wbPath = await workbookPath(pkg);
  const wb = parseWorkbook(await pkg.requireText(wbPath));
  const rels = parseRels(await pkg.text(relsPathOf(wbPath)));
  const byType = (t: string) => rels.find((r) => r.type === t || r.type.endsWith(t.slice(t.lastIndexOf('/'))));
  const sstRel = byType(REL_TYPE.sharedStrings);
  const stylesRel = byType(REL_TYPE.styles);
  const sharedStrings = parseSharedStrings(sstRel ? await pkg.text(resolveTarget(wbPath, sstRel.target)) : undefined);
  const dateStyles = dateStyleFlags(stylesRel ? await pkg.text(resolveTarget(wbPath, stylesRel.target)) : undefined);
  const ctx = { sharedStrings, dateStyles, date1904: wb.date1904 };

  const sheets: SheetGrid[] = [];
  for (const entry of wb.sheets) {
    const rel = rels.find((r) => r.id === entry.relId);
    if (!rel) continue;
    // Chart and dialog sheets have no cells, but their names count: a user's chart sheet called
    // 监控汇总 must reach the core's check, or a run would replace it.
    if (!rel.type.endsWith('/worksheet')) {
      sheets.push({ name: entry.name, rows: [] });
      continue;
    }
    const partPath = resolveTarget(wbPath, rel.target);
    const raw = pkg.rawPart(partPath);
    const xml =
      raw && raw.size > streamAbove
        ? await compactSheetXml(
            (onChunk) => (raw.deflated ? inflater(raw.bytes, onChunk) : Promise.resolve(onChunk(raw.bytes))),
            options.findBytes,
          )
        : await pkg.text(partPath);
    if (xml === undefined) continue;
    const scanned = scanWorksheet(xml, ctx);
    sheets.push({
      name: entry.name,
      rows: scanned.rows,
      merges: scanned.merges,
      hiddenRows: scanned.hiddenRows,
      hiddenColumns: scanned.hiddenColumns,
      protected: isProtected(xml),
    });
  }
  return { sheets, date1904: wb.date1904 };
}

/**
 * True when the sheet is protected: a <sheetProtection> after sheetData whose sheet attribute is on.
 * Searched from the end, so a large sheet's cells are not scanned again.
 */
export function isProtected(xml: string): boolean {
  const at = xml.lastIndexOf('sheetProtection');
  if (at < 0) return false;
  const lt = xml.lastIndexOf('<', at);
  // The element itself (<sheetProtection or <x:sheetProtection), after the cells, not cell text.
  if (lt < 0 || /[^\w:]/.test(xml.slice(lt + 1, at)) || xml.indexOf('sheetData>', lt) >= 0) return false;
  const gt = xml.indexOf('>', at);
  return /\ssheet\s*=\s*["'](1|true)["']/.test(xml.slice(at, gt < 0 ? xml.length : gt));
}
