import { formatPercent, formatPoints } from '../money/format';
import { type Percent } from '../money/percent';
import { INDICATOR_KINDS, type TargetGroup, type TargetIndicators, type TargetResult } from '../targets/types';
import { BASIC_GROUP, UNIT_GROUP } from '../targets/compute';
import { type Block } from './types';

/**
 * The sentences on performance targets (绩效目标) for 三（三）, 四（二）, 五 and 六. Every figure is the
 * one `computeTargets` put in the model; the user's own words (target values, actuals, reasons) are
 * quoted as written.
 */

/** Targets named one by one; beyond this a sentence sums up and points to the monitoring table. */
const MAX_LISTED = 20;

const p = (text: string, lead?: string): Block => (lead ? { kind: 'p', text, lead } : { kind: 'p', text });
const todo = (text: string): Block => ({ kind: 'p', text, placeholder: true });

const pctOrDash = (r: Percent | null): string => (r === null ? '无法计算' : formatPercent(r));

/** "法律咨询服务人次年度指标值≥300人次，1-8月完成120人次（完成40.00%）". */
export function targetClause(r: TargetResult, period: string): string {
  const row = r.row;
  const name = row.level3 || row.level2 || '该指标';
  const target = row.targetText ? `年度指标值${row.targetText}` : '未填写年度指标值';
  switch (r.status) {
    case '未到期':
      return `${name}${target}，尚未到期${row.actualText ? `（${period}${row.actualText}）` : ''}`;
    case '未填报':
      return `${name}${target}，${period}完成情况未填报`;
    case '定性':
      return `${name}${target}，${period}${row.actualText ? `完成情况为“${row.actualText}”` : '完成情况未填报'}`;
    case '逾期':
      return `${name}${target}，${row.actualText ? `${period}${row.actualText}，` : ''}已逾期`;
    default: {
      const t = row.target;
      const cost = t.kind === 'number' && (t.direction === '≤' || (!t.directionGiven && row.kind === '成本'));
      const verb = cost || /%$/.test(row.actualText) ? '实际为' : /完成|到位|办结/.test(row.actualText) ? '' : '完成';
      const done = row.actualText ? `${period}${verb}${row.actualText}` : `${period}已完成`;
      if (cost && r.ratio === 10000) return `${name}${target}，${done}，未超出目标值`;
      const ratio =
        r.ratio === null ? '' : r.status === '已达成' ? '，已达到目标' : `（完成${formatPercent(r.ratio)}）`;
      return `${name}${target}，${done}${ratio}`;
    }
  }
}

/** Target progress against spending, in one sentence, or '' when either is missing. */
export function progressSentence(g: TargetGroup, gapPoints: number): string {
  if (g.progress === null) return '可量化指标尚无完成数据，暂无法与预算执行进度比较。';
  if (g.spendingRate === null || g.gap === null) return `可量化指标平均完成${formatPercent(g.progress)}。`;
  const gap = g.gap;
  const compare =
    gap === 0
      ? '目标完成进度与预算执行进度一致'
      : `目标完成进度${gap > 0 ? '快于' : '慢于'}预算执行进度${formatPoints(gap)}个百分点`;
  return (
    `可量化指标平均完成${formatPercent(g.progress)}，预算执行率${formatPercent(g.spendingRate)}，${compare}` +
    (g.mismatch ? `，偏差超过${gapPoints}个百分点，目标完成与资金支出不匹配。` : '。')
  );
}

/** The targets of one group in sentences: what they are and how far they are met. */
export function groupTargetsParagraph(g: TargetGroup, period: string, gapPoints: number): Block {
  const listed = g.targets.slice(0, MAX_LISTED).map((r) => targetClause(r, period));
  const rest =
    g.targets.length > MAX_LISTED ? `；另有${g.targets.length - MAX_LISTED}项指标，明细见绩效目标执行监控表` : '';
  return p(`绩效目标${g.targets.length}项：${listed.join('；')}${rest}。${progressSentence(g, gapPoints)}`);
}

/** 三（三） when there are targets for the unit as a whole or names the ledger does not have. */
export function otherGroupsBlocks(t: TargetIndicators, period: string, firstNumber: number): Block[] {
  const out: Block[] = [];
  let n = firstNumber;
  for (const g of t.groups.filter((x) => x.scope === 'unit' || x.scope === 'unmatched')) {
    out.push({ kind: 'h3', text: `${n++}.${g.scope === 'unit' ? `${UNIT_GROUP}绩效目标` : g.name}` });
    if (g.scope === 'unmatched') out.push(p(`台账中没有与“${g.name}”对应的预算行，以下指标未与预算执行进度比较。`));
    out.push(groupTargetsParagraph(g, period, t.gapPoints));
  }
  return out;
}

/** What 三（三） and 四（二） say when the workbook has no targets (or an empty targets sheet). */
export function missingTargetsBlock(t: TargetIndicators | null, month: number): Block {
  return t === null
    ? todo(
        `【工作簿中没有绩效目标表。请在“绩效目标”工作表中按项目填写一级、二级、三级指标、年度指标值和1-${month}月完成情况（任务窗格中可点击“添加绩效目标表”），重新生成后本节将逐项说明绩效目标完成情况】`,
      )
    : todo(
        `【绩效目标表“${t.sheet}”中还没有填写指标。请填写各项目的三级指标、年度指标值和1-${month}月完成情况后重新生成】`,
      );
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  数量: '数量指标',
  质量: '质量指标',
  时效: '时效指标',
  成本: '成本指标',
  效益: '效益指标',
  满意度: '满意度指标',
  其他: '其他指标',
};

