import { type Fen } from '../money/fen';

/**
 * The structure of a ledger from its arithmetic: which rows are lines and which are the sums of
 * other rows (合计, 小计, 类 rows, parent accounts, a project over its sub-projects), whatever they
 * are called. A row is a group when its amounts equal, to the 分, the sum of a contiguous run of
 * rows right below it (a heading) or right above it (a subtotal), the rows of that run being
 * themselves lines or already-found groups. Names only say how far to trust a match: a row marked
 * as a total, a numbered section or a parent code may cover a single row, an unmarked row needs
 * two at least, so two equal lines in a row are never taken for a subtotal and its line.
 */

/** One data row as the structure sees it. */
export interface StructRow {
  /** 0-based row in the sheet. */
  readonly row: number;
  /** Amounts per compared column, null where the cell is empty. */
  readonly values: readonly (Fen | null)[];
  /** What the row's words say it is: a total, a numbered section or a parent code. */
  readonly marker: RowMarker;
  /** For a parent code: the indexes (in the input) of the rows its code covers, else null. */
  readonly codeChildren?: { readonly from: number; readonly to: number } | null;
  /** The user said this row is a line: never a group. */
  readonly fixedLeaf?: boolean;
  /** Its words or layout set it apart (a category-like name, an empty 序号…): it may be a heading. */
  readonly signed?: boolean;
}

export type RowMarker = 'total' | 'section' | 'code' | null;

/** A group found by arithmetic: its row and the input indexes of the rows it directly covers. */
export interface GroupNode {
  readonly index: number;
  /** The group's children: input indexes of leaves and of nested group rows. */
  readonly children: readonly number[];
  readonly position: 'top' | 'bottom';
}

export interface Structure {
  /** Per input row: the index of the group row that directly covers it, or -1 at the top level. */
  readonly parent: readonly number[];
  /** Per input row: true when it is a group (its amounts are the sum of its children). */
  readonly isGroup: readonly boolean[];
  readonly groups: readonly GroupNode[];
}

/** How many runs with the right sum on one column are checked on all columns (runs of zeros repeat sums). */
const MAX_TRIES = 64;

interface Node {
  /** The input index of the node's own row (the group's head, or the leaf). */
  readonly index: number;
  /** The input indexes it spans, first and last (a group spans its children too). */
  readonly first: number;
  readonly last: number;
  readonly sums: readonly Fen[];
  readonly group: boolean;
  readonly zero: boolean;
}

/**
 * Finds the groups of a ledger's rows by arithmetic, innermost first.
 * @example
 * // 合计 100 over 30 and 70: the first row is a group of the other two.
 * findStructure([{row:0, values:[100], marker:'total'}, {row:1, values:[30], marker:null}, {row:2, values:[70], marker:null}])
 * //  → { parent: [-1, 0, 0], isGroup: [true, false, false], … }
 */
