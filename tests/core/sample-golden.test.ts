import { readFile } from 'node:fs/promises';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { buildReport, type ReportOutput } from '../../src/core/pipeline';
import { blocksToText } from '../../src/core/report/types';
import { reportToJson } from '../../src/core/report/to-json';
import { SAMPLE_PATH } from '../../scripts/make-sample';
import { wrappedRowHeight } from '../../src/core/plan/build-plan';
import { gridFromFile } from '../helpers/exceljs-grid';

let out: ReportOutput;
let text: string;

beforeAll(async () => {
  const grid = await readWorkbookGrid(new Uint8Array(await readFile(SAMPLE_PATH)));
  const r = buildReport(grid);
  if (!r.ok) throw r.error;
  out = r.value;
  text = blocksToText(out.model.blocks);
});

describe('the sample ledger reproduces every figure of the seed report', () => {
  test('recognition: two-row header, 元, 2024, 1-8月, 泸县总工会, no warnings', () => {
    const rec = out.model.recognition;
    expect(rec.budget.headerRows).toEqual([3, 4]);
    expect(rec.budget.unit).toBe('元');
    expect([rec.organization.value, rec.year.value, rec.month.value]).toEqual(['泸县总工会', 2024, 8]);
    expect(rec.lines).toHaveLength(26);
    expect(out.model.warnings).toEqual([]);
  });

  test('report.json carries the figures in 元 and rates as fractions', () => {
    const j = reportToJson(out.model);
    expect(j.total).toMatchObject({
      initialBudget: 4396800,
      adjustment: 767400,
      budget: 5164200,
      executed: 3240515.97,
      executionRate: 0.6275,
    });
    expect(j.timeProgress).toBe(0.6667);
    const cat = Object.fromEntries(j.categories.map((c) => [c.name, c]));
    expect(cat['人员支出']).toMatchObject({ budget: 4061400, executed: 2871803.62 });
    expect(cat['公用支出']).toMatchObject({ budget: 571200, executed: 368712.35, executionRate: 0.6455 });
    expect(cat['项目支出']).toMatchObject({
      initialBudget: 20000,
      adjustment: 511600,
      budget: 531600,
      executed: 0,
      executionRate: 0,
    });
    expect(j.basic.budget).toBe(4632600);
    expect(j.flagged).toEqual(['维权帮扶项目经费', '省级财政工会专项资金']);
    expect(j.items.find((i) => i.name === '维权帮扶项目经费')).toMatchObject({
      sheet: '预算执行台账',
      row: 33,
      status: '未执行',
      flagged: true,
    });
  });

  test.each([
    '泸县总工会2024年部门事中绩效监控报告',
    '年初预算439.68万元，年中调增预算76.74万元，全年预算516.42万元',
    '人员支出406.14万元',
    '日常公用支出57.12万元',
    '项目支出53.16万元',
    '维权帮扶项目经费2.00万元',
    '省级财政工会专项资金51.16万元（年中追加）',
    '日常公用支出36.87万元，为全年预算57.12万元的64.55%',
    '人员支出287.18万元，为全年预算406.14万元的70.71%',
    '项目支出全年预算53.16万元，尚未支出',
    '累计支出324.05万元，为全年预算516.42万元的62.75%，时间进度为66.67%，低于时间进度3.92个百分点',
    '基本支出预计执行463.26万元',
    '全年预算516.42万元，预计全年执行516.42万元，预计执行率100.00%',
    // 四（一） analyses the pace rather than repeating 三（二）'s rate.
    '9-12月还需支出192.37万元，占全年预算的37.25%，月均48.09万元，1-8月月均支出40.51万元，后4个月须加快支出',
    '《关于开展2024年预算绩效运行监控工作的通知》（泸县编审〔2024〕7号）',
  ])('the narrative says “%s”', (phrase) => {
    expect(text).toContain(phrase);
  });

  test('it follows the official outline, in order', () => {
    const headings = out.model.blocks.filter((b) => b.kind === 'h1' || b.kind === 'h2').map((b) => b.text);
    expect(headings).toEqual([
      '一、主要职能职责',
      '二、机构基本情况',
      '三、预算绩效监控总体情况',
      '（一）年度预算安排情况',
      '（二）1-8月执行情况',
      '（三）部门预算绩效目标1-8月完成情况',
      '四、运行监控分析',
      '（一）全年部门预算预计执行情况',
      '（二）全年绩效目标预计完成情况',
      '五、存在的问题',
      '六、下一步工作措施',
    ]);
  });

  test('the sample report’s mistakes cannot happen: no other year, 人员支出 reported in (二)', () => {
    const body = blocksToText(out.model.blocks.filter((b) => b.kind !== 'sign'));
    expect(body.match(/20\d\d年/g)?.every((y) => y === '2024年')).toBe(true);
    const section2 = text.slice(text.indexOf('（二）1-8月执行情况'), text.indexOf('（三）部门预算'));
    expect(section2).toContain('人员支出');
  });

  test('the unit’s own words come from the 单位信息 sheet', () => {
    expect(text).toContain('8.承办县委、县政府和市总工会交办的其他事宜。');
    expect(text).toContain('（三）人员概况。泸县总工会（含泸县群团工作中心）核定总编制24名');
    expect(out.model.blocks.some((b) => b.placeholder && b.text.includes('职能职责'))).toBe(false);
  });

  test('the plan highlights exactly the two projects and writes the output sheets (with the targets monitoring table)', () => {
    expect(out.plan.highlights.map((h) => [h.sheet, h.row + 1])).toEqual([
      ['预算执行台账', 33],
      ['预算执行台账', 34],
    ]);
    // The sample has a 绩效目标 sheet, so the standard monitoring table is written too.
    expect(out.plan.sheets.map((s) => s.name)).toEqual([
      '监控汇总',
      '监控报告',
      '部门整体绩效监控表',
      '绩效目标执行监控表',
    ]);
  });

  test('the product reader and an independent reader see the same ledger', async () => {
    const other = buildReport(await gridFromFile(SAMPLE_PATH));
    if (!other.ok) throw other.error;
    expect(reportToJson(other.value.model)).toEqual(reportToJson(out.model));
  });
});

