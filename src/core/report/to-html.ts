import { type CellAlign, type ReportTable, reportTables } from './tables';
import { type Block, type ReportModel, blocksToText } from './types';
import { OFFICIAL_FONTS } from './official-fonts';
import { placeholderSegments } from './placeholders';
import { contentWidths, headerLines } from './table-layout';

/**
 * The report as HTML for the clipboard (text/html) and as plain text (text/plain).
 * Word keeps inline styles when pasting, and reads its own mso-* properties, so the official
 * document look (GB/T 9704 fonts, sizes, fixed line spacing, indent) survives the paste.
 */

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * A CSS font stack: the office font first (what Word looks for), then the names the same face has
 * on other systems, so a browser preview does not fall back to a sans-serif.
 * Fonts are quoted with single quotes because the style attribute itself is double-quoted.
 */
function font(office: string, fallbacks: string): string {
  return `font-family:'${office}',${fallbacks};mso-fareast-font-family:'${office}';mso-ascii-font-family:'${office}';mso-hansi-font-family:'${office}'`;
}

export const FONTS = OFFICIAL_FONTS;

const FANGSONG = font(FONTS.body, "'仿宋',FangSong,STFangsong,serif");
const HEITI = font(FONTS.h1, "SimHei,'Heiti SC',sans-serif");
const KAITI = font(FONTS.h2, "'楷体',KaiTi,STKaiti,serif");
const XIAOBIAOSONG = font(FONTS.title, "'华文中宋',STZhongsong,'宋体',SimSun,serif");

/** 28pt fixed: the usual clipboard approximation of the 22-line grid (28.95pt) Word snaps to anyway. */
const LINE = 'line-height:28pt;mso-line-height-rule:exactly';
const BLOCK = `margin:0pt 0pt 0pt 0pt;${LINE};font-size:16pt;color:black;font-weight:normal`;
/** Two characters of 16pt; mso-char-indent-count keeps it at two characters if the size changes. */
const INDENT = 'text-indent:32pt;mso-char-indent-count:2.0';
const HIGHLIGHT = 'background:yellow;mso-highlight:yellow';

const BLOCK_STYLE: Readonly<Record<Block['kind'], string>> = {
  title: `margin:0 0 28pt 0;${LINE};text-align:center;font-size:22pt;font-weight:normal;color:black;${XIAOBIAOSONG}`,
  h1: `${BLOCK};${INDENT};${HEITI}`,
  h2: `${BLOCK};${INDENT};${KAITI}`,
  h3: `${BLOCK};${INDENT};${FANGSONG};font-weight:bold`,
  p: `${BLOCK};${INDENT};text-align:justify;${FANGSONG}`,
  sign: `${BLOCK};text-align:right;${FANGSONG}`,
};

/** Heading tags keep Word's outline levels (navigation pane); the inline styles override their look. */
const TAG: Readonly<Record<Block['kind'], string>> = { title: 'p', h1: 'h1', h2: 'h2', h3: 'h3', p: 'p', sign: 'p' };

/**
 * ≥ and ≤ in a Latin face: Chinese faces draw these "ambiguous width" signs full-width, a size larger
 * than the figures beside them; Times New Roman draws them at the size of a digit.
 */
const MATH_SIGNS = /[≥≤]/g;
const LATIN_SIGN =
  "font-family:'Times New Roman',serif;mso-ascii-font-family:'Times New Roman';mso-hansi-font-family:'Times New Roman';mso-fareast-font-family:'Times New Roman'";

/** Escaped text with 【…】 spans highlighted and ≥ ≤ in a face that has them. */
export function inlineHtml(text: string): string {
  return placeholderSegments(text)
    .map((seg) => {
      const html = escapeHtml(seg.text).replace(MATH_SIGNS, (m) => `<span style="${LATIN_SIGN}">${m}</span>`);
      return seg.placeholder ? `<span style="${HIGHLIGHT}">${html}</span>` : html;
    })
    .join('');
}

function blockHtml(b: Block): string {
  const tag = TAG[b.kind];
  const lead = b.lead ? `<span style="${KAITI}">${escapeHtml(b.lead)}</span>` : '';
  // The 落款's right margin in characters of 16pt, as the .docx has it.
  const right =
    b.kind === 'sign' ? `;margin-right:${(b.rightIndent ?? 0) * 16}pt${b.gapBefore ? ';margin-top:28pt' : ''}` : '';
  return `<${tag} style="${BLOCK_STYLE[b.kind]}${right}">${lead}${inlineHtml(b.text)}</${tag}>`;
}

