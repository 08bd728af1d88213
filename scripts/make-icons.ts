/**
 * Renders assets/icon.svg to the PNG sizes the manifest names (16/32/64/80 px), with headless
 * Chromium so the small sizes get real anti-aliasing. Run: npx tsx scripts/make-icons.ts
 * The PNGs are committed; rerun only when the SVG changes.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium';

const SIZES = [16, 32, 64, 80];
const root = join(__dirname, '..');

async function main(): Promise<void> {
  const svg = readFileSync(join(root, 'assets/icon.svg'), 'utf8');
  const { context, profile } = await launchChromium('icons-');
  try {
    const page = await context.newPage();
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace('width="64" height="64"', `width="${size}" height="${size}"`);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      writeFileSync(join(root, `assets/icon-${size}.png`), png);
      console.log(`assets/icon-${size}.png ${png.length} bytes`);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

void main();
