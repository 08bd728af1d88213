import { buildReport } from '../../src/core/pipeline';
import { hostOn, ledgerWorkbook } from './harness';

export interface RoundTripFigures {
  readonly lines: number;
  readonly readSyncs: number;
  readonly writeSyncs: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly ms: number;
}

/** 生成监控报告 on a ledger of the given length against the fake Excel: round trips and payload. */
export async function measureRoundTrips(lines: number): Promise<RoundTripFigures> {
  const excel = ledgerWorkbook(lines);
  const host = hostOn(excel);
  const t0 = Date.now();
  const grid = await host.readGrid();
  const readSyncs = excel.syncs;
  const out = buildReport(grid);
  if (!out.ok) throw out.error;
  await host.applyPlan(out.value.plan);
  return {
    lines,
    readSyncs,
    writeSyncs: excel.syncs - readSyncs,
    requestBytes: excel.requestBytes,
    responseBytes: excel.responseBytes,
    maxRequestBytes: excel.maxRequestBytes,
    maxResponseBytes: excel.maxResponseBytes,
    ms: Date.now() - t0,
  };
}
