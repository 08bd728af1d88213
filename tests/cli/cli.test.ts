import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { runCli } from '../../src/cli/run';
import { parseArgs, UsageError } from '../../src/cli/args';
import { readWorkbookGrid } from '../../src/xlsx/read-grid';
import { SAMPLE_PATH } from '../../scripts/make-sample';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jxjk-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('npm run report on the sample ledger', () => {
  let files: readonly string[];
  let out: string[];
  beforeAll(async () => {
    const c = capture();
    const r = await runCli([SAMPLE_PATH, '--out', path.join(dir, 'sample'), '--quiet'], c.io);
    expect(r.code).toBe(0);
    files = r.files;
    out = c.out;
  });

  test('writes report.json, report.txt, the workbook and the .docx and says where', () => {
    expect(files.map((f) => path.basename(f))).toEqual([
      'report.json',
      'report.txt',
      '泸县总工会2024年预算执行台账-监控报告.xlsx',
      '泸县总工会2024年预算执行台账-监控报告.docx',
    ]);
    expect(out.join('\n')).toContain('已生成');
  });

  test('report.json has the documented shape and the sample figures', async () => {
    const j = JSON.parse(await readFile(files[0]!, 'utf8'));
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining([
        'organization',
        'year',
        'month',
        'timeProgress',
        'total',
        'categories',
        'items',
        'flagged',
        'warnings',
        'narrative',
      ]),
    );
    expect(j).toMatchObject({ organization: '泸县总工会', year: 2024, month: 8, timeProgress: 0.6667 });
    expect(j.total).toMatchObject({
      initialBudget: 4396800,
      adjustment: 767400,
      budget: 5164200,
      executionRate: 0.6275,
    });
    expect(j.categories.map((c: { name: string }) => c.name)).toEqual(['人员支出', '公用支出', '项目支出']);
    expect(j.items[0]).toEqual(
      expect.objectContaining({
        name: '基本工资',
        category: '人员支出',
        source: '一般公共预算拨款',
        sheet: '预算执行台账',
        row: 7,
        status: '正常',
        flagged: false,
      }),
    );
  });

  test('report.txt is the narrative', async () => {
    const txt = await readFile(files[1]!, 'utf8');
    expect(txt.split('\n')[0]).toBe('泸县总工会2024年部门事中绩效监控报告');
    expect(txt).toContain('62.75%');
  });

  test('the workbook keeps the user’s sheets and adds 监控汇总, 监控报告, 部门整体绩效监控表 and 绩效目标执行监控表', async () => {
    const before = await readWorkbookGrid(new Uint8Array(await readFile(SAMPLE_PATH)));
    const after = await readWorkbookGrid(new Uint8Array(await readFile(files[2]!)));
    expect(after.sheets.map((s) => s.name)).toEqual([
      ...before.sheets.map((s) => s.name),
      '监控汇总',
      '监控报告',
      '部门整体绩效监控表',
      '绩效目标执行监控表',
    ]);
    for (const s of before.sheets) expect(after.sheets.find((x) => x.name === s.name)?.rows).toEqual(s.rows);
  });

  test('the 监控报告 sheet carries the planned row heights, so wrapped paragraphs show whole', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files[2]!);
    const ws = wb.getWorksheet('监控报告')!;
    const heights: number[] = [];
    ws.eachRow((row) => heights.push(row.height ?? 15));
    expect(Math.max(...heights)).toBeGreaterThanOrEqual(49);
    expect(ws.getColumn(1).width).toBe(70);
  });

  test('the .docx opens as a zip with the title in it', async () => {
    const zip = await JSZip.loadAsync(await readFile(files[3]!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('泸县总工会2024年部门事中绩效监控报告');
  });
});

describe('unusable input ends with a Chinese message, no stack trace, and a non-zero code', () => {
  test.each([
    [['不存在的文件.xlsx'], 1, '找不到文件'],
    [[], 2, '请指定台账文件'],
    [['a.xlsx', '--month'], 2, '--month 后面需要一个值'],
    [['a.xlsx', '--bogus'], 2, '不认识的参数'],
  ])('%p → exit %i, “%s”', async (argv, code, words) => {
    const c = capture();
    const r = await runCli(argv, c.io);
    expect(r.code).toBe(code);
    expect(c.err.join('\n')).toContain(words);
    expect(c.err.join('\n')).not.toMatch(/\n\s+at /);
  });

  test('a line of text named .xlsx: no table in it, refused as a damaged workbook, nothing written', async () => {
    const f = path.join(dir, '假的.xlsx');
    await writeFile(f, 'not a zip');
    const c = capture();
    expect((await runCli([f, '--out', path.join(dir, 'fake-out')], c.io)).code).toBe(1);
    expect(c.err.join('')).toContain(`“${f}”不是有效的 .xlsx 工作簿：里面只有一段文字，没有表格`);
    await expect(readFile(path.join(dir, 'fake-out', 'report.json'))).rejects.toThrow();
  });

  test('a workbook without a ledger names the sheets it looked at', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('通讯录').addRow(['姓名', '电话']);
    const f = path.join(dir, '通讯录.xlsx');
    await wb.xlsx.writeFile(f);
    const c = capture();
    expect((await runCli([f, '--out', dir], c.io)).code).toBe(1);
    expect(c.err.join('')).toMatch(/没有找到预算台账.*“通讯录”/);
  });

  test('a month out of range on the command line', async () => {
    const c = capture();
    // A wrong command line, not a bad ledger: exit 2 with the usage.
    expect((await runCli([SAMPLE_PATH, '--out', dir, '--month', '13'], c.io)).code).toBe(2);
    expect(c.err.join('')).toContain('1到12');
  });
});

describe('parseArgs', () => {
  test('reads every option', () => {
    expect(
      parseArgs([
        'x.xlsx',
        '--out',
        'o',
        '--month',
        '6',
        '--year',
        '2025',
        '--org',
        '某局',
        '--sheet',
        '台账',
        '--gap',
        '5',
        '--date',
        '2024-09-05',
        '--sichuan',
        '--include-basic',
      ]),
    ).toEqual({
      ledger: 'x.xlsx',
      outDir: 'o',
      quiet: false,
      options: {
        month: 6,
        year: 2025,
        organization: '某局',
        sheet: '台账',
        gapPoints: 5,
        signedOn: { year: 2024, month: 9, day: 5 },
        rule: 'sichuan',
        includeBasic: true,
      },
    });
  });
  test('--date must be a day that exists', () => {
    expect(() => parseArgs(['x.xlsx', '--date', '2024-02-30'])).toThrow('--date 应为有效日期');
    expect(() => parseArgs(['x.xlsx', '--date', '2024年9月5日'])).toThrow(UsageError);
  });
  test('the 落款 carries the unit and the date given, as GB/T 9704 writes it', async () => {
    const c = capture();
    expect((await runCli([SAMPLE_PATH, '--out', dir, '--quiet', '--date', '2024-09-05'], c.io)).code).toBe(0);
    const text = await readFile(path.join(dir, 'report.txt'), 'utf8');
    expect(text.trimEnd().split('\n').slice(-2)).toEqual(['泸县总工会', '2024年9月5日']);
  });
  test('--help is a usage error without a message', () => {
    expect(() => parseArgs(['--help'])).toThrow(UsageError);
  });
});
