import { reportTables } from '../../src/core/report/tables';
import { type ReportModel } from '../../src/core/report/types';
import { CHAR_SPACING, buildDocx } from '../../src/word/docx';
import { testModel, withAllKinds } from './fixture';
import { type DocxParts, attr, paragraphs, runs, tablesOf, textOf, unzipDocx } from './xml';

const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** The first body paragraph whose text is exactly `text`. */
function paragraphWith(xml: string, text: string): string {
  const p = paragraphs(xml).find((x) => textOf(x) === text);
  if (!p) throw new Error(`no paragraph “${text}”`);
  return p;
}

/** The run holding `text`. */
function runWith(p: string, text: string): string {
  const r = runs(p).find((x) => textOf(x) === text);
  if (!r) throw new Error(`no run “${text}”`);
  return r;
}

function expectFace(run: string, face: string): void {
  for (const slot of ['w:eastAsia', 'w:ascii', 'w:hAnsi']) expect(attr(run, 'w:rFonts', slot)).toBe(face);
}

describe('buildDocx', () => {
  let model: ReportModel;
  let docx: DocxParts;
  const evil = '<script>alert("x")</script> & 项目';

  beforeAll(async () => {
    model = withAllKinds(testModel(evil));
    const bytes = await buildDocx(model);
    expect(bytes).toBeInstanceOf(Uint8Array);
    docx = await unzipDocx(bytes);
  });

  it('lays out A4 with the GB/T 9704 margins and a 22 × 28 grid', () => {
    const d = docx.document;
    expect(attr(d, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(d, 'w:pgSz', 'w:h')).toBe('16838');
    expect(Number(attr(d, 'w:pgMar', 'w:top'))).toBe(mmToTwips(37));
    expect(Number(attr(d, 'w:pgMar', 'w:bottom'))).toBe(mmToTwips(35));
    expect(Number(attr(d, 'w:pgMar', 'w:left'))).toBe(mmToTwips(28));
    expect(Number(attr(d, 'w:pgMar', 'w:right'))).toBe(mmToTwips(26));
    // The type area is 156 mm wide; 22 lines of 28.95 pt fill its 225 mm height.
    const width = 11906 - Number(attr(d, 'w:pgMar', 'w:left')) - Number(attr(d, 'w:pgMar', 'w:right'));
    expect(Math.abs(width - mmToTwips(156))).toBeLessThanOrEqual(1);
    const height = 16838 - Number(attr(d, 'w:pgMar', 'w:top')) - Number(attr(d, 'w:pgMar', 'w:bottom'));
    expect(Math.abs(height - 22 * 579)).toBeLessThan(579 / 2);
    expect(attr(d, 'w:docGrid', 'w:type')).toBe('lines');
    expect(attr(d, 'w:docGrid', 'w:linePitch')).toBe('579');
    // 28 characters: 3号 condensed by CHAR_SPACING twips fits 28 to the line, 27 × … would leave a gap.
    expect(CHAR_SPACING).toBe(-5);
    expect(28 * (320 + CHAR_SPACING)).toBeLessThanOrEqual(width);
    expect(29 * (320 + CHAR_SPACING)).toBeGreaterThan(width);
    // The tables' section repeats the page setup.
    const sections = d.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    for (const s of sections) {
      expect(attr(s, 'w:pgMar', 'w:top')).toBe(attr(d, 'w:pgMar', 'w:top'));
      expect(attr(s, 'w:pgMar', 'w:left')).toBe(attr(d, 'w:pgMar', 'w:left'));
      expect(s).toMatch(/w:type="even"/);
    }
  });

  it('sets the title in 2号 方正小标宋简体, centred', () => {
    const p = paragraphWith(docx.document, model.title);
    expect(attr(p, 'w:jc', 'w:val')).toBe('center');
    const r = runWith(p, model.title);
    expectFace(r, '方正小标宋简体');
    expect(attr(r, 'w:sz', 'w:val')).toBe('44');
  });

  it('gives each heading level its face, 3号, a two-character indent and exact 28.95 pt lines', () => {
    const cases: [string, string, boolean][] = [
      ['七、测试一级标题', '黑体', false],
      ['（一）测试二级标题', '楷体_GB2312', false],
      ['1.测试三级标题', '仿宋_GB2312', true],
    ];
    for (const [text, face, bold] of cases) {
      const p = paragraphWith(docx.document, text);
      const r = runWith(p, text);
      expectFace(r, face);
      expect(attr(r, 'w:sz', 'w:val')).toBe('32');
      expect(attr(r, 'w:spacing', 'w:val')).toBe(String(CHAR_SPACING));
      expect(/<w:b\/>/.test(r)).toBe(bold);
      expect(attr(p, 'w:ind', 'w:firstLineChars')).toBe('200');
      expect(attr(p, 'w:spacing', 'w:line')).toBe('579');
      expect(attr(p, 'w:spacing', 'w:lineRule')).toBe('exact');
    }
    expect(attr(paragraphWith(docx.document, '七、测试一级标题'), 'w:pStyle', 'w:val')).toBe('Heading1');
  });

  it('sets body paragraphs in 3号 仿宋_GB2312 with the lead in 楷体', () => {
    const p = paragraphWith(docx.document, "（二）测试引领语。单位内设'办公室'等三个部室。");
    expectFace(runWith(p, '（二）测试引领语。'), '楷体_GB2312');
    const body = runWith(p, "单位内设'办公室'等三个部室。");
    expectFace(body, '仿宋_GB2312');
    expect(attr(body, 'w:sz', 'w:val')).toBe('32');
    expect(attr(p, 'w:ind', 'w:firstLine')).toBe('640');
    expect(attr(p, 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(attr(p, 'w:spacing', 'w:line')).toBe('579');
    expect(attr(p, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(attr(p, 'w:jc', 'w:val')).toBe('both');
  });

  it('holds every block of the narrative, in order, placeholders highlighted', () => {
    const texts = paragraphs(docx.document).map(textOf);
    let from = 0;
    for (const b of model.blocks) {
      const i = texts.indexOf((b.lead ?? '') + b.text, from);
      expect(i).toBeGreaterThanOrEqual(from);
      from = i + 1;
      if (b.placeholder) {
        const r = runWith(paragraphs(docx.document)[i] ?? '', b.text);
        expect(attr(r, 'w:highlight', 'w:val')).toBe('yellow');
      }
    }
  });

  it('escapes user text as XML', () => {
    expect(docx.document).not.toContain('<script>');
    expect(docx.document).toContain('&lt;script&gt;');
    expect(textOf(docx.document)).toContain(evil);
  });

  it('numbers pages "— 1 —" in 4号 宋体, right on odd pages and left on even ones', () => {
    expect(docx.settings).toMatch(/<w:evenAndOddHeaders\/>/);
    for (const [side, footer] of [
      ['right', docx.footers.default],
      ['left', docx.footers.even],
    ] as const) {
      expect(attr(footer, 'w:jc', 'w:val')).toBe(side);
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(textOf(footer)).toBe('—  —');
      // The dashes sit either side of the field: "— " before it begins, " —" after it ends.
      const begin = footer.indexOf('w:fldCharType="begin"');
      const end = footer.indexOf('w:fldCharType="end"');
      expect(footer.lastIndexOf('— <', begin)).toBeGreaterThan(0);
      expect(footer.indexOf('> —<', end)).toBeGreaterThan(end);
      for (const r of runs(footer)) {
        expectFace(r, '宋体');
        expect(attr(r, 'w:sz', 'w:val')).toBe('28');
      }
    }
  });

  it('ends with the two monitoring tables, figures as in the model, header rows repeated', () => {
    const expected = reportTables(model);
    const tables = tablesOf(docx.document);
    expect(tables).toHaveLength(expected.length);
    expected.forEach((t, i) => {
      expect(tables[i]).toEqual([t.header, ...t.rows.map((r) => r.cells)]);
      expect(textOf(docx.document)).toContain(t.title);
    });
    const tbls = docx.document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    for (const tbl of tbls) {
      const firstRow = /<w:tr[ >][\s\S]*?<\/w:tr>/.exec(tbl)?.[0] ?? '';
      expect(firstRow).toMatch(/<w:tblHeader\/>/);
      expect(tbl).toMatch(/<w:tblBorders>[\s\S]*<w:insideH w:val="single"/);
      const cellRun = runs(tbl)[0] ?? '';
      expectFace(cellRun, '仿宋_GB2312');
      expect(attr(cellRun, 'w:sz', 'w:val')).toBe('21');
    }
    // The narrative comes first: no table before the last block.
    const lastBlock = model.blocks[model.blocks.length - 1];
    expect(docx.document.indexOf('<w:tbl>')).toBeGreaterThan(docx.document.indexOf(lastBlock?.text ?? ''));
  });

  it('puts the project figures of the indicators in the project table', () => {
    const project = tablesOf(docx.document)[1] ?? [];
    const special = model.indicators.items.find((i) => i.line.name === '省级财政工会专项资金');
    expect(special).toBeDefined();
    expect(project.find((r) => r[0] === '省级财政工会专项资金')?.slice(2, 7)).toEqual([
      '0.00',
      '51.16',
      '51.16',
      '30.00',
      '58.64%',
    ]);
    expect(project.some((r) => r[0] === evil)).toBe(true);
  });
});

describe('the .docx of the sample: 落款, merged project names, headers that wrap on words', () => {
  let xml: string;
  beforeAll(async () => {
    const { readFile } = await import('node:fs/promises');
    const { readWorkbookGrid } = await import('../../src/xlsx/read-grid');
    const { buildReport } = await import('../../src/core/pipeline');
    const { SAMPLE_PATH } = await import('../../scripts/make-sample');
    const r = buildReport(await readWorkbookGrid(new Uint8Array(await readFile(SAMPLE_PATH))), {
      signedOn: { year: 2024, month: 9, day: 5 },
    });
    if (!r.ok) throw r.error;
    xml = (await unzipDocx(await buildDocx(r.value.model))).document;
  });

  it('ends the text with the unit and the date, right-aligned, the date two characters in (GB/T 9704 7.3.5.2)', () => {
    const org = paragraphWith(xml, '泸县总工会');
    const date = paragraphWith(xml, '2024年9月5日');
    expect(attr(org, 'w:jc', 'w:val')).toBe('right');
    expect(attr(date, 'w:jc', 'w:val')).toBe('right');
    // 3号 is 320 twips a character: the date 2 characters in, the name 5 (its first character 2 left of the date's).
    expect(attr(date, 'w:ind', 'w:right')).toBe('640');
    expect(attr(org, 'w:ind', 'w:right')).toBe('1600');
    expect(attr(org, 'w:spacing', 'w:before')).toBe('579');
  });

  it('merges each project’s name down its indicator rows in 表5, and wraps headers on words', () => {
    const indicators = (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).at(-1)!;
    expect(indicators.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(3);
    expect(indicators.match(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/g)).toHaveLength(17);
    // "1-8月完成情况" as "1-8月" and "完成情况" on two lines, not a character a line.
    expect(indicators).toMatch(/1-8月<\/w:t><\/w:r><w:r>[\s\S]*?<w:br\/>[\s\S]*?完成情况/);
  });
});
