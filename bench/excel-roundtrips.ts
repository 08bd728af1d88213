/**
 * Round trips and payload of 生成监控报告 against the fake Excel object model.
 * Run: npx tsx bench/excel-roundtrips.ts
 */
import { measureRoundTrips } from '../tests/excel/roundtrips';

export async function benchExcelRoundTrips(sizes: readonly number[] = [1_000, 20_000, 100_000]) {
  const rows = [];
  for (const n of sizes) rows.push(await measureRoundTrips(n));
  return rows;
}

if (require.main === module) {
  void benchExcelRoundTrips().then((rows) => {
    const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
    console.log(
      'lines    | read syncs | write syncs | sent      | received  | largest request | largest response | ms',
    );
    for (const r of rows) {
      console.log(
        [
          String(r.lines).padEnd(8),
          String(r.readSyncs).padEnd(10),
          String(r.writeSyncs).padEnd(11),
          kb(r.requestBytes).padEnd(9),
          kb(r.responseBytes).padEnd(9),
          kb(r.maxRequestBytes).padEnd(15),
          kb(r.maxResponseBytes).padEnd(16),
          r.ms,
        ].join(' | '),
      );
    }
  });
}
