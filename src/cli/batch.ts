/**
 * `npm run report -- <folder or several files> --out DIR`: every unit's usual outputs in DIR/<单位>/,
 * then 汇总.xlsx and 汇总通报.docx from all of them. Units run in worker threads (they are
 * independent); the main thread only writes files and keeps the progress line.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { aggregateUnits } from '../core/batch/aggregate';
import { buildBulletin } from '../core/batch/bulletin';
import { renameUnit } from '../core/batch/summarize';
import { type BatchModel, type UnitOutcome } from '../core/batch/types';
import { formatPercent } from '../core/money/format';
import { type ReportOptions } from '../core/pipeline';
import { splitByUnitColumn } from '../core/batch/split-units';
import { readWorkbookGrid } from '../xlsx/read-grid';
import { buildSummaryWorkbook } from '../xlsx/summary-workbook';
import { XlsxPackage } from '../xlsx/zip-parts';
import { buildBulletinDocx } from '../word/bulletin-docx';
import { USAGE, UsageError, parseArgs, parsedOrExit } from './args';
import { runUnit, type UnitJob, type UnitResult } from './batch-unit';
import { baseName, uniqueNames } from '../core/batch/unit-file';

export interface BatchIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Called after each unit; the terminal draws a progress line from it. */
  readonly progress?: (done: number, total: number, file: string) => void;
}

export interface BatchArgs {
  readonly inputs: readonly string[];
  readonly outDir: string;
  readonly options: ReportOptions;
  readonly quiet: boolean;
  /** Only 汇总.xlsx, 汇总通报.docx and 汇总.json, no folder per unit (--summary-only). */
  readonly summaryOnly?: boolean;
}

export interface BatchRunOptions {
  /** Worker threads; 0 runs every unit in this thread (tests, one unit). Default: one per core. */
  readonly workers?: number;
  /** Build each unit's own files too (default true). */
  readonly unitOutputs?: boolean;
}

export interface BatchResult {
  readonly code: number;
  readonly files: readonly string[];
  /** The 汇总 model the two files were built from (absent when nothing was written). */
  readonly model?: BatchModel;
}

export const SPREADSHEET = /\.(xlsx|xlsm|xls|et|csv)$/i;

/** Flags that take a value, read off the usage text so a flag added there is known here too. */
function valueFlags(): Set<string> {
  return new Set([...USAGE.matchAll(/(--[a-z-]+) [A-Z]/g)].map((m) => m[1]!));
}

function positionals(argv: readonly string[]): { inputs: string[]; rest: string[] } {
  const takesValue = valueFlags();
  const inputs: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('-')) {
      rest.push(a);
      if (takesValue.has(a) && i + 1 < argv.length) rest.push(argv[++i]!);
    } else inputs.push(a);
  }
  return { inputs, rest };
}

/** A batch when several files are given, one folder, or one export covering several units. */
export async function isBatchCommand(
  argv: readonly string[],
  { inspectFile = true }: { inspectFile?: boolean } = {},
): Promise<boolean> {
  const { inputs } = positionals(argv);
  if (inputs.length > 1) return true;
  if (inputs.length === 0) return false;
  if (/\.json$/i.test(inputs[0]!)) return true; // a 汇总.json to merge
  try {
    if ((await stat(inputs[0]!)).isDirectory()) return true;
    // The command line decides on one file after opening it once (runCli's runAsBatch), not here:
    // reading a 50 MB workbook twice doubled its time.
    if (!inspectFile) return false;
    return await coversSeveralUnits(new Uint8Array(await readFile(inputs[0]!)));
  } catch {
    // Unreadable: the one-unit run says why.
    return false;
  }
}

/** A header cell naming the unit of each row, as the package stores it. */
const UNIT_HEADER_XML = />(单位名称|预算单位|预算单位名称|部门名称|单位)</;

/**
 * True for an export with a 预算单位 column holding two units or more. Looks for the header word in
 * the package's text first (no sheet parsed for an ordinary ledger), then splits the grid.
 */
