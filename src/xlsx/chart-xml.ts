/**
 * Native Excel charts for the plan's PlannedChart: a drawing part anchoring each chart to cells,
 * and one chart part per chart (clustered columns, with a line for a reference series) that references the summary sheet's cells (with
 * cached values, so viewers that do not recalculate still draw the bars).
 */
import { STYLES } from '../core/plan/styles';
import { columnLetter } from '../core/grid/types';
import { type PlannedChart, type PlannedSheet } from '../core/plan/types';
import { escapeAttr, escapeText } from './xml-text';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const SERIES_COLORS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

/** A sheet name as formulas need it: always quoted, quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function columnRef(sheet: string, col: number, firstRow: number, lastRow: number): string {
  const c = columnLetter(col);
  return `${quoteSheetName(sheet)}!$${c}$${firstRow + 1}:$${c}$${lastRow + 1}`;
}

function plannedValue(sheet: PlannedSheet, row: number, col: number): string | number | null {
  return sheet.rows[row]?.[col]?.value ?? null;
}

function richText(text: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : '';
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}"${b}/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich>`
  );
}

export function chartXml(sheet: PlannedSheet, chart: PlannedChart): string {
  const { col: catCol, firstRow, lastRow } = chart.categories;
  const count = Math.max(0, lastRow - firstRow + 1);
  const catRef = columnRef(sheet.name, catCol, firstRow, lastRow);
  const catPts: string[] = [];
  for (let i = 0; i < count; i++) {
    const v = plannedValue(sheet, firstRow + i, catCol);
    if (v !== null) catPts.push(`<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`);
  }
  let axisFormat = 'General';
  const seriesXml = (s: PlannedChart['series'][number], k: number): string => {
    const style = sheet.rows[firstRow]?.[s.col]?.style;
    const format = (style && STYLES[style].numberFormat) || 'General';
    if (k === 0) axisFormat = format === '@' ? 'General' : format;
    const pts: string[] = [];
    for (let i = 0; i < count; i++) {
      const v = plannedValue(sheet, firstRow + i, s.col);
      if (typeof v === 'number' && Number.isFinite(v)) pts.push(`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`);
    }
    const color = SERIES_COLORS[k % SERIES_COLORS.length];
    const line = s.kind === 'line';
    return (
      `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>` +
      (line
        ? `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
        : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`) +
      `<c:cat><c:strRef><c:f>${escapeText(catRef)}</c:f><c:strCache><c:ptCount val="${count}"/>${catPts.join('')}</c:strCache></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeText(columnRef(sheet.name, s.col, firstRow, lastRow))}</c:f>` +
      `<c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${count}"/>${pts.join('')}</c:numCache></c:numRef></c:val>` +
      (line ? '<c:smooth val="0"/>' : '') +
      '</c:ser>'
    );
  };
  const all = chart.series.map((s, k) => ({ s, xml: seriesXml(s, k) }));
  const bars = all.filter((x) => x.s.kind !== 'line').map((x) => x.xml);
  const lines = all.filter((x) => x.s.kind === 'line').map((x) => x.xml);
  const dataLabels =
    `<c:dLbls><c:numFmt formatCode="${escapeAttr(axisFormat)}" sourceLinked="1"/><c:showLegendKey val="0"/><c:showVal val="1"/>` +
    '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx>${richText(chart.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${bars.join('')}` +
    `${dataLabels}<c:gapWidth val="60"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    // The reference line shares the axes of the columns, so it runs across them at its value.
    (lines.length > 0
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines.join('')}<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>`
      : '') +
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>' +
    '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>' +
    '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/>' +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>' +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${escapeAttr(axisFormat)}" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/>' +
    '<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>' +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart></c:chartSpace>'
  );
}

/** The drawing part holding every chart of a sheet; chart k uses relationship `rId{k+1}`. */
export function drawingXml(charts: readonly PlannedChart[]): string {
  const anchors = charts.map((chart, k) => {
    const a = chart.anchor;
    const marker = (tag: string, col: number, row: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker('from', a.col, a.row)}${marker('to', a.col + a.cols, a.row + a.rows)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${escapeAttr(`图表 ${k + 1}`)}"/>` +
      '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${k + 1}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `${anchors.join('')}</xdr:wsDr>`
  );
}
