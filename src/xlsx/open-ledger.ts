/**
 * Opening whatever file an office sends as the ledger: an .xlsx (read as it is), an .xls/.et/.xlsb/.ods,
 * an HTML or XML "xls", a .csv (converted in memory to a new .xlsx, so the rest of the program sees one
 * format), or an .xlsx with an open password (decrypted in memory). The user's bytes are never changed.
 * Every refusal is a LedgerFileError with a Chinese message naming the file and saying what to do.
 *
 * The spreadsheet parser (SheetJS) and the decryption code are loaded only when a file needs them, so the
 * pane's first screen and an ordinary .xlsx run do not pay for them.
 */
import JSZip from 'jszip';
import { type CellValue } from '../core/grid/types';
import { decodeText, parseCsv } from './csv';
import { detectFileKind } from './file-kind';
import { type ReadOptions, readWorkbookGrid, type WorkbookGridWithInfo } from './read-grid';

/** Why a file cannot be used as a ledger. */
export type LedgerFileProblem =
  | 'empty'
  | 'damaged'
  | 'password-needed'
  | 'wrong-password'
  | 'encrypted-unsupported'
  | 'wrong-kind'
  | 'too-large'
  | 'unreadable';

export class LedgerFileError extends Error {
  constructor(
    readonly problem: LedgerFileProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LedgerFileError';
  }
}

/** The formats the reader knows, with the name a user knows each by. */
export type LedgerFormat = 'xlsx' | 'xls' | 'xlsb' | 'ods' | 'html' | 'xml2003' | 'csv';

export const FORMAT_NAMES: Readonly<Record<LedgerFormat, string>> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  xls: 'Excel 97-2003 / WPS 表格（.xls、.et）',
  xlsb: 'Excel 二进制工作簿（.xlsb）',
  ods: 'OpenDocument 电子表格（.ods）',
  html: '网页格式的表格（常见于系统导出的 .xls）',
  xml2003: 'Excel 2003 XML 表格',
  csv: 'CSV 文本',
};

/** Decrypts and encrypts an Office file with a password (ECMA-376 agile/standard, RC4 for .xls). */
export interface OfficeCrypto {
  /** Rejects with WrongPasswordError when the password does not open the file. */
  decrypt(bytes: Uint8Array, password: string): Promise<Uint8Array>;
  encrypt(xlsx: Uint8Array, password: string): Promise<Uint8Array>;
  /** Whether it opens an .xls/.et with an open password (RC4); the page's does not. */
  readonly decryptsXls: boolean;
}

export class WrongPasswordError extends Error {}

export interface OpenLedgerOptions {
  /** The open password, when the user gave one. */
  readonly password?: string;
  /** Decryption for password-protected files; without it such a file is refused (browser). */
  readonly crypto?: OfficeCrypto;
  /** How large worksheets are read (the CLI passes Node's zlib). */
  readonly read?: ReadOptions;
}

export interface OpenedLedger {
  readonly grid: WorkbookGridWithInfo;
  /**
   * The .xlsx the report's sheets are written into: the user's own bytes for an .xlsx, the decrypted
   * package for an encrypted one, a new workbook holding the values for any other format.
   */
  readonly xlsx: Uint8Array;
  readonly format: LedgerFormat;
  /** True when `xlsx` is a new workbook made from another format (values only, no formulas or formatting). */
  readonly converted: boolean;
  /** The password the file was opened with: the result must be encrypted with it again. */
  readonly password: string | null;
  /** The name does not say what the content is (a .xls renamed .xlsx). */
  readonly renamed: boolean;
  /** For a CSV: the text encoding it was read with. */
  readonly encoding?: string;
  /** Large worksheet parts of `xlsx` without their rows, by part path (see ReadOptions.onLargeSheet). */
  readonly largeSheetShells?: ReadonlyMap<string, string>;
}

const EXTENSIONS: Readonly<Record<LedgerFormat, RegExp>> = {
  xlsx: /\.(xlsx|xlsm|xltx|xltm)$/i,
  xls: /\.(xls|et|xlt|ett)$/i,
  xlsb: /\.xlsb$/i,
  ods: /\.(ods|ots)$/i,
  html: /\.(xls|htm|html|et)$/i,
  xml2003: /\.(xls|xml)$/i,
  csv: /\.(csv|txt|tsv)$/i,
};

