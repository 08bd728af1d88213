import { type Indicators } from '../indicators/types';
import { type Recognition, type Warning } from '../types';
import { type TargetIndicators } from '../targets/types';

/**
 * The narrative as structured blocks, so every output (task pane, worksheet, clipboard HTML,
 * .docx, plain text) renders the same words with its own styling.
 * - title: the document title (2号 小标宋)
 * - h1: "一、主要职能职责" (黑体)
 * - h2: "（一）年度预算安排情况" (楷体)
 * - h3: "1.项目支出" (仿宋, bold in some offices)
 * - p: a body paragraph (仿宋, two-character first-line indent); `lead` is an inline heading that
 *   starts it ("（一）机构组成。"), rendered in the h2 face.
 * `placeholder` marks text the user still has to write (【请填写…】).
 */
export interface Block {
  readonly kind: 'title' | 'h1' | 'h2' | 'h3' | 'p';
  readonly text: string;
  readonly lead?: string;
  readonly placeholder?: boolean;
}

export interface ReportModel {
  readonly organization: string;
  readonly year: number;
  readonly month: number;
  readonly title: string;
  readonly recognition: Recognition;
  readonly indicators: Indicators;
  /** Performance targets against spending; null when the workbook has no targets sheet. */
  readonly targets: TargetIndicators | null;
  readonly warnings: readonly Warning[];
  readonly blocks: readonly Block[];
}

/** Plain text of the narrative: one block a line, leads joined to their paragraph. */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks.map((b) => (b.lead ?? '') + b.text).join('\n');
}
