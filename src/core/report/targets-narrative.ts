import { formatPercent, formatPoints } from '../money/format';
import {
  INDICATOR_KINDS,
  type TargetGroup,
  type TargetIndicators,
  type TargetResult,
  type TargetRow,
} from '../targets/types';
import { BASIC_GROUP, UNIT_GROUP } from '../targets/compute';
import { type Block } from './types';
import { periodLabel } from './phrases';
import { likelihoodOf } from '../targets/evaluate';

/**
 * The sentences on performance targets (绩效目标) for 三（三）, 四（二）, 五 and 六. Every figure is the
 * one `computeTargets` put in the model; the user's own words (target values, actuals, reasons) are
 * quoted as written.
 */

/** Targets named one by one; beyond this a sentence sums up and points to the monitoring table. */
const MAX_LISTED = 20;

const p = (text: string, lead?: string): Block => (lead ? { kind: 'p', text, lead } : { kind: 'p', text });
const todo = (text: string): Block => ({ kind: 'p', text, placeholder: true });

/**
 * The target in words by its type: a deadline "应于3月底前完成", a number "目标值≥95%", a quality
 * "目标为有效保障".
 * @example targetWords(deadlineRow('3月底前')) === '应于3月底前完成'
 */
export function targetWords(row: TargetRow): string {
  const text = row.targetText.trim();
  switch (row.target.kind) {
    case 'deadline':
      return `应于${text}${/前$/.test(text) ? '' : '前'}完成`;
    case 'number':
      return `目标值${text}`;
    case 'qualitative':
      return `目标为“${text}”`;
    case 'empty':
      return '【请填写年度指标值】';
  }
}

