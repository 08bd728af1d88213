import { type Percent } from '../money/percent';

/**
 * 四川省预警线 (2025 measure on 部门预算绩效运行监控): from April on, execution below 25% at 1–4月,
 * 40% at 1–6月, 60% at 1–8月 and 80% at 1–10月 warns. Between checkpoints the last one passed applies.
 * @example sichuanWarningLine(8) === 6000; sichuanWarningLine(9) === 6000; sichuanWarningLine(3) === null
 */
export function sichuanWarningLine(month: number): Percent | null {
  if (month >= 10) return 8000;
  if (month >= 8) return 6000;
  if (month >= 6) return 4000;
  if (month >= 4) return 2500;
  return null;
}
