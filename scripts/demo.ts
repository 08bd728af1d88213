/**
 * `npm run demo`: the main job on the bundled sample ledger — prints the narrative and where the
 * report files are.
 */
import { existsSync } from 'node:fs';
import { makeSample, SAMPLE_PATH } from './make-sample';
import { runCli } from '../src/cli/run';

async function main(): Promise<number> {
  if (!existsSync(SAMPLE_PATH)) await makeSample();
  const r = await runCli([SAMPLE_PATH, '--out', 'out'], {
    out: (l) => console.log(l),
    err: (l) => console.error(l),
  });
  return r.code;
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
