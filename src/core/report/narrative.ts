import { type Indicators, type ItemResult, type Totals } from '../indicators/types';
import { CATEGORIES, type Category, type Recognition, type UnitInfo } from '../types';
import { formatPercent, formatPoints } from '../money/format';
import { type Fen } from '../money/fen';
import { placeText } from '../errors';
import { type Block, type ReportModel, type SignDate } from './types';
import { signatureBlocks, today } from './signature';

/** What the user sets for the text itself. */
export interface NarrativeOptions {
  /** The 成文日期 of the 落款; today when not given. */
  readonly signedOn?: SignDate;
}

/** Stands for the unit's name when the workbook does not give it. */
export const UNIT_NAME_PLACEHOLDER = '【单位名称】';
import {
  adjustmentWords,
  chineseNumber,
  gapWords,
  nameWithAmount,
  pct,
  periodLabel,
  sentence,
  spentOfBudget,
  wan,
} from './phrases';
import { type TargetGroup, type TargetIndicators } from '../targets/types';
import { type Warning } from '../types';
import {
  forecastBlocks,
  groupTargetsParagraph,
  missingTargetsBlock,
  otherGroupsBlocks,
  targetMeasureBlock,
  targetProblemBlocks,
} from './targets-narrative';

/**
 * Writes the 部门事中绩效监控报告 from the recognised ledger and its indicators, following the
 * official outline. Every number in it is taken from `indicators`; the year and month only from
 * the recognition, so a 2024 report cannot speak of 2023.
 */
export function buildNarrative(
  recognition: Recognition,
  indicators: Indicators,
  targets: TargetIndicators | null = null,
  targetWarnings: readonly Warning[] = [],
  options: NarrativeOptions = {},
): ReportModel {
  // Without a name the title and the 落款 ask for it rather than print "本单位".
  const org = recognition.organization.from === '未找到' ? UNIT_NAME_PLACEHOLDER : recognition.organization.value;
  const year = recognition.year.value;
  const month = recognition.month.value;
  const title = `${org}${year}年部门事中绩效监控报告`;
  const signedOn = options.signedOn ?? today();
  const ctx: Ctx = {
    org,
    year,
    month,
    period: periodLabel(month),
    ind: indicators,
    info: recognition.unitInfo,
    targets: targets && targets.count > 0 ? targets : null,
    targetSheet: targets,
    carryover: recognition.lines.reduce((sum, l) => sum + (l.carryover ?? 0), 0),
    unitNames: recognition.unitNames,
    budgetSplit: recognition.budgetSplit,
    sourceStated: recognition.budget.columns.some((col) => col.role === 'source' || col.role === 'indicatorSource'),
  };
  const blocks: Block[] = [
    { kind: 'title', text: title },
    opening(ctx),
    ...acceptedDifferences(recognition),
    ...functions(ctx),
    ...institution(ctx),
    ...overall(ctx),
    ...analysis(ctx),
    ...problems(ctx),
    ...measures(ctx),
    ...signatureBlocks(org, signedOn),
  ];
  return {
    organization: org,
    year,
    month,
    title,
    signedOn,
    recognition,
    indicators,
    targets,
    warnings: [...recognition.warnings, ...targetWarnings],
    blocks,
  };
}

/**
 * "A、B、C" for up to MANY names; beyond that the largest MANY and "等N个项目" (a report is read, a
 * table is looked up: the tables list every line).
 * @example nameList([a, b]) === 'A、B'
 */
function nameList(items: readonly ItemResult[], noun = '项目'): string {
  if (items.length <= MANY) return items.map((i) => i.line.name).join('、');
  return `${byBudget(items)
    .slice(0, MANY)
    .map((i) => i.line.name)
    .join('、')}等${items.length}个${noun}`;
}

interface Ctx {
  readonly org: string;
  readonly year: number;
  readonly month: number;
  readonly period: string;
  readonly ind: Indicators;
  readonly info: UnitInfo;
  /** The targets when the sheet has any indicator; null otherwise (the text then asks for them). */
  readonly targets: TargetIndicators | null;
  /** The targets sheet as found, even empty, so the text can name it. */
  readonly targetSheet: TargetIndicators | null;
  /** 上年结转 within the adjustment, said apart so 年初 + 调整 + 结转 = 全年 reads right. */
  readonly carryover: Fen;
  readonly unitNames: Readonly<Record<string, string>>;
  readonly budgetSplit: boolean;
  /** The ledger names its sources of money (a 资金来源 or 指标来源 column). */
  readonly sourceStated: boolean;
}

