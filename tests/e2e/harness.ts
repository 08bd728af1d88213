/**
 * Shared by the browser tests: one production build for both test files (cached under .tmp/ by a
 * hash of what goes into it), a static server on a random port, Debian's Chromium through
 * playwright-core, a guard that fails on any request to another origin, and screenshots at the
 * task pane's two widths.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../../scripts/chromium';
import { serveDir, type Served } from '../../scripts/serve-dist';

export const ROOT = join(__dirname, '../..');
export const SAMPLE = join(ROOT, 'samples/泸县总工会2024年预算执行台账.xlsx');
export const ARTIFACTS = join(ROOT, 'test-artifacts/e2e');
const DIST = join(ROOT, '.tmp/e2e-dist');
const LOCK = join(ROOT, '.tmp/e2e-dist.lock');
const KEY_FILE = join(DIST, '.build-key');

/** Everything the bundle is made of: a change to any of these means a new build. */
function buildKey(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'assets'));
  for (const f of ['webpack.config.js', 'manifest.xml', 'package-lock.json', 'tsconfig.json']) {
    const p = join(ROOT, f);
    if (existsSync(p)) h.update(f).update(readFileSync(p));
  }
  return h.digest('hex');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The production bundle in .tmp/e2e-dist (not dist/, which a developer may be serving), built once
 * and reused while its sources are unchanged. Jest may run both files at once: a lock folder keeps
 * them from building over each other. Source maps are left out: they take half the build time
 * and nothing here reads them.
 */
export async function ensureBuild(): Promise<string> {
  const key = buildKey();
  const fresh = () => existsSync(KEY_FILE) && readFileSync(KEY_FILE, 'utf8') === key;
  if (fresh()) return DIST;
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A build started by a run that was killed leaves its lock behind: take it after 4 minutes.
      if (waited > 240_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(500);
      if (fresh()) return DIST;
    }
  }
  try {
    if (fresh()) return DIST;
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/webpack-cli/bin/cli.js'),
        '--mode',
        'production',
        // A local build: production refuses to build without ADDIN_URL otherwise.
        '--env',
        'local',
        '--no-devtool',
        '--output-path',
        DIST,
        '--cache-type',
        'filesystem',
        '--cache-cache-directory',
        join(ROOT, '.tmp/e2e-webpack-cache'),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ADDIN_URL: '' } },
    );
    writeFileSync(KEY_FILE, key);
    return DIST;
  } catch (e) {
    const out = e as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`webpack 构建失败：\n${String(out.stdout ?? '')}\n${String(out.stderr ?? '')}`, { cause: e });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface Session {
  readonly served: Served;
  /** http://127.0.0.1:PORT — the only origin the page may talk to. */
  readonly origin: string;
  readonly context: BrowserContext;
  /** Every request the browser made, in order. */
  readonly requests: string[];
  /** Requests to any other origin (minus the ones a test explicitly answers itself). */
  readonly foreign: string[];
  /** Uncaught page errors and console errors. */
  readonly errors: string[];
  readonly close: () => Promise<void>;
}

export async function startSession(allowForeign: (url: string) => boolean = () => false): Promise<Session> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`缺少 ${CHROMIUM_PATH}：请运行 bash scripts/system-deps.sh`);
  const dist = await ensureBuild();
  const served = await serveDir(dist, 0, '127.0.0.1');
  const origin = `http://127.0.0.1:${served.port}`;
  const { context, profile } = await launchChromium('e2e-profile-', {
    locale: 'zh-CN',
    acceptDownloads: true,
    viewport: { width: 320, height: 900 },
  });
  const requests: string[] = [];
  const foreign: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    requests.push(url);
    if (url.startsWith('data:')) return;
    // blob: URLs carry the page's own origin (new URL('blob:http://a/b').origin is http://a).
    if (new URL(url).origin !== origin && !allowForeign(url)) foreign.push(url);
  });
  const watch = (page: Page) => {
    page.on('pageerror', (e) => errors.push(`pageerror: ${String(e)}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    served,
    origin,
    context,
    requests,
    foreign,
    errors,
    close: async () => {
      await context.close().catch(() => undefined);
      await served.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const WIDTHS = [320, 500] as const;

/**
 * Screenshots of the current step at both pane widths, then back to 320 px where the test clicks.
 * Full page, so what is below the fold is in the picture too.
 */
export async function shoot(page: Page, prefix: string, step: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, `${prefix}-${step}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
}

/** How much wider than the viewport the page is (a horizontal scrollbar in the pane), at each width. */
export async function overflowAtWidths(page: Page): Promise<Record<number, number>> {
  const out: Record<number, number> = {};
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    out[width] = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  return out;
}
