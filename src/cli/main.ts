/** `npm run report -- <ledger> …`, or a folder / several ledgers for the 汇总 of many units. */
import { isBatchCommand, runBatchCli, terminalProgress } from './batch';
import { askHidden } from './prompt';
import { runCli } from './run';

// The benchmark reads the peak memory of this process from here.
if (process.env.JXJK_STATS) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    // CPU of every thread (the batch's workers too): the cost that does not depend on other load.
    const cpuSeconds = (u.userCPUTime + u.systemCPUTime) / 1e6;
    console.error(JSON.stringify({ maxRssMB: u.maxRSS / 1024, cpuSeconds }));
  });
}

const argv = process.argv.slice(2);
const io = {
  out: (l: string) => console.log(l),
  err: (l: string) => console.error(l),
  // Only a person at a terminal can type a password; a script gets the message about --password.
  ...(process.stdin.isTTY ? { askPassword: askHidden } : {}),
};
const batchIo = { ...io, progress: terminalProgress(process.stderr) };
isBatchCommand(argv, { inspectFile: false })
  .then((batch) =>
    batch ? runBatchCli(argv, batchIo) : runCli(argv, { ...io, runAsBatch: () => runBatchCli(argv, batchIo) }),
  )
  .then(
    (r) => {
      process.exitCode = r.code;
    },
    (e: unknown) => {
      // A bug, not bad input: say so plainly; the stack only when asked for.
      console.error(
        `程序内部错误：${e instanceof Error ? e.message : String(e)}。请把台账文件和这条信息发给开发人员。`,
      );
      if (process.env.DEBUG) console.error(e);
      process.exitCode = 3;
    },
  );