/**
 * The change from 年初 to 全年 in words, 上年结转 apart from the in-year adjustment.
 * @example budgetChanges(9000000, 7000000) === '年中调增预算20.00万元，上年结转70.00万元'
 */
export function budgetChanges(adjustment: Fen, carryover: Fen): string {
  if (carryover === 0) return adjustmentWords(adjustment);
  return `${adjustmentWords(adjustment - carryover)}，上年结转${wan(carryover)}`;
}

/**
 * A 主管部门 with its 二级单位 (one ledger sheet each): which units the figures add up, and each
 * unit's budget, spending and rate, so the department total reads as their sum.
 */
function unitsParagraph(c: Ctx): Block[] {
  const units = c.ind.units;
  if (units.length < 2) return [];
  const name = (sheet: string): string => c.unitNames[sheet] ?? sheet;
  return [
    p(
      `本部门${c.period}预算执行数据由${units.map((u) => name(u.sheet)).join('、')}共${units.length}个单位的台账汇总。分单位看：` +
        units
          .map(
            (u) =>
              `${name(u.sheet)}全年预算${wan(u.totals.budget)}，执行${wan(u.totals.executed)}，执行率${pct(u.totals.rate)}`,
          )
          .join('；') +
        '。',
    ),
  ];
}

/** When the user chose to go on over the ledger's own contradictions, the report says so first. */
function acceptedDifferences(r: Recognition): Block[] {
  if (r.discrepancies.length === 0) return [];
  const rows = r.discrepancies
    .slice(0, 5)
    .map((d) => placeText(d))
    .join('、');
  return [
    p(
      `（说明：台账中有${r.discrepancies.length}处数字与其合计或勾稽关系不符（${rows}${r.discrepancies.length > 5 ? '等' : ''}），经确认仍按各明细行计算，报告数字以明细行为准。）`,
    ),
  ];
}

function groupOf(c: Ctx, scope: TargetGroup['scope'], name?: string): TargetGroup | undefined {
  return c.targets?.groups.find((g) => g.scope === scope && (name === undefined || g.name === name));
}

const p = (text: string, lead?: string): Block => (lead ? { kind: 'p', text, lead } : { kind: 'p', text });
const todo = (text: string, lead?: string): Block => ({
  kind: 'p',
  text,
  placeholder: true,
  ...(lead ? { lead } : {}),
});

function opening(c: Ctx): Block {
  const basis = c.info.notice
    ? `按照${c.info.financeBureau ?? ''}${c.info.notice}文件的工作安排`
    : `按照财政部门关于开展${c.year}年预算绩效运行监控工作的通知要求`;
  return p(
    `${basis}，我单位开展了${c.year}年1月至${c.month}月部门预算执行、调整情况以及绩效目标完成和实现情况的绩效监控工作，现将有关情况报告如下。`,
  );
}

function functions(c: Ctx): Block[] {
  const out: Block[] = [{ kind: 'h1', text: '一、主要职能职责' }];
  if (c.info.functions.length === 0) {
    out.push(todo('【请填写本单位主要职能职责，可在“单位信息”工作表中填写，报告将自动引用】'));
  } else out.push(...c.info.functions.map((t) => p(t)));
  return out;
}

function institution(c: Ctx): Block[] {
  const part = (lead: string, lines: readonly string[], hint: string): Block[] =>
    lines.length === 0
      ? [todo(`【请填写${hint}】`, lead)]
      : [p(lines[0] ?? '', lead), ...lines.slice(1).map((t) => p(t))];
  return [
    { kind: 'h1', text: '二、机构基本情况' },
    ...part('（一）机构组成。', c.info.composition, '单位性质、级次及下属单位情况'),
    ...part('（二）机构职能。', c.info.departments, '内设机构及其职责'),
    ...part('（三）人员概况。', c.info.staffing, '编制数、实有人数及退休人员情况'),
  ];
}

function projects(c: Ctx): ItemResult[] {
  return c.ind.items.filter((i) => i.line.category === '项目支出');
}

/** A project the year started without and that got money in the year (上年结转 alone is not an addition). */
function isAddedMidYear(i: ItemResult): boolean {
  return i.line.initial === 0 && i.line.adjustment - (i.line.carryover ?? 0) > 0;
}