/** "台账.xls" → "台账"; names without a known extension are kept whole. */
export function ledgerBaseName(fileName: string): string {
  return fileName.replace(/\.(xlsx|xlsm|xltx|xltm|xls|xlt|et|ett|xlsb|ods|ots|csv|tsv|txt|htm|html|xml)$/i, '');
}

const SAVE_AS = '在 Excel 或 WPS 中打开它，“另存为”Excel 工作簿（.xlsx）后再试';

type Xlsx = typeof import('@e965/xlsx');
let sheetJs: Promise<Xlsx> | undefined;
/** SheetJS, loaded on first need (about 1 MB: never in the pane's first screen). */
function loadSheetJs(): Promise<Xlsx> {
  sheetJs ??= import(/* webpackChunkName: "sheetjs" */ '@e965/xlsx');
  return sheetJs;
}

/**
 * Reads `bytes` (the content of `fileName`) as a ledger workbook. Throws LedgerFileError for a file it
 * cannot use; other exceptions are bugs.
 */
export async function openLedger(
  fileName: string,
  bytes: Uint8Array,
  options: OpenLedgerOptions = {},
): Promise<OpenedLedger> {
  const kind = detectFileKind(bytes);
  const named = `“${fileName}”`;
  switch (kind.kind) {
    case 'empty':
      throw new LedgerFileError(
        'empty',
        `${named}是空文件（0 字节），里面没有任何内容，可能是下载或复制没有完成。请从原处重新下载或复制一份再试。`,
      );
    case 'zip':
      return openZip(fileName, bytes, null, options.read);
    case 'ole':
      switch (kind.content) {
        case 'encrypted-ooxml':
          return openEncrypted(fileName, bytes, options);
        case 'workbook':
          return convert(fileName, bytes, 'xls', options);
        case 'word':
          throw wrongKind(fileName, 'Word/WPS 文字文档');
        case 'powerpoint':
          throw wrongKind(fileName, 'PowerPoint 演示文稿');
        default:
          throw new LedgerFileError(
            'unreadable',
            `${named}是 Office 格式的文件，但里面没有工作表（可能已损坏，或不是表格文件）。请${SAVE_AS}。`,
          );
      }
    case 'markup':
      return convert(fileName, bytes, isXml2003(bytes) ? 'xml2003' : 'html', options);
    case 'text':
      // A file named as a workbook holding a line of text without any separator is no table: a damaged or
      // mistaken file, not a .csv to read.
      if (
        /\.(xlsx|xlsm|xls|et)$/i.test(fileName) &&
        !/[,\t;，]/.test(new TextDecoder().decode(bytes.subarray(0, 65536)))
      ) {
        throw new LedgerFileError(
          'damaged',
          `“${fileName}”不是有效的 .xlsx 工作簿：里面只有一段文字，没有表格。请从原处重新下载或复制台账文件再试。`,
        );
      }
      return convertCsv(fileName, bytes);
    case 'other':
      throw wrongKind(fileName, kind.what);
  }
}

/** The password given does not open the file: its own message, so the user retypes it. */
function wrongPassword(fileName: string, cause: unknown): LedgerFileError {
  return new LedgerFileError(
    'wrong-password',
    `“${fileName}”的打开密码不对。请核对密码（区分大小写、全角和半角）后再试。`,
    {
      cause,
    },
  );
}

function wrongKind(fileName: string, what: string | null): LedgerFileError {
  const it = what ? `它其实是${what}` : '它不是电子表格文件';
  return new LedgerFileError(
    'wrong-kind',
    `“${fileName}”不能作为台账打开：${it}。请选择台账所在的工作簿（.xlsx、.xls、.et）或系统导出的 .csv 文件。`,
  );
}

/** Out of memory or over a JavaScript limit (a string or an array too long): the file is too big, not broken. */
function isTooLarge(e: unknown): boolean {
  if (e instanceof RangeError) return true;
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ERR_STRING_TOO_LONG' || code === 'ERR_BUFFER_TOO_LARGE';
}

function damaged(fileName: string, cause?: unknown): LedgerFileError {
  return new LedgerFileError(
    'damaged',
    `“${fileName}”已损坏或不完整（常见于下载或微信、QQ 传输中断）。请重新下载或让对方重新发送；如果原文件在 Excel 或 WPS 中能打开，请另存为 .xlsx 后再试。`,
    { cause },
  );
}

