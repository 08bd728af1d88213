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
 * - sign: the 落款 lines under the text (unit name, then 成文日期), right-aligned with `rightIndent`
 *   characters of space on the right, as GB/T 9704-2012 7.3.5.2 places them.
 * Text the author still has to write is a 【…】 placeholder inside the text (see placeholders.ts);
 * every output highlights it. `placeholder` marks a block that is nothing but such a request.
 */
export interface Block {
  readonly kind: 'title' | 'h1' | 'h2' | 'h3' | 'p' | 'sign';
  readonly text: string;
  readonly lead?: string;
  readonly placeholder?: boolean;
  /** sign only: characters left blank on the right. */
  readonly rightIndent?: number;
  /** One blank line above (the 落款 is set one line below the text). */
  readonly gapBefore?: boolean;
}

/** A calendar day, for the 成文日期. */
export interface SignDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface ReportModel {
  readonly organization: string;
  readonly year: number;
  readonly month: number;
  readonly title: string;
  /** The 成文日期 of the 落款. */
  readonly signedOn: SignDate;
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