/** A project funded only by last year's carried-over money. */
function isCarriedOver(i: ItemResult): boolean {
  return i.line.initial === 0 && (i.line.carryover ?? 0) > 0 && i.line.adjustment === i.line.carryover;
}

/**
 * "年初预算X，年中调增Y，全年预算Z" — or, when the ledger gives only the full-year budget,
 * "全年预算Z" and no word of a 年初 or an adjustment it never stated.
 */
function budgetWords(c: Ctx, t: Totals, carryover: Fen = 0): string {
  if (!c.budgetSplit) return `全年预算${wan(t.budget)}`;
  return `年初预算${wan(t.initial)}，${budgetChanges(t.adjustment, carryover)}，全年预算${wan(t.budget)}`;
}

function shareOf(share: number | null): string {
  return share === null ? '' : `，占${formatPercent(share)}`;
}

function overall(c: Ctx): Block[] {
  const { total, categories: cat } = c.ind;
  const out: Block[] = [
    { kind: 'h1', text: '三、预算绩效监控总体情况' },
    { kind: 'h2', text: '（一）年度预算安排情况' },
    p(
      `${c.year}年，我单位${budgetWords(c, total, c.carryover)}${c.budgetSplit ? '' : '（台账未分列年初预算和年中调整）'}。` +
        `其中：${present(c)
          .map((k) => `${CATEGORY_WORDS[k]}${wan(cat[k].budget)}${shareOf(c.ind.shares[k])}`)
          .join('；')}。`,
    ),
  ];
  const sources = c.ind.sources.filter((s) => s.name !== '未注明');
  // One source is the whole budget again: its name is the news, not the figure. A ledger without a
  // source column states none (the lines are then listed as 一般公共预算 only in the tables, with a warning).
  if (!c.sourceStated) {
    // nothing to say
  } else if (sources.length === 1 && sourcesRest(c) === '') out.push(p(`资金来源为${sources[0]!.name}。`));
  else if (sources.length > 0) {
    out.push(
      p(`按资金来源分：${sources.map((s) => nameWithAmount(s.name, s.totals.budget)).join('，')}${sourcesRest(c)}。`),
    );
  }
  const uses = (['人员支出', '公用支出'] as const)
    .map((k) => {
      const names = largestLineNames(c, k);
      return names.length >= 2 ? `${CATEGORY_WORDS[k]}主要包括${names.join('、')}等` : '';
    })
    .filter((x) => x !== '');
  if (uses.length > 0) out.push(p(`${uses.join('；')}。`));
  const projs = projects(c);
  if (projs.length > 0) out.push(p(projectListSentence(c, projs)));

  out.push({ kind: 'h2', text: `（二）${c.period}执行情况` });
  out.push(
    p(
      (total.executed === 0 && total.budget > 0
        ? `截至${c.year}年${c.month}月底，本单位全年预算${wan(total.budget)}尚未支出，`
        : `截至${c.year}年${c.month}月底，本单位累计支出${spentOfBudget('', total.executed, total.budget, total.rate)}，`) +
        `时间进度为${formatPercent(c.ind.timeProgress)}，${gapWords(total.deviation)}。其中：` +
        present(c)
          .map((k) => spentOfBudget(CATEGORY_WORDS[k], cat[k].executed, cat[k].budget, cat[k].rate))
          .join('；') +
        '。',
    ),
  );

  out.push(...unitsParagraph(c));

  out.push({ kind: 'h2', text: `（三）部门预算绩效目标${c.period}完成情况` });
  const basic = c.ind.basic;
  out.push({ kind: 'h3', text: '1.基本支出' });
  if (basic.lines === 0) {
    out.push(p('本单位台账未列基本支出。'));
  } else {
    const purpose =
      cat.人员支出.lines > 0 && cat.公用支出.lines > 0
        ? '主要用于保障人员工资福利和单位正常运转'
        : cat.人员支出.lines > 0
          ? '主要用于保障人员工资福利'
          : '主要用于保障单位正常运转';
    out.push(
      p(
        `基本支出全年预算${wan(basic.budget)}，${c.period}执行${wan(basic.executed)}，执行率${pct(basic.rate)}，${gapWords(basic.deviation)}，${purpose}。`,
      ),
    );
  }
  const basicTargets = groupOf(c, 'basic');
  if (basicTargets && c.targets) out.push(groupTargetsParagraph(basicTargets, c.period));
  out.push({ kind: 'h3', text: '2.项目支出' });
  if (projs.length === 0) {
    out.push(p(`${c.year}年本单位未安排项目支出。`));
  } else {
    const { named, rest } = projectsToName(projs);
    named.forEach((i, n) => {
      const remark = i.line.remark.trim().replace(/[。；;，,]$/, '');
      const purpose = remark !== '' && isPurpose(remark) ? `，${remark}` : '';
      // The unit's own note on a project behind schedule is quoted in 五 with the problem.
      const note =
        remark !== '' && !isPurpose(remark) && !i.flagged && i.status !== '超预算' ? `（单位说明：${remark}）` : '';
      out.push(p(`（${n + 1}）${i.line.name}，全年预算${wan(i.line.budget)}${purpose}；${spentWords(c, i)}${note}。`));
      const g = groupOf(c, 'project', i.line.name);
      if (g && c.targets) out.push(groupTargetsParagraph(g, c.period));
    });
    if (rest.length > 0) {
      out.push(
        p(
          `其余${rest.length}个项目全年预算合计${wan(rest.reduce((s, i) => s + i.line.budget, 0))}，${c.period}支出合计${wan(rest.reduce((s, i) => s + i.line.executed, 0))}，逐项情况见“项目支出执行情况”表${c.targets ? '和“绩效目标执行监控表”' : ''}。`,
        ),
      );
    }
  }
  if (c.targets) out.push(...otherGroupsBlocks(c.targets, c.period, 3));
  else out.push(missingTargetsBlock(c.targetSheet, c.month));
  out.push(p(summarySentence(c)));
  return out;
}

