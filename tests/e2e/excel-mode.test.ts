/** @jest-environment node */
/**
 * The add-in page (taskpane.html) in Chromium with a stand-in Office/Excel injected before the
 * page's scripts, so the real Office adapter runs against an in-memory workbook built from the
 * sample ledger. The stand-in refuses to read properties that were not loaded and synced, as Excel does.
 */
import { readFileSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { type Page } from 'playwright-core';
import { readWorkbookGrid } from '../../src/xlsx';
import { HIGHLIGHT_MARKER } from '../../src/core/constants';
import { ROOT, SAMPLE, overflowAtWidths, shoot, startSession, type Session } from './harness';

jest.setTimeout(180_000);

/**
 * The production page loads Office.js from Microsoft's CDN (the store requires it). Here that one
 * request is answered by the test with an empty script (the stand-in is already in place), so it
 * never reaches the network; it is the only other-origin request the page may make.
 */
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

let session: Session;
let page: Page;

/** window.Office / window.Excel over a FakeExcel holding the sample's sheets, for addInitScript. */
async function standInScript(): Promise<string> {
  const grid = await readWorkbookGrid(new Uint8Array(readFileSync(SAMPLE)));
  const sheets = grid.sheets.map((s) => ({
    name: s.name,
    // Excel hands out dates as serial numbers; the sample has none, but keep the stand-in honest.
    rows: s.rows.map((r) => r.map((v) => (v instanceof Date ? null : typeof v === 'object' ? null : v))),
    merges: s.merges ?? [],
  }));
  const entry = `
    import { FakeExcel } from './tests/excel/fake-excel';
    const excel = new FakeExcel();
    for (const s of ${JSON.stringify(sheets)}) excel.addSheet(s.name, s.rows).merges.push(...s.merges);
    Object.assign(window, excel.globals(), { __fakeExcel: excel });
  `;
  const out = buildSync({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2020',
  });
  return out.outputFiles[0]!.text;
}

beforeAll(async () => {
  session = await startSession((url) => url === OFFICE_JS);
  await session.context.route(OFFICE_JS, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: '/* stand-in already injected */' }),
  );
  await session.context.addInitScript({ content: await standInScript() });
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  // Emptied as they are checked, so one test's failure names its own requests and errors only.
  const foreign = session.foreign.splice(0);
  const errors = session.errors.splice(0);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});

interface WorkbookView {
  sheets: string[];
  ledgerValues: unknown[][];
  highlights: { formula: string | null; fill: string | null; rows: number[] }[];
  syncs: number;
}

/** What the stand-in workbook holds now. */
const workbook = (): Promise<WorkbookView> =>
  page.evaluate(() => {
    type Sheet = {
      name: string;
      values: unknown[][];
      conditionalFormats: {
        formula: string | null;
        fill: string | null;
        rects: { top: number; bottom: number }[];
      }[];
    };
    const excel = (window as unknown as { __fakeExcel: { sheets: Sheet[]; syncs: number } }).__fakeExcel;
    const ledger = excel.sheets.find((s) => s.name === '预算执行台账')!;
    return {
      sheets: excel.sheets.map((s) => s.name),
      ledgerValues: ledger.values.map((r) => [...(r ?? [])]),
      highlights: ledger.conditionalFormats.map((c) => ({
        formula: c.formula,
        fill: c.fill,
        rows: c.rects.flatMap((r) => Array.from({ length: r.bottom - r.top + 1 }, (_, i) => r.top + i + 1)),
      })),
      syncs: excel.syncs,
    };
  });

test('生成监控报告 in the add-in page writes 监控汇总, 监控报告 and highlights rows 33 and 34', async () => {
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByRole('group', { name: '各列含义' }).waitFor();
  await expect(page.getByRole('combobox', { name: '台账工作表' }).inputValue()).resolves.toBe('预算执行台账');
  const before = await workbook();
  await shoot(page, 'excel', '1-start');

  await page.getByRole('button', { name: '生成监控报告' }).click();
  await page.getByText('监控报告已生成').waitFor();
  await page.getByText('报告正文', { exact: true }).waitFor();
  const notice = await page.getByRole('status').first().innerText();
  expect(notice).toContain('已写入“监控汇总”“监控报告”“部门整体绩效监控表”“绩效目标执行监控表”工作表');
  const figures = await page.locator('section[aria-labelledby="figures-title"]').innerText();
  for (const f of ['516.42', '62.75%', '64.55%', '66.67%']) expect(figures).toContain(f);
  await shoot(page, 'excel', '2-report');
  expect(await overflowAtWidths(page)).toEqual({ 320: 0, 500: 0 });

  const after = await workbook();
  expect(after.sheets).toEqual(expect.arrayContaining(['预算执行台账', '单位信息', '监控汇总', '监控报告']));
  // The user's values are untouched; the highlights are marked conditional formats on 33 and 34.
  expect(after.ledgerValues).toEqual(before.ledgerValues);
  const marked = after.highlights.filter((h) => h.formula?.includes(HIGHLIGHT_MARKER));
  expect(marked.flatMap((h) => h.rows).sort()).toEqual([33, 34]);
  expect(after.highlights).toHaveLength(marked.length);

  // Clicking a lagging project selects its row in the workbook.
  await page
    .locator('section[aria-labelledby="flagged-title"]')
    .getByRole('button', { name: '维权帮扶项目经费', exact: true })
    .click();
  await page.waitForFunction(
    () => (window as unknown as { __fakeExcel: { selection: unknown } }).__fakeExcel.selection !== null,
  );
  const selection = await page.evaluate(
    () => (window as unknown as { __fakeExcel: { selection: unknown } }).__fakeExcel.selection,
  );
  expect(selection).toEqual({ sheet: '预算执行台账', address: expect.stringMatching(/33/) });

  // 清除标注 removes exactly what was added.
  await page.getByRole('button', { name: '清除标注' }).click();
  await page.getByText('标注已清除').waitFor();
  expect((await workbook()).highlights).toEqual([]);
  await shoot(page, 'excel', '3-cleared');
});
