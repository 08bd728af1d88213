/**
 * The command line as `npm run report` and `npx jxjk-report` run it: the compiled bundle
 * (build/cli/jxjk-report.cjs, rebuilt here when a source is newer) in a real `node` process,
 * judged by what a user (or a script calling it) sees — the exit code, the Chinese message on
 * stderr, no stack trace unless DEBUG=1, and the files written or not written.
 *
 *   0  a report (the sample ledger; a ledger that contradicts itself with --accept-differences)
 *   1  an unusable ledger (an empty, cut-off, encrypted or foreign file, a 合计 that is not the sum of its rows),
 *      a wrong password, an unwritable --out or an --out that is a file
 *   2  a wrong command line (an unknown option, --month 13 / 0, --year 24)
 *   3  an internal error (an exception the program does not expect, planted by fixtures/internal-error.cjs)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import officeCrypto from 'officecrypto-tool';
import { detectFileKind } from '../../src/xlsx/file-kind';
import { SAMPLE_PATH } from '../../scripts/make-sample';

const ROOT = path.join(__dirname, '../..');
const { ensureCli } = require('../../scripts/build-cli.cjs') as { ensureCli: () => string };
let bundle = '';
const INTERNAL_ERROR_HOOK = path.join(__dirname, 'fixtures/internal-error.cjs');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface Spawn {
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** A CommonJS module loaded before the program (`node --require`). */
  readonly preload?: string;
}

