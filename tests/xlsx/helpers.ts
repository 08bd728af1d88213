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

/** 50 rows of data and a used range down to row 1,000,000 (a styled empty cell in every row), as formatting filled down leaves it. */
export async function millionRowUsedRange(): Promise<Uint8Array> {
  const big = await workbookBytes((wb) => {
    const ws = wb.addWorksheet('明细');
    for (let i = 0; i < 50; i++) ws.addRow([`凭证${i}`, i * 10]);
  });
  return patchPart(big, 'xl/worksheets/sheet1.xml', (xml) => {
    const empty: string[] = [];
    for (let r = 51; r <= 1_000_000; r++)
      empty.push(`<row r="${r}" spans="1:2" ht="15" customHeight="1"><c r="A${r}" s="0"/></row>`);
    return xml.replace('</sheetData>', `${empty.join('')}</sheetData>`);
  });
}

/** n shared strings ("记-0"…) in n rows, each with a formula cell without a value, then 2n empty <row> elements. */
export async function largeSharedStrings(n: number): Promise<Uint8Array> {
  const base = await workbookBytes((wb) => {
    wb.addWorksheet('明细').addRow(['x']);
  });
  const withStrings = await patchPart(base, 'xl/sharedStrings.xml', (xml) => {
    const items: string[] = [];
    for (let i = 0; i < n; i++) items.push(`<si><t>记-${i}</t></si>`);
    return xml.replace(/<si>[\s\S]*<\/sst>/, `${items.join('')}</sst>`);
  });
  return patchPart(withStrings, 'xl/worksheets/sheet1.xml', (xml) => {
    const rows: string[] = [];
    for (let r = 1; r <= n; r++)
      rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>${r - 1}</v></c><c r="B${r}"><f>1</f></c></row>`);
    for (let r = n + 1; r <= 3 * n; r++) rows.push(`<row r="${r}"></row>`);
    return xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows.join('')}</sheetData>`);
  });
}
