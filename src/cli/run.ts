import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildReport } from '../core/pipeline';
import { placeText } from '../core/errors';
import { blocksToText } from '../core/report/types';
import { reportToJson } from '../core/report/to-json';
import { readWorkbookGrid } from '../xlsx/read-grid';
import { applyPlanToXlsx } from '../xlsx/apply-plan';
import { buildDocx } from '../word/docx';
import { type CliArgs, USAGE, UsageError, parseArgs } from './args';

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
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
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) io.err(`错误：${e.message}`);
      io.err(USAGE);
      return { code: e.message ? 2 : 0, files: [] };
    }
    throw e;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(args.ledger));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(
      code === 'ENOENT'
        ? `错误：找不到文件“${args.ledger}”。`
        : `错误：无法读取文件“${args.ledger}”（${code ?? String(e)}）。`,
    );
    return { code: 1, files: [] };
  }
  let grid;
  try {
    grid = await readWorkbookGrid(bytes);
  } catch {
    io.err(`错误：“${args.ledger}”不是有效的 .xlsx 工作簿（如是 .xls 或 WPS 格式，请先另存为 .xlsx）。`);
    return { code: 1, files: [] };
  }
  const result = buildReport(grid, args.options);
  if (!result.ok) {
    const where = result.error.place ? `（${placeText(result.error.place)}）` : '';
    io.err(`错误：${result.error.message}${where}`);
    return { code: 1, files: [] };
  }
  const { model, plan } = result.value;
  const base = path.basename(args.ledger).replace(/\.xlsx$/i, '');
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
    [files.xlsx, await applyPlanToXlsx(bytes, plan)],
    [files.docx, await buildDocx(model)],
  ];
  try {
    await mkdir(args.outDir, { recursive: true });
    for (const [file, content] of contents) await writeFile(file, content);
  } catch (e) {
    // The disk or the --out path, not the ledger and not a bug: say which file and why.
    if (!isSystemError(e)) throw e;
    const why = e.code === 'ENOSPC' ? '磁盘空间不足' : '请检查输出目录（--out）是否是可写的文件夹';
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
