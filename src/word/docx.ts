/**
 * The report as a .docx in the official-document layout of GB/T 9704-2012, built with `docx`.
 * No Node or DOM API is used, so the task pane can `import()` this lazily and the CLI can call it
 * directly; both get the bytes as a Uint8Array and decide how to save them.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  SectionType,
  type IRunOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from 'docx';
import { type Block, type ReportModel } from '../core/report/types';
import { type CellAlign, type ReportTable, reportTables } from '../core/report/tables';
import { OFFICIAL_FONTS } from '../core/report/official-fonts';
import { placeholderSegments } from '../core/report/placeholders';
import { headerLines } from '../core/report/table-layout';

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);

/** Page geometry in twips: A4 and the GB/T 9704 margins that leave a 156 × 225 mm type area. */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  /**
   * The page number's line sits about 7 mm below the type area: 35 mm − 7 mm − one 4号 line
   * (≈ 6 mm) leaves 22 mm from the page edge to the footer's bottom.
   */
  footer: mm(22),
  header: mm(15),
} as const;

/** 225 mm ÷ 22 lines = 28.95 pt, in twips: the exact line spacing of body text. */
export const LINE_PITCH = 579;

/** Sizes in half-points, as w:sz carries them. 3号 = 16 pt, 2号 = 22 pt, 4号 = 14 pt, 五号 = 10.5 pt. */
export const SIZE = { body: 32, title: 44, pageNumber: 28, table: 21 } as const;

export const FONT = OFFICIAL_FONTS;

/**
 * 28 characters a line. The type area is 442.25 pt wide, 28 × 16 pt is 448 pt, so body characters
 * are condensed by 0.25 pt (w:spacing −5 twips: 28 × 15.75 = 441 pt). Word's own way, a
 * linesAndChars grid with a negative w:charSpace, gives 28 in Word but only 14 in LibreOffice,
 * which spreads a character wider than the grid cell over two cells; condensing works in both.
 */
export const CHAR_SPACING = Math.floor(((PAGE.width - PAGE.left - PAGE.right) / 20 / 28 - SIZE.body / 2) * 20);

/** Two characters of 3号: firstLineChars for Word, the twips for readers that ignore it. */
export const INDENT = { firstLineChars: 200, firstLine: SIZE.body * 20 } as const;
export const EXACT_LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/**
 * Every font slot named, not only eastAsia: Word picks the face per character class, and a slot
 * left to the theme gives digits and Latin letters in Calibri or 等线 in the middle of 仿宋 text.
 */
export function faces(name: string): IRunOptions['font'] {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

function run(text: string, font: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  // Only 3号 text is on the 28-character measure; titles and tables keep their natural width.
  const spacing = size === SIZE.body ? { characterSpacing: CHAR_SPACING } : {};
  return new TextRun({ text, font: faces(font), size, sizeComplexScript: size, ...spacing, ...extra });
}

const HIGHLIGHT = { highlight: 'yellow' } as const;

export function blockParagraph(b: Block): Paragraph {
  const mark = b.placeholder ? HIGHLIGHT : {};
  switch (b.kind) {
    case 'title':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        // One empty grid line between the title and the first paragraph, as GB/T 9704 spaces them.
        spacing: { ...EXACT_LINE, after: LINE_PITCH },
        keepNext: true,
        children: textRuns(b.text, FONT.title, SIZE.title, mark),
      });
    case 'h1':
    case 'h2':
    case 'h3': {
      const font = b.kind === 'h1' ? FONT.h1 : b.kind === 'h2' ? FONT.h2 : FONT.body;
      return new Paragraph({
        heading:
          b.kind === 'h1' ? HeadingLevel.HEADING_1 : b.kind === 'h2' ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
        alignment: AlignmentType.JUSTIFIED,
        spacing: EXACT_LINE,
        indent: INDENT,
        keepNext: true,
        children: textRuns(b.text, font, SIZE.body, { bold: b.kind === 'h3', ...mark }),
      });
    }
    case 'p': {
      const children: TextRun[] = [];
      if (b.lead) children.push(run(b.lead, FONT.h2, SIZE.body));
      children.push(...textRuns(b.text, FONT.body, SIZE.body, mark));
      return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: EXACT_LINE, indent: INDENT, children });
    }
    case 'sign':
      // GB/T 9704 7.3.5.2: right-aligned, so many characters in from the right, one line below the text.
      return new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: b.gapBefore ? { ...EXACT_LINE, before: LINE_PITCH } : EXACT_LINE,
        indent: { right: Math.round((b.rightIndent ?? 0) * SIZE.body * 10) },
        keepLines: true,
        keepNext: b.gapBefore === true,
        children: textRuns(b.text, FONT.body, SIZE.body, mark),
      });
  }
}

