/**
 * The big workbooks of the bench: the sample ledger with a run of formatted blank rows below its data
 * (the accident of formatting whole columns or rows: every row styled, every cell of it styled, no
 * value). 1,000,000 such rows of 26 cells (A–Z) make a workbook of about 49 MB; 400,000 about 20 MB.
 * Written once to .tmp/bench/ and reused while the sample and this generator are unchanged.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import { SAMPLE_PATH } from '../scripts/make-sample';

const DIR = path.join(__dirname, '..', '.tmp', 'bench');
const COLUMNS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

function* blankRowXml(from: number, count: number, style: number): Generator<string> {
  const spans = `1:${COLUMNS.length}`;
  let buf = '';
  for (let r = from; r < from + count; r++) {
    buf += `<row r="${r}" spans="${spans}" s="${style}" customFormat="1" ht="14.25" customHeight="1">`;
    for (const c of COLUMNS) buf += `<c r="${c}${r}" s="${style}"/>`;
    buf += '</row>';
    if (buf.length > 1 << 20) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/** The sample ledger plus `blankRows` formatted blank rows on its ledger sheet; returns the file's path. */
export async function bigWorkbook(blankRows: number): Promise<string> {
  mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, `ledger-plus-${blankRows}-blank-rows.xlsx`);
  const stamp = Math.max(statSync(SAMPLE_PATH).mtimeMs, statSync(__filename).mtimeMs);
  if (existsSync(file) && statSync(file).mtimeMs > stamp) return file;

  const zip = await JSZip.loadAsync(readFileSync(SAMPLE_PATH));
  const sheetPath = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(sheetPath)!.async('string');
  const end = xml.indexOf('</sheetData>');
  const lastRow = Math.max(...Array.from(xml.matchAll(/<row r="(\d+)"/g), (m) => Number(m[1])));
  const style = Number(/<c r="[A-Z]+\d+" s="(\d+)"/.exec(xml)?.[1] ?? 0);
  async function* content(): AsyncGenerator<Buffer> {
    yield Buffer.from(xml.slice(0, end));
    for (const chunk of blankRowXml(lastRow + 1, blankRows, style)) yield Buffer.from(chunk);
    yield Buffer.from(xml.slice(end));
  }
  zip.file(sheetPath, Readable.from(content()));
  const tmp = `${file}.part`;
  await pipeline(
    zip.generateNodeStream({
      type: 'nodebuffer',
      streamFiles: true,
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
    }),
    createWriteStream(tmp),
  );
  renameSync(tmp, file);
  return file;
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 1_000_000);
  void bigWorkbook(n).then((f) => console.log(f, (statSync(f).size / 2 ** 20).toFixed(1), 'MB'));
}
