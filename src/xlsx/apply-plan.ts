/**
 * Carrying out a WritePlan on an .xlsx file by patching the package: the plan's sheets are added
 * as new parts (replacing a previous run's), highlights become marked conditional formats on the
 * user's sheets, and every other part keeps its bytes.
 */
import { HIGHLIGHT_FILL, OUTPUT_SHEETS } from '../core/constants';
import { type CellStyleName, type PlannedHighlight, type WritePlan } from '../core/plan/types';
import { updateAppTitles } from './app-props';
import { chartXml, drawingXml } from './chart-xml';
import { addOverride, CONTENT_TYPE, CONTENT_TYPES_PATH, removeOverrides } from './content-types';
import { addHighlights, removeMarkedHighlights } from './highlight-xml';
import { editLargeSheet, FFLATE_CODEC, type StreamCodec } from './sheet-stream';
import { worksheetXml } from './sheet-xml';
import { appendCellStyles, appendFillDxf, MINIMAL_STYLES_XML } from './styles-xml';
import { addSheetEntry, nextSheetId, removeSheetEntry } from './workbook-edit';
import { parseWorkbook } from './workbook-xml';
import {
  freshRelId,
  parseRels,
  relativeTarget,
  relsPathOf,
  relsXml,
  resolveTarget,
  REL_TYPE,
  workbookPath,
  XlsxPackage,
  type Relationship,
} from './zip-parts';

/** Relationship types whose targets belong to one sheet and go when the sheet goes. */
const OWNED_REL = /\/(drawing|chart|chartUserShapes|chartStyle|chartColorStyle|vmlDrawing|comments|printerSettings)$/;

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Everything apply and clear share: the workbook part, its rels and content types, loaded once. */
export class WorkbookEditor {
  private constructor(
    readonly pkg: XlsxPackage,
    readonly wbPath: string,
    public wbXml: string,
    public rels: Relationship[],
    public contentTypes: string,
  ) {}

  static async open(bytes: Uint8Array): Promise<WorkbookEditor> {
    const pkg = await XlsxPackage.open(bytes);
    const wbPath = await workbookPath(pkg);
    return new WorkbookEditor(
      pkg,
      wbPath,
      await pkg.requireText(wbPath),
      parseRels(await pkg.text(relsPathOf(wbPath))),
      await pkg.requireText(CONTENT_TYPES_PATH),
    );
  }

  /** The user's worksheets: name and part path, in tab order. */
  worksheets(): { name: string; path: string }[] {
    const out: { name: string; path: string }[] = [];
    for (const s of parseWorkbook(this.wbXml).sheets) {
      const rel = this.rels.find((r) => r.id === s.relId);
      if (rel && rel.type.endsWith('/worksheet'))
        out.push({ name: s.name, path: resolveTarget(this.wbPath, rel.target) });
    }
    return out;
  }

  /** Removes a sheet and the parts only it used (its drawing, charts, comments). */
  async removeSheet(index: number): Promise<void> {
    const entry = parseWorkbook(this.wbXml).sheets[index];
    if (!entry) return;
    const rel = this.rels.find((r) => r.id === entry.relId);
    const removed: string[] = [];
    const drop = async (part: string): Promise<void> => {
      const relsPath = relsPathOf(part);
      for (const r of parseRels(await this.pkg.text(relsPath))) {
        if (!r.external && OWNED_REL.test(r.type)) await drop(resolveTarget(part, r.target));
      }
      this.pkg.remove(relsPath);
      this.pkg.remove(part);
      removed.push(part);
    };
    if (rel) await drop(resolveTarget(this.wbPath, rel.target));
    this.rels = this.rels.filter((r) => r.id !== entry.relId);
    this.wbXml = removeSheetEntry(this.wbXml, index);
    // The calculation chain lists cells by sheet id; Excel rebuilds it when it is missing.
    const calc = this.rels.find((r) => r.type.endsWith('/calcChain'));
    if (calc) {
      const calcPath = resolveTarget(this.wbPath, calc.target);
      this.pkg.remove(calcPath);
      removed.push(calcPath);
      this.rels = this.rels.filter((r) => r !== calc);
    }
    this.contentTypes = removeOverrides(this.contentTypes, removed);
  }

