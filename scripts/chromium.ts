/**
 * Debian's Chromium, headless, the way this project drives it everywhere (icons, screenshots,
 * end-to-end tests): playwright-core cannot download its own browser here, and without the
 * background-networking flags Chromium keeps calling Google's services, which the tests forbid.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type LaunchOptions = Omit<NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>, 'args'>;

/** A fresh profile in a temporary folder (returned, for the caller to remove) and a headless context. */
export async function launchChromium(
  prefix: string,
  options: LaunchOptions = {},
): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS],
  });
  return { context, profile };
}