/** A 备注 that says what the money is for ("主要用于聘用律师…"), as opposed to a note on its progress. */
function isPurpose(remark: string): boolean {
  return /^(资金)?(主要)?(用于|用途)/.test(remark);
}

/** "1-8月尚未支出" or "1-8月支出X万元，执行率Y%，低于时间进度Z个百分点". */
function spentWords(c: Ctx, i: ItemResult): string {
  if (i.status === '未执行') return `${c.period}尚未支出`;
  if (i.line.budget === 0 && i.line.executed === 0) return `${c.period}未发生支出`;
  return `${c.period}支出${wan(i.line.executed)}，执行率${pct(i.totals.rate)}，${gapWords(i.totals.deviation)}`;
}

/**
 * Beyond MANY projects the text names the flagged ones (the largest first) and the largest few
 * others; the rest are counted and summed, and the tables list them all.
 */
const MANY = 10;
const LARGEST_OTHERS = 3;

function byBudget(xs: readonly ItemResult[]): ItemResult[] {
  return [...xs].sort((a, b) => b.line.budget - a.line.budget);
}

function projectsToName(projs: readonly ItemResult[]): { named: ItemResult[]; rest: ItemResult[] } {
  if (projs.length <= MANY) return { named: [...projs], rest: [] };
  const keep = new Set<ItemResult>([
    ...byBudget(projs.filter((i) => i.flagged)).slice(0, MANY),
    ...byBudget(projs.filter((i) => !i.flagged)).slice(0, LARGEST_OTHERS),
  ]);
  return { named: projs.filter((i) => keep.has(i)), rest: projs.filter((i) => !keep.has(i)) };
}

/** Names of the largest lines of a category, when the ledger names them (not "公用支出" itself). */
function largestLineNames(c: Ctx, k: Category, n = 4): string[] {
  const names = byBudget(c.ind.items.filter((i) => i.line.category === k && i.line.budget > 0))
    .map((i) => i.line.name.replace(/^[\d\s.、]+/, '').trim())
    .filter((name) => name !== '' && name !== k && name !== CATEGORY_WORDS[k] && !/合计|小计|基本支出/.test(name));
  return [...new Set(names)].slice(0, n);
}