export function findStructure(rows: readonly StructRow[]): Structure {
  const keys = rows.reduce((m, r) => Math.max(m, r.values.length), 0);
  const parent = rows.map(() => -1);
  const isGroup = rows.map(() => false);
  const groups: GroupNode[] = [];
  let nodes: Node[] = rows.map((r, i) => {
    const sums = Array.from({ length: keys }, (_, k) => r.values[k] ?? 0);
    return { index: i, first: i, last: i, sums, group: false, zero: sums.every((v) => v === 0) };
  });

  const codeFailed = new Set<number>();
  // Parent codes first: the code says which rows a 类 row or parent account covers; the amounts
  // must confirm it. Innermost (longest) codes collapse first.
  for (;;) {
    let done = false;
    for (let n = 0; n < nodes.length && !done; n++) {
      const node = nodes[n]!;
      const cc = rows[node.index]!.codeChildren;
      if (node.group || !cc || codeFailed.has(node.index)) continue;
      // The run of nodes covering exactly the coded children, once those are collapsed.
      const from = n + 1;
      let to = from - 1;
      while (to + 1 < nodes.length && nodes[to + 1]!.first >= cc.from && nodes[to + 1]!.last <= cc.to) to++;
      if (to < from || nodes[from]!.first !== cc.from || nodes[to]!.last !== cc.to) continue;
      // Wait until every coded row below is itself resolved (its own children collapsed).
      if (nodes.slice(from, to + 1).some((c) => !c.group && rows[c.index]!.codeChildren && !codeFailed.has(c.index)))
        continue;
      if (matches(rows[node.index]!, nodes, from, to)) {
        nodes = collapse(nodes, n, from, to, 'top', rows, parent, isGroup, groups);
        done = true;
      } else {
        // The code's children do not add up: leave it to the general search below.
        codeFailed.add(node.index);
        done = true;
      }
    }
    if (!done) break;
  }

  // Then alternating sweeps: upwards, each row is tried as a heading over the nodes right below
  // it (a lower heading is settled before a higher one can cover it); downwards, as a subtotal
  // over the nodes right above it. Until nothing changes.
  // Totals (合计/小计) join only once nothing else moves: a 合计 equal to the rows below a subtotal
  // and the subtotal itself would otherwise take the subtotal for a line. Likewise a run whose far
  // row is a line that might still become a group (its own rows not settled by the other sweep) is
  // taken only once the other sweep has nothing left to do.
  let totalsToo = false;
  let downChanged = true;
  for (let round = 0; round < 256; round++) {
    const riskyUp = !downChanged;
    let before = groups.length;
    nodes = sweep(nodes, rows, 'up', totalsToo, riskyUp, parent, isGroup, groups);
    const upChanged = groups.length > before;
    before = groups.length;
    nodes = sweep(nodes, rows, 'down', totalsToo, !upChanged, parent, isGroup, groups);
    downChanged = groups.length > before;
    // Settled only when both sweeps, risky runs allowed, found nothing.
    if (!upChanged && !downChanged && riskyUp) {
      if (totalsToo) break;
      totalsToo = true;
    }
  }
  return { parent, isGroup, groups };
}

/**
 * One sweep over the nodes with a stack of the nodes already passed (nearest last). Prefix sums of
 * the stack, kept in a hash by value, find in O(1) the nearest run that adds up to a row.
 */
