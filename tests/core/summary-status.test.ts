/** The 状态 cell of 监控汇总 is styled by what it says: a lagging line stands out, a normal one does not. */
import { buildReport } from '../../src/core/pipeline';
import { book, sheet } from '../helpers/grids';

test('监控汇总: 正常 reads plain, 滞后 and 未执行 read as warnings', () => {
  const r = buildReport(
    book(
      sheet('台账', [
        ['临江县水务局2024年1-8月预算执行表'],
        ['项目名称', '支出类别', '全年预算', '1-8月执行数'],
        ['河道清淤项目', '项目支出', 100000, 70000],
        ['水质监测经费', '项目支出', 100000, 20000],
        ['防汛物资储备', '项目支出', 100000, 0],
      ]),
    ),
  );
  if (!r.ok) throw new Error(r.error.message);
  const summary = r.value.plan.sheets.find((s) => s.name === '监控汇总')!;
  const statusOf = (name: string) => {
    const row = summary.rows.find((cells) => cells[0]?.value === name)!;
    return row
      .map((c) => (c ? [c.value, c.style] : null))
      .find((c) => c !== null && /正常|滞后|未执行/.test(String(c[0])));
  };
  expect(statusOf('河道清淤项目')).toEqual(['正常', 'statusOk']);
  expect(statusOf('水质监测经费')).toEqual(['滞后', 'statusWarn']);
  expect(statusOf('防汛物资储备')).toEqual(['未执行', 'statusWarn']);
});
