/** The worker thread of a batch run: one unit per message, its result (file bytes transferred) back. */
import { parentPort } from 'node:worker_threads';
import { runUnit, type UnitJob } from './batch-unit';

const port = parentPort;
if (port) {
  port.on('message', (msg: { id: number; job: UnitJob }) => {
    runUnit(msg.job).then(
      (results) => {
        // Only whole, distinct buffers can move; a view into a shared one is copied instead.
        const transfer = [
          ...new Set(
            results
              .flatMap((r) => r.files)
              .filter((f) => f.content.byteOffset === 0 && f.content.byteLength === f.content.buffer.byteLength)
              .map((f) => f.content.buffer as ArrayBuffer),
          ),
        ];
        port.postMessage({ id: msg.id, results }, transfer);
      },
      (e: unknown) => port.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    );
  });
}