  async stylesXml(): Promise<{ path: string; xml: string }> {
    let rel = this.rels.find((r) => r.type.endsWith('/styles'));
    if (!rel) {
      rel = { id: freshRelId(this.rels), type: REL_TYPE.styles, target: 'styles.xml', external: false };
      this.rels.push(rel);
      const path = resolveTarget(this.wbPath, rel.target);
      this.contentTypes = addOverride(this.contentTypes, path, CONTENT_TYPE.styles);
      return { path, xml: MINIMAL_STYLES_XML };
    }
    const path = resolveTarget(this.wbPath, rel.target);
    return { path, xml: (await this.pkg.text(path)) ?? MINIMAL_STYLES_XML };
  }

  async save(): Promise<Uint8Array> {
    this.pkg.setText(this.wbPath, this.wbXml);
    this.pkg.setText(relsPathOf(this.wbPath), relsXml(this.rels));
    this.pkg.setText(CONTENT_TYPES_PATH, this.contentTypes);
    await this.updateAppXml();
    return this.pkg.bytes();
  }

  private async updateAppXml(): Promise<void> {
    const rel = parseRels(await this.pkg.text('_rels/.rels')).find((r) => r.type.endsWith('/extended-properties'));
    const path = rel ? resolveTarget('', rel.target) : 'docProps/app.xml';
    const xml = await this.pkg.text(path);
    if (xml === undefined) return;
    const next = updateAppTitles(
      xml,
      this.worksheets().map((s) => s.name),
    );
    if (next !== xml) this.pkg.setText(path, next);
  }
}

function groupHighlights(highlights: readonly PlannedHighlight[]): Map<string, PlannedHighlight[]> {
  const out = new Map<string, PlannedHighlight[]>();
  for (const h of highlights) {
    const key = h.sheet.toLowerCase();
    const list = out.get(key) ?? [];
    list.push(h);
    out.set(key, list);
  }
  return out;
}

export interface WriteOptions {
  /** Worksheet parts larger than this (unzipped bytes) are edited as streams; tests set 0. */
  readonly streamAbove?: number;
  /** Inflate, deflate and CRC for those; fflate by default, Node's zlib in the CLI. */
  readonly codec?: StreamCodec;
  /**
   * Large worksheet parts of these same bytes without their rows, as the reader saw them
   * (OpenedLedger.largeSheetShells): a part whose head and tail the edit leaves as they are is kept
   * without being inflated again.
   */
  readonly knownShells?: ReadonlyMap<string, string>;
}

const STREAM_ABOVE = 16 * 1024 * 1024;

