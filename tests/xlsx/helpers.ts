/** Test helpers: building workbooks with exceljs and looking inside packages. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export async function partText(bytes: Uint8Array, path: string): Promise<string | undefined> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(path);
  return f ? f.async('string') : undefined;
}

export async function partBytes(bytes: Uint8Array, path: string): Promise<Uint8Array | undefined> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(path);
  return f ? f.async('uint8array') : undefined;
}

export async function partNames(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Object.keys(zip.files).filter((p) => !zip.files[p]?.dir);
}

/** Replaces one part's text and returns the new package. */
export async function patchPart(bytes: Uint8Array, path: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(path);
  if (!f) throw new Error(`no part ${path}`);
  zip.file(path, edit(await f.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}