/** 三（一）'s project sentence: how many, how they came about, and their names (the largest when many). */
function projectListSentence(c: Ctx, projs: readonly ItemResult[]): string {
  const plan = c.ind.projectPlan;
  const origin = c.budgetSplit
    ? [
        plan.initialCount > 0 ? `年初安排${plan.initialCount}个${wan(plan.initialSum)}` : '年初未安排项目',
        plan.addedCount > 0 ? `年中追加${plan.addedCount}个${wan(plan.addedSum)}` : '',
        plan.carryover !== 0 ? `上年结转${wan(plan.carryover)}` : '',
        plan.inYearAdjustment !== 0
          ? `年中${plan.inYearAdjustment > 0 ? '调增' : '调减'}项目预算${wan(Math.abs(plan.inYearAdjustment))}`
          : '',
      ].filter((x) => x !== '')
    : [];
  // Only when something changed is the origin news; "年初安排3个19.30万元" alone repeats the total.
  const originText = origin.length > 1 || plan.initialCount === 0 ? `（${origin.join('，')}）` : '';
  const label = (i: ItemResult, n: number): string =>
    `${n + 1}.${nameWithAmount(i.line.name, i.line.budget)}${
      c.budgetSplit && isAddedMidYear(i)
        ? '（年中追加）'
        : c.budgetSplit && isCarriedOver(i)
          ? '（上年结转）'
          : i.line.initial > 0 && i.line.budget === 0
            ? '（年中已全部调减）'
            : ''
    }`;
  if (projs.length <= MANY) {
    return `项目支出共${projs.length}个${originText}，${projs.length === 1 ? '为' : '分别为'}：${projs.map(label).join('；')}。`;
  }
  const largest = byBudget(projs).slice(0, 5);
  const rest = projs.length - largest.length;
  return (
    `项目支出共${projs.length}个${originText}，预算较大的${largest.length}个为：${largest.map(label).join('；')}；` +
    `其余${rest}个项目合计${wan(projs.filter((i) => !largest.includes(i)).reduce((s, i) => s + i.line.budget, 0))}，逐项情况见“项目支出执行情况”表。`
  );
}

/** The categories the ledger has lines in, in the order reports list them. */
function present(c: Ctx): Category[] {
  return CATEGORIES.filter((k) => c.ind.categories[k].lines > 0);
}

export const CATEGORY_WORDS: Readonly<Record<Category, string>> = {
  人员支出: '人员支出',
  公用支出: '日常公用支出',
  项目支出: '项目支出',
};

/** "项目" when every flagged line is a project, else "支出事项" (basic lines flagged by option). */
function flaggedNoun(items: readonly ItemResult[]): string {
  return items.every((i) => i.line.category === '项目支出') ? '项目' : '支出事项';
}

/** 总体而言: from the facts — basic spending against the gap, the flagged lines, the whole budget. */
function summarySentence(c: Ctx): string {
  const { basic, total } = c.ind;
  const flagged = c.ind.flagged;
  // Behind by the same rule that flags lines: the Sichuan line, or the gap to 时间进度.
  const behind = (t: Totals): boolean =>
    c.ind.rule === 'sichuan'
      ? t.rate !== null && c.ind.warningLine !== null && t.rate < c.ind.warningLine
      : t.deviation !== null && t.deviation < -c.ind.gapPoints * 100;
  const basicBehind = basic.lines > 0 && behind(basic);
  const totalBehind = behind(total);
  if (flagged.length === 0 && !basicBehind && !totalBehind) {
    return '总体而言，我单位预算执行和绩效目标任务稳步推进。';
  }
  const parts: string[] = [];
  if (basic.lines > 0) {
    parts.push(
      basicBehind
        ? `基本支出执行率${pct(basic.rate)}，${gapWords(basic.deviation)}`
        : '基本支出执行正常，保障了单位运转',
    );
  }
  if (flagged.length > 0) parts.push(`${flagged.length}个${flaggedNoun(flagged)}执行进度滞后`);
  if (totalBehind) parts.push(`整体执行率${pct(total.rate)}，${gapWords(total.deviation)}`);
  return `总体而言，${parts.join('；')}，需加快推进。`;
}

function sourcesRest(c: Ctx): string {
  const unnamed = c.ind.sources.find((s) => s.name === '未注明');
  return unnamed ? `，未注明资金来源的${wan(unnamed.totals.budget)}` : '';
}

function forecastClause(name: string, t: Totals): string {
  return t.forecast === null
    ? `${name}未填列全年预计执行数`
    : `${name}预计执行${wan(t.forecast)}，预计执行率${pct(t.forecastRate)}`;
}