export async function coversSeveralUnits(bytes: Uint8Array): Promise<boolean> {
  let pkg: XlsxPackage;
  try {
    pkg = await XlsxPackage.open(bytes);
  } catch {
    return false;
  }
  const shared = pkg.paths().filter((p) => /sharedStrings\d*\.xml$/i.test(p));
  const parts = shared.length > 0 ? shared : pkg.paths().filter((p) => /worksheets\/[^/]+\.xml$/i.test(p));
  let mentioned = false;
  for (const p of parts) if (UNIT_HEADER_XML.test((await pkg.text(p)) ?? '')) mentioned = true;
  if (!mentioned) return false;
  return splitByUnitColumn(await readWorkbookGrid(bytes)) !== null;
}

export function parseBatchArgs(argv: readonly string[]): BatchArgs {
  const { inputs, rest } = positionals(argv);
  // Only the 汇总: the units' own four files are not built (about two thirds of the work).
  const summaryOnly = rest.includes('--summary-only');
  // The one-unit parser checks every other option; it sees the first input as its ledger.
  const one = parseArgs([...rest.filter((a) => a !== '--summary-only'), ...inputs.slice(0, 1)]);
  if (one.options.organization !== undefined)
    throw new UsageError('--org 只能用于单个台账：汇总时每个单位的名称取自各自的台账（没有时用文件名）。');
  return { inputs, outDir: one.outDir, options: one.options, quiet: one.quiet, summaryOnly };
}

interface Input {
  readonly path: string;
  readonly file: string;
}

/** The ledgers of the inputs: folders walked (hidden files, Office lock files and DIR itself left out). */
async function collectInputs(
  inputs: readonly string[],
  outDir: string,
): Promise<{ files: Input[]; missing: Input[]; skipped: string[] }> {
  const files: Input[] = [];
  const missing: Input[] = [];
  const skipped: string[] = [];
  const out = path.resolve(outDir);
  const walk = async (dir: string, root: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.name.startsWith('.') || e.name.startsWith('~$') || path.resolve(full) === out) continue;
      const rel = path.join(path.basename(root), path.relative(root, full));
      if (e.isDirectory()) await walk(full, root);
      else if (SPREADSHEET.test(e.name)) files.push({ path: path.resolve(full), file: rel });
      else skipped.push(rel);
    }
  };
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch {
      missing.push({ path: path.resolve(input), file: input });
      continue;
    }
    if (isDir) await walk(input, input);
    else files.push({ path: path.resolve(input), file: input });
  }
  return { files, missing, skipped };
}