/** Runs of text with each 【…】 placeholder highlighted. */
function textRuns(text: string, font: string, size: number, extra: Partial<IRunOptions>): TextRun[] {
  return placeholderSegments(text).map((seg) =>
    run(seg.text, font, size, seg.placeholder ? { ...extra, ...HIGHLIGHT } : extra),
  );
}

const ALIGN: Readonly<Record<CellAlign, (typeof AlignmentType)[keyof typeof AlignmentType]>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

/** Table text: 五号 仿宋 on a 15 pt exact line, so rows stay compact instead of snapping to the 28.95 pt grid. */
const TABLE_LINE = { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

function tableCell(
  lines: readonly string[],
  align: CellAlign,
  width: number,
  bold: boolean,
  extra: { merge?: 'restart' | 'continue'; keepNext?: boolean } = {},
): TableCell {
  // A header wraps on its words: each line a run after a break, never one character a line.
  const runs = lines.map((line, k) => run(line, FONT.body, SIZE.table, { bold, ...(k > 0 ? { break: 1 } : {}) }));
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 45, bottom: 45, left: 40, right: 40 },
    ...(extra.merge
      ? { verticalMerge: extra.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
      : {}),
    children: [
      new Paragraph({
        alignment: ALIGN[align],
        spacing: TABLE_LINE,
        keepNext: extra.keepNext === true,
        children: extra.merge === 'continue' ? [] : runs,
      }),
    ],
  });
}

export function tableParagraphs(t: ReportTable, first: boolean, landscape = false): (Paragraph | Table)[] {
  const total = (landscape ? PAGE.height : PAGE.width) - PAGE.left - PAGE.right;
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w * total) / sum));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.header.map((h, i) => tableCell(headerLines(h), 'center', widths[i] ?? 0, true)),
  });
  const rows = t.rows.map((r, k) => {
    const next = t.rows[k + 1];
    // A group's name merged down its rows (w:vMerge), and the group kept on one page where it fits.
    const grouped = r.continues === true || next?.continues === true;
    const merge = !grouped ? undefined : r.continues ? ('continue' as const) : ('restart' as const);
    return new TableRow({
      cantSplit: true,
      children: r.cells.map((c, i) =>
        tableCell([c], t.align[i] ?? 'left', widths[i] ?? 0, r.total ?? false, {
          ...(i === 0 && merge ? { merge } : {}),
          // Within a group, and the last row with the notes under the table.
          keepNext: next?.continues === true || (next === undefined && t.notes.length > 0),
        }),
      ),
    });
  });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: first ? EXACT_LINE : { ...EXACT_LINE, before: LINE_PITCH },
      keepNext: true,
      children: [run(t.title, FONT.h1, SIZE.body)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: TABLE_LINE,
      keepNext: true,
      children: [run(t.unit, FONT.body, SIZE.table)],
    }),
    new Table({
      width: { size: total, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
      rows: [header, ...rows],
    }),
    ...t.notes.map((n) => new Paragraph({ spacing: TABLE_LINE, children: [run(n, FONT.body, SIZE.table)] })),
  ];
}

