import { type LedgerLine, type Warning } from '../types';
import { type Indicators, type Totals } from '../indicators/types';
import { totalsOf } from '../indicators/totals';
import { normalizeText } from '../grid/text';
import { cappedRate, evaluateTarget, likelihoodOf, meanRatio } from './evaluate';
import {
  type TargetGroup,
  type TargetIndicators,
  type TargetResult,
  type TargetScope,
  type TargetSheetRecognition,
} from './types';

/** Names for the unit-wide group and the basic-spending group, as the report prints them. */
export const UNIT_GROUP = '部门整体';
export const BASIC_GROUP = '基本支出';

const fold = (s: string): string => normalizeText(s).replace(/[()[\]（）“”"']/g, '');

/** The ledger lines a targets-sheet project name stands for, and what kind of group it is. */
function matchGroup(
  name: string,
  lines: readonly LedgerLine[],
  organization: string,
): { scope: TargetScope; lines: LedgerLine[]; name: string } {
  const n = fold(name);
  if (n === '' || n === fold(organization) || /^(部门整体|单位整体|整体|本单位|全部|部门)$/.test(n)) {
    return { scope: 'unit', lines: [...lines], name: UNIT_GROUP };
  }
  const exact = lines.filter((l) => fold(l.name) === n);
  if (exact.length > 0) return { scope: 'project', lines: exact, name: exact[0]!.name };
  if (/基本支出|基本经费|公用|运转|日常/.test(n)) {
    return { scope: 'basic', lines: lines.filter((l) => l.category !== '项目支出'), name: BASIC_GROUP };
  }
  // "维权帮扶项目" for "维权帮扶项目经费": one name inside the other, long enough not to be chance.
  const near = lines.filter(
    (l) => l.category === '项目支出' && n.length >= 4 && (fold(l.name).includes(n) || n.includes(fold(l.name))),
  );
  if (near.length === 1) return { scope: 'project', lines: near, name: near[0]!.name };
  return { scope: 'unmatched', lines: [], name };
}

function sourcesOf(lines: readonly LedgerLine[], tp: number): { name: string; totals: Totals }[] {
  return [...new Set(lines.map((l) => l.source))].map((name) => ({
    name,
    totals: totalsOf(
      lines.filter((l) => l.source === name),
      tp,
    ),
  }));
}

/**
 * Target progress against spending, per project: each target evaluated at the cut-off, the mean
 * completion of a project compared with its 执行率 (a gap of more than `gapPoints` warns, the
 * Sichuan rule), and the targets at risk.
 */
export function computeTargets(
  rec: TargetSheetRecognition,
  indicators: Indicators,
  lines: readonly LedgerLine[],
  organization: string,
  gapPoints = 10,
): { targets: TargetIndicators; warnings: Warning[] } {
  const warnings: Warning[] = [...rec.warnings];
  const tp = indicators.timeProgress;
  const order: string[] = [];
  const byName = new Map<string, { scope: TargetScope; lines: LedgerLine[]; results: TargetResult[] }>();
  for (const row of rec.rows) {
    const m = matchGroup(row.project, lines, organization);
    let g = byName.get(m.name);
    if (!g) {
      g = { scope: m.scope, lines: m.lines, results: [] };
      byName.set(m.name, g);
      order.push(m.name);
      if (m.scope === 'unmatched') {
        warnings.push({
          sheet: rec.sheet,
          row: row.row,
          column: null,
          message: `绩效目标表中的项目“${row.project}”在台账中没有找到对应的预算行，无法与预算执行进度比较；请核对项目名称`,
        });
      }
    }
    g.results.push(evaluateTarget(row, indicators.month, tp, gapPoints));
  }
  // Projects in ledger order, then basic spending, the unit, and names the ledger does not have.
  const rank = (name: string): number => {
    const g = byName.get(name)!;
    if (g.scope === 'project') return lines.indexOf(g.lines[0]!);
    return lines.length + ['basic', 'unit', 'unmatched'].indexOf(g.scope);
  };
  const groups: TargetGroup[] = [...order]
    .sort((a, b) => rank(a) - rank(b))
    .map((name) => {
      const g = byName.get(name)!;
      const totals = g.scope === 'unmatched' ? null : totalsOf(g.lines, tp);
      const progress = meanRatio(g.results.map((r) => r.ratio));
      const spendingRate = totals ? cappedRate(totals.executed, totals.budget) : null;
      const gap = progress !== null && spendingRate !== null ? progress - spendingRate : null;
      return {
        name,
        scope: g.scope,
        totals,
        sources: sourcesOf(g.lines, tp),
        ledgerRows: g.lines.map((l) => l.row),
        targets: g.results,
        progress,
        spendingRate,
        gap,
        // The Sichuan rule is about projects: basic spending runs by the month whatever its targets say.
        mismatch: g.scope === 'project' && gap !== null && Math.abs(gap) > gapPoints * 100,
      };
    });
  const all = groups.flatMap((g) => g.targets);
  return {
    targets: {
      sheet: rec.sheet,
      headerRows: rec.headerRows,
      groups,
      atRisk: all.filter((r) => r.atRisk),
      impossible: all.filter((r) => likelihoodOf(r.row.likelihood) === '完全不可能'),
      mismatched: groups.filter((g) => g.mismatch),
      gapPoints,
      count: all.length,
    },
    warnings,
  };
}
