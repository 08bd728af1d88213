/**
 * The property the one-unit report has (tests/helpers/narrative-figures.ts), for the 通报: every
 * number it prints — amounts, rates, gaps, counts, the period — is one of the BatchModel's figures.
 * Names (units, projects, files) and the units' own reasons are taken out first: digits in them are
 * words, not figures.
 */
import { type Bulletin } from '../../src/core/batch/bulletin';
import { type BatchModel, type UnitFigures } from '../../src/core/batch/types';

const hundredths = (n: number): string => {
  const a = Math.abs(n);
  return `${n < 0 ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};
/** 分 → "516.42" (万元), rounded half away from zero. */
const wan = (fen: number): string => {
  const a = Math.abs(fen);
  const h = Math.floor(a / 10000) + (a % 10000 >= 5000 ? 1 : 0);
  return hundredths(fen < 0 ? -h : h);
};

function modelFigures(m: BatchModel): Set<string> {
  const out = new Set<string>();
  const add = (...xs: (string | number | null | undefined)[]) => {
    for (const x of xs) if (x !== null && x !== undefined) out.add(String(x));
  };
  const fig = (f: UnitFigures) => add(wan(f.budget), wan(f.executed), f.rate === null ? null : hundredths(f.rate));
  const t = m.totals;
  fig(t.total);
  Object.values(t.categories).forEach(fig);
  add(wan(t.laggingBudget), t.laggingCount, t.targetsAtRisk, m.units.length, m.failures.length);
  add(hundredths(m.timeProgress), m.deviation === null ? null : hundredths(Math.abs(m.deviation)));
  add(m.year, m.month, 1, m.gapPoints, m.sichuanWarned, m.sichuanLine === null ? null : hundredths(m.sichuanLine));
  add(...Object.values(m.distribution), m.mostLaggingUnits.length, m.mostLaggingProjects.length);
  for (const u of m.units) {
    fig(u.total);
    add(u.rank, u.year, u.month, wan(u.shortfall), u.lagging.length);
    add(u.deviation === null ? null : hundredths(u.deviation));
  }
  for (const p of m.lagging) {
    add(wan(p.budget), wan(p.executed), wan(p.shortfall), p.rate === null ? null : hundredths(p.rate));
  }
  for (const p of m.problems) add(p.units, p.count, p.amount === null ? null : wan(p.amount));
  // Table numbering (附表1…3) and row numbers (序号) are positions, not figures.
  for (let i = 1; i <= Math.max(10, m.failures.length, m.units.length); i++) add(i);
  return out;
}

export function bulletinNumbersOutsideModel(b: Bulletin, m: BatchModel): string[] {
  const names = [
    ...m.units.flatMap((u) => [u.name, u.file]),
    ...m.lagging.flatMap((p) => [p.unit, p.name, p.reason]),
    ...m.failures.flatMap((f) => [f.file, f.name, f.reason]),
  ]
    .filter((s) => s !== '')
    .sort((a, c) => c.length - a.length);
  const strip = (s: string) => names.reduce((acc, n) => acc.split(n).join('〇'), s);
  const texts = [
    ...b.blocks.map((x) => (x.lead ?? '') + x.text),
    ...b.tables.flatMap((t) => [t.title, ...t.header, ...t.notes, ...t.rows.flatMap((r) => r.cells)]),
  ];
  const allowed = modelFigures(m);
  const outside: string[] = [];
  for (const s of texts) {
    for (const tok of strip(s).match(/-?\d+(?:\.\d+)?/g) ?? []) {
      if (!allowed.has(tok) && !allowed.has(tok.replace(/^-/, ''))) outside.push(`${tok} in “${s}”`);
    }
  }
  return outside;
}
