/**
 * Opening what offices send: every file here is made by the test from the sample ledger — an .xls and
 * an .et written by SheetJS, .csv in UTF-8 with and without a BOM and in GBK, an .xlsx encrypted by
 * officecrypto-tool — plus the bad files (empty, cut off, a Word document or a PDF renamed .xlsx).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as XLSX from '@e965/xlsx';
import officeCrypto from 'officecrypto-tool';
import JSZip from 'jszip';
import { SAMPLE_PATH } from '../../scripts/make-sample';
import { buildReport } from '../../src/core/pipeline';
import { reportToJson } from '../../src/core/report/to-json';
import { type CellValue } from '../../src/core/grid/types';
import { detectFileKind } from '../../src/xlsx/file-kind';
import { decodeText, parseCsv } from '../../src/xlsx/csv';
import {
  conversionNote,
  ledgerBaseName,
  LedgerFileError,
  type LedgerFileProblem,
  openLedger,
  type OpenLedgerOptions,
} from '../../src/xlsx/open-ledger';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { nodeOfficeCrypto } from '../../src/cli/office-crypto';
import { webOfficeCrypto } from '../../src/xlsx/office-crypto-web';
import { nodeCrc32, zlibInflater, zlibInflateWhole } from '../../src/cli/zlib-codec';
import { encodeGbk } from '../helpers/gbk';

const sample = new Uint8Array(readFileSync(SAMPLE_PATH));
const PASSWORD = '预算2024!';

/** The sample ledger written by SheetJS in another format. */
function sampleAs(bookType: XLSX.BookType): Uint8Array {
  const book = XLSX.read(sample, { type: 'array' });
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
}

/** The sample's ledger sheet as CSV text (the 一体化系统 export has one sheet). */
function sampleCsv(): string {
  const book = XLSX.read(sample, { type: 'array' });
  return XLSX.utils.sheet_to_csv(book.Sheets[book.SheetNames[0]!]!);
}

async function problemOf(name: string, bytes: Uint8Array, options?: OpenLedgerOptions): Promise<LedgerFileError> {
  try {
    await openLedger(name, bytes, options);
  } catch (e) {
    if (e instanceof LedgerFileError) return e;
    throw e;
  }
  throw new Error(`${name} opened`);
}

function totals(grid: Parameters<typeof buildReport>[0]) {
  const r = buildReport(grid);
  if (!r.ok) throw new Error(r.error.message);
  const json = reportToJson(r.value.model);
  return { total: json.total, categories: json.categories, flagged: json.flagged };
}

describe('detectFileKind: by content, never by name', () => {
  test('each signature', () => {
    expect(detectFileKind(new Uint8Array())).toEqual({ kind: 'empty' });
    expect(detectFileKind(sample)).toEqual({ kind: 'zip' });
    expect(detectFileKind(sampleAs('biff8'))).toEqual({ kind: 'ole', content: 'workbook' });
    expect(detectFileKind(new TextEncoder().encode('%PDF-1.7\n...'))).toEqual({ kind: 'other', what: 'PDF 文件' });
    expect(detectFileKind(new TextEncoder().encode('项目,预算\n办公费,100\n'))).toEqual({ kind: 'text' });
    expect(detectFileKind(encodeGbk('项目,预算\n办公费,100\n'))).toEqual({ kind: 'text' });
    expect(detectFileKind(new TextEncoder().encode('<html><table><tr><td>1</td></tr></table></html>'))).toEqual({
      kind: 'markup',
    });
    expect(detectFileKind(new Uint8Array([0, 1, 2, 3, 250, 0, 7]))).toEqual({ kind: 'other', what: null });
  });

  test('any bytes: a kind, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (b) => {
        expect(['empty', 'zip', 'ole', 'markup', 'text', 'other']).toContain(detectFileKind(b).kind);
      }),
    );
  });
});