/** "法律咨询服务人次目标值≥300人次，1-8月完成186人次（完成62.00%）". */
export function targetClause(r: TargetResult, period: string): string {
  const row = r.row;
  const name = row.level3 || row.level2 || '该指标';
  const target = targetWords(row);
  const remark = row.remark.trim().replace(/[。；;，,]$/, '');
  switch (r.status) {
    case '未到期':
      return `${name}${target}，${row.actualText ? `${period}${row.actualText}` : '尚未到期'}`;
    case '未填报':
      // The unit's note says why there is no figure yet ("年底开展满意度调查"); else the author is asked.
      return `${name}${target}，${remark !== '' ? remark : `【请补充${period}完成情况】`}`;
    case '定性':
      return `${name}${target}，${period}${row.actualText ? `完成情况为“${row.actualText}”` : '完成情况【请补充】'}`;
    case '逾期':
      return `${name}${target}，${row.actualText ? `${period}${row.actualText}，` : ''}已逾期`;
    default: {
      if (row.target.kind === 'deadline') return `${name}${target}，已按期完成`;
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

/** Target progress against spending, in one sentence (the mismatch itself is a problem, said in 五). */
export function progressSentence(g: TargetGroup): string {
  // Named, so two projects with the same figures do not read as one sentence said twice.
  const who = `${g.name}可量化指标`;
  if (g.progress === null) return `${who}尚无完成数据，暂无法与预算执行进度比较。`;
  if (g.spendingRate === null || g.gap === null) return `${who}平均完成${formatPercent(g.progress)}。`;
  const gap = g.gap;
  const compare =
    gap === 0
      ? '与预算执行进度一致'
      : `${gap > 0 ? '快于' : '慢于'}预算执行进度（${formatPercent(g.spendingRate)}）${formatPoints(gap)}个百分点`;
  return `${who}平均完成${formatPercent(g.progress)}，${compare}。`;
}

/** The targets of one group in sentences: what they are and how far they are met. */
export function groupTargetsParagraph(g: TargetGroup, period: string): Block {
  const listed = g.targets.slice(0, MAX_LISTED).map((r) => targetClause(r, period));
  const rest =
    g.targets.length > MAX_LISTED ? `；另有${g.targets.length - MAX_LISTED}项指标，明细见绩效目标执行监控表` : '';
  return p(`绩效目标${g.targets.length}项：${listed.join('；')}${rest}。${progressSentence(g)}`);
}

/** 三（三） when there are targets for the unit as a whole or names the ledger does not have. */
export function otherGroupsBlocks(t: TargetIndicators, period: string, firstNumber: number): Block[] {
  const out: Block[] = [];
  let n = firstNumber;
  for (const g of t.groups.filter((x) => x.scope === 'unit' || x.scope === 'unmatched')) {
    out.push({ kind: 'h3', text: `${n++}.${g.scope === 'unit' ? `${UNIT_GROUP}绩效目标` : g.name}` });
    if (g.scope === 'unmatched') out.push(p(`台账中没有与“${g.name}”对应的预算行，以下指标未与预算执行进度比较。`));
    out.push(groupTargetsParagraph(g, period));
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

/**
 * Targets named under their project once: "省级财政工会专项资金“慰问劳模人次”“困难职工帮扶人数”、基本支出“资金拨付及时率”".
 */
function namedByProject(rs: readonly TargetResult[]): string {
  const groups = new Map<string, string[]>();
  for (const r of rs) {
    const g = r.row.project || UNIT_GROUP;
    groups.set(g, [...(groups.get(g) ?? []), `“${r.row.level3 || r.row.level2}”`]);
  }
  return [...groups].map(([g, names]) => `${g}${names.join('')}`).join('、');
}

/**
 * A target at risk with its cause in the unit's own words: the 偏差原因 it chose, its 备注, and its
 * judgement of the likelihood — and, when the figures say otherwise, both.
 */
function riskWords(r: TargetResult, period: string): string {
  const row = r.row;
  const parts = [...r.riskReasons.filter((x) => !/完成目标可能性/.test(x))];
  if (row.reason.trim() !== '') parts.push(`偏差原因为${row.reason.trim()}`);
  const remark = row.remark.trim().replace(/[。；;，,]$/, '');
  if (remark !== '') parts.push(`单位说明“${remark}”`);
  const judged = likelihoodOf(row.likelihood);
  if (judged === '完全不可能') parts.push('单位判断完成目标可能性为“完全不可能”');
  else if (judged === '确定能') {
    // The unit's judgement and the figures disagree: both are said, the figures having been given above.
    const basis =
      r.ratio !== null && !parts.some((x) => x.includes(formatPercent(r.ratio!)))
        ? `，但${period}仅完成${formatPercent(r.ratio)}，`
        : '';
    parts.push(`单位判断为“确定能”完成${basis || '，但按目前进度'}存在不能按期完成的风险`);
  } else if (judged === '有可能') parts.push('单位判断为“有可能”完成');
  return `${whereOf(r)}${parts.join('，')}`;
}

/** "共6项，1项已达到目标，2项按进度推进，3项进度滞后": every status counted, so the parts add up. */
const STATUS_WORDS: readonly (readonly [TargetResult['status'], string])[] = [
  ['已达成', '已达到目标'],
  ['正常', '按进度推进'],
  ['滞后', '进度滞后'],
  ['逾期', '已逾期'],
  ['未到期', '尚未到期'],
  ['定性', '为定性指标'],
  ['未填报', '未填报完成情况'],
];

/** 四（二）: the year forecast per indicator kind; the targets at risk named briefly (五 gives the detail). */
export function forecastBlocks(t: TargetIndicators): Block[] {
  const all = t.groups.flatMap((g) => g.targets);
  const out: Block[] = [];
  for (const kind of INDICATOR_KINDS) {
    const xs = all.filter((r) => r.row.kind === kind);
    if (xs.length === 0) continue;
    const parts = STATUS_WORDS.map(([status, words]) => {
      const n = xs.filter((r) => r.status === status).length;
      return n > 0 ? `${n}项${words}` : '';
    }).filter((s) => s !== '');
    const risk = xs.filter((r) => r.atRisk);
    const unreported = xs.filter((r) => r.status === '未填报').length;
    // Nothing filled in says nothing about the year: never forecast "能够完成" from blanks.
    const safeUnreported = xs.filter((r) => !r.atRisk && r.status === '未填报').length;
    const others = xs.length - risk.length - safeUnreported;
    const riskText =
      risk.length === 0
        ? unreported === xs.length
          ? '暂无法判断全年能否完成。'
          : unreported > 0
            ? '已填报的指标预计全年能够完成。'
            : '预计全年能够完成。'
        : `${namedByProject(risk.slice(0, MAX_LISTED))}${risk.length > MAX_LISTED ? `等${risk.length}项` : ''}存在不能按期完成的风险` +
          `${others > 0 ? `，其余${safeUnreported > 0 ? '已填报的指标' : ''}预计全年能够完成` : ''}。`;
    const counts =
      xs.length === 1 ? `共1项，${(parts[0] ?? '').replace(/^1项/, '')}` : `共${xs.length}项，${parts.join('，')}`;
    out.push(p(`${counts}；${riskText}`, `${KIND_WORDS[kind]}：`));
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
  out.push(
    p(
      risky === 0 && unreportedSafe === 0
        ? `综合分析，全年${t.count}项绩效目标预计能够全部完成。`
        : `综合分析，全年共${t.count}项绩效目标，${likely}项预计能够完成` +
            (risky > 0 ? `，${risky}项存在不能按期完成的风险，需采取措施加快推进` : '') +
            (unreportedSafe > 0 ? `，${unreportedSafe}项尚无完成数据` : '') +
            '。',
    ),
  );
  return out;
}

/** "部分绩效目标…" for two or more, "1项绩效目标…" for one: a "部分" list of one reads wrong. */
function some(n: number, noun: string): string {
  return n > 1 ? `部分${noun}` : `1项${noun}`;
}

/** 五、存在的问题: targets behind, targets that cannot be met, and target–spending mismatches. */
export function targetProblemBlocks(t: TargetIndicators, month: number, head: () => string): Block[] {
  const out: Block[] = [];
  const period = periodLabel(month);
  const impossible = new Set(t.impossible);
  const behind = t.atRisk.filter((r) => !impossible.has(r));
  if (behind.length > 0) {
    out.push(
      p(
        `截至${month}月底，${behind
          .slice(0, MAX_LISTED)
          .map((r) => riskWords(r, period))
          .join(
            '；',
          )}${behind.length > MAX_LISTED ? `；另有${behind.length - MAX_LISTED}项，明细见绩效目标执行监控表` : ''}。`,
        `${head()}${some(behind.length, '绩效目标')}完成进度滞后。`,
      ),
    );
  }
  if (t.impossible.length > 0) {
    out.push(
      p(
        `${t.impossible.map((r) => riskWords(r, period)).join('；')}。`,
        `${head()}${some(t.impossible.length, '绩效目标')}预计无法完成。`,
      ),
    );
  }
  if (t.mismatched.length > 0) {
    const ms = t.mismatched;
    const faster = ms.filter((g) => (g.gap ?? 0) > 0);
    const slower = ms.filter((g) => (g.gap ?? 0) <= 0);
    const say = (gs: readonly TargetGroup[], words: string): string =>
      gs.length === 0
        ? ''
        : `${gs.map((g) => g.name).join('、')}${words}${gs.map((g) => formatPoints(Math.abs(g.gap ?? 0))).join('、')}个百分点`;
    out.push(
      p(
        [
          say(faster, `绩效目标完成进度${faster.length > 1 ? '分别' : ''}快于资金支出进度`),
          say(slower, `资金支出进度${slower.length > 1 ? '分别' : ''}快于绩效目标完成进度`),
        ]
          .filter((x) => x !== '')
          .join('；') +
          `，偏差超过${t.gapPoints}个百分点${slower.length === 0 ? '，资金支付未能与工作进度同步' : faster.length === 0 ? '，资金支出未能形成相应的目标产出' : ''}。`,
        `${head()}绩效目标完成进度与预算执行进度不匹配。`,
      ),
    );
  }
  return out;
}

/** 六: a measure for the targets at risk, the ones that cannot be met and the mismatches. */
export function targetMeasureBlock(t: TargetIndicators, head: () => string): Block | null {
  if (t.atRisk.length === 0 && t.mismatched.length === 0) return null;
  const impossible = new Set(t.impossible);
  const names = [...new Set(t.atRisk.filter((r) => !impossible.has(r)).map((r) => r.row.level3 || r.row.level2))].slice(
    0,
    10,
  );
  const cannot = [...new Set(t.impossible.map((r) => r.row.level3 || r.row.level2))].slice(0, 10);
  const parts = [
    names.length > 0 ? `对${names.join('、')}等完成进度滞后的绩效目标，逐项分析偏差原因，明确责任和完成时限` : '',
    cannot.length > 0 ? `对预计无法完成的${cannot.join('、')}，按程序申请调整绩效目标或相应预算` : '',
    t.mismatched.length > 0
      ? '对目标完成与资金支出不匹配的项目，核实已完成工作量的资金结算情况，及时办理支付，确保绩效目标与预算执行同步推进'
      : '',
  ].filter((x) => x !== '');
  return p(`${parts.join('；')}。`, `${head()}推动绩效目标按期实现。`);
}

export { BASIC_GROUP };