function sweep(
  nodes: readonly Node[],
  rows: readonly StructRow[],
  direction: 'up' | 'down',
  totalsToo: boolean,
  risky: boolean,
  parent: number[],
  isGroup: boolean[],
  groups: GroupNode[],
): Node[] {
  const keys = nodes[0]?.sums.length ?? 0;
  const order = direction === 'up' ? [...nodes].reverse() : [...nodes];
  const stack: Node[] = [];
  // prefix[k][i]: sum of stack[0..i-1] on column k (typed, preallocated: this runs per row, per
  // sweep). `latest`: prefix value on the primary column → the highest stack position with it, and
  // `previous[i]` the next lower position with the same value, so the run adding up to a row is
  // found in O(1) (other columns are checked).
  const size = nodes.length + 1;
  const prefix: Float64Array[] = Array.from({ length: keys }, () => new Float64Array(size));
  const primary = primaryOf(rows, keys);
  const latest = new Map<number, number>([[0, 0]]);
  const previous = new Int32Array(size).fill(-1);
  const push = (n: Node): void => {
    stack.push(n);
    const len = stack.length;
    for (let k = 0; k < keys; k++) prefix[k]![len] = prefix[k]![len - 1]! + n.sums[k]!;
    const v = prefix[primary]![len]!;
    previous[len] = latest.get(v) ?? -1;
    latest.set(v, len);
  };
  const pop = (): void => {
    const len = stack.length;
    const v = prefix[primary]![len]!;
    const before = previous[len]!;
    if (before >= 0) latest.set(v, before);
    else latest.delete(v);
    stack.pop();
  };
  /** Stack positions p where the run stack[p..] sums to `target` on column `key`, nearest first. */
  const startsOf = (key: number, target: number): number[] => {
    const top = prefix[key]![stack.length]!;
    const out: number[] = [];
    if (key === primary) {
      for (let p = latest.get(top - target) ?? -1; p >= 0 && out.length <= MAX_TRIES; p = previous[p]!) out.push(p);
      return out;
    }
    for (let p = stack.length - 1; p >= 0 && stack.length - p <= 256; p--)
      if (top - prefix[key]![p]! === target) out.push(p);
    return out;
  };
  for (const node of order) {
    const row = rows[node.index]!;
    const run = node.group || row.fixedLeaf ? null : findRun(node, row);
    if (!run) {
      push(node);
      continue;
    }
    const children = stack.slice(stack.length - run);
    for (let i = 0; i < run; i++) pop();
    // Children in sheet order.
    if (direction === 'up') children.reverse();
    push(collapseNode(node, children, direction === 'up' ? 'top' : 'bottom', rows, parent, isGroup, groups));
  }
  return direction === 'up' ? stack.reverse() : stack;

  /** How many stack nodes (nearest first) the row is the sum of, or null. */
  function findRun(node: Node, row: StructRow): number | null {
    if (row.marker === 'total' && !totalsToo) return null;
    const marked = row.marker !== null;
    const k0 = row.values.findIndex((v) => v !== null && v !== undefined && v !== 0);
    if (k0 < 0 && !(marked && row.values.some((v) => v !== null))) return null;
    const key =
      row.values[primary] !== null && row.values[primary] !== undefined && (row.values[primary] !== 0 || k0 < 0)
        ? primary
        : k0 >= 0
          ? k0
          : row.values.findIndex((v) => v !== null);
    const target = row.values[key]!;
    const list = startsOf(key, target);
    let tries = 0;
    for (const p of list) {
      const len = stack.length - p;
      if (len < 1) continue;
      if (++tries > MAX_TRIES) break;
      if (len === 1 && !marked && !stack[p]!.group) continue;
      let ok = true;
      for (let i = p; i < stack.length && ok; i++) {
        const c = stack[i]!;
        // A 合计/小计 not confirmed as a group is never the child of another row.
        if (!c.group && rows[c.index]!.marker === 'total') ok = false;
      }
      if (!ok) continue;
      let compared = 0;
      for (let k = 0; k < row.values.length && ok; k++) {
        const v = row.values[k];
        if (v === null || v === undefined) continue;
        if (prefix[k]![stack.length]! - prefix[k]![p]! !== v) ok = false;
        compared++;
      }
      if (!ok || compared === 0) continue;
      // Lines of zeros next to the run belong with it.
      let q = p;
      while (q > 0 && stack[q - 1]!.zero && !stack[q - 1]!.group && rows[stack[q - 1]!.index]!.marker === null) q--;
      // The run's far row, a line that might still become a group: only when nothing else moves.
      const far = stack[q]!;
      if (!risky && !far.group && rows[far.index]!.fixedLeaf !== true && !far.zero) return null;
      // The row just beyond the run may itself sum part of it (a heading over its first rows, seen
      // from a subtotal below): then this run is not settled yet; wait for the other sweep.
      if (q > 0 && coversPart(stack[q - 1]!, q)) return null;
      // Nor when the run's far row may itself sum rows beyond the run.
      if (q > 0 && coversBeyond(stack[q]!, q)) return null;
      return stack.length - q;
    }
    void node;
    return null;
  }

  /** Stack positions whose prefix on `key` equals `value`. */
  function positionsOf(key: number, value: number): number[] {
    if (key === primary) {
      const out: number[] = [];
      for (let p = latest.get(value) ?? -1; p >= 0; p = previous[p]!) out.push(p);
      return out;
    }
    const out: number[] = [];
    for (let p = 0; p <= stack.length; p++) if (prefix[key]![p] === value) out.push(p);
    return out;
  }

  /** True when stack[q], not yet a group, equals the sum of stack[r..q-1] for some r. */
  function coversBeyond(first: Node, q: number): boolean {
    const row = rows[first.index]!;
    if (first.group || row.fixedLeaf || first.zero) return false;
    const key = row.values.findIndex((v) => v !== null && v !== undefined && v !== 0);
    if (key < 0) return false;
    const list = positionsOf(key, prefix[key]![q]! - row.values[key]!);
    return list.some(
      (start) =>
        start < q &&
        (q - start >= 2 || stack[start]!.group || row.marker !== null) &&
        row.values.every((v, k) => v === null || v === undefined || prefix[k]![q]! - prefix[k]![start]! === v),
    );
  }

  /** True when a row not yet a group equals the sum of stack[q..j] for some j short of the end. */
  function coversPart(beyond: Node, q: number): boolean {
    const row = rows[beyond.index]!;
    if (beyond.group || row.fixedLeaf || beyond.zero) return false;
    const key = row.values.findIndex((v) => v !== null && v !== undefined && v !== 0);
    if (key < 0) return false;
    const list = positionsOf(key, prefix[key]![q]! + row.values[key]!);
    return list.some(
      (end) =>
        end > q &&
        end < stack.length &&
        row.values.every((v, k) => v === null || v === undefined || prefix[k]![end]! - prefix[k]![q]! === v),
    );
  }
}

