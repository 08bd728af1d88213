import { cellWidth, contentWidths, headerLines } from '../../src/core/report/table-layout';
import { isoDate, parseIsoDate, signatureBlocks, signDateText, textWidth } from '../../src/core/report/signature';
import { pendingItems, placeholderSegments } from '../../src/core/report/placeholders';

describe('the 落款 (GB/T 9704-2012 7.3.5.2)', () => {
  test('a name shorter than the date: the date two characters in, the name’s first character two to its left', () => {
    const [org, date] = signatureBlocks('泸县总工会', { year: 2024, month: 9, day: 5 });
    expect(date).toMatchObject({ text: '2024年9月5日', rightIndent: 2 });
    expect(org).toMatchObject({ text: '泸县总工会', rightIndent: 5, gapBefore: true });
    // First characters: the name's at 5 + 5 = 10 from the right edge, the date's at 2 + 6 = 8.
    expect(org!.rightIndent! + textWidth(org!.text) - (date!.rightIndent! + textWidth(date!.text))).toBe(2);
  });
  test('a name longer than the date: the name two characters in, the date moves left of the edge', () => {
    const [org, date] = signatureBlocks('四川省泸州市泸县人民政府办公室', { year: 2024, month: 12, day: 31 });
    expect(org!.rightIndent).toBe(2);
    expect(date!.rightIndent).toBe(textWidth(org!.text) - textWidth(date!.text));
    expect(date!.rightIndent).toBeGreaterThan(2);
  });
  test('dates in Arabic numerals without leading zeros; only days that exist', () => {
    expect(signDateText({ year: 2024, month: 9, day: 5 })).toBe('2024年9月5日');
    expect(isoDate({ year: 2024, month: 9, day: 5 })).toBe('2024-09-05');
    expect(parseIsoDate('2024-09-05')).toEqual({ year: 2024, month: 9, day: 5 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-13-01')).toBeNull();
    expect(parseIsoDate('2024年9月5日')).toBeNull();
  });
});

describe('placeholders', () => {
  test('cut out of the text in order, each request listed once', () => {
    expect(placeholderSegments('共3项【请补充】。')).toEqual([
      { text: '共3项', placeholder: false },
      { text: '【请补充】', placeholder: true },
      { text: '。', placeholder: false },
    ]);
    expect(
      pendingItems([
        { kind: 'title', text: '【单位名称】2024年部门事中绩效监控报告' },
        { kind: 'p', text: 'A，【请说明滞后原因】；B，【请说明滞后原因】。' },
        { kind: 'sign', text: '【单位名称】' },
      ]),
    ).toEqual(['【单位名称】', '【请说明滞后原因】']);
  });
});

describe('table layout', () => {
  test.each([
    ['1-8月执行数', ['1-8月', '执行数']],
    ['偏差（个百分点）', ['偏差', '（个百分点）']],
    ['全年预计执行数', ['全年预计', '执行数']],
    ['完成目标可能性', ['完成目标', '可能性']],
    ['执行率', ['执行率']],
    ['项目名称', ['项目名称']],
  ])('the header %s wraps on its words', (h, lines) => {
    expect(headerLines(h)).toEqual(lines);
  });
  test('a percentage column is never narrower than "100.00%"; text takes what is left', () => {
    const header = ['项目名称', '执行率', '全年预算'];
    const rows = [
      ['一个名字很长很长很长的专项资金项目', '100.00%', '12345.67'],
      ['短', '0.00%', '0.00'],
    ];
    const w = contentWidths(header, rows, 20);
    const chars = w.map((x) => (x * 20) / 100);
    expect(chars[1]).toBeGreaterThanOrEqual(cellWidth('100.00%'));
    expect(chars[2]).toBeGreaterThanOrEqual(cellWidth('12345.67'));
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    expect(w[0]).toBeGreaterThan(w[1]!);
  });
});
