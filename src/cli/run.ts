import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildReport } from '../core/pipeline';
import { splitByUnitColumn } from '../core/batch/split-units';
import { placeText } from '../core/errors';
import { blocksToText } from '../core/report/types';
import { reportToJson } from '../core/report/to-json';
import { conversionNote, LedgerFileError, ledgerBaseName, type OpenedLedger, openLedger } from '../xlsx/open-ledger';
import { applyPlanToXlsx } from '../xlsx/apply-plan';
import { buildDocx } from '../word/docx';
import { type CliArgs, parseArgs, parsedOrExit } from './args';
import { nodeOfficeCrypto } from './office-crypto';
import { bufferFind, nodeCrc32, ZLIB_CODEC, zlibInflater, zlibInflateWhole } from './zlib-codec';

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Asks for the open password on a terminal (echo off); absent when nobody can answer. */
  readonly askPassword?: (question: string) => Promise<string | null>;
  /**
   * Runs the same command as the 汇总 of many units: called when the one file opened is an export
   * whose 预算单位 column holds several units (each is then a unit of its own, never summed).
   */
  readonly runAsBatch?: () => Promise<CliResult>;
}

export interface CliResult {
  readonly code: number;
  readonly files: readonly string[];
}

/**
 * The command-line job: read the ledger, build the report, write report.json, report.txt, the
 * workbook with the 监控汇总/监控报告 sheets and highlights, and the .docx. Returns an exit code;
 * expected failures print a Chinese message without a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<CliResult> {
  const parsed = parsedOrExit(() => parseArgs(argv), io.err);
  if ('exit' in parsed) return { code: parsed.exit, files: [] };
  const args = parsed.args;
  let bytes: Uint8Array;
  try {
    // A view of the file's buffer, not a copy: a 50 MB workbook need not be held twice.
    const file = await readFile(args.ledger);
    bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(
      code === 'ENOENT'
        ? `错误：找不到文件“${args.ledger}”。`
        : `错误：无法读取文件“${args.ledger}”（${code ?? String(e)}）。`,
    );
    return { code: 1, files: [] };
  }
  // Messages name the file as the user typed it; output names use its base name.
  const fileName = args.ledger;
  const opened = await openOrExplain(fileName, bytes, args, io);
  if (!opened) return { code: 1, files: [] };
  const grid = opened.grid;
  if (io.runAsBatch && splitByUnitColumn(grid) !== null) return io.runAsBatch();
  const result = buildReport(grid, args.options);
  // Said before anything else: a refusal of a renamed or converted file reads better knowing what it was.
  const note = conversionNote(fileName, opened);
  if (note) io.err(`说明：${note}`);
  if (!result.ok) {
    const where = result.error.place ? `（${placeText(result.error.place)}）` : '';
    io.err(`错误：${result.error.message}${where}`);
    return { code: 1, files: [] };
  }
  const { model, plan } = result.value;
  const base = ledgerBaseName(path.basename(fileName));
  const files = {
    json: path.join(args.outDir, 'report.json'),
    txt: path.join(args.outDir, 'report.txt'),
    xlsx: path.join(args.outDir, `${base}-监控报告.xlsx`),
    docx: path.join(args.outDir, `${base}-监控报告.docx`),
  };
  const narrative = blocksToText(model.blocks);
  // Everything is built before the first file is written: a failure while building leaves no half set.
  const contents: [string, string | Uint8Array][] = [
    [files.json, JSON.stringify(reportToJson(model), null, 2) + '\n'],
    [files.txt, narrative + '\n'],
    [files.xlsx, await resultWorkbook(opened, plan)],
    [files.docx, await buildDocx(model)],
  ];
  try {
    await mkdir(args.outDir, { recursive: true });
    for (const [file, content] of contents) await writeFile(file, content);
  } catch (e) {
    // The disk or the --out path, not the ledger and not a bug: say which file and why.
    if (!isSystemError(e)) throw e;
    const why =
      e.code === 'ENOSPC'
        ? '磁盘空间不足，请清理磁盘或用 --out 换一个位置'
        : e.code === 'EEXIST' || e.code === 'ENOTDIR'
          ? '这个路径上已有同名的文件，不是文件夹：请用 --out 指定一个文件夹（不存在时会自动创建）'
          : e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS'
            ? '没有写入权限：请用 --out 换一个可写的文件夹'
            : '请检查输出目录（--out）是否是可写的文件夹';
    io.err(`错误：无法写入“${e.path ?? args.outDir}”（${e.code}）。${why}。`);
    return { code: 1, files: [] };
  }
  if (!args.quiet) {
    io.out(narrative);
    io.out('');
  }
  for (const w of model.warnings) {
    io.err(`提示：${placeText(w)}：${w.message}`);
  }
  io.out(`已生成：\n  ${Object.values(files).join('\n  ')}`);
  return { code: 0, files: Object.values(files) };
}

/** An error from the operating system (ENOENT, EACCES, ENOTDIR, ENOSPC…), as Node reports it. */
function isSystemError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && 'syscall' in e;
}

/**
 * Opens the ledger whatever its format, asking for the open password on a terminal when it has one and
 * none was given. Prints the reason and returns null for a file that cannot be used.
 */
async function openOrExplain(
  fileName: string,
  bytes: Uint8Array,
  args: CliArgs,
  io: CliIo,
): Promise<OpenedLedger | null> {
  let password = args.password;
  for (;;) {
    try {
      return await openLedger(fileName, bytes, {
        crypto: nodeOfficeCrypto,
        read: { inflater: zlibInflater, inflateWhole: zlibInflateWhole, crc32: nodeCrc32, findBytes: bufferFind },
        ...(password !== undefined ? { password } : {}),
      });
    } catch (e) {
      if (!(e instanceof LedgerFileError)) throw e;
      const canAsk = io.askPassword !== undefined && args.password === undefined;
      if (e.problem === 'password-needed' && canAsk) {
        const answer = await io.askPassword!(`“${path.basename(fileName)}”设置了打开密码，请输入密码（不显示）：`);
        if (answer !== null && answer !== '') {
          password = answer;
          continue;
        }
      }
      if (e.problem === 'wrong-password' && canAsk) {
        io.err(`错误：${e.message}`);
        const answer = await io.askPassword!('请重新输入密码（直接回车放弃）：');
        if (answer !== null && answer !== '') {
          password = answer;
          continue;
        }
        return null;
      }
      const hint =
        e.problem === 'password-needed'
          ? '请用 --password 密码 给出打开密码，例如：npm run report -- 台账.xlsx --password 你的密码'
          : '';
      io.err(`错误：${e.message}${hint}`);
      return null;
    }
  }
}

/** The result workbook: the report's sheets added, encrypted again with the ledger's password. */
async function resultWorkbook(opened: OpenedLedger, plan: Parameters<typeof applyPlanToXlsx>[1]): Promise<Uint8Array> {
  const written = await applyPlanToXlsx(opened.xlsx, plan, {
    codec: ZLIB_CODEC,
    ...(opened.largeSheetShells ? { knownShells: opened.largeSheetShells } : {}),
  });
  return opened.password === null ? written : nodeOfficeCrypto.encrypt(written, opened.password);
}
