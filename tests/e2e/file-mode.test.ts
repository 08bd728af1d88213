/** @jest-environment node */
/**
 * The browser file mode as a WPS user meets it: the production bundle in Chromium, the sample
 * ledger opened through the file input, the report generated, both files downloaded and read back,
 * and the report copied to the clipboard as HTML.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { type Page } from 'playwright-core';
import { readWorkbookGrid } from '../../src/xlsx';
import { buildReport } from '../../src/core/pipeline';
import { HIGHLIGHT_MARKER } from '../../src/core/constants';
import { type WorkbookGrid } from '../../src/core/grid/types';
import { SAMPLE, overflowAtWidths, shoot, startSession, type Session } from './harness';

jest.setTimeout(180_000);

let session: Session;
/** A fresh page for every test: no test relies on what another left on the screen. */
let page: Page;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  page = await session.context.newPage();
});

afterEach(async () => {
  await page.close();
  // Checked after every test: nothing the page does may reach another origin, and no script fails.
  // Emptied as they are checked, so one test's failure names its own requests and errors only.
  const foreign = session.foreign.splice(0);
  const errors = session.errors.splice(0);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});

const sampleBytes = () => new Uint8Array(readFileSync(SAMPLE));

test('a file that cannot be a ledger gets a clear Chinese message naming it', async () => {
  await page.goto(`${session.origin}/`);
  await page.getByRole('button', { name: '打开台账文件' }).waitFor();
  await expect(page.getByText('文件不会上传').first().isVisible()).resolves.toBe(true);
  await shoot(page, 'file', '1-start');

  const input = page.getByTestId('ledger-file');
  await input.setInputFiles({ name: '空的.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.alloc(0) });
  await expect(page.getByRole('alert').innerText()).resolves.toContain('“空的.xlsx”是空文件（0 字节）');
  // A PDF renamed .xlsx: named as the PDF it is, on opening, not halfway through.
  await input.setInputFiles({ name: '改名的.xlsx', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
  await expect(page.getByRole('alert').innerText()).resolves.toContain(
    '“改名的.xlsx”不能作为台账打开：它其实是PDF 文件',
  );
  await shoot(page, 'file', '2-pdf-refused');
  // A download cut off half way.
  const cut = readFileSync(SAMPLE).subarray(0, 6000);
  await input.setInputFiles({ name: '下载中断.xlsx', mimeType: 'application/octet-stream', buffer: cut });
  await expect(page.getByRole('alert').innerText()).resolves.toContain('“下载中断.xlsx”已损坏或不完整');
});

test('an .xls opens by content (the parser loads on demand); the page says the result is a new .xlsx', async () => {
  const XLSX = await import('@e965/xlsx');
  const xls = XLSX.write(XLSX.read(readFileSync(SAMPLE)), { type: 'buffer', bookType: 'biff8' }) as Buffer;
  await page.goto(`${session.origin}/`);
  await page
    .getByTestId('ledger-file')
    .setInputFiles({ name: '旧台账.xls', mimeType: 'application/vnd.ms-excel', buffer: xls });
  await page.getByRole('group', { name: '各列含义' }).waitFor();
  await page.getByText('结果工作簿是新建的 .xlsx').waitFor();
  await page.getByRole('button', { name: '生成监控报告' }).click();
  await page.getByText('监控报告已生成').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载结果工作簿' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('旧台账-监控报告.xlsx');
  const after = await readWorkbookGrid(new Uint8Array(readFileSync(await download.path())));
  expect(after.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['预算执行台账', '监控汇总', '监控报告']));
});

test('a password-protected .xlsx: a password field, a wrong password told, the download encrypted again', async () => {
  const officeCrypto = (await import('officecrypto-tool')).default;
  const encrypted = officeCrypto.encrypt(readFileSync(SAMPLE), { password: '财务2024' });
  await page.goto(`${session.origin}/`);
  await page
    .getByTestId('ledger-file')
    .setInputFiles({ name: '加密台账.xlsx', mimeType: 'application/octet-stream', buffer: encrypted });
  const field = page.getByTestId('ledger-password');
  await field.waitFor();
  await expect(page.getByText('“加密台账.xlsx”设置了打开密码').isVisible()).resolves.toBe(true);
  await field.fill('123456');
  await page.getByRole('button', { name: '打开', exact: true }).click();
  await expect(page.getByRole('alert').innerText()).resolves.toContain('打开密码不对');
  await shoot(page, 'file', '2-password');
  await field.fill('财务2024');
  await page.getByRole('button', { name: '打开', exact: true }).click();
  await page.getByRole('group', { name: '各列含义' }).waitFor();
  await page.getByText('结果工作簿已用同一打开密码加密').waitFor();
  await page.getByRole('button', { name: '生成监控报告' }).click();
  await page.getByText('监控报告已生成').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载结果工作簿' }).click(),
  ]);
  const result = readFileSync(await download.path());
  const plain = new Uint8Array(await officeCrypto.decrypt(result, { password: '财务2024' }));
  expect((await readWorkbookGrid(plain)).sheets.map((s) => s.name)).toContain('监控汇总');
  // Nothing of the password is kept by the page.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain('财务2024');
});

test('the sample ledger: recognition, report, both downloads, copy to Word', async () => {
  const origin = session.origin;
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.goto(`${origin}/`);
  await page.getByTestId('ledger-file').setInputFiles(SAMPLE);

  // What was recognised is shown, column by column.
  await page.getByRole('group', { name: '各列含义' }).waitFor();
  await expect(page.getByText('泸县总工会2024年预算执行台账.xlsx').isVisible()).resolves.toBe(true);
  const roles = await page
    .getByRole('group', { name: '各列含义' })
    .evaluate((group) =>
      Array.from(group.querySelectorAll('select')).map((s) => [
        s.getAttribute('aria-label') ?? '',
        s.selectedOptions[0]?.textContent ?? '',
      ]),
    );
  const roleOf = (column: string) => roles.find(([label]) => label?.startsWith(`${column}列`))?.[1];
  expect(roleOf('C')).toBe('项目名称');
  expect(roleOf('G')).toBe('全年预算');
  expect(roleOf('H')).toBe('1-N月执行数');
  expect(roleOf('A')).toBe('未使用'); // 序号
  await expect(page.getByRole('combobox', { name: '台账工作表' }).inputValue()).resolves.toBe('预算执行台账');
  await page.getByText('预警规则').waitFor(); // the options panel is its own chunk
  await shoot(page, 'file', '3-recognised');

  await page.getByRole('button', { name: '生成监控报告' }).click();
  await page.getByText('监控报告已生成').waitFor();
  await page.getByText('报告正文', { exact: true }).waitFor();
  const figures = await page.locator('section[aria-labelledby="figures-title"]').innerText();
  for (const f of ['516.42', '406.14', '57.12', '53.16', '62.75%', '64.55%', '66.67%']) expect(figures).toContain(f);
  const flagged = await page.locator('section[aria-labelledby="flagged-title"]').innerText();
  expect(flagged).toContain('执行滞后的项目（2个）');
  expect(flagged).toContain('维权帮扶项目经费');
  expect(flagged).toContain('省级财政工会专项资金');
  await shoot(page, 'file', '4-report');
  // The pane must not scroll sideways at either width.
  const overflow = await overflowAtWidths(page);
  expect(overflow).toEqual({ 320: 0, 500: 0 });

  // 下载结果工作簿: the two sheets are added, the user's sheets read back unchanged.
  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载结果工作簿' }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toBe('泸县总工会2024年预算执行台账-监控报告.xlsx');
  const result = new Uint8Array(readFileSync(await xlsxDownload.path()));
  const before = await readWorkbookGrid(sampleBytes());
  const after = await readWorkbookGrid(result);
  expect(after.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['监控汇总', '监控报告']));
  for (const sheet of before.sheets) {
    expect(after.sheets.find((s) => s.name === sheet.name)?.rows).toEqual(sheet.rows);
  }
  // The highlights are marked conditional formats on rows 33 and 34 of the ledger.
  const zip = await JSZip.loadAsync(result);
  const ledgerXml = await ledgerSheetXml(zip);
  expect(ledgerXml).toContain(HIGHLIGHT_MARKER);
  expect(ledgerXml).toMatch(/sqref="[^"]*\b[A-Z]+33\b/);
  expect(ledgerXml).toMatch(/sqref="[^"]*\b[A-Z]+34\b/);

  // 下载 Word 文档: a .docx whose body holds the report's title.
  const built = buildReport(before, {});
  if (!built.ok) throw built.error;
  const title = built.value.model.title;
  const [docxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 Word 文档' }).click(),
  ]);
  expect(docxDownload.suggestedFilename()).toBe(`${title}.docx`);
  const docx = await JSZip.loadAsync(readFileSync(await docxDownload.path()));
  const body = (await docx.file('word/document.xml')?.async('string')) ?? '';
  expect(body.replace(/<[^>]+>/g, '')).toContain(title);
  await page.getByText('Word 文档已开始下载').waitFor();
  await shoot(page, 'file', '5-downloaded');

  // 复制到 Word: the clipboard holds the report as HTML (and the pane says which way worked).
  await page.getByRole('button', { name: '复制到 Word' }).click();
  await page.getByText('已复制，可在 Word 中粘贴').waitFor();
  await expect(page.getByText('已通过系统剪贴板复制').isVisible()).resolves.toBe(true);
  const clip = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const types = items.flatMap((i) => [...i.types]);
    const html = items[0]?.types.includes('text/html') ? await (await items[0].getType('text/html')).text() : '';
    return { types, html };
  });
  expect(clip.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
  expect(clip.html).toContain(title);
  await shoot(page, 'file', '6-copied');
});

