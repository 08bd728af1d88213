/** A synthetic budget ledger of any length, as the rows a user's sheet would hold. */
export const LEDGER_SHEET = '预算执行台账';

export function ledgerRows(lines: number): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ['泸县总工会2024年预算执行台账', null, null, null, null, null, null, null],
    ['单位：元', null, null, null, null, null, null, null],
    ['经济分类科目', '项目名称', '支出类别', '年初预算', '年中调整', '全年预算', '1-8月执行数', '备注'],
  ];
  for (let i = 0; i < lines; i++) {
    const kind = i % 3;
    const category = kind === 0 ? '人员支出' : kind === 1 ? '公用支出' : '项目支出';
    const code = kind === 0 ? '30101' : kind === 1 ? '30201' : '31002';
    const initial = 10000 + (i % 97) * 1000;
    const adjustment = i % 11 === 0 ? 5000 : 0;
    // Every 5th project spent nothing; the rest between 0 and 100%.
    const executed = kind === 2 && i % 5 === 2 ? 0 : Math.round(((initial + adjustment) * ((i * 37) % 100)) / 100);
    rows.push([
      code,
      `${category}明细${i + 1}`,
      category,
      initial,
      adjustment,
      initial + adjustment,
      executed,
      i % 7 === 0 ? '=备注以等号开头' : null,
    ]);
  }
  return rows;
}
