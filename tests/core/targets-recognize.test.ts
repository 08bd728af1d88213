import { recognizeTargets, targetRoleOf } from '../../src/core/targets/recognize-targets';
import { buildReport } from '../../src/core/pipeline';
import { book, sheet } from '../helpers/grids';

const ledger = sheet('预算执行台账', [
  ['某单位2024年预算执行台账（1-8月）'],
  ['项目名称', '支出类别', '全年预算', '1-8月执行数'],
  ['办公费', '公用支出', 100000, 60000],
  ['维权帮扶项目经费', '项目支出', 20000, 0],
]);

describe('recognising a targets sheet', () => {
  test('header words map to the monitoring-table columns', () => {
    expect(targetRoleOf('1-8月完成情况')).toBe('actual');
    expect(targetRoleOf('全年预计完成情况')).toBe('forecast');
    expect(targetRoleOf('年度指标值')).toBe('target');
    expect(targetRoleOf('偏差原因分析')).toBe('reason');
    expect(targetRoleOf('完成目标可能性')).toBe('likelihood');
    expect(targetRoleOf('三级指标')).toBe('level3');
  });

  test('blank 项目名称/一级/二级 cells carry down from the row above, as merged cells do', () => {
    const t = recognizeTargets(
      book(
        ledger,
        sheet('Sheet3', [
          ['项目名称', '一级指标', '二级指标', '三级指标', '目标值', '实际完成值'],
          ['维权帮扶项目经费', '产出指标', '数量指标', '法律咨询服务人次', '≥300人次', '186人次'],
          [null, null, null, '宣传活动场次', '≥6场', '2场'],
          [null, null, '时效指标', '合同签订时间', '3月底前', '已完成'],
        ]),
      ),
    )!;
    expect(t.sheet).toBe('Sheet3');
    expect(t.rows.map((r) => [r.project, r.level1, r.level2, r.level3, r.kind])).toEqual([
      ['维权帮扶项目经费', '产出指标', '数量指标', '法律咨询服务人次', '数量'],
      ['维权帮扶项目经费', '产出指标', '数量指标', '宣传活动场次', '数量'],
      ['维权帮扶项目经费', '产出指标', '时效指标', '合同签订时间', '时效'],
    ]);
  });

  test('the standard 监控表 with one block per project: a 项目名称 row, the funds, then the indicators header again', () => {
    const t = recognizeTargets(
      book(
        ledger,
        sheet('项目支出绩效目标监控表', [
          ['项目名称', '维权帮扶项目经费'],
          ['资金来源', '年初预算', '调整后预算', '1-8月执行数'],
          ['一般公共预算拨款', 2, 2, 0],
          ['一级指标', '二级指标', '三级指标', '年度指标值', '1-8月执行情况/完成值'],
          ['产出指标', '数量指标', '法律咨询服务人次', '≥300人次', '186人次'],
          ['项目名称：省级财政工会专项资金'],
          ['一级指标', '二级指标', '三级指标', '年度指标值', '1-8月执行情况/完成值'],
          ['产出指标', '数量指标', '慰问劳模人次', '≥120人次', '0人次'],
        ]),
      ),
    )!;
    expect(t.rows.map((r) => [r.project, r.level3, r.actualText, r.row])).toEqual([
      ['维权帮扶项目经费', '法律咨询服务人次', '186人次', 5],
      ['省级财政工会专项资金', '慰问劳模人次', '0人次', 8],
    ]);
  });

  test('a sheet named 监控表 is never taken for the ledger, and a project the ledger lacks is a warning', () => {
    const r = buildReport(
      book(
        sheet('监控表', [
          ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '1-8月完成情况'],
          ['维权帮扶项目经费', '产出指标', '数量指标', '法律咨询服务人次', '≥300人次', '186人次'],
          ['不存在的项目', '产出指标', '数量指标', '慰问人次', '≥10人次', '1人次'],
        ]),
        ledger,
      ),
    );
    if (!r.ok) throw r.error;
    expect(r.value.model.recognition.budget.sheet).toBe('预算执行台账');
    expect(r.value.model.targets?.groups.map((g) => [g.name, g.scope])).toEqual([
      ['维权帮扶项目经费', 'project'],
      ['不存在的项目', 'unmatched'],
    ]);
    expect(r.value.model.warnings.map((w) => [w.sheet, w.row])).toContainEqual(['监控表', 3]);
  });

  test('no sheet with indicator columns: no targets', () => {
    expect(recognizeTargets(book(ledger))).toBeNull();
  });
});