describe('CSV: the encoding from the bytes, the cells as RFC 4180 says', () => {
  const text = '项目名称,全年预算,备注\r\n办公费,"12,000.50","含""印刷"",\n复印"\r\n';
  const rows = [
    ['项目名称', '全年预算', '备注'],
    ['办公费', '12,000.50', '含"印刷",\n复印'],
  ];

  test('UTF-8 with a BOM, UTF-8 without, GBK as Excel on a Chinese Windows writes it', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(utf8)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(encodeGbk(text))).toEqual({ text, encoding: 'gb18030' });
    for (const b of [utf8, encodeGbk(text)]) expect(parseCsv(decodeText(b).text)).toEqual(rows);
  });

  test('plain numbers become numbers; codes with leading zeros, amounts with commas and empty cells do not', () => {
    expect(parseCsv('a,1234.5,-12,007,"99",,x\n')).toEqual([['a', 1234.5, -12, '007', '99', null, 'x']]);
  });

  test('tab- and semicolon-separated exports', () => {
    expect(parseCsv('a\tb;c\n1\t2\n')).toEqual([
      ['a', 'b;c'],
      [1, 2],
    ]);
    expect(parseCsv('a;b\n1;2')).toEqual([
      ['a', 'b'],
      [1, 2],
    ]);
  });

  test('any table written as CSV reads back cell for cell', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', '预', ',', '"', '\n', ' ', '1', '.') }).filter((s) => s.trim() !== ''),
      fc.integer({ min: -1e9, max: 1e9 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (table) => {
        const csv = table
          .map((r) => r.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`)).join(','))
          .join('\r\n');
        expect(parseCsv(csv)).toEqual(table as CellValue[][]);
      }),
    );
  });
});

describe('other formats: the same grid and the same report as the .xlsx', () => {
  let gridOfSample: Awaited<ReturnType<typeof readWorkbookGrid>> | undefined;
  beforeAll(async () => {
    gridOfSample = await readWorkbookGrid(sample);
  });

  test('.xls (BIFF8) and the same bytes as WPS .et: a new .xlsx with the values, the same figures', async () => {
    const want = totals(gridOfSample!);
    const xls = sampleAs('biff8');
    for (const name of ['台账.xls', '台账.et']) {
      const before = xls.slice();
      const opened = await openLedger(name, xls);
      expect(opened).toMatchObject({ format: 'xls', converted: true, renamed: false, password: null });
      expect(totals(opened.grid)).toEqual(want);
      expect(detectFileKind(opened.xlsx)).toEqual({ kind: 'zip' });
      expect(xls).toEqual(before); // the user's bytes are not touched
      expect(conversionNote(name, opened)).toContain('结果工作簿是新建的 .xlsx');
    }
  });

  test('a .xls renamed .xlsx is read as the .xls it is, and the note says so', async () => {
    const opened = await openLedger('台账.xlsx', sampleAs('biff8'));
    expect(opened).toMatchObject({ format: 'xls', renamed: true });
    expect(conversionNote('台账.xlsx', opened)).toContain('“台账.xlsx”的内容其实是Excel 97-2003');
    expect(totals(opened.grid)).toEqual(totals(gridOfSample!));
  });

  test('.ods and .xlsb come through the same way', async () => {
    for (const [name, type] of [
      ['台账.ods', 'ods'],
      ['台账.xlsb', 'xlsb'],
    ] as const) {
      const opened = await openLedger(name, sampleAs(type));
      expect(opened.format).toBe(type);
      expect(totals(opened.grid)).toEqual(totals(gridOfSample!));
    }
  });

  test('.csv in UTF-8 with a BOM and in GBK: the ledger sheet, the same totals', async () => {
    const csv = sampleCsv();
    const want = totals({ sheets: [gridOfSample!.sheets[0]!] });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]);
    for (const [bytes, encoding] of [
      [bom, 'utf-8'],
      [encodeGbk(csv), 'gb18030'],
    ] as const) {
      const opened = await openLedger('指标账导出.csv', bytes);
      expect(opened).toMatchObject({ format: 'csv', encoding, converted: true });
      expect(opened.grid.sheets.map((s) => s.name)).toEqual(['指标账导出']);
      expect(totals(opened.grid)).toEqual(want);
    }
  });

  test('an .xlsx is read as it is: its own bytes are the ones the report is written into', async () => {
    const opened = await openLedger('台账.xlsx', sample);
    expect(opened).toMatchObject({ format: 'xlsx', converted: false, renamed: false, password: null });
    expect(opened.xlsx).toBe(sample);
    expect(conversionNote('台账.xlsx', opened)).toBeNull();
  });

  test('ledgerBaseName drops the known extensions only', () => {
    expect(ledgerBaseName('台账.XLS')).toBe('台账');
    expect(ledgerBaseName('台账.et')).toBe('台账');
    expect(ledgerBaseName('导出.csv')).toBe('导出');
    expect(ledgerBaseName('台账.2024')).toBe('台账.2024');
  });
});

describe('password-protected workbooks', () => {
  const encrypted = new Uint8Array(officeCrypto.encrypt(Buffer.from(sample), { password: PASSWORD }));
  const withCrypto = (password?: string): OpenLedgerOptions => ({
    crypto: nodeOfficeCrypto,
    ...(password === undefined ? {} : { password }),
  });

  test('detected as an encrypted OLE container, not as a damaged or foreign file', () => {
    expect(detectFileKind(encrypted)).toEqual({ kind: 'ole', content: 'encrypted-ooxml' });
  });

  test('no password: asked for; wrong password: its own message; no decryption at hand: what to do', async () => {
    const cases: [OpenLedgerOptions, LedgerFileProblem, string][] = [
      [withCrypto(), 'password-needed', '“台账.xlsx”设置了打开密码'],
      [withCrypto('123456'), 'wrong-password', '“台账.xlsx”的打开密码不对'],
      [{}, 'encrypted-unsupported', '清除打开密码后另存一份'],
    ];
    for (const [options, problem, text] of cases) {
      const e = await problemOf('台账.xlsx', encrypted, options);
      expect(e.problem).toBe(problem);
      expect(e.message).toContain(text);
    }
  });

  test('the right password: the same figures, the password kept for the result', async () => {
    const before = encrypted.slice();
    const opened = await openLedger('台账.xlsx', encrypted, withCrypto(PASSWORD));
    expect(opened).toMatchObject({ format: 'xlsx', converted: false, password: PASSWORD });
    expect(totals(opened.grid)).toEqual(totals(await readWorkbookGrid(sample)));
    expect(encrypted).toEqual(before);
    expect(conversionNote('台账.xlsx', opened)).toBe('结果工作簿已用同一打开密码加密。');
  });

  test("in the page, Excel 2007's standard encryption too: the same figures, the result in agile encryption", async () => {
    const standard = new Uint8Array(
      officeCrypto.encrypt(Buffer.from(sample), { password: PASSWORD, type: 'standard' }),
    );
    const page = (password?: string): OpenLedgerOptions => ({
      crypto: webOfficeCrypto,
      ...(password === undefined ? {} : { password }),
    });
    expect((await problemOf('台账.xlsx', standard, page())).problem).toBe('password-needed');
    expect((await problemOf('台账.xlsx', standard, page('123456'))).problem).toBe('wrong-password');
    const opened = await openLedger('台账.xlsx', standard, page(PASSWORD));
    expect(totals(opened.grid)).toEqual(totals(await readWorkbookGrid(sample)));
    const written = await webOfficeCrypto.encrypt(opened.xlsx, PASSWORD);
    expect(Buffer.from(await nodeOfficeCrypto.decrypt(written, PASSWORD)).equals(sample)).toBe(true);
  });

  test('an .xls with an open password (RC4, written by LibreOffice): the CLI opens it, the page says at once it cannot', async () => {
    const xls = new Uint8Array(readFileSync(`${__dirname}/fixtures/sample-password-rc4.xls`));
    expect((await problemOf('台账.xls', xls, withCrypto())).problem).toBe('password-needed');
    expect((await problemOf('台账.xls', xls, withCrypto('台账PW'))).problem).toBe('wrong-password');
    const opened = await openLedger('台账.xls', xls, withCrypto('台账pw'));
    expect(opened).toMatchObject({ format: 'xls', converted: true, password: '台账pw' });
    expect(totals(opened.grid)).toEqual(totals(await readWorkbookGrid(sample)));
    // The page has no RC4: refused before any password is asked for, and with one given too.
    for (const password of [undefined, '台账pw']) {
      const e = await problemOf('台账.xls', xls, {
        crypto: webOfficeCrypto,
        ...(password === undefined ? {} : { password }),
      });
      expect(e.problem).toBe('encrypted-unsupported');
      expect(e.message).toContain('“台账.xls”是设置了打开密码的 .xls/.et 文件');
    }
  });

  test('the result encrypted again opens with the same password and no other', async () => {
    const again = await nodeOfficeCrypto.encrypt(sample, PASSWORD);
    expect(detectFileKind(again)).toEqual({ kind: 'ole', content: 'encrypted-ooxml' });
    expect(Buffer.from(await nodeOfficeCrypto.decrypt(again, PASSWORD)).equals(sample)).toBe(true);
    expect((await problemOf('x.xlsx', again, withCrypto('wrong'))).problem).toBe('wrong-password');
  });
});

describe('bad files: each with its own message naming the file', () => {
  async function docx(): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    return zip.generateAsync({ type: 'uint8array' });
  }

  test.each([
    ['empty', () => new Uint8Array(), 'empty', '是空文件（0 字节）'],
    ['cut off half way', () => sample.slice(0, sample.length >> 1), 'damaged', '已损坏或不完整'],
    ['the first bytes only', () => sample.slice(0, 30), 'damaged', '已损坏或不完整'],
    ['a Word document renamed', docx, 'wrong-kind', '它其实是Word 文档'],
    ['a PDF renamed', () => new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj'), 'wrong-kind', '它其实是PDF 文件'],
    ['a picture renamed', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), 'wrong-kind', 'PNG 图片'],
    ['a zip of other files', () => sampleZipOf({ 'a.txt': 'x' }), 'wrong-kind', 'zip 压缩包'],
    ['binary noise', () => new Uint8Array([0, 159, 146, 150, 0, 0, 1, 2]), 'wrong-kind', '它不是电子表格文件'],
    ['a CSV of empty lines', () => new TextEncoder().encode(',,\n,,\n'), 'empty', '里没有任何数据'],
  ] as const)('%s', async (_what, make, problem, text) => {
    const e = await problemOf('台账.xlsx', await make());
    expect(e.problem).toBe(problem);
    expect(e.message).toContain('“台账.xlsx”');
    expect(e.message).toContain(text);
  });
});

function sampleZipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [p, t] of Object.entries(files)) zip.file(p, t);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('damaged inside: bytes that unzip without an error but are not what was written', () => {
  /** The sample stored without compression, so a byte of a part can be changed in place. */
  async function storedSample(): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(sample);
    return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  }
  /** Changes the first digit after `marker` (searched from the start of `part`'s data) to another digit. */
  function changeDigit(bytes: Uint8Array, part: string, marker: string): Uint8Array {
    const text = Buffer.from(bytes).toString('latin1');
    const at = text.indexOf(marker, text.indexOf(part) + part.length);
    let k = at + marker.length;
    while (!/\d/.test(text[k]!)) k++;
    const out = bytes.slice();
    out[k] = text[k] === '9' ? 0x38 : out[k]! + 1;
    return out;
  }
  const cli: OpenLedgerOptions = {
    read: { inflateWhole: zlibInflateWhole, inflater: zlibInflater, crc32: nodeCrc32, streamAbove: 0 },
  };

  test.each([
    ['a figure in a worksheet', 'xl/worksheets/sheet1.xml', '<v>', {}],
    ['a figure in a worksheet, read the CLI way in pieces', 'xl/worksheets/sheet1.xml', '<v>', cli],
    ['a part the grid does not need (document properties)', 'docProps/app.xml', '<', {}],
    ['a part the grid does not need, the CLI way', 'docProps/app.xml', '<', cli],
  ] as const)('%s: refused as damaged, not read as other figures', async (_what, part, marker, options) => {
    const stored = await storedSample();
    // The untouched copy opens: only the change makes it damaged.
    await expect(openLedger('台账.xlsx', stored, options)).resolves.toBeDefined();
    const e = await problemOf('台账.xlsx', changeDigit(stored, part, marker), options);
    expect(e.problem).toBe('damaged');
    expect(e.message).toContain('“台账.xlsx”已损坏或不完整');
  });

  test('a sheet the workbook lists whose part is missing is a damaged file, not a sheet left out', async () => {
    const zip = await JSZip.loadAsync(sample);
    zip.remove('xl/worksheets/sheet2.xml');
    const e = await problemOf('台账.xlsx', await zip.generateAsync({ type: 'uint8array' }));
    expect(e.problem).toBe('damaged');
  });
});