function cli({ args, env = {}, preload }: Spawn): Promise<Run> {
  // The user's DEBUG must not leak in: the stack is checked both ways on purpose.
  const { DEBUG: _debug, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(preload ? ['--require', preload] : []), bundle, ...args], {
      cwd: ROOT,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the spawns a few at a time (2 cores are shared), each result under its name. */
async function runAll<K extends string>(jobs: Record<K, Spawn>, parallel = 3): Promise<Record<K, Run>> {
  const names = Object.keys(jobs) as K[];
  const out = {} as Record<K, Run>;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const name = names[next++]!;
      out[name] = await cli(jobs[name]);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return out;
}

const STACK_LINE = /^\s+at /m;

let dir = '';
const outOf = (name: string) => path.join(dir, `out-${name}`);
let runs: Record<
  | 'sample'
  | 'empty'
  | 'mismatch'
  | 'accepted'
  | 'unknownOption'
  | 'month13'
  | 'internal'
  | 'internalDebug'
  | 'unwritable'
  | 'outIsFile'
  | 'month0'
  | 'year24'
  | 'cutOff'
  | 'pdf'
  | 'encryptedNoPassword'
  | 'encryptedWrongPassword'
  | 'encrypted'
  | 'xlsRenamed',
  Run
>;
const PASSWORD = 'jx-2024';
let xlsRenamed = '';

beforeAll(async () => {
  bundle = ensureCli();
  dir = mkdtempSync(path.join(tmpdir(), 'jxjk-cli-process-'));
  const empty = path.join(dir, '空文件.xlsx');
  writeFileSync(empty, '');
  // A small ledger whose 合计 row says 92,000 spent where its three lines add up to 82,000.
  const mismatch = path.join(dir, '合计不符.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('预算执行台账');
  ws.addRow(['某单位2024年1-8月预算执行台账']);
  ws.addRow(['项目名称', '资金来源', '年初预算', '调整预算', '全年预算', '1-8月执行数']);
  ws.addRow(['基本工资', '一般公共预算拨款', 100000, 0, 100000, 60000]);
  ws.addRow(['办公费', '一般公共预算拨款', 20000, 0, 20000, 12000]);
  ws.addRow(['维权帮扶项目', '一般公共预算拨款', 50000, 0, 50000, 10000]);
  ws.addRow(['合计', '', 170000, 0, 170000, 92000]);
  await wb.xlsx.writeFile(mismatch);
  // --out below a plain file: no folder can be made there, whoever runs the test (root included).
  const plainFile = path.join(dir, '一个文件');
  writeFileSync(plainFile, 'x');

  const sampleBytes = readFileSync(SAMPLE_PATH);
  const cutOff = path.join(dir, '下载中断.xlsx');
  writeFileSync(cutOff, sampleBytes.subarray(0, sampleBytes.length >> 1));
  const pdf = path.join(dir, '其实是PDF.xlsx');
  writeFileSync(pdf, '%PDF-1.4\n1 0 obj\n');
  const encrypted = path.join(dir, '加密台账.xlsx');
  writeFileSync(encrypted, officeCrypto.encrypt(sampleBytes, { password: PASSWORD }));
  // An Excel 97-2003 workbook renamed .xlsx by hand.
  xlsRenamed = path.join(dir, '改了后缀.xlsx');
  writeFileSync(xlsRenamed, XLSX.write(XLSX.read(sampleBytes), { type: 'buffer', bookType: 'biff8' }) as Buffer);

  runs = await runAll({
    sample: { args: [SAMPLE_PATH, '--out', outOf('sample')] },
    empty: { args: [empty, '--out', outOf('empty')] },
    mismatch: { args: [mismatch, '--out', outOf('mismatch')] },
    accepted: { args: [mismatch, '--out', outOf('accepted'), '--accept-differences', '--quiet'] },
    unknownOption: { args: [SAMPLE_PATH, '--out', outOf('unknown'), '--bogus'] },
    month13: { args: [SAMPLE_PATH, '--out', outOf('month13'), '--month', '13'] },
    internal: { args: [SAMPLE_PATH, '--out', outOf('internal'), '--quiet'], preload: INTERNAL_ERROR_HOOK },
    internalDebug: {
      args: [SAMPLE_PATH, '--out', outOf('internal-debug'), '--quiet'],
      preload: INTERNAL_ERROR_HOOK,
      env: { DEBUG: '1' },
    },
    unwritable: { args: [SAMPLE_PATH, '--out', path.join(plainFile, 'out'), '--quiet'] },
    outIsFile: { args: [SAMPLE_PATH, '--out', plainFile, '--quiet'] },
    month0: { args: [SAMPLE_PATH, '--out', outOf('month0'), '--month', '0'] },
    year24: { args: [SAMPLE_PATH, '--out', outOf('year24'), '--year', '24'] },
    cutOff: { args: [cutOff, '--out', outOf('cut-off')] },
    pdf: { args: [pdf, '--out', outOf('pdf')] },
    encryptedNoPassword: { args: [encrypted, '--out', outOf('enc-none')] },
    encryptedWrongPassword: { args: [encrypted, '--out', outOf('enc-wrong'), '--password', '123456'] },
    encrypted: { args: [encrypted, '--out', outOf('enc'), '--password', PASSWORD, '--quiet'] },
    xlsRenamed: { args: [xlsRenamed, '--out', outOf('xls'), '--quiet'] },
  });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('exit 0: a report', () => {
  test('the sample ledger: the narrative on stdout, the four files written and named, only hints on stderr', () => {
    const r = runs.sample;
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('泸县总工会2024年部门事中绩效监控报告');
    expect(r.stdout).toContain('已生成：');
    expect(readdirSync(outOf('sample')).sort()).toEqual(
      [
        'report.json',
        'report.txt',
        '泸县总工会2024年预算执行台账-监控报告.docx',
        '泸县总工会2024年预算执行台账-监控报告.xlsx',
      ].sort(),
    );
    for (const f of readdirSync(outOf('sample'))) expect(r.stdout).toContain(path.join(outOf('sample'), f));
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^提示：/);
    const json = JSON.parse(readFileSync(path.join(outOf('sample'), 'report.json'), 'utf8')) as {
      total: { budget: number; executed: number; executionRate: number };
    };
    expect(json.total).toMatchObject({ budget: 5164200, executionRate: 0.6275 });
  });

  test('a ledger that contradicts itself, with --accept-differences: a report that says so', () => {
    const r = runs.accepted;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已生成：');
    expect(r.stdout).not.toContain('部门事中绩效监控报告\n'); // --quiet: no narrative
    const txt = readFileSync(path.join(outOf('accepted'), 'report.txt'), 'utf8');
    expect(txt).toContain('台账中有1处数字与其合计或勾稽关系不符（工作表“预算执行台账”第6行F列）');
  });
});

describe('exit 1: the ledger cannot be used, or the files cannot be written', () => {
  test('an empty .xlsx', () => {
    const r = runs.empty;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`错误：“${path.join(dir, '空文件.xlsx')}”是空文件（0 字节）`);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).toBe('');
    expect(existsSync(outOf('empty'))).toBe(false);
  });

  test('a 合计 that is not the sum of its rows: the sheet, row, column and difference, and what to do', () => {
    const r = runs.mismatch;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('错误：台账自身的数字对不上');
    expect(r.stderr).toContain('工作表“预算执行台账”第6行F列');
    expect(r.stderr).toContain('执行数为92,000.00元，但它所含的3行明细合计为82,000.00元，相差10,000.00元');
    expect(r.stderr).toContain('--accept-differences');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).toBe('');
    expect(existsSync(outOf('mismatch'))).toBe(false);
  });

  test('an --out that cannot be a folder: the path and the system’s code, no stack', () => {
    const r = runs.unwritable;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^错误：无法写入“.*一个文件.*”（ENOTDIR）。这个路径上已有同名的文件，不是文件夹：请用 --out 指定一个文件夹/m,
    );
    expect(r.stderr).not.toContain('程序内部错误');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  test('an --out that is an existing file: exit 1, what to do, the file left alone', () => {
    const r = runs.outIsFile;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^错误：无法写入“.*一个文件”（EEXIST）。这个路径上已有同名的文件，不是文件夹：请用 --out 指定一个文件夹/m,
    );
    expect(readFileSync(path.join(dir, '一个文件'), 'utf8')).toBe('x');
  });

  test.each([
    ['cutOff', '下载中断.xlsx', '已损坏或不完整（常见于下载或微信、QQ 传输中断）。请重新下载'],
    ['pdf', '其实是PDF.xlsx', '不能作为台账打开：它其实是PDF 文件。请选择'],
    ['encryptedNoPassword', '加密台账.xlsx', '设置了打开密码，需要输入密码才能读取。请用 --password 密码'],
    ['encryptedWrongPassword', '加密台账.xlsx', '的打开密码不对。请核对密码'],
  ] as const)('%s: the file named, what is wrong and what to do', (name, file, text) => {
    const r = runs[name];
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`错误：“${path.join(dir, file)}”${text}`);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).toBe('');
  });
});

