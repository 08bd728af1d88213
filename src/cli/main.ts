/** `npm run report -- <ledger.xlsx> …` */
import { askHidden } from './prompt';
import { runCli } from './run';

// The benchmark reads the peak memory of this process from here.
if (process.env.JXJK_STATS) {
  process.on('exit', () => console.error(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024 })));
}

runCli(process.argv.slice(2), {
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  // Only a person at a terminal can type a password; a script gets the message about --password.
  ...(process.stdin.isTTY ? { askPassword: askHidden } : {}),
}).then(
  (r) => {
    process.exitCode = r.code;
  },
  (e: unknown) => {
    // A bug, not bad input: say so plainly; the stack only when asked for.
    console.error(`程序内部错误：${e instanceof Error ? e.message : String(e)}。请把台账文件和这条信息发给开发人员。`);
    if (process.env.DEBUG) console.error(e);
    process.exitCode = 3;
  },
);