describe('the 监控报告 sheet is readable as it opens', () => {
  test('paragraphs are indented two characters and rows are tall enough for their wrapped text', () => {
    const sheet = out.plan.sheets.find((s) => s.name === '监控报告')!;
    const para = sheet.rows.find((r) => String(r[0]?.value).includes('累计支出324.05万元'))!;
    expect(String(para[0]!.value).startsWith('\u3000\u3000')).toBe(true);
    const r = sheet.rows.indexOf(para);
    // About 170 characters in a 100-unit column: at least four lines of 12 pt.
    expect(sheet.rowHeights?.get(r)).toBeGreaterThanOrEqual(4 * 16);
    const title = sheet.rows.findIndex((row) => row[0]?.style === 'title');
    expect(sheet.rowHeights?.get(title)).toBeLessThan(30);
  });
});

test('wrappedRowHeight: one line for short text, more as text grows, taller for larger type', () => {
  expect(wrappedRowHeight('短', 100, 12)).toBe(18);
  expect(wrappedRowHeight('一'.repeat(100), 100, 12)).toBe(50);
  expect(wrappedRowHeight('一'.repeat(100), 100, 16)).toBeGreaterThan(wrappedRowHeight('一'.repeat(100), 100, 12));
});

test('a ledger whose every budget is 0 gets no chart and no 0% bars', () => {
  const r = buildReport({
    sheets: [
      { name: '台账', rows: [['某局2024年预算执行台账'], ['项目名称', '全年预算', '1-8月执行数'], ['A项目', 0, 0]] },
    ],
  });
  if (!r.ok) throw r.error;
  const summary = r.value.plan;
  expect(summary.sheets[0]!.charts).toEqual([]);
});
