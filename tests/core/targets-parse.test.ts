import fc from 'fast-check';
import { indicatorKind, parseTargetText, parseTargetValue } from '../../src/core/targets/parse-value';
import {
  comparableValue,
  completionRatio,
  evaluateTarget,
  likelihoodOf,
  meanRatio,
} from '../../src/core/targets/evaluate';
import { type TargetRow, type TargetValue } from '../../src/core/targets/types';

const num = (value: number, unit: string, direction: '≥' | '≤' | '=' = '=', directionGiven = false, label = '') => ({
  kind: 'number' as const,
  direction,
  directionGiven,
  value,
  unit,
  label,
});

describe('parseTargetValue reads each form a target value is written in', () => {
  test.each<[string, TargetValue]>([
    ['≥95%', num(95, '%', '≥', true)],
    ['≤57.12万元', num(57.12, '万元', '≤', true)],
    ['100人次', num(100, '人次')],
    ['满意度≥90%', num(90, '%', '≥', true, '满意度')],
    ['>=98%', num(98, '%', '≥', true)],
    ['＞＝98％', num(98, '%', '≥', true)],
    ['<=3天', num(3, '天', '≤', true)],
    ['不低于95%', num(95, '%', '≥', true)],
    ['不高于2.00万元', num(2, '万元', '≤', true)],
    ['不少于300人次', num(300, '人次', '≥', true)],
    ['≤2个工作日', num(2, '个工作日', '≤', true)],
    ['2个工作日以内', num(2, '个工作日', '≤', true)],
    ['90%以上', num(90, '%', '≥', true)],
    ['=100%', num(100, '%', '=', true)],
    ['1,200人', num(1200, '人')],
    ['1-8月完成120人次', num(120, '人次', '=', false, '完成')],
    ['１２０人次', num(120, '人次')],
  ])('“%s”', (text, expected) => {
    expect(parseTargetText(text)).toEqual(expected);
  });

  test.each<[string, TargetValue]>([
    ['12月底前', { kind: 'deadline', month: 12, day: null }],
    ['12月31日前', { kind: 'deadline', month: 12, day: 31 }],
    ['2024年11月底前完成', { kind: 'deadline', month: 11, day: null }],
    ['年底前', { kind: 'deadline', month: 12, day: null }],
    ['6月', { kind: 'deadline', month: 6, day: null }],
  ])('deadline “%s”', (text, expected) => {
    expect(parseTargetText(text)).toEqual(expected);
  });

  test.each(['逐步提高', '有效保障', '已完成', '明显改善', '按时足额发放'])('qualitative “%s”', (text) => {
    expect(parseTargetText(text)).toEqual({ kind: 'qualitative', text });
  });

  test('cells that are not text: numbers, dates, blanks, errors', () => {
    expect(parseTargetValue(300)).toEqual(num(300, ''));
    expect(parseTargetValue(new Date(Date.UTC(2024, 11, 31)))).toEqual({ kind: 'deadline', month: 12, day: 31 });
    expect(parseTargetValue(null)).toEqual({ kind: 'empty' });
    expect(parseTargetValue('  ')).toEqual({ kind: 'empty' });
    expect(parseTargetValue('—')).toEqual({ kind: 'empty' });
    expect(parseTargetValue({ error: '#N/A' })).toEqual({ kind: 'qualitative', text: '#N/A' });
  });

  test('never throws, and a figure it reads is finite', () => {
    const pieces = fc.constantFrom(
      '≥',
      '≤',
      '>=',
      '<=',
      '不低于',
      '不高于',
      '%',
      '万元',
      '元',
      '人次',
      '月',
      '日',
      '底',
      '前',
      '以上',
      '以内',
      '年',
      '-',
      '.',
      ',',
      '满意度',
      '（',
      '）',
      ' ',
      '１',
      '0',
      '9',
      '12',
      '2024',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces).map((xs) => xs.join('')),
        ),
        (s) => {
          const v = parseTargetText(s);
          if (v.kind === 'number') expect(Number.isFinite(v.value)).toBe(true);
          if (v.kind === 'deadline') expect(v.month >= 1 && v.month <= 12).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('indicator kinds and likelihood', () => {
  test.each([
    ['产出指标', '数量指标', '数量'],
    ['产出指标', '质量指标', '质量'],
    ['产出指标', '时效指标', '时效'],
    ['产出指标', '成本指标', '成本'],
    ['效益指标', '社会效益指标', '效益'],
    ['效益指标', '可持续影响指标', '效益'],
    ['满意度指标', '服务对象满意度指标', '满意度'],
    ['', '', '其他'],
  ])('%s/%s is %s', (l1, l2, kind) => {
    expect(indicatorKind(l1, l2)).toBe(kind);
  });

  test('完成目标可能性 folds to three answers', () => {
    expect(likelihoodOf('完全不可能')).toBe('完全不可能');
    expect(likelihoodOf('有可能')).toBe('有可能');
    expect(likelihoodOf('确定能')).toBe('确定能');
    expect(likelihoodOf('')).toBe('');
  });
});

describe('completion in the right direction', () => {
  test('≥: actual ÷ target, capped at 100%', () => {
    expect(completionRatio('≥', 300, 120)).toBe(4000);
    expect(completionRatio('≥', 300, 450)).toBe(10000);
    expect(completionRatio('=', 3, 2)).toBe(6667);
    expect(completionRatio('≥', 0, 0)).toBe(10000);
  });
  test('≤: met by staying within the target, else target ÷ actual', () => {
    expect(completionRatio('≤', 57.12, 36.87)).toBe(10000);
    expect(completionRatio('≤', 2, 4)).toBe(5000);
    expect(completionRatio('≤', 2, 2)).toBe(10000);
  });
  test('units: 元 and 万元 convert, a fraction against a percentage is read as one', () => {
    expect(comparableValue(num(36.87, '万元'), num(368700, '元'))).toBeCloseTo(36.87, 6);
    expect(comparableValue(num(95, '%'), num(0.96, ''))).toBe(96);
    expect(comparableValue(num(95, '%'), num(3, '人'))).toBeNull();
  });
  test('the mean of the targets with a ratio', () => {
    expect(meanRatio([10000, 4000, null])).toBe(7000);
    expect(meanRatio([null])).toBeNull();
  });
});

function row(
  level2: string,
  level3: string,
  target: string,
  actual: string,
  extra: Partial<TargetRow> = {},
): TargetRow {
  return {
    project: '维权帮扶项目经费',
    level1: '产出指标',
    level2,
    level3,
    kind: indicatorKind('产出指标', level2, level3),
    targetText: target,
    actualText: actual,
    forecastText: extra.forecastText ?? '',
    reason: '',
    likelihood: '',
    remark: '',
    target: parseTargetText(target),
    actual: parseTargetText(actual),
    forecast: parseTargetText(extra.forecastText ?? ''),
    sheet: '绩效目标',
    row: 3,
    ...extra,
  };
}

describe('evaluateTarget at the end of August (time progress 66.67%)', () => {
  const ev = (r: TargetRow) => evaluateTarget(r, 8, 6667);

  test('a count behind time progress by more than 10 points is behind, with the reason', () => {
    const r = ev(row('数量指标', '法律咨询服务人次', '≥300人次', '120人次'));
    expect([r.ratio, r.status, r.atRisk]).toEqual([4000, '滞后', true]);
    expect(r.riskReasons).toEqual(['1-8月完成120人次，完成40.00%，低于时间进度26.67个百分点']);
  });
  test('a count near time progress is on course', () => {
    expect(ev(row('数量指标', '慰问劳模人次', '60人次', '36人次')).status).toBe('正常');
  });
  test('a rate below its level is behind whatever the month', () => {
    const r = ev(row('时效指标', '资金拨付及时率', '≥95%', '90%'));
    expect([r.ratio, r.status]).toEqual([9474, '滞后']);
  });
  test('a cost target is met by spending less, even without ≤ written', () => {
    const r = ev(row('成本指标', '项目经费', '2.00万元', '0.8万元'));
    expect([r.ratio, r.status, r.atRisk]).toEqual([10000, '正常', false]);
    expect(ev(row('成本指标', '项目经费', '≤2万元', '2.5万元')).status).toBe('滞后');
  });
  test('deadlines: not yet due, late, done', () => {
    expect(ev(row('时效指标', '资金拨付时间', '12月底前', '')).status).toBe('未到期');
    expect(ev(row('时效指标', '资金拨付时间', '6月底前', '尚未拨付')).status).toBe('逾期');
    expect(ev(row('时效指标', '资金拨付时间', '6月底前', '已完成')).status).toBe('已达成');
  });
  test('a forecast short of the target and 完全不可能 put a target at risk', () => {
    const r = ev(
      row('数量指标', '困难职工帮扶人数', '≥200人', '150人', { forecastText: '180人', likelihood: '完全不可能' }),
    );
    expect(r.forecastShort).toBe(true);
    expect(r.riskReasons).toEqual(['全年预计完成180人，达不到目标值≥200人', '完成目标可能性为“完全不可能”']);
  });
  test('a qualitative target is judged by its likelihood only', () => {
    const r = ev(row('社会效益指标', '职工权益保障', '有效保障', '有效保障'));
    expect([r.ratio, r.status, r.atRisk]).toEqual([null, '定性', false]);
  });
});