const CELL_BORDER = 'border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt';
const CELL_TEXT = `font-size:10.5pt;line-height:14pt;mso-line-height-rule:exactly;${FANGSONG}`;
/**
 * A pasted table lands on the document's portrait page: the wide targets tables (landscape in the
 * .docx) are set in 小五 there, with widths measured for the 49 characters that fit.
 */
const CELL_TEXT_SMALL = `font-size:9pt;line-height:12pt;mso-line-height-rule:exactly;${FANGSONG}`;
const PORTRAIT_SMALL_CHARS = 49;

function cellHtml(
  html: string,
  align: CellAlign,
  header: boolean,
  bold: boolean,
  width: number,
  rowspan = 1,
  small = false,
): string {
  const tag = header ? 'th' : 'td';
  // Header cells bold 仿宋 like the .docx, so a paste and a download look the same.
  const weight = header || bold ? 'bold' : 'normal';
  const span = rowspan > 1 ? ` rowspan="${rowspan}"` : '';
  return (
    `<${tag}${span} width="${width}%" style="${CELL_BORDER};padding:2pt 4pt;vertical-align:middle;width:${width}%">` +
    `<p style="margin:0pt 0pt 0pt 0pt;text-align:${header ? 'center' : align};font-weight:${weight};${small ? CELL_TEXT_SMALL : CELL_TEXT}">` +
    `${html}</p></${tag}>`
  );
}

function tableHtml(t: ReportTable): string {
  const small = t.landscape === true;
  const widths = small
    ? contentWidths(
        t.header,
        t.rows.map((r) => r.cells),
        PORTRAIT_SMALL_CHARS,
      )
    : t.widths;
  const head =
    `<tr style="mso-yfti-firstrow:yes;page-break-inside:avoid">` +
    t.header
      .map((h, i) =>
        cellHtml(headerLines(h).map(inlineHtml).join('<br>'), 'center', true, false, widths[i] ?? 10, 1, small),
      )
      .join('') +
    `</tr>`;
  // A group's first cell spans its rows, as the .docx merges it.
  const span = (k: number): number => {
    let n = 1;
    while (t.rows[k + n]?.continues) n++;
    return n;
  };
  const body = t.rows
    .map(
      (r, k) =>
        `<tr style="page-break-inside:avoid">` +
        r.cells
          .map((c, i) =>
            i === 0 && r.continues
              ? ''
              : cellHtml(
                  inlineHtml(c),
                  t.align[i] ?? 'left',
                  false,
                  r.total ?? false,
                  t.widths[i] ?? 10,
                  i === 0 ? span(k) : 1,
                ),
          )
          .join('') +
        `</tr>`,
    )
    .join('');
  const notes = t.notes
    .map(
      (n) =>
        `<p style="margin:0pt 0pt 0pt 0pt;font-size:10.5pt;line-height:14pt;mso-line-height-rule:exactly;${FANGSONG}">${escapeHtml(n)}</p>`,
    )
    .join('');
  return (
    `<p style="margin:14pt 0 0 0;${LINE};text-align:center;font-size:16pt;${HEITI}">${escapeHtml(t.title)}</p>` +
    `<p style="margin:0pt 0pt 0pt 0pt;text-align:right;font-size:10.5pt;line-height:14pt;${FANGSONG}">${escapeHtml(t.unit)}</p>` +
    // Both border styles: border=1 for editors that ignore CSS, collapse for those that honour it.
    `<table border="1" cellspacing="0" cellpadding="0" width="100%" style="width:100%;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184">` +
    `<thead>${head}</thead><tbody>${body}</tbody></table>${notes}`
  );
}

/** The body of the report (narrative then tables), without the surrounding document. */
export function reportHtmlFragment(model: ReportModel): string {
  return model.blocks.map(blockHtml).join('\n') + '\n' + reportTables(model).map(tableHtml).join('\n');
}

/** The whole report as an HTML document with Word's namespaces, ready for `text/html` on the clipboard. */
export function reportToHtml(model: ReportModel): string {
  return (
    `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">` +
    `<head><meta charset="utf-8"><title>${escapeHtml(model.title)}</title></head>` +
    `<body lang="ZH-CN" style="${FANGSONG};font-size:16pt">\n<!--StartFragment-->\n${reportHtmlFragment(model)}\n<!--EndFragment-->\n</body></html>`
  );
}

/** A table as tab-separated lines, which Word and Excel both paste as a table. */
export function tableToText(t: ReportTable): string {
  return [t.title, t.unit, t.header.join('\t'), ...t.rows.map((r) => r.cells.join('\t')), ...t.notes].join('\n');
}

/** The narrative one block a line with the same numbering, then each table after a blank line. */
export function reportToPlainText(model: ReportModel): string {
  return [blocksToText(model.blocks), ...reportTables(model).map(tableToText)].join('\n\n') + '\n';
}
