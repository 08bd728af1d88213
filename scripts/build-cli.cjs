/**
 * `npm run build:cli` (and `prepare`, so a fresh `npm install` has it): the command line compiled to one
 * JavaScript file, build/cli/jxjk-report.cjs — the `bin` of the package. Starting it costs no
 * TypeScript transpiling (tsx took about a second at every start). Plain CommonJS so it runs before
 * anything else is built. Exported for the report launcher and the tests, which rebuild when stale.
 */
const { buildSync } = require('esbuild');
const { chmodSync, mkdirSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'build', 'cli', 'jxjk-report.cjs');
/** What the bundle is made of: a newer file here means the bundle is stale. */
const SOURCES = ['src', 'package.json', 'package-lock.json'];

function newestMtime(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

function isStale() {
  let built;
  try {
    built = statSync(OUT).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

function buildCli() {
  mkdirSync(path.dirname(OUT), { recursive: true });
  buildSync({
    entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
    outfile: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    // The bundle's own size matters less than its start: no minifying keeps stacks (DEBUG=1) readable.
    minify: false,
    sourcemap: false,
    legalComments: 'eof',
    logLevel: 'warning',
    // Only resolved when the CLI runs from source under tsx (batch.ts starts a TypeScript worker then).
    external: ['tsx/cjs'],
  });
  // The 汇总 of many units runs each unit in a worker thread started from the file beside the bundle
  // (src/cli/batch.ts looks for batch-worker.cjs next to itself); without it the units run in one thread.
  buildSync({
    entryPoints: [path.join(ROOT, 'src/cli/batch-worker.ts')],
    outfile: path.join(path.dirname(OUT), 'batch-worker.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: false,
    sourcemap: false,
    legalComments: 'eof',
    logLevel: 'warning',
  });
  chmodSync(OUT, 0o755); // runnable as a `bin` (npx jxjk-report) through its #! line
  return OUT;
}

/** Builds when a source is newer than the bundle; returns the bundle's path. */
function ensureCli() {
  return isStale() ? buildCli() : OUT;
}

module.exports = { CLI_BUNDLE: OUT, buildCli, ensureCli };

if (require.main === module) {
  const t = Date.now();
  buildCli();
  console.log(`已编译命令行：${path.relative(ROOT, OUT)}（${Date.now() - t} ms）`);
}