test('dropping the ledger onto the page opens it too', async () => {
  await page.goto(`${session.origin}/`);
  await page.getByRole('button', { name: '打开台账文件' }).waitFor();
  const data = await page.evaluateHandle(
    ({ b64, name }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name));
      return dt;
    },
    { b64: readFileSync(SAMPLE).toString('base64'), name: '拖进来的台账.xlsx' },
  );
  await page.dispatchEvent('main', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
  await page.getByText('拖进来的台账.xlsx').waitFor();
  await page.getByRole('group', { name: '各列含义' }).waitFor();
});

test('a second run replaces the first one’s sheets, on the same page and on the downloaded result opened again', async () => {
  await page.goto(`${session.origin}/`);
  await page.getByTestId('ledger-file').setInputFiles(SAMPLE);
  const first = await generateAndDownload();
  // Again on the same page, and on the result workbook opened as the ledger (the user's next month).
  const again = await generateAndDownload();
  await page.getByTestId('ledger-file').setInputFiles({
    name: '泸县总工会2024年预算执行台账-监控报告.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(first.bytes),
  });
  await page.getByRole('group', { name: '各列含义' }).waitFor();
  const reopened = await generateAndDownload();

  const names = first.grid.sheets.map((s) => s.name);
  expect(names).toEqual([
    '预算执行台账',
    '单位信息',
    '绩效目标',
    '监控汇总',
    '监控报告',
    '部门整体绩效监控表',
    '绩效目标执行监控表',
  ]);
  for (const run of [again, reopened]) {
    // The same sheets with the same cells, not merely as many: nothing added twice, nothing left over.
    expect(run.grid.sheets.map((s) => s.name)).toEqual(names);
    for (const sheet of first.grid.sheets) {
      expect(run.grid.sheets.find((s) => s.name === sheet.name)?.rows).toEqual(sheet.rows);
    }
    // The highlights are replaced too: each flagged row marked once.
    expect(await highlightRules(run.bytes)).toEqual(await highlightRules(first.bytes));
  }
  expect((await highlightRules(first.bytes)).length).toBeGreaterThan(0);
});