function analysis(c: Ctx): Block[] {
  const { total, categories: cat, basic } = c.ind;
  const out: Block[] = [
    { kind: 'h1', text: '四、运行监控分析' },
    { kind: 'h2', text: '（一）全年部门预算预计执行情况' },
  ];
  if (total.forecast === null) {
    out.push(
      todo('【台账未填列全年预计执行数，请在台账中增加“全年预计执行数”列后重新生成，或在此填写全年预计执行情况】'),
    );
  } else {
    out.push(
      p(
        `全年预算${wan(total.budget)}，预计全年执行${wan(total.forecast)}，预计执行率${pct(total.forecastRate)}。其中：` +
          sentence([
            basic.lines === 0
              ? ''
              : forecastClause('基本支出', basic) +
                `（${(['人员支出', '公用支出'] as const)
                  .filter((k) => cat[k].lines > 0)
                  .map((k) => `${CATEGORY_WORDS[k]}${cat[k].forecast === null ? '未填列' : wan(cat[k].forecast)}`)
                  .join('，')}）`,
            cat.项目支出.lines === 0
              ? ''
              : forecastClause('项目支出', cat.项目支出) +
                (c.budgetSplit && projects(c).some(isAddedMidYear)
                  ? `，包括年中追加项目${nameList(projects(c).filter(isAddedMidYear))}`
                  : ''),
          ]),
      ),
    );
    const sources = c.ind.sources.filter((s) => s.name !== '未注明');
    if (sources.length > 1 && c.sourceStated) {
      out.push(p(`按资金来源分：${sentence(sources.map((s) => forecastClause(s.name, s.totals)))}`));
    }
    const remaining = c.ind.remaining ?? 0;
    const pace = c.ind.pace;
    if (remaining < 0) {
      out.push(
        todo(
          `【全年预计执行数${wan(total.forecast)}低于${c.period}已执行的${wan(total.executed)}，请核对台账中的“全年预计执行数”】`,
        ),
      );
    } else if (c.month < 12 && pace.neededMonthly !== null) {
      const later = `${c.month + 1}-12月`;
      const compare = pace.neededMonthly > pace.pastMonthly ? `后${12 - c.month}个月须加快支出` : `按目前进度可以实现`;
      out.push(
        p(
          `要实现全年预计执行数，${later}还需支出${wan(remaining)}，占全年预算的${pct(c.ind.remainingShare)}，` +
            `月均${wan(pace.neededMonthly)}，${c.period}月均支出${wan(pace.pastMonthly)}，${compare}。`,
        ),
      );
    }
  }
  out.push({ kind: 'h2', text: '（二）全年绩效目标预计完成情况' });
  out.push(
    p(
      c.ind.flagged.length > 0
        ? `从资金支出看，${nameList(c.ind.flagged, flaggedNoun(c.ind.flagged))}执行进度滞后，相关绩效目标存在不能按期完成的风险。`
        : `从资金支出看，各${cat.项目支出.lines > 0 ? '项目' : '项支出'}执行进度与时间进度基本匹配。`,
    ),
  );
  if (c.targets) out.push(...forecastBlocks(c.targets));
  else out.push(todo('【请结合绩效目标表，从数量、质量、时效、成本、效益、满意度等指标说明全年绩效目标预计完成情况】'));
  return out;
}

/** The unit's own explanation of a project behind schedule: its 备注 in the ledger, its cost target's note. */
function unitNotes(c: Ctx, i: ItemResult): string[] {
  const notes: string[] = [];
  const remark = i.line.remark.trim().replace(/[。；;，,]$/, '');
  if (remark !== '' && !isPurpose(remark)) notes.push(remark);
  const g = groupOf(c, 'project', i.line.name);
  for (const r of g?.targets ?? [])
    if (r.row.kind === '成本' && r.row.remark.trim() !== '') notes.push(r.row.remark.trim());
  return [...new Set(notes)];
}

