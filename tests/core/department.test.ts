import { readFile } from 'node:fs/promises';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { buildReport, type ReportOutput } from '../../src/core/pipeline';
import { SOURCE_KINDS, sourceKind } from '../../src/core/report/department';
import { SAMPLE_PATH } from '../../scripts/make-sample';
import { tableRowHeights } from '../../src/core/plan/row-heights';

describe('资金来源 kinds: one test per entry of the table', () => {
  test.each([
    ['一般公共预算拨款', '财政性资金'],
    ['政府性基金预算拨款', '财政性资金'],
    ['国有资本经营预算', '财政性资金'],
    ['省级专项资金', '财政性资金'],
    ['中央转移支付', '财政性资金'],
    ['上级补助收入', '财政性资金'],
    ['财政专户管理资金', '财政性资金'],
    ['财政拨款', '财政性资金'],
    ['事业收入', '其他资金'],
    ['经营收入', '其他资金'],
    ['其他收入', '其他资金'],
    ['单位资金', '其他资金'],
    ['自有资金', '其他资金'],
    ['附属单位上缴收入', '其他资金'],
    ['非财政拨款结余', '其他资金'],
    ['上年结余', '其他资金'],
    ['非同级财政拨款', '其他资金'],
  ])('%s is %s', (name, kind) => {
    expect(sourceKind(name)).toBe(kind);
  });
  test('a source named by neither is not guessed', () => {
    expect(sourceKind('未注明')).toBeNull();
    expect(sourceKind('捐赠')).toBeNull();
  });
  test('the table has the entries tested above', () => {
    expect(SOURCE_KINDS).toHaveLength(2);
  });
});

describe('the 部门整体绩效监控表 of the sample', () => {
  let out: ReportOutput;
  beforeAll(async () => {
    const r = buildReport(await readWorkbookGrid(new Uint8Array(await readFile(SAMPLE_PATH))));
    if (!r.ok) throw r.error;
    out = r.value;
  });

  test('funds by source kind and by structure, as the seed report has them (万元)', () => {
    const sheet = out.plan.sheets.find((s) => s.name === '部门整体绩效监控表')!;
    const rows = sheet.rows.map((r) => r.map((c) => c?.value ?? null));
    const row = (label: string) => rows.find((r) => r[0] === label || r[1] === label)!;
    // 年初预算数, 全年预算数, 1-8月执行数, 执行率, 全年预计执行数
    expect(row('年度部门预算总额').slice(2, 7)).toEqual([439.68, 516.42, 324.05, 0.6275, 516.42]);
    expect(row('财政性资金').slice(2, 7)).toEqual([439.68, 516.42, 324.05, 0.6275, 516.42]);
    expect(row('其他资金').slice(2, 7)).toEqual([0, 0, 0, '—', 0]);
    expect(row('基本支出').slice(2, 7)).toEqual([437.68, 463.26, 324.05, 0.6995, 463.26]);
    expect(row('项目支出').slice(2, 7)).toEqual([2, 53.16, 0, 0, 53.16]);
    // The sample's targets sheet has no 部门整体 group: the sheet asks for one, in yellow.
    expect(sheet.rows.some((r) => r[0]?.style === 'placeholder' && String(r[0].value).includes('部门整体'))).toBe(true);
    expect(rows.findIndex((r) => r[0] === '资金来源')).toBeGreaterThan(0);
    // 资金来源 merged down over its two rows.
    const top = rows.findIndex((r) => r[0] === '资金来源');
    expect(sheet.merges).toContainEqual({ top, left: 0, bottom: top + 1, right: 0 });
  });
});

describe('the 部门整体绩效监控表 with the unit’s own targets', () => {
  test('the 部门整体 indicators are listed under the funds, the sheet asks for nothing', async () => {
    const grid = await readWorkbookGrid(new Uint8Array(await readFile(SAMPLE_PATH)));
    const sheets = grid.sheets.map((s) =>
      s.name !== '绩效目标'
        ? s
        : {
            ...s,
            rows: [
              ...s.rows,
              ['部门整体', '产出指标', '数量指标', '职工活动场次', '≥10场', '8场', '10场', '', '确定能', ''],
              [null, '效益指标', '社会效益指标', '职工权益保障', '有效保障', '有效保障', '有效保障', '', '确定能', ''],
            ],
          },
    );
    const r = buildReport({ sheets });
    if (!r.ok) throw r.error;
    const sheet = r.value.plan.sheets.find((s) => s.name === '部门整体绩效监控表')!;
    const rows = sheet.rows.map((x) => x.map((c) => c?.value ?? null));
    const first = rows.findIndex((x) => x[2] === '职工活动场次');
    expect(rows[first]!.slice(0, 6)).toEqual(['产出指标', '数量指标', '职工活动场次', '≥10场', '8场', 0.8]);
    expect(rows[first + 1]!.slice(0, 5)).toEqual(['效益指标', '社会效益指标', '职工权益保障', '有效保障', '有效保障']);
    expect(sheet.rows.some((x) => x[0]?.style === 'placeholder')).toBe(false);
  });
});

describe('planned row heights', () => {
  test('wrapped text gets the lines it needs, over the width of its merged columns, never above 409 pt', () => {
    const cell = (value: string) => ({ value, style: 'text' as const });
    const h = tableRowHeights(
      [[cell('一'.repeat(40))], [cell('一'.repeat(40)), null], [cell('短')], [cell('一'.repeat(5000))]],
      [{ top: 1, left: 0, bottom: 1, right: 1 }],
      [10, 30],
    );
    // 40 CJK characters in 10 units: 84 units ÷ 9 = 10 lines of 14.85 pt → 150 pt; over 40 units, 3 lines.
    expect(h.get(0)).toBe(150);
    expect(h.get(1)).toBe(46);
    expect(h.has(2)).toBe(false);
    expect(h.get(3)).toBe(409);
  });
});
