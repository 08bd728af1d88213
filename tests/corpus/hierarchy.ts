/**
 * Random hierarchies of groups and lines for hierarchy.property.test.ts: the arbitraries, the amounts (made
 * distinct, see below) and the rows as a ledger writes them.
 *
 * Amounts are made distinct on purpose: leaf i's 年初预算, 全年预算 and 执行数 all end in i (mod 10000), the budgets
 * above a floor, so no two sibling leaves are equal and no leaf is the sum of others — the only ledgers where the
 * arithmetic could not tell a line from a subtotal. A group with a single leaf child is not generated either
 * (its row would equal that leaf's, and which of the two is the line is genuinely undecidable).
 */
import fc from 'fast-check';
import { type CellValue } from '../../src/core/grid/types';

export const NAMES = [
  '人员支出',
  '公用经费',
  '日常公用经费',
  '项目支出',
  '基本支出',
  '人员经费',
  '公用支出',
  '工资福利支出',
  '商品和服务支出',
  '基本工资',
  '津贴补贴',
  '住房公积金',
  '办公费',
  '差旅费',
  '培训费',
  '会议费',
  '工会经费',
  '城市道路维修养护经费',
  '住房公积金管理中心运行经费',
  '农村饮水安全工程维护经费',
  '森林防火专项经费',
  '食品安全抽检经费',
  '社区矫正工作经费',
  '乡村振兴衔接资金',
  '高标准农田建设项目',
  '机关运行保障经费',
];

export interface RawLeaf {
  readonly kind: 'leaf';
  readonly name: string;
  readonly initial: number;
  readonly adjKind: 'zero' | 'plus' | 'minus';
  readonly adj: number;
  readonly executed: number;
}
export interface RawGroup {
  readonly kind: 'group';
  readonly name: string;
  readonly placement: 'top' | 'bottom';
  readonly children: readonly RawNode[];
}
export type RawNode = RawLeaf | RawGroup;

const raw = (max: number) => fc.noBias(fc.integer({ min: 0, max }));
export const leafArb: fc.Arbitrary<RawNode> = fc.record({
  kind: fc.constant('leaf' as const),
  name: fc.constantFrom(...NAMES),
  initial: raw(20000),
  adjKind: fc.constantFrom('zero' as const, 'zero' as const, 'plus' as const, 'minus' as const),
  adj: raw(5000),
  /** 执行率 in 0.01%. */
  executed: raw(10000),
});

export function nodeArb(depth: number): fc.Arbitrary<RawNode> {
  if (depth <= 1) return leafArb;
  const group: fc.Arbitrary<RawNode> = fc
    .record({
      kind: fc.constant('group' as const),
      name: fc.constantFrom(...NAMES),
      placement: fc.constantFrom('top' as const, 'bottom' as const),
      children: fc.array(nodeArb(depth - 1), { minLength: 1, maxLength: 6 }),
    })
    .filter((g) => !(g.children.length === 1 && g.children[0]?.kind === 'leaf'));
  return fc.oneof(leafArb, group);
}

/** Depth 1–4 (1: lines only), 1–6 nodes at the top. */
export const forestArb = fc
  .integer({ min: 1, max: 4 })
  .chain((depth) => fc.array(nodeArb(depth), { minLength: 1, maxLength: 6 }));

export interface Amounts {
  initial: number;
  adjustment: number;
  budget: number;
  executed: number;
}
export interface Leaf extends Amounts {
  name: string;
}

/** Leaves in order, in 分, made distinct (see the file comment). */
export function leavesOf(forest: readonly RawNode[]): Map<RawLeaf, Leaf> {
  const out = new Map<RawLeaf, Leaf>();
  const walk = (n: RawNode): void => {
    if (n.kind === 'group') {
      n.children.forEach(walk);
      return;
    }
    const i = out.size + 1;
    const initial = (n.initial + 1000) * 10000 + i;
    const adjustment =
      n.adjKind === 'zero' ? 0 : n.adjKind === 'plus' ? (n.adj + 1) * 10000 : -Math.min(n.adj + 1, 500) * 10000;
    const budget = initial + adjustment;
    // 0–100% of the budget (a ledger spending far over its budget is refused as misread columns).
    const executed = Math.floor((Math.floor(budget / 10000) * n.executed) / 10000) * 10000 + i;
    out.set(n, { name: n.name, initial, adjustment, budget, executed });
  };
  forest.forEach(walk);
  return out;
}

const yuan = (fen: number): number => Number((fen / 100).toFixed(2));

export function render(forest: readonly RawNode[], leaves: Map<RawLeaf, Leaf>): CellValue[][] {
  const rows: CellValue[][] = [];
  const row = (name: string, a: Amounts): CellValue[] => [
    name,
    yuan(a.initial),
    yuan(a.adjustment),
    yuan(a.budget),
    yuan(a.executed),
  ];
  const emit = (n: RawNode): Amounts => {
    if (n.kind === 'leaf') {
      const l = leaves.get(n) as Leaf;
      rows.push(row(l.name, l));
      return l;
    }
    const at = rows.length;
    const sum: Amounts = { initial: 0, adjustment: 0, budget: 0, executed: 0 };
    for (const c of n.children) {
      const a = emit(c);
      sum.initial += a.initial;
      sum.adjustment += a.adjustment;
      sum.budget += a.budget;
      sum.executed += a.executed;
    }
    if (n.placement === 'top') rows.splice(at, 0, row(n.name, sum));
    else rows.push(row(n.name, sum));
    return sum;
  };
  forest.forEach(emit);
  return rows;
}