function problems(c: Ctx): Block[] {
  const out: Block[] = [{ kind: 'h1', text: '五、存在的问题' }];
  const found: Block[] = [];
  let n = 0;
  const head = (): string => `（${chineseNumber(++n)}）`;
  const flagged = c.ind.flagged;
  if (flagged.length > 0) {
    const noun = flaggedNoun(flagged);
    const rule =
      c.ind.rule === 'sichuan' && c.ind.warningLine !== null
        ? `执行率低于四川省预警线${formatPercent(c.ind.warningLine)}`
        : `执行率低于时间进度${Number.isInteger(c.ind.gapPoints) ? c.ind.gapPoints : formatPoints(Math.round(c.ind.gapPoints * 100))}个百分点以上`;
    const listed = flagged.length > MANY ? byBudget(flagged).slice(0, MANY) : flagged;
    const rest = flagged.filter((i) => !listed.includes(i));
    const items = listed.map((i) => {
      const notes = unitNotes(c, i);
      const saysUnspent = notes.some((x) => /未支出|未执行/.test(x));
      const how =
        i.status === '未执行'
          ? saysUnspent
            ? ''
            : '尚未支出'
          : `执行率${pct(i.totals.rate)}，${gapWords(i.totals.deviation)}`;
      // The cause is the unit's to give: its own note when it wrote one, else a request in the text.
      const why = notes.length > 0 ? `单位说明：${notes.join('；')}` : '【请说明滞后原因】';
      return `${i.line.name}${[how, why].filter((x) => x !== '').join('，')}`;
    });
    found.push(
      p(
        `截至${c.month}月底，${flagged.length}个${noun}${rule}或尚未支出。` +
          `${items.join('；')}` +
          (rest.length > 0
            ? `；另有${rest.length}个${noun}执行滞后，全年预算合计${wan(rest.reduce((s, i) => s + i.line.budget, 0))}，已支出${wan(rest.reduce((s, i) => s + i.line.executed, 0))}，逐项情况见“项目支出执行情况”表【请说明其滞后原因】`
            : '') +
          '。',
        `${head()}${noun === '项目' ? '项目支出' : flagged.length > 1 ? '部分支出' : '1项支出'}执行进度滞后。`,
      ),
    );
  }
  const over = c.ind.items.filter((i) => i.status === '超预算');
  if (over.length > 0) {
    found.push(
      p(
        over
          .map((i) => {
            const notes = unitNotes(c, i);
            return `${i.line.name}全年预算${wan(i.line.budget)}，已支出${wan(i.line.executed)}，超出${wan(i.line.executed - i.line.budget)}，${notes.length > 0 ? `单位说明：${notes.join('；')}` : '【请说明超预算的原因】'}`;
          })
          .join('；') + '。',
        `${head()}${over.length > 1 ? '部分支出' : '1项支出'}超预算。`,
      ),
    );
  }
  const gap = -c.ind.gapPoints * 100;
  if (c.ind.total.deviation !== null && c.ind.total.deviation < gap) {
    found.push(
      p(
        `整体执行率低于时间进度${c.ind.gapPoints}个百分点以上，后${12 - c.month}个月支出压力较大。`,
        `${head()}整体预算执行偏慢。`,
      ),
    );
  }
  if (c.targets) found.push(...targetProblemBlocks(c.targets, c.month, head));
  if (found.length === 0) {
    found.push(p(`截至${c.month}月底，各项支出执行进度与时间进度基本匹配，未发现明显问题。`));
  }
  out.push(...found);
  return out;
}

function measures(c: Ctx): Block[] {
  const out: Block[] = [{ kind: 'h1', text: '六、下一步工作措施' }];
  let n = 0;
  const head = (): string => `（${chineseNumber(++n)}）`;
  if (c.ind.flagged.length > 0) {
    out.push(
      p(
        `对执行滞后的${nameList(c.ind.flagged, flaggedNoun(c.ind.flagged))}，逐项分析原因，制定分月支出计划，在确保资金使用合规的前提下加快支出进度；确实无法执行的，及时按程序申请调剂预算或由财政收回。`,
        `${head()}加快${flaggedNoun(c.ind.flagged) === '项目' ? '项目' : ''}支出执行进度。`,
      ),
    );
  }
  if (c.ind.items.some((i) => i.status === '超预算')) {
    out.push(p('对超预算支出逐笔核实，按规定办理预算调整，严格执行“无预算不支出”。', `${head()}规范超预算支出。`));
  }
  const targetMeasure = c.targets ? targetMeasureBlock(c.targets, head) : null;
  if (targetMeasure) out.push(targetMeasure);
  out.push(
    p(
      '按月跟踪预算执行和绩效目标完成情况，对执行进度滞后、偏离绩效目标的项目及时预警、及时纠偏，确保年度绩效目标如期实现。',
      `${head()}加强预算执行监控。`,
    ),
    p('将绩效监控结果作为以后年度预算安排和政策调整的重要依据，提高财政资金使用效益。', `${head()}强化监控结果运用。`),
  );
  return out;
}
