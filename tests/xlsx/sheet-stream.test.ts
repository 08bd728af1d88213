/**
 * The streaming read of large worksheets gives exactly what the whole-part read gives: the rows handed to
 * the row reader piece by piece, and the sheet without them, scan to the same rows, merges, hidden rows
 * and columns, whatever the chunk boundaries.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SAMPLE_PATH } from '../../scripts/make-sample';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { scanWorksheet, SheetRowsReader, worksheetPrefix } from '../../src/xlsx/sheet-scanner';
import { parseSharedStrings } from '../../src/xlsx/shared-strings';
import { type ByteFinder, SheetPieces, streamSheetRows } from '../../src/xlsx/sheet-stream';
import { largeSharedStrings, millionRowUsedRange } from './helpers';
import { zlibInflater, zlibInflateWhole } from '../../src/cli/zlib-codec';

const ctx = { sharedStrings: ['甲', '乙'], dateStyles: [false, false, true], date1904: false };

/**
 * The way a large part is read, from text pieces cut at `cuts`: its rows handed to a rows reader piece
 * by piece, then the rest of the sheet (head and tail) scanned for merges and hidden columns.
 */
function scanInPieces(xml: string, cuts: readonly number[]): ReturnType<typeof scanWorksheet> {
  let reader: SheetRowsReader | undefined;
  const c = new SheetPieces((rowsXml, head) => {
    reader ??= new SheetRowsReader(ctx, worksheetPrefix(head));
    reader.read(rowsXml, 0, rowsXml.length);
  });
  let at = 0;
  for (const cut of [...new Set(cuts)].map((n) => n % (xml.length + 1)).sort((a, b) => a - b)) {
    c.push(xml.slice(at, cut));
    at = cut;
  }
  c.push(xml.slice(at));
  return scanShell(c.finish(), reader);
}

/** The sheet without its rows, scanned with the rows already read into `reader`. */
function scanShell(shell: string, reader: SheetRowsReader | undefined): ReturnType<typeof scanWorksheet> {
  expect(shell).not.toMatch(/<(\w+:)?row\b/);
  return scanWorksheet(shell, ctx, reader);
}

/** Reads a part from its bytes the way read-grid.ts does (streamSheetRows), with the given byte search. */
async function streamBytes(
  produce: (onChunk: (bytes: Uint8Array) => void) => Promise<void>,
  find?: ByteFinder,
): Promise<ReturnType<typeof scanWorksheet>> {
  let reader: SheetRowsReader | undefined;
  const shell = await streamSheetRows(
    produce,
    (rowsXml, head) => {
      reader ??= new SheetRowsReader(ctx, worksheetPrefix(head));
      reader.read(rowsXml, 0, rowsXml.length);
    },
    find,
  );
  return scanShell(shell, reader);
}

const row = fc.record({
  r: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
  hidden: fc.boolean(),
  selfClosing: fc.boolean(),
  cells: fc.array(
    fc.oneof(
      fc.constant('<c s="1"/>'),
      fc.integer({ min: 0, max: 9 }).map((n) => `<c s="2"><v>${n}</v></c>`),
      fc.constantFrom(
        '<c t="s"><v>1</v></c>',
        '<c t="inlineStr"><is><t>行</t></is></c>',
        '<c t="inlineStr"><is><t>中文台账（2024年）</t></is></c>',
        '<c t="str"><f>A1&amp;"元"</f><v>差旅费é</v></c>',
        '<c><f>1+1</f></c>',
      ),
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
    `<${p}rowBreaks count="1"><${p}brk id="5" max="16383" man="1"/></${p}rowBreaks>` +
    `<${p}sheetProtection sheet="1"/></${p}worksheet>`
  );
}

test('any sheet, any chunking: its rows read piece by piece scan to what the whole XML scans to', () => {
  fc.assert(
    fc.property(
      fc.array(row, { maxLength: 25 }),
      fc.constantFrom('', 'x'),
      fc.array(fc.nat(), { maxLength: 12 }),
      (rows, prefix, cuts) => {
        const xml = sheetXml(rows, prefix);
        expect(scanInPieces(xml, cuts)).toEqual(scanWorksheet(xml, ctx));
      },
    ),
    { numRuns: 300 },
  );
});

test('the sheet without its rows keeps the head and the tail as they were; the rows go over whole', () => {
  const xml =
    '<worksheet><cols><col min="2" max="2" hidden="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
    Array.from({ length: 1000 }, (_, i) => `<row r="${i + 2}" s="3"><c r="A${i + 2}" s="3"/></row>`).join('') +
    '</sheetData><mergeCells count="0"/></worksheet>';
  const rows: string[] = [];
  const c = new SheetPieces((r) => rows.push(r));
  for (const [a, b] of [
    [0, 17],
    [17, 100],
    [100, 5000],
    [5000, xml.length],
  ] as const)
    c.push(xml.slice(a, b));
  expect(c.finish()).toBe(
    '<worksheet><cols><col min="2" max="2" hidden="1"/></cols><sheetData></sheetData><mergeCells count="0"/></worksheet>',
  );
  expect(rows.join('')).toBe(xml.slice(xml.indexOf('<row'), xml.indexOf('</sheetData>')));
});

test("whole workbooks read the streaming way, or with Node's zlib, equal the whole-part read", async () => {
  for (const bytes of [
    new Uint8Array(readFileSync(SAMPLE_PATH)),
    await millionRowUsedRange(),
    await largeSharedStrings(2000),
  ]) {
    const whole = await readWorkbookGrid(bytes);
    expect(await readWorkbookGrid(bytes, { streamAbove: 0 })).toEqual(whole);
    // The CLI's way: Node's zlib for the parts read whole and for the streamed ones.
    expect(await readWorkbookGrid(bytes, { inflateWhole: zlibInflateWhole })).toEqual(whole);
    expect(await readWorkbookGrid(bytes, { streamAbove: 0, inflater: zlibInflater })).toEqual(whole);
  }
});

test('as bytes, runs of blank rows skipped undecoded: the same scan, with the page’s or the native byte search, whatever byte a cut falls on', async () => {
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
        const produce = async (onChunk: (b: Uint8Array) => void) => {
          let at = 0;
          for (const cut of [...sorted, bytes.length]) {
            onChunk(bytes.subarray(at, cut));
            at = cut;
          }
        };
        expect(await streamBytes(produce, native ? bufferFind : undefined)).toEqual(scanWorksheet(xml, ctx));
      },
    ),
    { numRuns: 1000 },
  );
});