/** Runs jobs on a pool of worker threads, handing each worker the next job when it is done. */
async function runPool(
  jobs: readonly UnitJob[],
  workers: number,
  onResult: (index: number, r: UnitResult[]) => Promise<void>,
): Promise<void> {
  const script = path.join(__dirname, `batch-worker${path.extname(__filename)}`);
  // A bundle without the worker beside it (a single-file build): the units run in this thread.
  if (workers <= 0 || !existsSync(script)) {
    for (let i = 0; i < jobs.length; i++) await onResult(i, await runUnit(jobs[i]!));
    return;
  }
  // Under tsx (npm run report) the worker is TypeScript too: register tsx in it first.
  // A larger young generation: the .docx library allocates many short-lived objects, and fewer
  // scavenges save about a seventh of a unit's CPU (measured with npm run bench).
  const resourceLimits = { maxYoungGenerationSizeMb: 192 };
  const spawnWorker = (): Worker =>
    script.endsWith('.ts')
      ? new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))});require(${JSON.stringify(script)});`, {
          eval: true,
          resourceLimits,
        })
      : new Worker(script, { resourceLimits });
  let next = 0;
  const pending: Promise<void>[] = [];
  const one = (w: Worker): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const send = (): void => {
        if (next >= jobs.length) {
          void w.terminate();
          resolve();
          return;
        }
        const id = next++;
        w.once('message', (msg: { id: number; results?: UnitResult[]; error?: string }) => {
          const results: UnitResult[] = msg.results ?? [
            {
              outcome: {
                ok: false,
                failure: {
                  name: baseName(jobs[id]!.file),
                  file: jobs[id]!.file,
                  reason: `程序内部错误：${(msg.error ?? '').split('\n')[0]}。请把此台账和这条信息发给开发人员。`,
                },
              },
              files: [],
              warnings: [],
            },
          ];
          onResult(id, results).then(send, reject);
        });
        w.postMessage({ id, job: jobs[id] });
      };
      w.once('error', reject);
      send();
    });
  for (let k = 0; k < Math.min(workers, jobs.length); k++) pending.push(one(spawnWorker()));
  await Promise.all(pending);
}

/**
 * The batch job. Exit code 0 when every ledger gave a report; 1 when some could not be read (the
 * 汇总 is written all the same and lists them) or none could; 2 on a wrong command line.
 */
export async function runBatch(args: BatchArgs, io: BatchIo, run: BatchRunOptions = {}): Promise<BatchResult> {
  const { files, missing, skipped } = await collectInputs(args.inputs, args.outDir);
  const outDir = args.outDir;
  const staging = path.join(outDir, '.units');
  const unitOutputs = run.unitOutputs ?? !args.summaryOnly;
  const jobs: UnitJob[] = files.map((f) => ({ ...f, options: args.options, outputs: unitOutputs }));
  // Per file, its units in order (several for one export covering many units).
  const outcomes: (UnitOutcome[] | undefined)[] = new Array(jobs.length);
  let warnings = 0;
  let done = 0;
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    const workers = run.workers ?? (jobs.length > 1 ? Math.min(availableParallelism(), jobs.length) : 0);
    await runPool(jobs, workers, async (i, results) => {
      outcomes[i] = results.map((r) => r.outcome);
      for (const [k, r] of results.entries()) {
        warnings += r.warnings.length;
        if (r.files.length === 0) continue;
        const dir = path.join(staging, `${i}-${k}`);
        await mkdir(dir, { recursive: true });
        for (const f of r.files) await writeFile(path.join(dir, f.name), f.content);
      }
      done++;
      io.progress?.(done, jobs.length, jobs[i]!.file);
    });
  } catch (e) {
    if (!isSystemError(e)) throw e;
    io.err(`错误：无法写入“${e.path ?? outDir}”（${e.code}）。请检查输出目录（--out）是否是可写的文件夹。`);
    return { code: 1, files: [] };
  }

  // Names from the whole set, so they do not depend on which unit finished first.
  const all: UnitOutcome[] = outcomes.flatMap((o, i) => o ?? [failed(jobs[i]!.file, '没有结果（程序内部错误）。')]);
  const staged = outcomes.flatMap((o, i) => (o ?? []).map((_, k) => `${i}-${k}`));
  const read = all.flatMap((o, j) => (o.ok ? [{ j, unit: o.unit }] : []));
  const names = uniqueNames(read.map((r) => r.unit));
  const written: string[] = [];
  for (let k = 0; k < read.length; k++) {
    const { j, unit } = read[k]!;
    const name = names[k]!;
    all[j] = { ok: true, unit: renameUnit(unit, name) };
    if (!unitOutputs) continue;
    const target = path.join(outDir, name);
    await rm(target, { recursive: true, force: true });
    await rename(path.join(staging, staged[j]!), target);
    written.push(target);
  }
  await rm(staging, { recursive: true, force: true });
  for (const m of missing) all.push(failed(m.file, '找不到这个文件或文件夹。'));

  return writeSummary(all, args, io, {
    files: jobs.length + missing.length,
    skipped: skipped.length,
    warnings,
    written,
  });
}

/** 汇总.json: every unit's outcome, amounts in 分 — what a later merge of several runs reads. */
interface SummaryJson {
  readonly kind: '绩效监控助手汇总';
  readonly version: 1;
  readonly outcomes: readonly UnitOutcome[];
}

/** 汇总.xlsx, 汇总通报.docx and 汇总.json from the units' outcomes, and the summary line. */
async function writeSummary(
  all: UnitOutcome[],
  args: BatchArgs,
  io: BatchIo,
  counts: { files: number; skipped: number; warnings: number; written: string[] },
): Promise<BatchResult> {
  const outDir = args.outDir;
  const model = aggregateUnits(all, {
    ...(args.options.gapPoints !== undefined ? { gapPoints: args.options.gapPoints } : {}),
    ...(args.options.rule ? { rule: args.options.rule } : {}),
  });
  const summaryPath = path.join(outDir, '汇总.xlsx');
  const bulletinPath = path.join(outDir, '汇总通报.docx');
  const jsonPath = path.join(outDir, '汇总.json');
  const json: SummaryJson = { kind: '绩效监控助手汇总', version: 1, outcomes: all };
  try {
    await mkdir(outDir, { recursive: true });
    await writeFile(summaryPath, await buildSummaryWorkbook(model));
    await writeFile(bulletinPath, await buildBulletinDocx(buildBulletin(model)));
    await writeFile(jsonPath, JSON.stringify(json) + '\n');
  } catch (e) {
    if (!isSystemError(e)) throw e;
    io.err(`错误：无法写入“${e.path ?? outDir}”（${e.code}）。请检查输出目录（--out）是否是可写的文件夹。`);
    return { code: 1, files: [] };
  }

  const t = model.totals.total;
  const failures = model.failures.length;
  const parts = [
    `共${counts.files}个台账${all.length > counts.files ? `（${all.length}个单位）` : ''}：${model.units.length}个已生成报告`,
    ...(failures > 0 ? [`${failures}个未能读取（原因见 汇总.xlsx 的“未能读取”表）`] : []),
    ...(counts.skipped > 0 ? [`另有${counts.skipped}个非表格文件未处理`] : []),
  ];
  const rate = t.rate === null ? '无法计算' : formatPercent(t.rate);
  const tail = model.units.length > 0 ? `；总执行率${rate}，时间进度${formatPercent(model.timeProgress)}` : '';
  if (!args.quiet) for (const f of model.failures) io.err(`未能读取：${f.file}：${f.reason}`);
  io.out(`${parts.join('，')}${tail}；提示${counts.warnings}条。输出：${summaryPath}、${bulletinPath}`);
  return {
    code: failures === 0 && model.units.length > 0 ? 0 : 1,
    files: [summaryPath, bulletinPath, jsonPath, ...counts.written],
    model,
  };
}

/**
 * The reduce step of a run split across machines: several runs' 汇总.json → one 汇总. Units keep
 * their figures; names are made unique again over all of them.
 */
export async function mergeSummaries(args: BatchArgs, io: BatchIo): Promise<BatchResult> {
  const all: UnitOutcome[] = [];
  for (const file of args.inputs) {
    let json: Partial<SummaryJson>;
    try {
      json = JSON.parse(await readFile(file, 'utf8')) as Partial<SummaryJson>;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.err(`错误：无法读取“${file}”（${code ?? '不是有效的 JSON'}）。`);
      return { code: 1, files: [] };
    }
    if (json.kind !== '绩效监控助手汇总' || json.version !== 1 || !Array.isArray(json.outcomes)) {
      io.err(`错误：“${file}”不是绩效监控助手写出的 汇总.json。`);
      return { code: 1, files: [] };
    }
    all.push(...json.outcomes);
  }
  const read = all.flatMap((o, j) => (o.ok ? [{ j, unit: o.unit }] : []));
  const names = uniqueNames(read.map((r) => r.unit));
  read.forEach(({ j, unit }, k) => (all[j] = { ok: true, unit: renameUnit(unit, names[k]!) }));
  return writeSummary(all, args, io, { files: all.length, skipped: 0, warnings: 0, written: [] });
}

function failed(file: string, reason: string): UnitOutcome {
  return { ok: false, failure: { name: baseName(file), file, reason } };
}

function isSystemError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && 'syscall' in e;
}

/** A progress line on the terminal: "[#####-----] 120/500 当前：…". */
export function terminalProgress(stream: NodeJS.WriteStream): BatchIo['progress'] {
  if (!stream.isTTY) return undefined;
  return (done, total, file) => {
    const bar = 24;
    const filled = Math.round((done / Math.max(1, total)) * bar);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(bar - filled)}] ${done}/${total} ${file}`;
    const cols = stream.columns || 80;
    // Chinese characters take two columns: cut by width, or a long name would wrap the line.
    let shown = '';
    let width = 0;
    for (const ch of line) {
      const w = /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
      if (width + w > cols - 1) break;
      shown += ch;
      width += w;
    }
    stream.write(`\r${shown}${' '.repeat(cols - 1 - width)}`);
    if (done === total) stream.write(`\r${' '.repeat(cols - 1)}\r`);
  };
}

/** The CLI entry of a batch: parse, run, and map errors as the one-unit CLI does. */
export async function runBatchCli(argv: readonly string[], io: BatchIo): Promise<BatchResult> {
  const parsed = parsedOrExit(() => parseBatchArgs(argv), io.err);
  if ('exit' in parsed) return { code: parsed.exit, files: [] };
  const args = parsed.args;
  // Several runs' 汇总.json (a run split across machines): merged into one 汇总.
  if (args.inputs.every((i) => /\.json$/i.test(i))) return mergeSummaries(args, io);
  return runBatch(args, io);
}
