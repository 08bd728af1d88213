/** Reading an .xlsx file into the core's plain WorkbookGrid (Node and browser alike). */
import { type SheetGrid, type WorkbookGrid } from '../core/grid/types';
import { crc32 as jsCrc32 } from './crc32';
import { parseSharedStrings } from './shared-strings';
import { scanWorksheet, SheetRowsReader, worksheetPrefix } from './sheet-scanner';
import { dateStyleFlags } from './styles-read';
import { type ByteFinder, fflateInflater, type Inflater, streamSheetRows } from './sheet-stream';
import { parseWorkbook } from './workbook-xml';
import {
  checkPart,
  type Crc32,
  DamagedPartError,
  type InflateWhole,
  type RawPart,
  parseRels,
  relsPathOf,
  resolveTarget,
  REL_TYPE,
  workbookPath,
  XlsxPackage,
} from './zip-parts';

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
  /** Inflates the parts read whole (Node's zlib in the CLI, several times faster); JSZip's by default. */
  readonly inflateWhole?: InflateWhole;
  /** CRC-32 to check what is read against the zip's directory; a JavaScript one by default. */
  readonly crc32?: Crc32;
  /** A native byte search (Node's Buffer.indexOf in the CLI); a JavaScript one by default. */
  readonly findBytes?: ByteFinder;
  /**
   * Told, for each part read in pieces, the sheet without its rows (head and tail): writing the result
   * can then leave such a part alone without inflating it again when its tail needs no change.
   */
  readonly onLargeSheet?: (partPath: string, shell: string) => void;
}

/** 16 MB of XML: a few hundred thousand cells; below it a whole-part read is fast and small enough. */
const STREAM_ABOVE = 16 * 1024 * 1024;

export async function readWorkbookGrid(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookGridWithInfo> {
  const streamAbove = options.streamAbove ?? STREAM_ABOVE;
  const crc32 = options.crc32 ?? jsCrc32;
  const inflater = options.inflater ?? fflateInflater;
  const pkg = await XlsxPackage.open(bytes, {
    ...(options.inflateWhole ? { inflateWhole: options.inflateWhole } : {}),
    ...(options.crc32 ? { crc32: options.crc32 } : {}),
  });
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
    // A large part's rows are read as it is inflated; `xml` is then the sheet without them.
    let rows: SheetRowsReader | undefined;
    const xml =
      raw && raw.size > streamAbove
        ? await streamSheetRows(
            (onChunk) => unzipChecked(partPath, raw, inflater, crc32, onChunk),
            (rowsXml, head) => {
              rows ??= new SheetRowsReader(ctx, worksheetPrefix(head));
              rows.read(rowsXml, 0, rowsXml.length);
            },
            options.findBytes,
          )
        : await pkg.text(partPath);
    // Listed in the workbook but not in the zip: a damaged file, not a sheet to leave out unsaid.
    if (xml === undefined) throw new DamagedPartError(`Worksheet part ${partPath} is missing`);
    if (raw && raw.size > streamAbove) {
      pkg.markChecked(partPath);
      options.onLargeSheet?.(partPath, xml);
    }
    const scanned = scanWorksheet(xml, ctx, rows);
    sheets.push({
      name: entry.name,
      rows: scanned.rows,
      merges: scanned.merges,
      hiddenRows: scanned.hiddenRows,
      hiddenColumns: scanned.hiddenColumns,
      protected: isProtected(xml),
    });
  }
  await checkOtherParts(pkg, streamAbove, inflater, crc32);
  return { sheets, date1904: wb.date1904 };
}

/**
 * The parts the grid did not need (theme, document properties, drawings, pictures) checked all the
 * same: the result workbook carries them over, and a damaged one is a damaged file, said now rather
 * than when the result is written. Large ones are checked in pieces.
 */
async function checkOtherParts(pkg: XlsxPackage, streamAbove: number, inflater: Inflater, crc32: Crc32): Promise<void> {
  for (const path of pkg.unchecked()) {
    const raw = pkg.rawPart(path);
    if (raw && raw.size > streamAbove) await unzipChecked(path, raw, inflater, crc32, () => undefined);
    else await pkg.partBytes(path);
  }
}

/**
 * A part unzipped in pieces (handed to `onChunk`), then checked against the size and CRC-32 of the zip's
 * directory: throws DamagedPartError after the last piece when they differ.
 */
async function unzipChecked(
  path: string,
  raw: RawPart,
  inflater: Inflater,
  crc32: Crc32,
  onChunk: (bytes: Uint8Array) => void,
): Promise<void> {
  let size = 0;
  let crc = 0;
  const counted = (bytes: Uint8Array): void => {
    size += bytes.length;
    crc = crc32(bytes, crc);
    onChunk(bytes);
  };
  if (raw.deflated) await inflater(raw.bytes, counted);
  else counted(raw.bytes);
  checkPart(path, raw, size, crc);
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
