/**
 * Writes the report of a ledger as .docx (and the clipboard HTML and plain text beside it), to look
 * at the Word output without the task pane.
 *
 *   npx tsx scripts/write-docx.ts [ledger.xlsx | --fixture] [--out out.docx]
 *
 * Without a ledger it uses the bundled sample under samples/ when there is one, otherwise the
 * hand-made ledger of the Word tests.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type WorkbookGrid } from '../src/core/grid/types';
import { buildReport } from '../src/core/pipeline';
import { reportToHtml, reportToPlainText } from '../src/core/report/to-html';
import { buildDocx } from '../src/word/docx';
import { readWorkbookGrid } from '../src/xlsx/read-grid';
import { testGrid } from '../tests/word/fixture';

async function gridOf(arg: string | undefined): Promise<{ grid: WorkbookGrid; from: string }> {
  if (arg === '--fixture') return { grid: testGrid(), from: '测试台账（tests/word/fixture.ts）' };
  let path = arg;
  if (path === undefined && existsSync('samples')) {
    const sample = readdirSync('samples').find((f) => f.endsWith('.xlsx'));
    if (sample) path = join('samples', sample);
  }
  if (path === undefined) return { grid: testGrid(), from: '测试台账（tests/word/fixture.ts）' };
  return { grid: await readWorkbookGrid(new Uint8Array(readFileSync(path))), from: path };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const output = outAt >= 0 ? args[outAt + 1] : 'test-artifacts/docx/report.docx';
  if (output === undefined) throw new Error('--out needs a path');
  const input = args.find((a, i) => a !== '--out' && (outAt < 0 || i !== outAt + 1));
  const { grid, from } = await gridOf(input);
  const r = buildReport(grid);
  if (!r.ok) {
    console.error(`无法生成报告（${from}）：${JSON.stringify(r)}`);
    return 2;
  }
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, await buildDocx(r.value.model));
  const base = output.replace(/\.docx$/, '');
  writeFileSync(`${base}.html`, reportToHtml(r.value.model));
  writeFileSync(`${base}.txt`, reportToPlainText(r.value.model));
  console.log(`${from} → ${output}（及 .html、.txt）`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 3;
  },
);