test('复制到 Word falls back to a selected box for Ctrl+C when the page may not write the clipboard', async () => {
  // As in a locked-down webview: the async clipboard refuses and the copy command does nothing.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { write: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    document.execCommand = () => false;
  });
  await page.goto(`${session.origin}/`);
  await page.getByTestId('ledger-file').setInputFiles(SAMPLE);
  await page.getByRole('button', { name: '生成监控报告' }).click();
  await page.getByRole('button', { name: '复制到 Word' }).click();
  await page.getByText('无法自动复制').waitFor();
  const box = page.getByRole('region', { name: '手动复制报告' });
  await box.waitFor();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected).toContain('部门事中绩效监控报告');
  await shoot(page, 'file', '7-copy-by-hand');
});

/** 生成监控报告, then 下载结果工作簿: the downloaded bytes and their grid. */
async function generateAndDownload(): Promise<{ bytes: Uint8Array; grid: WorkbookGrid }> {
  const done = page.getByText('监控报告已生成');
  // The notice of an earlier run must not be taken for this one's: wait until it has gone.
  const earlier = (await done.count()) > 0 ? await done.elementHandle() : null;
  await page.getByRole('button', { name: '生成监控报告' }).click();
  if (earlier) await page.waitForFunction((el) => !el.isConnected, earlier);
  await done.waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载结果工作簿' }).click(),
  ]);
  const bytes = new Uint8Array(readFileSync(await download.path()));
  return { bytes, grid: await readWorkbookGrid(bytes) };
}

/** The marked conditional formats on the ledger sheet, as sqref ranges in document order. */
async function highlightRules(bytes: Uint8Array): Promise<string[]> {
  const xml = await ledgerSheetXml(await JSZip.loadAsync(bytes));
  return (xml.match(/<conditionalFormatting\b[^>]*>[\s\S]*?<\/conditionalFormatting>/g) ?? [])
    .filter((cf) => cf.includes(HIGHLIGHT_MARKER))
    .map((cf) => /sqref="([^"]*)"/.exec(cf)?.[1] ?? '');
}

/** The ledger sheet's XML, found through workbook.xml and its relationships. */
async function ledgerSheetXml(zip: JSZip): Promise<string> {
  const wb = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const attr = (el: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1];
  const sheet = (wb.match(/<sheet\b[^>]*>/g) ?? []).find((el) => attr(el, 'name') === '预算执行台账') ?? '';
  const id = attr(sheet, 'r:id');
  const rel = (rels.match(/<Relationship\b[^>]*>/g) ?? []).find((el) => attr(el, 'Id') === id) ?? '';
  const target = attr(rel, 'Target') ?? '';
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return (await zip.file(path)?.async('string')) ?? '';
}
