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

interface Candidate {
  readonly at: number;
  readonly from: number;
  readonly to: number;
  readonly position: 'top' | 'bottom';
  readonly span: number;
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

  for (let pass = 0; pass < 64; pass++) {
    const every = candidates(rows, nodes);
    if (every.length === 0) break;
    // Totals last: a 合计 equal to one heading now may be the sum of several once they are settled.
    const inner = every.filter((c) => rows[nodes[c.at]!.index]!.marker !== 'total');
    const pool = inner.length > 0 ? inner : every;
    // Runs of several rows before runs of one: a heading equal to a single row waits until that row
    // has had the chance to become a group itself.
    const several = pool.filter((c) => c.to > c.from);
    const all = several.length > 0 ? several : pool;
    // Innermost first: a run whose rows could themselves be groups waits until they are settled
    // (else "人员支出 100" over "（一）人员支出 100" over its lines would take the heading for a line).
    const open = new Set(all.map((c) => c.at));
    const settled = all.filter((c) => {
      for (let i = c.from; i <= c.to; i++) if (open.has(i)) return false;
      return true;
    });
    const found = settled.length > 0 ? settled : all;
    // Equal spans: a subtotal below its run first; a heading over the same run then covers it.
    // Then, of headings, the lowest first: a heading further down sits inside one further up.
    found.sort(
      (a, b) =>
        a.span - b.span ||
        Number(a.position === 'top') - Number(b.position === 'top') ||
        (a.position === 'top' ? b.at - a.at : a.at - b.at),
    );
    // Runs of plain lines and settled groups are safe to take together; a run holding a row that
    // might still become a group is taken alone, the best first, and the rest looked at again.
    const plain = (c: Candidate): boolean => {
      for (let i = c.from; i <= c.to; i++) {
        const n = nodes[i]!;
        const r = rows[n.index]!;
        if (!n.group && (r.marker !== null || r.signed === true)) return false;
      }
      return true;
    };
    const safe = found.filter(plain);
    const batch = safe.length > 0 ? safe : found.slice(0, 1);
    const used = new Set<number>();
    const accepted: Candidate[] = [];
    for (const c of batch) {
      const lo = Math.min(c.at, c.from);
      const hi = Math.max(c.at, c.to);
      let free = true;
      for (let i = lo; i <= hi && free; i++) if (used.has(i)) free = false;
      if (!free) continue;
      for (let i = lo; i <= hi; i++) used.add(i);
      accepted.push(c);
    }
    // Collapse from the end so earlier node positions stay valid.
    accepted.sort((a, b) => Math.max(b.at, b.to) - Math.max(a.at, a.to));
    for (const c of accepted) nodes = collapse(nodes, c.at, c.from, c.to, c.position, rows, parent, isGroup, groups);
  }
  return { parent, isGroup, groups };
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

/** A 合计/小计 row not yet confirmed as a group is never the child of another row. */
function hasOpenTotal(rows: readonly StructRow[], nodes: readonly Node[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) {
    const n = nodes[i]!;
    if (!n.group && rows[n.index]!.marker === 'total') return true;
  }
  return false;
}

function candidates(rows: readonly StructRow[], nodes: readonly Node[]): Candidate[] {
  const keys = nodes[0]?.sums.length ?? 0;
  // prefix[k][i] = sum of nodes[0..i-1] on column k; positions by prefix value, for O(1) lookups.
  const prefix: number[][] = [];
  const where: Map<number, number[]>[] = [];
  for (let k = 0; k < keys; k++) {
    const p = [0];
    for (const n of nodes) p.push(p[p.length - 1]! + n.sums[k]!);
    prefix.push(p);
    const m = new Map<number, number[]>();
    p.forEach((v, i) => {
      const list = m.get(v);
      if (list) list.push(i);
      else m.set(v, [i]);
    });
    where.push(m);
  }
  const out: Candidate[] = [];
  nodes.forEach((node, n) => {
    if (node.group) return;
    const row = rows[node.index]!;
    if (row.fixedLeaf) return;
    const marked = row.marker !== null;
    // An unmarked row of zeros, or one that fills no column, is a line.
    const key = row.values.findIndex((v) => v !== null && v !== undefined && v !== 0);
    if (key < 0 && !(marked && row.values.some((v) => v !== null))) return;
    const k0 = key >= 0 ? key : row.values.findIndex((v) => v !== null);
    const target = row.values[k0]!;
    // One child is enough for a marked row, or for a row over one settled group (a heading over a
    // subheading); a plain row over a single line would be that line written twice.
    const oneChildOk = (i: number): boolean => marked || nodes[i]!.group;
    const tryTop = (): Candidate | null => {
      // Smallest run nodes[n+1..to] with the right sum: prefix[to+1] = prefix[n+1] + target.
      const list = where[k0]!.get(prefix[k0]![n + 1]! + target) ?? [];
      let tries = 0;
      for (const end of list) {
        if (end > n + 1 && ++tries > MAX_TRIES) break;
        const to = end - 1;
        if (to < n + 1 || (to === n + 1 && !oneChildOk(n + 1))) continue;
        if (hasOpenTotal(rows, nodes, n + 1, to)) continue;
        if (!matches(row, nodes, n + 1, to)) continue;
        let last = to;
        while (
          last + 1 < nodes.length &&
          nodes[last + 1]!.zero &&
          !nodes[last + 1]!.group &&
          !rows[nodes[last + 1]!.index]!.marker
        )
          last++;
        return { at: n, from: n + 1, to: last, position: 'top', span: last - n };
      }
      return null;
    };
    const tryBottom = (): Candidate | null => {
      // Smallest run nodes[from..n-1]: prefix[from] = prefix[n] - target, the latest such from.
      const list = where[k0]!.get(prefix[k0]![n]! - target) ?? [];
      let tries = 0;
      for (let j = list.length - 1; j >= 0; j--) {
        const from = list[j]!;
        if (from < n && ++tries > MAX_TRIES) break;
        if (from > n - 1 || (from === n - 1 && !oneChildOk(n - 1))) continue;
        if (hasOpenTotal(rows, nodes, from, n - 1)) continue;
        if (!matches(row, nodes, from, n - 1)) continue;
        let first = from;
        while (
          first - 1 >= 0 &&
          nodes[first - 1]!.zero &&
          !nodes[first - 1]!.group &&
          !rows[nodes[first - 1]!.index]!.marker
        )
          first--;
        return { at: n, from: first, to: n - 1, position: 'bottom', span: n - first };
      }
      return null;
    };
    // Both readings go forward; the pass keeps the innermost that do not overlap.
    const top = tryTop();
    const bottom = tryBottom();
    if (top) out.push(top);
    if (bottom) out.push(bottom);
  });
  return out;
}

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
  const head = nodes[at]!;
  const children = nodes.slice(from, to + 1);
  for (const c of children) parent[c.index] = head.index;
  isGroup[head.index] = true;
  groups.push({ index: head.index, children: children.map((c) => c.index), position });
  const lo = Math.min(at, from);
  const hi = Math.max(at, to);
  const sums = rows[head.index]!.values.map((v, k) => v ?? children.reduce((s, c) => s + c.sums[k]!, 0));
  const merged: Node = {
    index: head.index,
    first: Math.min(head.first, children[0]!.first),
    last: Math.max(head.last, children[children.length - 1]!.last),
    sums,
    group: true,
    zero: sums.every((v) => v === 0),
  };
  return [...nodes.slice(0, lo), merged, ...nodes.slice(hi + 1)];
}