/**
 * "— 1 —" in 4号 宋体, one character in from the outer edge: right on odd pages, left on even ones,
 * so the numbers sit outside when the report is printed on both sides and bound.
 */
export function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const indent = SIZE.pageNumber * 10; // one 4号 character, in twips
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: indent } : { left: indent },
        spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: faces(FONT.pageNumber),
            size: SIZE.pageNumber,
            sizeComplexScript: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });
}

/** A4 with the GB/T 9704 margins; the 22-line grid where the narrative is. */
export function sectionProperties(grid: boolean, landscape = false): ISectionPropertiesOptions {
  return {
    page: {
      // docx swaps width and height itself for a landscape page.
      size: {
        width: PAGE.width,
        height: PAGE.height,
        ...(landscape ? { orientation: PageOrientation.LANDSCAPE } : {}),
      },
      margin: {
        top: PAGE.top,
        bottom: PAGE.bottom,
        left: PAGE.left,
        right: PAGE.right,
        header: PAGE.header,
        footer: PAGE.footer,
        gutter: 0,
      },
    },
    // A line grid of 22 lines; the 28 characters come from CHAR_SPACING (see there).
    ...(grid ? { grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH } } : {}),
  };
}

/**
 * The document's styles, shared by the report and the 通报: 仿宋 3号 on exact lines, Word's own heading
 * styles carrying the outline (navigation pane) with the document's faces.
 */
export function officialStyles(): IStylesOptions {
  const headingStyle = (font: string, bold: boolean) => ({
    run: { font: faces(font), size: SIZE.body, bold, italics: false, color: '000000' },
    paragraph: { spacing: EXACT_LINE, indent: INDENT },
  });
  return {
    default: {
      document: {
        // Latin text marked as English, not Chinese: with zh-CN LibreOffice breaks "51.16" between digits.
        run: { font: faces(FONT.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: EXACT_LINE },
      },
      // Word's built-in heading styles keep the outline (navigation pane); their look is the document's.
      heading1: headingStyle(FONT.h1, false),
      heading2: headingStyle(FONT.h2, false),
      heading3: headingStyle(FONT.body, true),
    },
    // Normal carries the size and faces too, not only docDefaults: LibreOffice measures the page grid
    // from the Normal style itself and assumes 12 pt when the style is empty.
    paragraphStyles: [
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: { font: faces(FONT.body), size: SIZE.body },
        paragraph: { spacing: EXACT_LINE },
      },
    ],
  };
}

/** The Document object, for callers that want to pack it differently. */
export function buildDocument(model: ReportModel): Document {
  const all = reportTables(model);
  const portrait = all.filter((t) => !t.landscape).flatMap((t, i) => tableParagraphs(t, i === 0));
  // Tables of nine or ten wide columns (the targets) print across a landscape page.
  const landscape = all.filter((t) => t.landscape === true).flatMap((t, i) => tableParagraphs(t, i === 0, true));
  // Both sections number their pages the same way; Word continues the numbering across them.
  const footers = { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
  return new Document({
    creator: model.organization,
    title: model.title,
    description: '部门事中绩效监控报告',
    evenAndOddHeaderAndFooters: true,
    styles: officialStyles(),
    sections: [
      { properties: sectionProperties(true), footers, children: model.blocks.map(blockParagraph) },
      // The tables get a section of their own without the line grid: LibreOffice snaps every line to
      // the grid, exact spacing or not, which would give each table line 28.95 pt. The section starts
      // a new page, so the first table is never separated from its title either.
      { properties: { ...sectionProperties(false), type: SectionType.NEXT_PAGE }, footers, children: portrait },
      ...(landscape.length > 0
        ? [
            {
              properties: { ...sectionProperties(false, true), type: SectionType.NEXT_PAGE },
              footers,
              children: landscape,
            },
          ]
        : []),
    ],
  });
}

/** The report as .docx bytes. */
export function buildDocx(model: ReportModel): Promise<Uint8Array> {
  return Packer.pack(buildDocument(model), 'uint8array');
}
