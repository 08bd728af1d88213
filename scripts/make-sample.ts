/**
 * Writes samples/泸县总工会2024年预算执行台账.xlsx: a ledger as a county finance office keeps it —
 * a title row, a unit row, a two-row merged header, section rows with SUM formulas, 执行率 as a
 * formula, a 合计 row — plus a 单位信息 sheet. Run with `npm run sample`.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import {
  MONTH,
  ORGANIZATION,
  PERSONNEL,
  PROJECTS,
  PUBLIC,
  SOURCE,
  TARGETS,
  UNIT_INFO,
  YEAR,
  type SampleLine,
} from './sample-data';

export const SAMPLE_PATH = path.join(__dirname, '..', 'samples', `${ORGANIZATION}${YEAR}年预算执行台账.xlsx`);

const yuan = (n: number): number => Math.round(n * 100) / 100;
const sumOf = (lines: readonly SampleLine[], f: (l: SampleLine) => number): number =>
  yuan(lines.reduce((s, l) => s + Math.round(f(l) * 100), 0) / 100);

export async function makeSample(file = SAMPLE_PATH): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '绩效监控助手';
  wb.created = new Date(Date.UTC(2024, 8, 2));
  wb.modified = wb.created;
  // A4 landscape, one page wide: how offices print their ledgers.
  const PRINT = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;
  const ws = wb.addWorksheet('预算执行台账', { pageSetup: PRINT });
  ws.columns = [
    { width: 6 },
    { width: 10 },
    { width: 30 },
    { width: 18 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 10 },
    { width: 50 },
  ];
  ws.mergeCells('A1:K1');
  ws.getCell('A1').value = `${ORGANIZATION}${YEAR}年部门预算指标执行台账`;
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getCell('A2').value = `截至${YEAR}年${MONTH}月31日`;
  ws.getCell('K2').value = '单位：元';
  // Two-row header with merged groups, as most county ledgers have it.
  const h1 = [
    '序号',
    '经济分类科目',
    '项目名称',
    '资金来源',
    '预算数（元）',
    null,
    null,
    '执行数',
    '全年预计执行数',
    '执行率',
    '备注',
  ];
  const h2 = [null, null, null, null, '年初预算', '年中调整', '全年预算', `1-${MONTH}月`, null, null, null];
  ws.getRow(3).values = h1;
  ws.getRow(4).values = h2;
  for (const col of ['A', 'B', 'C', 'D', 'I', 'J', 'K']) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells('E3:G3');
  for (const r of [3, 4]) {
    ws.getRow(r).font = { bold: true };
    ws.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }

  let row = 5;
  const money = (r: number): void => {
    for (const c of ['E', 'F', 'G', 'H', 'I']) ws.getCell(`${c}${r}`).numFmt = '#,##0.00';
    ws.getCell(`J${r}`).numFmt = '0.00%';
  };
  const rate = (r: number, executed: number, budget: number): void => {
    ws.getCell(`J${r}`).value = { formula: `IF(G${r}=0,0,H${r}/G${r})`, result: budget === 0 ? 0 : executed / budget };
  };
  const section = (label: string, lines: readonly SampleLine[], firstRow: number, lastRow: number): void => {
    const r = row++;
    ws.getCell(`C${r}`).value = label;
    const sums: [string, number][] = [
      ['E', sumOf(lines, (l) => l.initial)],
      ['F', sumOf(lines, (l) => l.adjustment)],
      ['G', sumOf(lines, (l) => l.initial + l.adjustment)],
      ['H', sumOf(lines, (l) => l.executed)],
      ['I', sumOf(lines, (l) => l.initial + l.adjustment)],
    ];
    for (const [c, v] of sums)
      ws.getCell(`${c}${r}`).value = { formula: `SUM(${c}${firstRow}:${c}${lastRow})`, result: v };
    rate(r, sums[3]![1], sums[2]![1]);
    ws.getRow(r).font = { bold: true };
    money(r);
  };
  let n = 1;
  const lineRows = (lines: readonly SampleLine[]): void => {
    for (const l of lines) {
      const r = row++;
      const budget = yuan(l.initial + l.adjustment);
      ws.getRow(r).values = [
        n++,
        l.code,
        l.name,
        SOURCE,
        l.initial,
        l.adjustment,
        null,
        l.executed,
        budget,
        null,
        l.remark ?? '',
      ];
      ws.getCell(`G${r}`).value = { formula: `E${r}+F${r}`, result: budget };
      rate(r, l.executed, budget);
      money(r);
    }
  };
  const basic = [...PERSONNEL, ...PUBLIC];
  // 一、基本支出 spans both sub-sections: rows are known once laid out, so compute them up front.
  const basicRow = row;
  const personnelRow = basicRow + 1;
  const publicRow = personnelRow + PERSONNEL.length + 1;
  const projectRow = publicRow + PUBLIC.length + 1;
  section('一、基本支出', basic, personnelRow + 1, publicRow + PUBLIC.length);
  // The section row's SUM must skip the sub-section rows: use explicit ranges.
  for (const c of ['E', 'F', 'G', 'H', 'I']) {
    const cellRef = ws.getCell(`${c}${basicRow}`);
    const v = cellRef.value as { result: number };
    cellRef.value = {
      formula: `SUM(${c}${personnelRow + 1}:${c}${publicRow - 1},${c}${publicRow + 1}:${c}${projectRow - 1})`,
      result: v.result,
    };
  }
  section('（一）人员支出', PERSONNEL, personnelRow + 1, publicRow - 1);
  lineRows(PERSONNEL);
  section('（二）公用支出', PUBLIC, publicRow + 1, projectRow - 1);
  lineRows(PUBLIC);
  section('二、项目支出', PROJECTS, projectRow + 1, projectRow + PROJECTS.length);
  lineRows(PROJECTS);
  const all = [...basic, ...PROJECTS];
  const total = row++;
  ws.getCell(`C${total}`).value = '合计';
  const totals: [string, number][] = [
    ['E', sumOf(all, (l) => l.initial)],
    ['F', sumOf(all, (l) => l.adjustment)],
    ['G', sumOf(all, (l) => l.initial + l.adjustment)],
    ['H', sumOf(all, (l) => l.executed)],
    ['I', sumOf(all, (l) => l.initial + l.adjustment)],
  ];
  for (const [c, v] of totals) {
    ws.getCell(`${c}${total}`).value = { formula: `${c}${basicRow}+${c}${projectRow}`, result: v };
  }
  rate(total, totals[3]![1], totals[2]![1]);
  ws.getRow(total).font = { bold: true };
  money(total);
  ws.getCell(`A${total + 2}`).value = '制表人：张　敏　　审核：李　强';
  ws.views = [{ state: 'frozen', ySplit: 4 }];

  const info = wb.addWorksheet('单位信息');
  info.columns = [{ width: 16 }, { width: 100 }];
  UNIT_INFO.forEach(([k, v], i) => {
    info.getRow(i + 1).values = [k, v];
    info.getCell(`B${i + 1}`).alignment = { wrapText: true, vertical: 'top' };
  });
  addTargetsSheet(wb);
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * The 绩效目标 sheet as a finance office lays it out: a title, one header row, and 项目名称 / 一级指标 /
 * 二级指标 merged down over the rows they cover (the recognizer must fill them down).
 */
function addTargetsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('绩效目标', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [16, 12, 18, 24, 14, 14, 16, 12, 14, 30].map((width) => ({ width }));
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = `${ORGANIZATION}${YEAR}年绩效目标执行情况表（1-${MONTH}月）`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getCell('A2').value = `填报单位：${ORGANIZATION}`;
  ws.getRow(3).values = [
    '项目名称',
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    `1-${MONTH}月完成情况`,
    '全年预计完成情况',
    '偏差原因',
    '完成目标可能性',
    '备注',
  ];
  ws.getRow(3).font = { bold: true };
  ws.getRow(3).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  let row = 4;
  for (const block of TARGETS) {
    const data = block.rows.map((r) => [block.project, ...r]);
    const first = row;
    for (const r of data) ws.getRow(row++).values = r;
    // Merge runs of equal 项目名称 / 一级 / 二级 down (a run of 二级 also needs the same 一级), as in practice.
    for (const col of [0, 1, 2]) {
      const key = (i: number): string => data[i]!.slice(0, col + 1).join('|');
      let start = 0;
      for (let i = 1; i <= data.length; i++) {
        if (i < data.length && key(i) === key(start)) continue;
        if (i - 1 > start) {
          ws.mergeCells(first + start, col + 1, first + i - 1, col + 1);
          ws.getCell(first + start, col + 1).alignment = { vertical: 'middle', wrapText: true };
        }
        start = i;
      }
    }
  }
  ws.views = [{ state: 'frozen', ySplit: 3 }];
}

if (require.main === module) {
  makeSample().then(
    (f) => console.log(`已生成示例台账：${f}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
