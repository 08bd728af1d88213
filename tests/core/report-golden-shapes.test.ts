/**
 * The report as its signer reads it on the sample and on ledgers of other shapes: a 万元 ledger with a
 * two-row header, a unit with 130 projects of which many lag, and a ledger that never names its unit.
 */
import { readFile } from 'node:fs/promises';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { buildReport, type ReportOutput } from '../../src/core/pipeline';
import { type CellValue } from '../../src/core/grid/types';
import { blocksToText } from '../../src/core/report/types';
import { SAMPLE_PATH } from '../../scripts/make-sample';
import { book, sheet } from '../helpers/grids';
import { expectSignableText } from '../helpers/report-reading';

const SIGNED = { signedOn: { year: 2024, month: 9, day: 5 } };

function run(grid: Parameters<typeof buildReport>[0]): ReportOutput {
  const r = buildReport(grid, SIGNED);
  if (!r.ok) throw r.error;
  return r.value;
}

const text = (o: ReportOutput): string => blocksToText(o.model.blocks);

describe('the sample', () => {
  let out: ReportOutput;
  beforeAll(async () => {
    out = run(await readWorkbookGrid(new Uint8Array(await readFile(SAMPLE_PATH))));
  });
  test('signable: each fact once, counts that add up, requests only in 【】, a 落款, Excel’s limits', () => {
    expectSignableText(out.model.blocks, out.plan);
    expect(text(out).trimEnd().split('\n').slice(-2)).toEqual(['泸县总工会', '2024年9月5日']);
  });
  test('the rate behind time progress is said once (三（二）), not again in 四 and 五', () => {
    expect(text(out).split('低于时间进度3.92个百分点')).toHaveLength(2);
  });
  test('nothing invented: no 邮电费 or 印刷费 the ledger does not have', () => {
    expect(text(out)).not.toContain('邮电费');
    // One project's clause never says 尚未支出 twice (its 备注 echoed beside the product's words).
    expect(text(out)).not.toMatch(/尚未支出[^。；]*尚未支出/);
  });
});

describe('a 万元 ledger with a two-row header', () => {
  const out = run(
    book(
      sheet('预算执行', [
        ['城南街道办事处2024年1-6月预算执行情况表'],
        ['单位：万元'],
        ['项目名称', '支出类别', '预算数', null, null, '1-6月执行数'],
        [null, null, '年初预算', '年中调整', '调整后预算', null],
        ['工资福利支出', '人员支出', 120, 0, 120, 60],
        ['办公费', '公用支出', 10, 0, 10, 5.5],
        ['差旅费', '公用支出', 4, 0, 4, 1],
        ['社区治理项目', '项目支出', 30, 5, 35, 10],
        ['环境整治项目', '项目支出', 20, -2, 18, 0],
      ]),
    ),
  );
  test('signable, and the 落款 names the unit', () => {
    expectSignableText(out.model.blocks, out.plan);
    expect(out.model.blocks.at(-2)!.text).toBe('城南街道办事处');
  });
  test('only the ledger’s own spending is named, the largest first', () => {
    expect(text(out)).toContain('日常公用支出主要包括办公费、差旅费等');
  });
});

describe('a unit with 130 projects, 54 of them behind', () => {
  const rows: CellValue[][] = [
    ['某某县教育局2024年预算执行台账'],
    ['单位：元'],
    ['项目名称', '支出类别', '全年预算', '1-8月执行数'],
  ];
  for (let i = 0; i < 130; i++) {
    const budget = 100000 + i * 1000;
    // Every project whose number leaves 2 or 4 modulo 5… 54 of them spend 30%, the rest 70%.
    const behind = i < 54;
    rows.push([`第${i + 1}号学校改造项目`, '项目支出', budget, behind ? budget * 0.3 : budget * 0.7]);
  }
  const out = run(book(sheet('台账', rows)));
  test('signable, with no paragraph too long to read and no row over 409 points', () => {
    expectSignableText(out.model.blocks, out.plan);
    expect(out.model.indicators.flagged).toHaveLength(54);
    for (const b of out.model.blocks) expect(b.text.length).toBeLessThan(1500);
  });
  test('the lagging projects named (the largest ten), the rest counted and summed, the table pointed to', () => {
    const t = text(out);
    expect(t).toContain('54个项目执行率低于时间进度10个百分点以上或尚未支出');
    expect(t).toContain('另有44个项目执行滞后');
    expect(t).toContain('第54号学校改造项目');
    expect(t).not.toContain('第1号学校改造项目执行率');
    expect(t).toMatch(/项目支出共130个，预算较大的5个为：1\.第130号学校改造项目22\.90万元/);
    expect(t).toContain('逐项情况见“项目支出执行情况”表');
    // The ledger has no 资金来源 column: the text does not invent one.
    expect(t).not.toContain('资金来源');
  });
});

describe('a ledger that never names its unit', () => {
  const out = run(
    book(
      sheet('Sheet1', [
        ['2024年预算执行台账'],
        ['项目名称', '支出类别', '全年预算', '1-8月执行数'],
        ['工资', '人员支出', 100000, 70000],
        ['办公费', '公用支出', 20000, 13000],
      ]),
    ),
  );
  test('the title and the 落款 ask for the name in 【】, never “本单位2024年…”', () => {
    expectSignableText(out.model.blocks, out.plan);
    expect(out.model.title).toBe('【单位名称】2024年部门事中绩效监控报告');
    expect(out.model.blocks.at(-2)!.text).toBe('【单位名称】');
    expect(text(out)).not.toContain('本单位2024年部门事中绩效监控报告');
  });
});

describe('a ledger with 上年结转 beside 年中调整', () => {
  const out = run(
    book(
      sheet('台账', [
        ['某某局2024年预算执行台账'],
        ['单位：元'],
        ['项目名称', '支出类别', '年初预算', '上年结转', '年中调整', '全年预算', '1-8月执行数'],
        ['办公费', '公用支出', 200000, 0, 0, 200000, 140000],
        ['甲项目', '项目支出', 1000000, 0, 200000, 1200000, 800000],
        ['结转项目', '项目支出', 0, 500000, 0, 500000, 400000],
        ['追加项目', '项目支出', 0, 0, 300000, 300000, 200000],
      ]),
    ),
  );
  test('the projects’ carry-over is said apart, never counted as 年中调增; the parts add up to the total', () => {
    expectSignableText(out.model.blocks, out.plan);
    // 100 + 30 + 50 + 20 = 200万元 of projects; the unit's own 年中调增 is 50 (20 + 30), its 上年结转 50.
    expect(text(out)).toContain('年初预算120.00万元，年中调增预算50.00万元，上年结转50.00万元，全年预算220.00万元。');
    expect(text(out)).toContain(
      '项目支出共3个（年初安排1个100.00万元，年中追加1个30.00万元，上年结转50.00万元，年中调增项目预算20.00万元）',
    );
  });
});
