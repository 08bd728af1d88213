/**
 * What a report must be before its signer reads it, checked on any model: each fact once, counts that
 * add up, no "部分" list of one, no instruction to the author outside a 【…】 request, a 落款 last, and a
 * write plan within Excel's limits (409 pt rows, 255-character columns, 32,767-character cells).
 */
import { type Block } from '../../src/core/report/types';
import { type WritePlan } from '../../src/core/plan/types';

const textOf = (b: Block): string => `${b.lead ?? ''}${b.text}`;

/** Sentences as a reader meets them: cut at 。！？, without the 落款. */
export function sentences(blocks: readonly Block[]): string[] {
  return blocks
    .filter((b) => b.kind !== 'sign')
    .flatMap((b) => textOf(b).split(/[。！？]/))
    .map((s) => s.trim())
    .filter((s) => s.length > 15);
}

/** Each "共N项，a项…，b项…" announces N and its parts; the numbered parts must add up to N. */
export function countsThatDoNotAddUp(blocks: readonly Block[]): string[] {
  const bad: string[] = [];
  for (const b of blocks) {
    for (const m of textOf(b).matchAll(/共(\d+)项[^，；。]*，([^；。]*)/g)) {
      const n = Number(m[1]);
      const parts = (m[2] ?? '').split('，').map((x) => /^(\d+)项/.exec(x)?.[1]);
      const numbered = parts.filter((x): x is string => x !== undefined).map(Number);
      const sum = numbered.reduce((a, x) => a + x, 0);
      // "共1项，已达到目标": one thing, said in the singular.
      if (!(sum === n || (n === 1 && numbered.length === 0))) bad.push(m[0]);
    }
  }
  return bad;
}

export function expectSignableText(blocks: readonly Block[], plan: WritePlan): void {
  const seen = new Map<string, number>();
  for (const s of sentences(blocks)) seen.set(s, (seen.get(s) ?? 0) + 1);
  expect([...seen].filter(([, n]) => n > 1).map(([s]) => s)).toEqual([]);

  expect(countsThatDoNotAddUp(blocks)).toEqual([]);

  // A heading "部分…" announces a list: at least two members (separated by ；).
  for (const b of blocks.filter((x) => x.lead?.includes('部分'))) expect(b.text).toMatch(/；/);

  // What the author must still do is a 【…】 request, never a plain sentence of the signed text.
  for (const b of blocks) {
    const signed = textOf(b).replace(/【[^】]*】/g, '');
    expect(signed).not.toMatch(/请(补充|填写|说明|核对|核实)|需说明原因|需核实原因/);
  }

  const signs = blocks.filter((b) => b.kind === 'sign');
  expect(signs).toHaveLength(2);
  expect(blocks.slice(-2)).toEqual(signs);
  expect(signs[1]!.text).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);

  for (const s of plan.sheets) {
    for (const h of s.rowHeights?.values() ?? []) expect(h).toBeLessThanOrEqual(409);
    for (const w of s.columnWidths) expect(w).toBeLessThanOrEqual(255);
    for (const row of s.rows)
      for (const c of row) if (typeof c?.value === 'string') expect(c.value.length).toBeLessThanOrEqual(32767);
  }
}