describe('exit 0 from other files offices send', () => {
  test('an encrypted workbook with --password: the result encrypted with the same password', async () => {
    const r = runs.encrypted;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('说明：结果工作簿已用同一打开密码加密。');
    const result = readFileSync(path.join(outOf('enc'), '加密台账-监控报告.xlsx'));
    expect(detectFileKind(result)).toEqual({ kind: 'ole', content: 'encrypted-ooxml' });
    const plain = await officeCrypto.decrypt(result, { password: PASSWORD });
    const book = XLSX.read(plain);
    expect(book.SheetNames).toEqual(expect.arrayContaining(['监控汇总', '监控报告']));
  });

  test('a .xls renamed .xlsx: read as .xls, the user’s file unchanged, a new .xlsx and the note saying so', () => {
    const r = runs.xlsRenamed;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('的内容其实是Excel 97-2003 / WPS 表格（.xls、.et），已按实际格式读取。');
    expect(r.stderr).toContain('原文件未改动；结果工作簿是新建的 .xlsx');
    expect(detectFileKind(readFileSync(xlsRenamed))).toEqual({ kind: 'ole', content: 'workbook' });
    const json = JSON.parse(readFileSync(path.join(outOf('xls'), 'report.json'), 'utf8')) as {
      total: { budget: number; executionRate: number };
    };
    expect(json.total).toMatchObject({ budget: 5164200, executionRate: 0.6275 });
    expect(detectFileKind(readFileSync(path.join(outOf('xls'), '改了后缀-监控报告.xlsx')))).toEqual({ kind: 'zip' });
  });
});

describe('exit 2: a wrong command line, with the usage', () => {
  test('an unknown option', () => {
    const r = runs.unknownOption;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('错误：不认识的参数“--bogus”。');
    expect(r.stderr).toContain('用法：npm run report -- <台账文件>');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(outOf('unknown'))).toBe(false);
  });

  test('--month 13', () => {
    const r = runs.month13;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('错误：--month 应为1到12之间的整数，收到“13”。');
    expect(r.stderr).toContain('用法：');
    expect(existsSync(outOf('month13'))).toBe(false);
  });

  test.each([
    ['month0', '错误：--month 应为1到12之间的整数，收到“0”。'],
    ['year24', '错误：--year 应为四位年份（如2024），收到“24”。'],
  ] as const)('%s', (name, text) => {
    const r = runs[name];
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
    expect(r.stderr).toContain('用法：');
  });
});

describe('exit 3: an internal error', () => {
  test('says so in Chinese, asks for the ledger, writes nothing and shows no stack', () => {
    const r = runs.internal;
    expect(r.code).toBe(3);
    expect(r.stderr.trim()).toBe('程序内部错误：模拟的内部错误。请把台账文件和这条信息发给开发人员。');
    expect(r.stdout).toBe('');
    expect(existsSync(path.join(outOf('internal'), 'report.json'))).toBe(false);
  });

  test('with DEBUG=1 the stack follows the message', () => {
    const r = runs.internalDebug;
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('程序内部错误：模拟的内部错误。');
    expect(r.stderr).toContain('TypeError: 模拟的内部错误');
    expect(r.stderr).toMatch(STACK_LINE);
  });
});
