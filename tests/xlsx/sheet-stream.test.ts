/**
 * The streaming read of large worksheets gives exactly what the whole-part read gives: the compacted
 * XML scans to the same rows, merges, hidden rows and columns, whatever the chunk boundaries.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SAMPLE_PATH } from '../../scripts/make-sample';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { scanWorksheet } from '../../src/xlsx/sheet-scanner';
import { type ByteFinder, compactSheetXml, SheetCompactor } from '../../src/xlsx/sheet-stream';
import { largeSharedStrings, millionRowUsedRange } from './helpers';

const ctx = { sharedStrings: ['甲', '乙'], dateStyles: [false, false, true], date1904: false };

/** Feeds `xml` to a compactor in pieces cut at `cuts` (positions, any order). */
function compact(xml: string, cuts: readonly number[]): string {
  const c = new SheetCompactor();
  let at = 0;
  for (const cut of [...new Set(cuts)].map((n) => n % (xml.length + 1)).sort((a, b) => a - b)) {
    c.push(xml.slice(at, cut));
    at = cut;
  }
  c.push(xml.slice(at));
  return c.finish();
}

const row = fc.record({
  r: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
  hidden: fc.boolean(),
  selfClosing: fc.boolean(),
  cells: fc.array(
    fc.oneof(
      fc.constant('<c s="1"/>'),
      fc.integer({ min: 0, max: 9 }).map((n) => `<c s="2"><v>${n}</v></c>`),
      fc.constantFrom('<c t="s"><v>1</v></c>', '<c t="inlineStr"><is><t>行</t></is></c>', '<c><f>1+1</f></c>'),
    ),
    { maxLength: 4 },
  ),
});

interface Row {
  r: number | undefined;
  hidden: boolean;
  selfClosing: boolean;
  cells: string[];
}

function sheetXml(rows: readonly Row[], prefix: string): string {
  const p = prefix ? `${prefix}:` : '';
  const body = rows
    .map((x) => {
      const attrs = `${x.r !== undefined ? ` r="${x.r}"` : ''}${x.hidden ? ' hidden="1"' : ''} s="1" customFormat="1"`;
      if (x.selfClosing || x.cells.length === 0) return `<${p}row${attrs}/>`;
      return `<${p}row${attrs}>${x.cells.map((c) => c.replace(/<(\/?)(c|v|f|is|t)\b/g, `<$1${p}$2`)).join('')}</${p}row>`;
    })
    .join('\n');
  const ns = prefix
    ? ` xmlns:${prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
    : ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return (
    `<?xml version="1.0"?><${p}worksheet${ns}><${p}cols><${p}col min="2" max="2" hidden="1"/></${p}cols>` +
    `<${p}sheetData>${body}</${p}sheetData><${p}mergeCells><${p}mergeCell ref="A1:B2"/></${p}mergeCells>` +
    `<${p}sheetProtection sheet="1"/></${p}worksheet>`
  );
}

test('any sheet, any chunking: the compacted XML scans to what the whole XML scans to', () => {
  fc.assert(
    fc.property(
      fc.array(row, { maxLength: 25 }),
      fc.constantFrom('', 'x'),
      fc.array(fc.nat(), { maxLength: 12 }),
      (rows, prefix, cuts) => {
        const xml = sheetXml(rows, prefix);
        const small = compact(xml, cuts);
        expect(scanWorksheet(small, ctx)).toEqual(scanWorksheet(xml, ctx));
        expect(small.endsWith(`sheetProtection sheet="1"/></${prefix ? 'x:' : ''}worksheet>`)).toBe(true);
      },
    ),
    { numRuns: 300 },
  );
});

test('empty styled rows are dropped, not kept: a million of them leave the head, the data rows and the tail', async () => {
  const xml =
    '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
    Array.from({ length: 1000 }, (_, i) => `<row r="${i + 2}" s="3"><c r="A${i + 2}" s="3"/></row>`).join('') +
    '</sheetData><mergeCells count="0"/></worksheet>';
  expect(compact(xml, [100, 5000, 17])).toBe(
    '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="0"/></worksheet>',
  );
});

test('whole workbooks read the streaming way equal the whole-part read', async () => {
  for (const bytes of [
    new Uint8Array(readFileSync(SAMPLE_PATH)),
    await millionRowUsedRange(),
    await largeSharedStrings(2000),
  ]) {
    expect(await readWorkbookGrid(bytes, { streamAbove: 0 })).toEqual(await readWorkbookGrid(bytes));
  }
});

test('as bytes, runs of blank rows skipped undecoded: the same scan, with the JavaScript or the native byte search', async () => {
  const bufferFind: ByteFinder = (hay, needle, from) =>
    Buffer.from(hay.buffer, hay.byteOffset, hay.byteLength).indexOf(needle, from);
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(row, fc.integer({ min: 0, max: 60 })), { maxLength: 12 }),
      fc.constantFrom('', 'x'),
      fc.array(fc.nat(), { maxLength: 20 }),
      fc.boolean(),
      async (parts, prefix, cuts, native) => {
        // Each generated row followed by a run of blank styled rows, numbered after it.
        const rows: Row[] = [];
        let r = 0;
        for (const [x, blanks] of parts) {
          r = x.r !== undefined ? Math.max(r + 1, x.r) : r + 1;
          rows.push({ ...x, r: x.r === undefined ? undefined : r });
          for (let k = 0; k < blanks; k++)
            rows.push({ r: ++r, hidden: false, selfClosing: false, cells: ['<c s="1"/>'] });
        }
        const xml = sheetXml(rows, prefix);
        const bytes = new TextEncoder().encode(xml);
        const sorted = [...new Set(cuts.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
        const small = await compactSheetXml(
          async (onChunk) => {
            let at = 0;
            for (const cut of [...sorted, bytes.length]) {
              onChunk(bytes.subarray(at, cut));
              at = cut;
            }
          },
          native ? bufferFind : undefined,
        );
        expect(scanWorksheet(small, ctx)).toEqual(scanWorksheet(xml, ctx));
      },
    ),
    { numRuns: 300 },
  );
});

test('a piece of blank rows ending inside a row without r= is read as text, so that row keeps its number', async () => {
  const blank = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}" s="1"><c r="A${i + 1}" s="1"/></row>`).join('');
  const xml = `<worksheet><sheetData>${blank}<row s="1"><c><v>7</v></c></row></sheetData></worksheet>`;
  const bytes = new TextEncoder().encode(xml);
  const cut = xml.indexOf('<row s="1"><c><v>') + '<row s="1"><c><v>'.length;
  const small = await compactSheetXml(async (onChunk) => {
    // The head first (the compactor must be among the rows), then the blank rows up to the cut.
    onChunk(bytes.subarray(0, 40));
    onChunk(bytes.subarray(40, cut));
    onChunk(bytes.subarray(cut));
  });
  expect(scanWorksheet(small, ctx).rows.length).toBe(51);
  expect(scanWorksheet(small, ctx)).toEqual(scanWorksheet(xml, ctx));
});
