/**
 * Screenshots of the built task pane (dist/) with the real adapter running against the fake Excel
 * object model injected as window.Office / window.Excel. Run after a build (`npx webpack --mode production --env local`):
 *   npx tsx scripts/screenshot-pane.ts
 * Writes test-artifacts/pane-{320,500}-{start,result}.png.
 */
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { buildSync } from 'esbuild';
import { launchChromium } from './chromium';

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const out = join(root, 'test-artifacts');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.xml': 'text/xml',
};

/** The fake workbook, bundled for the page: a ledger of 40 lines and the Office globals. */
function fakeOfficeScript(): string {
  const entry = `
    import { FakeExcel } from './tests/excel/fake-excel';
    import { ledgerRows, LEDGER_SHEET } from './tests/excel/ledger';
    const excel = new FakeExcel();
    excel.addSheet(LEDGER_SHEET, ledgerRows(40));
    const g = excel.globals();
    Object.assign(window, g, { __fakeExcel: excel });
  `;
  const result = buildSync({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2020',
  });
  return result.outputFiles[0]!.text;
}

async function main(): Promise<void> {
  if (!existsSync(join(dist, 'taskpane.html')))
    throw new Error('dist/ 不存在：请先运行 npx webpack --mode production --env local');
  mkdirSync(out, { recursive: true });
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^([/\\])+/, '');
    const file = join(dist, path || 'taskpane.html');
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const { context, profile } = await launchChromium('pane-', { locale: 'zh-CN' });
  try {
    const fake = fakeOfficeScript();
    // Office.js would replace the fake globals (and cannot reach its CDN here): serve it empty.
    await context.route(/office\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await context.addInitScript({ content: fake });
    for (const width of [320, 500]) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
      await page.getByText('识别结果与选项').waitFor({ timeout: 15000 });
      await page.screenshot({ path: join(out, `pane-${width}-start.png`), fullPage: true });
      await page.getByRole('button', { name: '生成监控报告' }).click();
      await page.getByText('监控报告已生成').waitFor({ timeout: 15000 });
      await page.getByText('报告正文').waitFor({ timeout: 15000 });
      await page.screenshot({ path: join(out, `pane-${width}-result.png`), fullPage: true });
      const sheets = await page.evaluate(() =>
        (window as unknown as { __fakeExcel: { sheets: { name: string }[] } }).__fakeExcel.sheets.map((s) => s.name),
      );
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      console.log(`${width}px: sheets after run ${sheets.join(', ')}; horizontal overflow ${overflow}px`);
      if (errors.length) console.log(`${width}px page errors:\n  ${errors.join('\n  ')}`);
      await page.close();
    }
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

void main();
