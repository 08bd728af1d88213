/**
 * Large worksheets written as streams (sheet-stream.ts editLargeSheet): the result is the same
 * workbook, part for part, as the whole-string edit gives — with fflate (the browser) and with Node's
 * zlib (the CLI) — its checksums hold, and a second run replaces the first run's highlights.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { SAMPLE_PATH } from '../../scripts/make-sample';
import { buildReport } from '../../src/core/pipeline';
import { applyPlanToXlsx } from '../../src/xlsx/apply-plan';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { crc32, editLargeSheet, FFLATE_CODEC } from '../../src/xlsx/sheet-stream';
import { ZLIB_CODEC } from '../../src/cli/zlib-codec';
import { crc32 as nodeCrc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { millionRowUsedRange } from './helpers';

const sample = new Uint8Array(readFileSync(SAMPLE_PATH));

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  // checkCRC32: a wrong size or checksum in the rewritten entry fails here.
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out = new Map<string, string>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async('string'));
  return out;
}

async function planOf(bytes: Uint8Array) {
  const r = buildReport(await readWorkbookGrid(bytes));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.plan;
}

test('crc32 is the zip checksum, in one piece or continued, at any length and offset (8 bytes a step and the rest)', () => {
  const b = new TextEncoder().encode('预算执行台账'.repeat(50));
  expect(crc32(b)).toBe(nodeCrc32(b));
  expect(crc32(b.subarray(7), crc32(b.subarray(0, 7)))).toBe(nodeCrc32(b));
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 100 }), fc.nat(), fc.nat(), (bytes, from, cut) => {
      const part = bytes.subarray(from % (bytes.length + 1));
      const k = cut % (part.length + 1);
      expect(crc32(part)).toBe(nodeCrc32(part));
      expect(crc32(part.subarray(k), crc32(part.subarray(0, k)))).toBe(nodeCrc32(part));
    }),
    { numRuns: 500 },
  );
});

test.each([
  ['fflate', FFLATE_CODEC],
  ['zlib', ZLIB_CODEC],
])(
  'the sample, every sheet streamed (%s): the same parts as the whole-string edit, run after run',
  async (_n, codec) => {
    const plan = await planOf(sample);
    expect(plan.highlights.length).toBeGreaterThan(0);
    const whole = await applyPlanToXlsx(sample, plan);
    const streamed = await applyPlanToXlsx(sample, plan, { streamAbove: 0, codec });
    expect(await parts(streamed)).toEqual(await parts(whole));
    // A second run on the result replaces the highlights it finds in the (streamed) tail.
    const again = await applyPlanToXlsx(streamed, plan, { streamAbove: 0, codec });
    expect(await parts(again)).toEqual(await parts(await applyPlanToXlsx(whole, plan)));
  },
);

test('a sheet whose edit changes nothing is left as it was stored, byte for byte', async () => {
  const big = await millionRowUsedRange();
  const plan = { ...(await planOf(sample)), highlights: [] };
  const out = await applyPlanToXlsx(big, { ...plan, sheets: [] }, { streamAbove: 0, codec: ZLIB_CODEC });
  const before = await JSZip.loadAsync(big);
  const after = await JSZip.loadAsync(out);
  const raw = (z: JSZip) =>
    (z.file('xl/worksheets/sheet1.xml') as unknown as { _data: { compressedContent: Uint8Array } })._data
      .compressedContent;
  expect(Buffer.from(raw(after)).equals(Buffer.from(raw(before)))).toBe(true);
});

test('one pass and two passes write the same sheet as the whole-string edit', async () => {
  const xml =
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('') +
    '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="0.7"/></worksheet>';
  const compressed = deflateRawSync(Buffer.from(xml));
  const edit = (s: string) => s.replace('<pageMargins', '<conditionalFormatting sqref="A1"/><pageMargins');
  for (const codec of [FFLATE_CODEC, ZLIB_CODEC]) {
    for (const expectChange of [true, false]) {
      const r = await editLargeSheet(new Uint8Array(compressed), edit, codec, expectChange);
      if (r === null || r === 'unchanged') throw new Error(String(r));
      const text = inflateRawSync(r.deflated).toString('utf8');
      expect(text).toBe(edit(xml));
      expect(r.size).toBe(Buffer.byteLength(text));
      expect(r.crc).toBe(nodeCrc32(Buffer.from(text)));
    }
    expect(await editLargeSheet(new Uint8Array(compressed), (s) => s, codec)).toBe('unchanged');
  }
});

test('with the shells the reader saw, a large sheet the edit leaves alone is not inflated again, and the workbook is the same', async () => {
  const shellsOf = async (bytes: Uint8Array) => {
    const shells = new Map<string, string>();
    await readWorkbookGrid(bytes, { streamAbove: 0, onLargeSheet: (part, shell) => shells.set(part, shell) });
    return shells;
  };
  const plan = await planOf(sample);
  const shells = await shellsOf(sample);
  expect(shells.size).toBe((await JSZip.loadAsync(sample)).file(/^xl\/worksheets\/[^/]+\.xml$/).length);
  const highlighted = new Set(plan.highlights.map((h) => h.sheet)).size;
  expect(highlighted).toBeGreaterThan(0);

  const inflate = jest.fn(ZLIB_CODEC.inflate);
  const codec = { ...ZLIB_CODEC, inflate };
  const first = await applyPlanToXlsx(sample, plan, { streamAbove: 0, codec, knownShells: shells });
  expect(await parts(first)).toEqual(await parts(await applyPlanToXlsx(sample, plan)));
  // Only the sheets that get highlights are inflated (once each: the edit is known to change them).
  expect(inflate).toHaveBeenCalledTimes(highlighted);

  inflate.mockClear();
  const none = await applyPlanToXlsx(
    sample,
    { ...plan, highlights: [] },
    { streamAbove: 0, codec, knownShells: shells },
  );
  expect(inflate).not.toHaveBeenCalled();
  expect(await parts(none)).toEqual(await parts(await applyPlanToXlsx(sample, { ...plan, highlights: [] })));

  // A second run on the result: the shells now hold the first run's highlights, which are replaced.
  const again = await applyPlanToXlsx(first, plan, { streamAbove: 0, codec, knownShells: await shellsOf(first) });
  expect(await parts(again)).toEqual(await parts(await applyPlanToXlsx(first, plan)));
});
