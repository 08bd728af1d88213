import { type Totals } from '../indicators/types';
import { totalsOf } from '../indicators/totals';
import { type ReportModel } from './types';
import { type TargetGroup } from '../targets/types';
import { UNIT_GROUP } from '../targets/compute';

/**
 * Where a 资金来源 belongs in the 部门整体支出绩效监控表: 财政性资金 (appropriations in any form) or
 * 其他资金 (the unit's own income). One table of words, each with a test; a source matching neither
 * is listed apart rather than guessed.
 */
export const SOURCE_KINDS: readonly (readonly [RegExp, '财政性资金' | '其他资金'])[] = [
  [/事业收入|经营收入|其他收入|单位资金|自有资金|附属单位|非财政|上年结余|非同级财政/, '其他资金'],
  [/财政|一般公共预算|政府性基金|国有资本经营|专项|转移支付|上级补助|财政专户|拨款/, '财政性资金'],
];

/**
 * @example sourceKind('一般公共预算拨款') === '财政性资金'; sourceKind('事业收入') === '其他资金'; sourceKind('未注明') === null
 */
export function sourceKind(name: string): '财政性资金' | '其他资金' | null {
  for (const [re, kind] of SOURCE_KINDS) if (re.test(name)) return kind;
  return null;
}

export interface DepartmentRow {
  /** "年度部门预算总额", "财政性资金", "基本支出"… */
  readonly label: string;
  /** The block the row belongs to, printed in the first column: "资金来源", "资金结构", or ''. */
  readonly group: string;
  readonly totals: Totals;
  readonly total?: boolean;
}

export interface DepartmentFunds {
  readonly rows: readonly DepartmentRow[];
  /** Sources that fit neither kind, named for the note under the table. */
  readonly unclassified: readonly string[];
  /** The unit-wide targets (部门整体), when the targets sheet has them. */
  readonly targets: TargetGroup | null;
}

/**
 * The funds block of the 部门整体支出绩效监控表 from the model: the whole budget, by source kind and by
 * structure (基本支出 / 项目支出); the targets of the whole unit when the sheet has them.
 */
export function departmentFunds(model: ReportModel): DepartmentFunds {
  const ind = model.indicators;
  const lines = ind.items.map((i) => i.line);
  const byKind = (kind: '财政性资金' | '其他资金'): Totals =>
    totalsOf(
      lines.filter((l) => sourceKind(l.source) === kind),
      ind.timeProgress,
    );
  const unclassified = [...new Set(lines.map((l) => l.source).filter((s) => sourceKind(s) === null))];
  const rows: DepartmentRow[] = [
    { label: '年度部门预算总额', group: '', totals: ind.total, total: true },
    { label: '财政性资金', group: '资金来源', totals: byKind('财政性资金') },
    { label: '其他资金', group: '资金来源', totals: byKind('其他资金') },
  ];
  if (unclassified.length > 0) {
    rows.push({
      label: '未能归类',
      group: '资金来源',
      totals: totalsOf(
        lines.filter((l) => sourceKind(l.source) === null),
        ind.timeProgress,
      ),
    });
  }
  rows.push(
    { label: '基本支出', group: '资金结构', totals: ind.basic },
    { label: '项目支出', group: '资金结构', totals: ind.categories.项目支出 },
  );
  const targets = model.targets?.groups.find((g) => g.scope === 'unit' || g.name === UNIT_GROUP) ?? null;
  return { rows, unclassified, targets };
}