function isXml2003(b: Uint8Array): boolean {
  const head = new TextDecoder().decode(b.subarray(0, 2000));
  return /urn:schemas-microsoft-com:office:spreadsheet/.test(head);
}

const named = (pattern: RegExp, name: string): boolean => pattern.test(name);

async function openZip(
  fileName: string,
  bytes: Uint8Array,
  password: string | null,
  read: ReadOptions = {},
): Promise<OpenedLedger> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw damaged(fileName, e);
  }
  const has = (p: string) => zip.file(p) !== null;
  const renamedFrom = (f: LedgerFormat) => !named(EXTENSIONS[f], fileName);
  if (has('xl/workbook.bin')) return convert(fileName, bytes, 'xlsb', { password: password ?? undefined });
  if (has('mimetype') && has('content.xml')) {
    const mime = (await zip.file('mimetype')!.async('string')).trim();
    if (mime.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return convert(fileName, bytes, 'ods', {});
    throw wrongKind(fileName, mime.includes('text') ? 'OpenDocument 文字文档' : 'OpenDocument 文档');
  }
  if (has('word/document.xml')) throw wrongKind(fileName, 'Word 文档');
  if (has('ppt/presentation.xml')) throw wrongKind(fileName, 'PowerPoint 演示文稿');
  if (!has('[Content_Types].xml') || (zip.file(/^xl\/workbook\d*\.xml$/).length === 0 && !has('_rels/.rels')))
    throw wrongKind(fileName, 'zip 压缩包（请先解压，再选择里面的台账工作簿）');
  let grid: WorkbookGridWithInfo;
  const largeSheetShells = new Map<string, string>();
  try {
    grid = await readWorkbookGrid(bytes, {
      ...read,
      onLargeSheet: (part, shell) => {
        largeSheetShells.set(part, shell);
        read.onLargeSheet?.(part, shell);
      },
    });
  } catch (e) {
    if (isTooLarge(e))
      throw new LedgerFileError(
        'too-large',
        `“${fileName}”里的工作表展开后太大，无法读取（通常是整列或整行设置了格式，留下上百万个空行）。请在 Excel 或 WPS 中选中台账数据下方的空行，删除后保存再试。`,
        { cause: e },
      );
    // The directory was whole but a part is missing or does not inflate: damaged all the same.
    throw damaged(fileName, e);
  }
  return {
    grid,
    xlsx: bytes,
    format: 'xlsx',
    converted: false,
    password,
    renamed: renamedFrom('xlsx'),
    ...(largeSheetShells.size > 0 ? { largeSheetShells } : {}),
  };
}

async function openEncrypted(fileName: string, bytes: Uint8Array, options: OpenLedgerOptions): Promise<OpenedLedger> {
  const { password, crypto } = options;
  if (!crypto)
    throw new LedgerFileError(
      'encrypted-unsupported',
      `“${fileName}”设置了打开密码，这里不能打开加密的文件。请在 Excel 或 WPS 中用密码打开它，在“文件”→“信息”（WPS：“文件”→“文档加密”）中清除打开密码后另存一份，再选择另存的文件。`,
    );
  if (password === undefined || password === '')
    throw new LedgerFileError('password-needed', `“${fileName}”设置了打开密码，需要输入密码才能读取。`);
  let plain: Uint8Array;
  try {
    plain = await crypto.decrypt(bytes, password);
  } catch (e) {
    if (e instanceof WrongPasswordError) throw wrongPassword(fileName, e);
    throw new LedgerFileError(
      'unreadable',
      `“${fileName}”设置了打开密码，但它的加密方式无法识别（${e instanceof Error ? e.message : String(e)}）。请在 Excel 或 WPS 中用密码打开它，清除打开密码后另存一份，再选择另存的文件。`,
      { cause: e },
    );
  }
  const inner = detectFileKind(plain);
  if (inner.kind === 'zip') return { ...(await openZip(fileName, plain, password, options.read)), renamed: false };
  throw new LedgerFileError('unreadable', `“${fileName}”解密后不是工作簿，无法读取。请${SAVE_AS}。`);
}

/** Sheet names Excel accepts: at most 31 characters, none of []:*?/\. */
function sheetNameOf(fileName: string): string {
  const base = ledgerBaseName(fileName.replace(/^.*[\\/]/, ''))
    .replace(/[[\]:*?/\\]/g, '_')
    .slice(0, 31);
  return base || 'Sheet1';
}

