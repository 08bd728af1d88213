/**
 * A written workbook as the user sees it, read without the product's code: the cells of a sheet
 * (value and number format, through exceljs), the ranges each chart reads (`<c:f>` in the chart
 * part the sheet's drawing points to) and the ranges each conditional format covers (sqref in the
 * sheet's XML), found by following the package's relationships with jszip.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { type SeenCell, type SeenRow } from './summary-sheet';

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function cellValue(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
  return String(v as unknown);
}

/** Every row of a sheet from row 1: each cell's value and number format. */
export function seenRows(wb: ExcelJS.Workbook, sheet: string): SeenRow[] {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows: SeenRow[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: SeenCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      const v = cellValue(cell.value);
      cells.push(v === null ? [null, ''] : [v, cell.numFmt ?? '']);
    }
    rows.push(cells);
  }
  return rows;
}

/** The first column of a sheet as text, row by row (the 监控报告 sheet is one column). */
export function columnA(wb: ExcelJS.Workbook, sheet: string): string[] {
  return seenRows(wb, sheet).map((r) => String(r[0]?.[0] ?? ''));
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`no part ${path}`);
  return f.async('string');
}

/** The relationships of a part: id → resolved target path. */
async function rels(zip: JSZip, part: string): Promise<Map<string, string>> {
  const dir = part.split('/').slice(0, -1).join('/');
  const name = part.split('/').pop()!;
  const f = zip.file(`${dir}/_rels/${name}.rels`);
  const out = new Map<string, string>();
  if (!f) return out;
  const xml = await f.async('string');
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) out.set(id, resolve(part, decode(target)));
  }
  return out;
}

export async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const wb = await text(zip, 'xl/workbook.xml');
  const byId = await rels(zip, 'xl/workbook.xml');
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    if (name !== undefined && decode(name) === sheet && id) return byId.get(id)!;
  }
  throw new Error(`no sheet ${sheet} in workbook.xml`);
}

export interface SeenChart {
  /** Each series: its name and the ranges it reads (categories, values) as written in `<c:f>`. */
  readonly series: readonly { readonly name: string; readonly categories: string; readonly values: string }[];
  /** The cached figures viewers show before recalculating: category labels and each series' values. */
  readonly cachedCategories: readonly string[];
  readonly cachedValues: readonly (readonly number[])[];
}

/** The charts drawn on a sheet, through its drawing part. */
export async function chartsOf(bytes: Uint8Array, sheet: string): Promise<SeenChart[]> {
  const zip = await JSZip.loadAsync(bytes);
  const part = await sheetPart(zip, sheet);
  const xml = await text(zip, part);
  const sheetRels = await rels(zip, part);
  const out: SeenChart[] = [];
  for (const d of xml.matchAll(/<drawing\b[^>]*\br:id="([^"]*)"/g)) {
    const drawing = sheetRels.get(d[1]!)!;
    const drawingRels = await rels(zip, drawing);
    const drawingXml = await text(zip, drawing);
    for (const c of drawingXml.matchAll(/<c:chart\b[^>]*\br:id="([^"]*)"/g)) {
      const chart = await text(zip, drawingRels.get(c[1]!)!);
      const series = [...chart.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((s) => s[1]!);
      const f = (xmlPart: string, tag: string): string =>
        decode(new RegExp(`<c:${tag}>[\\s\\S]*?<c:f>([^<]*)</c:f>`).exec(xmlPart)?.[1] ?? '');
      const points = (xmlPart: string): string[] =>
        [...xmlPart.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => decode(m[1]!));
      out.push({
        series: series.map((s) => ({
          name: decode(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(s)?.[1] ?? ''),
          categories: f(s, 'cat'),
          values: f(s, 'val'),
        })),
        cachedCategories: points(/<c:cat>([\s\S]*?)<\/c:cat>/.exec(series[0] ?? '')?.[1] ?? ''),
        cachedValues: series.map((s) => points(/<c:val>([\s\S]*?)<\/c:val>/.exec(s)?.[1] ?? '').map(Number)),
      });
    }
  }
  return out;
}

export interface SeenHighlight {
  readonly sqref: string;
  readonly formula: string;
  /** The fill of the format the rule applies (its dxf), as RGB hex. */
  readonly fill: string | null;
}

/** The conditional formats of a sheet, with the fill each applies. */
export async function conditionalFormatsOf(bytes: Uint8Array, sheet: string): Promise<SeenHighlight[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await text(zip, await sheetPart(zip, sheet));
  const styles = await text(zip, 'xl/styles.xml');
  const dxfs = [...(/<dxfs\b[^>]*>([\s\S]*?)<\/dxfs>/.exec(styles)?.[1] ?? '').matchAll(/<dxf>([\s\S]*?)<\/dxf>/g)].map(
    (m) => m[1]!,
  );
  const out: SeenHighlight[] = [];
  for (const cf of xml.matchAll(
    /<conditionalFormatting\b[^>]*\bsqref="([^"]*)"[^>]*>([\s\S]*?)<\/conditionalFormatting>/g,
  )) {
    for (const rule of cf[2]!.matchAll(/<cfRule\b([^>]*)>([\s\S]*?)<\/cfRule>/g)) {
      const dxfId = /\bdxfId="(\d+)"/.exec(rule[1]!)?.[1];
      const dxf = dxfId === undefined ? '' : (dxfs[Number(dxfId)] ?? '');
      out.push({
        sqref: cf[1]!,
        formula: decode(/<formula>([^<]*)<\/formula>/.exec(rule[2]!)?.[1] ?? ''),
        fill: /<(?:fgColor|bgColor)\b[^>]*\brgb="(?:FF)?([0-9A-Fa-f]{6})"/.exec(dxf)?.[1]?.toUpperCase() ?? null,
      });
    }
  }
  return out;
}
