import { type Block } from './types';

/**
 * Text the author must still write is marked 【…】 inside the report's own sentences, never as a
 * plain instruction, so the signed text and the notes to its author stay apart: every output
 * highlights these spans, and the task pane lists them as what is left to do.
 */
const PLACEHOLDER = /【[^】]*】/g;

export interface TextSegment {
  readonly text: string;
  readonly placeholder: boolean;
}

/**
 * The text cut into plain and 【…】 parts, in order, none empty.
 * @example placeholderSegments('共3项【请补充】。') → [{text:'共3项',placeholder:false},{text:'【请补充】',placeholder:true},{text:'。',placeholder:false}]
 */
export function placeholderSegments(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const i = m.index;
    if (i > at) out.push({ text: text.slice(at, i), placeholder: false });
    out.push({ text: m[0], placeholder: true });
    at = i + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), placeholder: false });
  return out;
}

/** @example hasPlaceholder('【单位名称】') === true */
export function hasPlaceholder(text: string): boolean {
  return /【[^】]*】/.test(text);
}

/**
 * What the author must still fill in before the report is final, each request once, in the
 * order the report asks for it: the task pane's checklist.
 * @example pendingItems([{ kind: 'title', text: '【单位名称】2024年部门事中绩效监控报告' }]) → ['【单位名称】']
 */
export function pendingItems(blocks: readonly Block[]): string[] {
  const seen = new Set<string>();
  for (const b of blocks) for (const m of `${b.lead ?? ''}${b.text}`.matchAll(PLACEHOLDER)) seen.add(m[0]);
  return [...seen];
}
