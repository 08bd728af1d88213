/** @jest-environment node */
/**
 * The add-in page where the bundle cannot run or Office.js cannot load: the static ES5 message of
 * boot.js in an Internet Explorer (Trident) or old Edge (EdgeHTML) webview, "正在连接 Excel…" and
 * then a message when the bundle never arrives, and a message when Office.js is unreachable
 * (an intranet without Microsoft's CDN) instead of a blank pane.
 */
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { ensureBuild, startSession, shoot, type Session } from './harness';

jest.setTimeout(180_000);

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const TRIDENT = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
const EDGE_HTML =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await startSession((url) => url === OFFICE_JS);
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  page = await session.context.newPage();
});

afterEach(async () => {
  await page.close();
  session.foreign.splice(0);
  session.errors.splice(0);
});

/** The user agent the page's scripts see (an init script runs before any of them). */
async function withUserAgent(userAgent: string): Promise<void> {
  await page.addInitScript((ua) => Object.defineProperty(navigator, 'userAgent', { get: () => ua }), userAgent);
}

test.each([
  ['Trident (IE11)', TRIDENT],
  ['EdgeHTML', EDGE_HTML],
])('%s: the static page names the Excel versions that work and the file mode', async (_name, ua) => {
  await withUserAgent(ua);
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await page.goto(`${session.origin}/taskpane.html`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.innerText();
  expect(text).toContain('此版本的 Excel 无法运行绩效监控助手');
  expect(text).toContain('Microsoft 365');
  expect(text).toContain('网页版 Excel');
  expect(text).toContain(`${session.origin}/index.html`);
  // The bundle (which Chromium can run) leaves boot.js's message alone.
  await page.waitForTimeout(500);
  await expect(page.getByRole('alert').innerText()).resolves.toContain('无法运行');
  await shoot(page, 'legacy', ua === TRIDENT ? 'trident' : 'edgehtml');
});

test('the bundle blocked: "正在连接 Excel…", then a message instead of a blank pane', async () => {
  await page.clock.install();
  await page.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.abort());
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByText('正在连接 Excel…').waitFor();
  await page.clock.fastForward(21_000);
  await expect(page.getByRole('alert').innerText()).resolves.toContain('程序文件没有下载完成');
});

test('Office.js unreachable (intranet without the CDN): said, with the file mode as the way out', async () => {
  await page.route(OFFICE_JS, (route) => route.abort('internetdisconnected'));
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByText('无法连接 Excel：Office.js 未能加载').waitFor();
  await expect(page.locator('main').innerText()).resolves.toContain(`${session.origin}/index.html`);
});

test('Office.js loads but Excel never answers: a timeout message', async () => {
  await page.clock.install();
  // Office.js that never calls back, as in a host that hangs.
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: 'window.Office = { onReady: function () { return new Promise(function () {}); }, context: {}, HostType: { Excel: "Excel" } };',
    }),
  );
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByText('正在连接 Excel…').waitFor();
  await page.clock.fastForward(16_000);
  await page.getByText('连接 Excel 超时').waitFor();
});

test('hosted under a sub-path (https://host/jixiao/): every script, chunk and icon loads from there', async () => {
  const dist = await ensureBuild();
  // The server has the build at its root; /jixiao/… is answered from the same files, so a URL
  // that escapes the sub-path (an absolute /chunks/…) shows up as a request outside it.
  await page.route(/\/jixiao\//, (route) =>
    route.fulfill({ path: join(dist, new URL(route.request().url()).pathname.replace(/^\/jixiao\//, '')) }),
  );
  const start = session.requests.length;
  await page.goto(`${session.origin}/jixiao/index.html`);
  // The file mode is a chunk of its own: its button shows only if the chunk came from /jixiao/.
  await page.getByRole('button', { name: '打开台账文件' }).waitFor();
  const own = session.requests.slice(start).filter((u) => u.startsWith(session.origin));
  expect(own.length).toBeGreaterThan(3);
  expect(own.filter((u) => !u.startsWith(`${session.origin}/jixiao/`))).toEqual([]);
});