export async function applyPlanToXlsx(
  original: Uint8Array,
  plan: WritePlan,
  options: WriteOptions = {},
): Promise<Uint8Array> {
  const ed = await WorkbookEditor.open(original);
  const planned = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  if (plan.addOnly) {
    const clash = parseWorkbook(ed.wbXml).sheets.find((s) => planned.has(s.name.toLowerCase()));
    if (clash) throw new Error(`工作簿中已有名为“${clash.name}”的工作表，未做任何改动。`);
  }

  // 1. A previous run's sheets (and any sheet the plan writes) are replaced, not duplicated. Only
  // worksheets are ever the add-in's (the core has checked their mark); anything else is the user's.
  const worksheetNames = new Set(ed.worksheets().map((s) => s.name.toLowerCase()));
  for (;;) {
    const sheets = parseWorkbook(ed.wbXml).sheets;
    const index = sheets.findIndex((s) => planned.has(s.name.toLowerCase()));
    if (index < 0) break;
    const name = sheets[index]!.name;
    if (!worksheetNames.has(name.toLowerCase())) {
      throw new Error(`工作簿中的“${name}”不是绩效监控助手生成的工作表，为免覆盖，未做任何改动。请将其改名后重试。`);
    }
    await ed.removeSheet(index);
  }

  const styles = await ed.stylesXml();
  let stylesXml = styles.xml;

  // 2. Highlights: clear the marked formats of earlier runs everywhere, then add this plan's.
  const bySheet = groupHighlights(plan.highlights);
  let dxfId = -1;
  if (plan.highlights.length > 0) {
    const dxf = appendFillDxf(stylesXml, HIGHLIGHT_FILL);
    stylesXml = dxf.xml;
    dxfId = dxf.dxfId;
  }
  // An add-only plan (the empty 绩效目标 sheet) leaves the highlights of an earlier run alone.
  for (const ws of plan.addOnly ? [] : ed.worksheets()) {
    const mine = OUTPUT_SHEETS.some((n) => sameName(n, ws.name)) ? [] : (bySheet.get(ws.name.toLowerCase()) ?? []);
    const edit = (xml: string) => addHighlights(removeMarkedHighlights(xml), mine, dxfId);
    // A huge sheet (a million formatted blank rows) is edited as a stream: never a string of it whole.
    const raw = ed.pkg.rawPart(ws.path);
    if (raw?.deflated && raw.size > (options.streamAbove ?? STREAM_ABOVE)) {
      const shell = options.knownShells?.get(ws.path);
      if (shell !== undefined && edit(shell) === shell) continue;
      const part = await editLargeSheet(raw.bytes, edit, options.codec ?? FFLATE_CODEC, mine.length > 0);
      if (part === 'unchanged' || (part !== null && ed.pkg.setDeflated(ws.path, part))) continue;
    }
    const xml = await ed.pkg.text(ws.path);
    if (xml === undefined) continue;
    const next = edit(xml);
    if (next !== xml) ed.pkg.setText(ws.path, next);
  }

  // 3. The plan's sheets, with their styles appended to styles.xml.
  const names: CellStyleName[] = [];
  for (const s of plan.sheets) for (const row of s.rows) for (const c of row) if (c) names.push(c.style);
  const appended = appendCellStyles(stylesXml, names);
  stylesXml = appended.xml;
  if (stylesXml !== styles.xml) ed.pkg.setText(styles.path, stylesXml);

  for (const sheet of plan.sheets) {
    const sheetPath = ed.pkg.freshPath('xl/worksheets', 'sheet', 'xml');
    let drawingRelId: string | undefined;
    if (sheet.charts.length > 0) {
      const drawingPath = ed.pkg.freshPath('xl/drawings', 'drawing', 'xml');
      const chartRels: Relationship[] = [];
      sheet.charts.forEach((chart, k) => {
        const chartPath = ed.pkg.freshPath('xl/charts', 'chart', 'xml');
        ed.pkg.setText(chartPath, chartXml(sheet, chart));
        ed.contentTypes = addOverride(ed.contentTypes, chartPath, CONTENT_TYPE.chart);
        chartRels.push({
          id: `rId${k + 1}`,
          type: REL_TYPE.chart,
          target: relativeTarget(drawingPath, chartPath),
          external: false,
        });
      });
      ed.pkg.setText(drawingPath, drawingXml(sheet.charts));
      ed.pkg.setText(relsPathOf(drawingPath), relsXml(chartRels));
      ed.contentTypes = addOverride(ed.contentTypes, drawingPath, CONTENT_TYPE.drawing);
      drawingRelId = 'rId1';
      ed.pkg.setText(
        relsPathOf(sheetPath),
        relsXml([
          { id: drawingRelId, type: REL_TYPE.drawing, target: relativeTarget(sheetPath, drawingPath), external: false },
        ]),
      );
    }
    ed.pkg.setText(sheetPath, worksheetXml(sheet, appended.xfIds, drawingRelId ? { drawingRelId } : {}));
    ed.contentTypes = addOverride(ed.contentTypes, sheetPath, CONTENT_TYPE.worksheet);
    const relId = freshRelId(ed.rels);
    ed.rels.push({
      id: relId,
      type: REL_TYPE.worksheet,
      target: relativeTarget(ed.wbPath, sheetPath),
      external: false,
    });
    ed.wbXml = addSheetEntry(ed.wbXml, sheet.name, nextSheetId(ed.wbXml), relId);
  }
  return ed.save();
}