/** The values of a workbook from another format, written as a new .xlsx and read back with the usual reader. */
async function convert(
  fileName: string,
  bytes: Uint8Array,
  format: Exclude<LedgerFormat, 'xlsx' | 'csv'>,
  options: OpenLedgerOptions,
): Promise<OpenedLedger> {
  const XLSX = await loadSheetJs();
  let book: import('@e965/xlsx').WorkBook;
  try {
    // Values only: formulas come over as their cached results, like the rest of the program reads them.
    book = XLSX.read(bytes, { type: 'array', cellFormula: false, cellHTML: false, cellNF: true, cellStyles: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) {
      // An .xls with an open password (RC4): decrypted to BIFF by the crypto provider when there is one.
      // A provider that cannot decrypt .xls is not asked, and the user is not asked for a password in vain.
      const crypto = options.crypto?.decryptsXls ? options.crypto : undefined;
      if (crypto && options.password) {
        let plain: Uint8Array;
        try {
          plain = await crypto.decrypt(bytes, options.password);
        } catch (d) {
          if (d instanceof WrongPasswordError) throw wrongPassword(fileName, d);
          throw new LedgerFileError(
            'unreadable',
            `“${fileName}”是设置了打开密码的 .xls 文件，无法解密。请在 Excel 或 WPS 中用密码打开它，清除打开密码后另存为 .xlsx，再选择另存的文件。`,
            { cause: d },
          );
        }
        const opened = await convert(fileName, plain, format, {});
        return { ...opened, password: options.password };
      }
      if (crypto) throw new LedgerFileError('password-needed', `“${fileName}”设置了打开密码，需要输入密码才能读取。`);
      throw new LedgerFileError(
        'encrypted-unsupported',
        `“${fileName}”是设置了打开密码的 ${format === 'xls' ? '.xls/.et' : FORMAT_NAMES[format]} 文件，这里不能打开。请在 Excel 或 WPS 中用密码打开它，清除打开密码后另存为 .xlsx，再选择另存的文件（命令行版本 npm run report 可以直接打开这类文件）。`,
      );
    }
    throw new LedgerFileError(
      'unreadable',
      `“${fileName}”看起来是${FORMAT_NAMES[format]}，但无法读取（${msg}），可能已损坏。请${SAVE_AS}。`,
      { cause: e },
    );
  }
  if (book.SheetNames.length === 0)
    throw new LedgerFileError('unreadable', `“${fileName}”里没有工作表。请确认选择的是台账文件。`);
  const xlsx = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  const grid = await readWorkbookGrid(xlsx);
  return {
    grid,
    xlsx,
    format,
    converted: true,
    password: options.password ?? null,
    renamed: !named(EXTENSIONS[format], fileName),
  };
}

async function convertCsv(fileName: string, bytes: Uint8Array): Promise<OpenedLedger> {
  const { text, encoding } = decodeText(bytes);
  const rows = parseCsv(text);
  if (rows.every((r) => r.length === 0))
    throw new LedgerFileError('empty', `“${fileName}”里没有任何数据（只有空行）。请确认导出时选择了要导出的数据。`);
  const XLSX = await loadSheetJs();
  const sheet = XLSX.utils.aoa_to_sheet(rows as CellValue[][]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetNameOf(fileName));
  const xlsx = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  const grid = await readWorkbookGrid(xlsx);
  return {
    grid,
    xlsx,
    format: 'csv',
    converted: true,
    password: null,
    renamed: !named(EXTENSIONS.csv, fileName),
    encoding,
  };
}

/** The Chinese note for a result that is not the user's own workbook with sheets added, or null. */
export function conversionNote(fileName: string, opened: OpenedLedger): string | null {
  const notes: string[] = [];
  if (opened.renamed) notes.push(`“${fileName}”的内容其实是${FORMAT_NAMES[opened.format]}，已按实际格式读取。`);
  if (opened.converted)
    notes.push(`原文件未改动；结果工作簿是新建的 .xlsx，含台账的数值（不含原文件的公式和格式）和生成的监控表。`);
  if (opened.password !== null) notes.push('结果工作簿已用同一打开密码加密。');
  return notes.length ? notes.join('') : null;
}