test('a piece of blank rows ending inside a row without r= is read as text, so that row keeps its number', async () => {
  const blank = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}" s="1"><c r="A${i + 1}" s="1"/></row>`).join('');
  const xml = `<worksheet><sheetData>${blank}<row s="1"><c><v>7</v></c></row></sheetData></worksheet>`;
  const bytes = new TextEncoder().encode(xml);
  const cut = xml.indexOf('<row s="1"><c><v>') + '<row s="1"><c><v>'.length;
  const read = await streamBytes(async (onChunk) => {
    // The head first (the reader must be among the rows), then the blank rows up to the cut.
    onChunk(bytes.subarray(0, 40));
    onChunk(bytes.subarray(40, cut));
    onChunk(bytes.subarray(cut));
  });
  expect(read.rows.length).toBe(51);
  expect(read).toEqual(scanWorksheet(xml, ctx));
});

test('a damaged sheet (bytes overwritten, or cut off) is read to an end: never a loop without end', () => {
  // Overwritten with the characters the scanner steers by, so a search can come up empty anywhere.
  const junk = fc.string({
    unit: fc.constantFrom('<', '>', '=', '"', "'", '/', ' ', 'r', 'c', 'v', 'x', '1'),
    maxLength: 12,
  });
  fc.assert(
    fc.property(
      fc.array(row, { minLength: 1, maxLength: 15 }),
      fc.constantFrom('', 'x'),
      fc.array(fc.tuple(fc.nat(), junk), { minLength: 1, maxLength: 4 }),
      fc.nat(),
      fc.array(fc.nat(), { maxLength: 6 }),
      (rows, prefix, damage, cutAt, cuts) => {
        let xml = sheetXml(rows, prefix);
        for (const [at, text] of damage) {
          const k = at % xml.length;
          xml = xml.slice(0, k) + text + xml.slice(k + text.length);
        }
        xml = xml.slice(0, xml.length - (cutAt % 40));
        // Throwing is allowed (the file is then reported damaged); returning is the point.
        const attempt = (read: () => unknown) => {
          try {
            read();
          } catch {
            /* reported as a damaged file by openLedger */
          }
        };
        attempt(() => scanWorksheet(xml, ctx));
        attempt(() => scanInPieces(xml, cuts));
        attempt(() => parseSharedStrings(xml.replace(/row/g, 'si').replace(/\bc\b/g, 't')));
      },
    ),
    { numRuns: 1000 },
  );
});

test('a piece of blank rows that ends inside a character of the next row’s text: the text read whole', async () => {
  const blank = Array.from({ length: 40 }, (_, i) => `<row r="${i + 1}" s="1"/>`).join('');
  const text = '<row r="41"><c r="A41" t="inlineStr"><is><t>中文台账</t></is></c></row>';
  const xml = `<worksheet><sheetData>${blank}${text}</sheetData></worksheet>`;
  const bytes = new TextEncoder().encode(xml);
  const zhong = Buffer.from(bytes).indexOf(Buffer.from('中'));
  const whole = scanWorksheet(xml, ctx);
  expect(whole.rows[40]).toEqual(['中文台账']);
  // Cut one or two bytes into 中: the first piece holds only blank rows and the start of row 41.
  for (const cut of [zhong + 1, zhong + 2]) {
    const read = await streamBytes(async (onChunk) => {
      onChunk(bytes.subarray(0, 30));
      onChunk(bytes.subarray(30, cut));
      onChunk(bytes.subarray(cut));
    });
    expect(read).toEqual(whole);
  }
});

test('a sheet that runs on for tens of megabytes without ending a row (inflated garbage) is refused, not held', () => {
  const mb = 'x'.repeat(1024 * 1024);
  for (const start of [
    '<worksheet><sheetData><row r="1"><c><v>',
    '<worksheet><sheetData></sheetData>',
    '<worksheet>',
  ]) {
    const c = new SheetPieces(() => undefined);
    c.push(start);
    let pushed = 0;
    expect(() => {
      for (; pushed < 40; pushed++) c.push(mb);
    }).toThrow('Worksheet XML damaged');
    // Refused as soon as the limit is passed, after some 32 MB: not at the end of a long part.
    expect(pushed).toBeLessThanOrEqual(33);
  }
});