function whereOf(r: TargetResult): string {
  const g = r.row.project || UNIT_GROUP;
  return `${g}“${r.row.level3 || r.row.level2}”`;
}

function riskWords(r: TargetResult): string {
  const reason = r.row.reason ? `，偏差原因为${r.row.reason}` : '';
  return `${whereOf(r)}${r.riskReasons.join('，')}${reason}`;
}

/** 四（二）: the year forecast per indicator kind, naming the targets at risk and why. */
export function forecastBlocks(t: TargetIndicators): Block[] {
  const all = t.groups.flatMap((g) => g.targets);
  const out: Block[] = [];
  for (const kind of INDICATOR_KINDS) {
    const xs = all.filter((r) => r.row.kind === kind);
    if (xs.length === 0) continue;
    const count = (s: string): number => xs.filter((r) => r.status === s).length;
    const parts = [
      count('已达成') ? `${count('已达成')}项已达到目标` : '',
      count('正常') ? `${count('正常')}项按进度推进` : '',
      count('未到期') ? `${count('未到期')}项尚未到期` : '',
      count('定性') ? `${count('定性')}项为定性指标` : '',
      count('未填报') ? `${count('未填报')}项未填报完成情况` : '',
    ].filter((s) => s !== '');
    const risk = xs.filter((r) => r.atRisk);
    const unreported = count('未填报');
    // Nothing filled in says nothing about the year: never forecast "能够完成" from blanks.
    // A target can be unreported and still at risk (marked 完全不可能): risks are said first.
    const riskText =
      risk.length === 0
        ? unreported === xs.length
          ? '暂无法判断全年能否完成。'
          : unreported > 0
            ? '已填报的指标预计全年能够完成。'
            : '预计全年能够完成。'
        : `其中${risk
            .slice(0, MAX_LISTED)
            .map(riskWords)
            .join('；')}${risk.length > MAX_LISTED ? `等${risk.length}项` : ''}，存在不能按期完成的风险。`;
    out.push(p(`共${xs.length}项${parts.length ? `，${parts.join('，')}` : ''}；${riskText}`, `${KIND_WORDS[kind]}。`));
  }
  const risky = t.atRisk.length;
  const unreported = all.filter((r) => r.status === '未填报').length;
  if (unreported === t.count && risky === 0) {
    out.push({
      kind: 'p',
      text: `【全年${t.count}项绩效目标均未填报完成情况，请在“绩效目标”工作表中填写后重新生成，报告将据此分析全年绩效目标预计完成情况】`,
      placeholder: true,
    });
    return out;
  }
  // Each target counted once: at risk, else unreported, else likely.
  const likely = all.filter((r) => !r.atRisk && r.status !== '未填报').length;
  const unreportedSafe = all.filter((r) => !r.atRisk && r.status === '未填报').length;
  const rest = unreportedSafe > 0 ? `另有${unreportedSafe}项未填报完成情况，请补充` : '';
  out.push(
    p(
      risky === 0 && unreportedSafe === 0
        ? `综合分析，全年${t.count}项绩效目标预计能够全部完成。`
        : `综合分析，全年${t.count}项绩效目标中，${likely}项预计能够完成` +
            (risky > 0 ? `，${risky}项存在不能按期完成的风险，需采取措施加快推进` : '') +
            (rest ? `；${rest}` : '') +
            '。',
    ),
  );
  return out;
}

/** 五、存在的问题: targets behind, targets that cannot be met, and target–spending mismatches. */
export function targetProblemBlocks(t: TargetIndicators, month: number, head: () => string): Block[] {
  const out: Block[] = [];
  const impossible = new Set(t.impossible);
  const behind = t.atRisk.filter((r) => !impossible.has(r));
  if (behind.length > 0) {
    out.push(
      p(
        `截至${month}月底，${behind
          .slice(0, MAX_LISTED)
          .map(riskWords)
          .join(
            '；',
          )}${behind.length > MAX_LISTED ? `；另有${behind.length - MAX_LISTED}项，明细见绩效目标执行监控表` : ''}。`,
        `${head()}部分绩效目标完成进度滞后。`,
      ),
    );
  }
  if (t.impossible.length > 0) {
    out.push(
      p(
        `${t.impossible.map(riskWords).join('；')}。需说明原因，按程序调整绩效目标或相应预算。`,
        `${head()}部分绩效目标预计无法完成。`,
      ),
    );
  }
  if (t.mismatched.length > 0) {
    out.push(
      p(
        t.mismatched
          .map(
            (g) =>
              `${g.name}绩效目标平均完成${pctOrDash(g.progress)}，预算执行率${pctOrDash(g.spendingRate)}，${(g.gap ?? 0) > 0 ? '目标完成快于资金支出' : '资金支出快于目标完成'}${formatPoints(g.gap ?? 0)}个百分点`,
          )
          .join('；') + `，偏差均超过${t.gapPoints}个百分点。`,
        `${head()}绩效目标完成进度与预算执行进度不匹配。`,
      ),
    );
  }
  return out;
}

/** 六: a measure for the targets at risk, when there are any. */
export function targetMeasureBlock(t: TargetIndicators, head: () => string): Block | null {
  if (t.atRisk.length === 0 && t.mismatched.length === 0) return null;
  const names = [...new Set(t.atRisk.map((r) => r.row.level3 || r.row.level2))].slice(0, 10).join('、');
  return p(
    `${names ? `对${names}等完成进度滞后的绩效目标，` : ''}逐项分析偏差原因，明确责任和完成时限；对目标完成与资金支出不匹配的项目，核实已完成工作量的资金结算情况，及时办理支付，确保绩效目标与预算执行同步推进。`,
    `${head()}推动绩效目标按期实现。`,
  );
}

export { BASIC_GROUP };