const primaries = new WeakMap<readonly StructRow[], number>();

/** primaryColumn, once per set of rows. */
function primaryOf(rows: readonly StructRow[], keys: number): number {
  let p = primaries.get(rows);
  if (p === undefined) {
    p = primaryColumn(rows, keys);
    primaries.set(rows, p);
  }
  return p;
}

/** The column most rows fill: the one the sweep's hash is kept on. */
function primaryColumn(rows: readonly StructRow[], keys: number): number {
  let best = 0;
  let bestCount = -1;
  for (let k = 0; k < keys; k++) {
    let n = 0;
    for (const r of rows) if (r.values[k] !== null && r.values[k] !== undefined) n++;
    if (n > bestCount) {
      best = k;
      bestCount = n;
    }
  }
  return best;
}

function collapseNode(
  head: Node,
  children: readonly Node[],
  position: 'top' | 'bottom',
  rows: readonly StructRow[],
  parent: number[],
  isGroup: boolean[],
  groups: GroupNode[],
): Node {
  for (const c of children) parent[c.index] = head.index;
  isGroup[head.index] = true;
  groups.push({ index: head.index, children: children.map((c) => c.index), position });
  const sums = rows[head.index]!.values.map((v, k) => v ?? children.reduce((s, c) => s + c.sums[k]!, 0));
  return {
    index: head.index,
    first: Math.min(head.first, children[0]!.first),
    last: Math.max(head.last, children[children.length - 1]!.last),
    sums,
    group: true,
    zero: sums.every((v) => v === 0),
  };
}

/** True when the group row's amounts equal the sums of nodes from..to on every column it fills. */
function matches(row: StructRow, nodes: readonly Node[], from: number, to: number): boolean {
  let compared = 0;
  for (let k = 0; k < row.values.length; k++) {
    const v = row.values[k];
    if (v === null || v === undefined) continue;
    let s = 0;
    for (let i = from; i <= to; i++) s += nodes[i]!.sums[k]!;
    if (s !== v) return false;
    compared++;
  }
  return compared > 0;
}

/** Replaces nodes[at] and its children nodes[from..to] by one group node. */
function collapse(
  nodes: readonly Node[],
  at: number,
  from: number,
  to: number,
  position: 'top' | 'bottom',
  rows: readonly StructRow[],
  parent: number[],
  isGroup: boolean[],
  groups: GroupNode[],
): Node[] {
  const merged = collapseNode(nodes[at]!, nodes.slice(from, to + 1), position, rows, parent, isGroup, groups);
  return [...nodes.slice(0, Math.min(at, from)), merged, ...nodes.slice(Math.max(at, to) + 1)];
}
