import { type CellStyleName, type PlannedSheet, type WritePlan } from '../core/plan/types';
import { type CellLook, STYLES } from '../core/plan/styles';
import { HIGHLIGHT_FILL, HIGHLIGHT_FORMULA, HIGHLIGHT_MARKER, OUTPUT_SHEETS } from '../core/constants';
import { HostError, type HostProgress } from '../host/types';
import { type ExcelEnv, type SyncCounter, TARGET_REQUEST_BYTES } from './env';
import { estimateBytes } from './read';
import { addressLists, cellsToRects, rectAddress, type Rect } from './address';

type Progress = (p: HostProgress) => void;

/**
 * Carries out a WritePlan in 4 round trips (plus one per extra block for very large output sheets):
 * 1. sheet names; 2. the new sheets, written whole under a temporary name when an old one exists,
 * and the conditional formats of the user's sheets loaded; 3. old output sheets deleted and the
 * new ones renamed; 4. the add-in's old highlights removed and the new ones added.
 * The user's sheets are only touched in step 4, and only through conditional formats carrying
 * HIGHLIGHT_MARKER, so a failure in steps 2–3 leaves them as they were.
 */
export async function writePlan(
  context: Excel.RequestContext,
  env: ExcelEnv,
  counter: SyncCounter,
  plan: WritePlan,
  onProgress: Progress = () => undefined,
): Promise<void> {
  const hasAreas = env.isSetSupported('ExcelApi', '1.9');
  onProgress({ step: '正在检查工作表…', fraction: 0.05 });
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await counter.sync(context);
  const existing = new Set(worksheets.items.map((s) => s.name));
  if (plan.addOnly) {
    const clash = plan.sheets.find((p) => [...existing].some((n) => n.toLowerCase() === p.name.toLowerCase()));
    if (clash) throw new HostError(`工作簿中已有名为“${clash.name}”的工作表，未做任何改动。`);
  }
  const ownNames = new Set([...OUTPUT_SHEETS, ...plan.sheets.map((s) => s.name)]);
  const userSheets = worksheets.items.filter((s) => !ownNames.has(s.name));

  // New sheets go in under a free temporary name when the old one is still there, so the old
  // output survives until the new one is complete.
  const taken = new Set(existing);
  const targets = plan.sheets.map((p) => {
    let temp = p.name;
    for (let i = 1; taken.has(temp); i++) temp = `${p.name.slice(0, 25)}_新${i > 1 ? i : ''}`;
    taken.add(temp);
    return { plan: p, temp, sheet: null as Excel.Worksheet | null };
  });

  onProgress({ step: '正在写入监控汇总和监控报告…', fraction: 0.25 });
  const oldFormats = userSheets.map((s) => {
    const cfs = s.getRange().conditionalFormats;
    cfs.load('items/type,items/customOrNullObject/rule/formula');
    return cfs;
  });
  try {
    let bytesInRequest = 0;
    for (const t of targets) {
      const sheet = (t.sheet = worksheets.add(t.temp));
      bytesInRequest = await writeSheet(context, counter, sheet, t.plan, hasAreas, env, bytesInRequest);
    }
    await counter.sync(context);
  } catch (e) {
    throw new HostError(
      await cleanUp(
        context,
        counter,
        targets.map((t) => t.temp),
        existing,
      ),
      e,
    );
  }

  onProgress({ step: '正在替换旧的输出工作表…', fraction: 0.7 });
  try {
    for (const t of targets) {
      if (t.temp !== t.plan.name) worksheets.getItem(t.plan.name).delete();
    }
    // Output sheets of an older version the plan no longer writes are the add-in's too.
    for (const name of plan.addOnly ? [] : OUTPUT_SHEETS) {
      if (existing.has(name) && !plan.sheets.some((p) => p.name === name)) worksheets.getItem(name).delete();
    }
    // Through the objects add() returned: a lookup by the temporary name fails once renamed.
    for (const t of targets) if (t.temp !== t.plan.name) t.sheet!.name = t.plan.name;
    targets[0]?.sheet?.activate();
    await counter.sync(context);
  } catch (e) {
    const temps = targets.filter((t) => t.temp !== t.plan.name).map((t) => `“${t.temp}”`);
    throw new HostError(
      `新的输出工作表已写好，但替换旧工作表时出错${temps.length ? `：新内容可能仍在工作表${temps.join('、')}中，可删除旧表后将其改名` : ''}。台账未做任何改动。`,
      e,
    );
  }

  if (plan.addOnly) {
    onProgress({ step: '完成', fraction: 1 });
    return;
  }
  onProgress({ step: '正在标注执行滞后的台账行…', fraction: 0.85 });
  try {
    deleteMarked(oldFormats);
    addHighlights(worksheets, plan, new Set(userSheets.map((s) => s.name)), hasAreas);
    await counter.sync(context);
  } catch (e) {
    const repaired = await removePartialHighlights(context, counter, worksheets, plan).catch(() => false);
    throw new HostError(
      repaired
        ? '监控汇总和监控报告已写入，但在台账上标注执行滞后的行时出错，已撤下本次的标注。台账的数值和格式未被改动；请再点一次“生成监控报告”。'
        : '监控汇总和监控报告已写入，但在台账上标注执行滞后的行时出错，标注可能不完整。台账的数值和格式未被改动；可点击“清除标注”后重试。',
      e,
    );
  }
  onProgress({ step: '完成', fraction: 1 });
}

/** Queues one output sheet; syncs in between only when the request would grow past ~2 MB. */
async function writeSheet(
  context: Excel.RequestContext,
  counter: SyncCounter,
  sheet: Excel.Worksheet,
  plan: PlannedSheet,
  hasAreas: boolean,
  env: ExcelEnv,
  bytesBefore: number,
): Promise<number> {
  const width = Math.max(1, ...plan.rows.map((r) => r.length));
  const height = plan.rows.length;
  let bytes = bytesBefore;
  let values: (string | number)[][] = [];
  let formats: string[][] = [];
  let top = 0;
  const flush = () => {
    if (values.length === 0) return;
    const range = sheet.getRangeByIndexes(top, 0, values.length, width);
    range.numberFormat = formats; // before the values: decides how they are parsed
    range.values = values;
    top += values.length;
    values = [];
    formats = [];
  };
  for (let r = 0; r < height; r++) {
    const row = plan.rows[r] ?? [];
    const vr: (string | number)[] = [];
    const fr: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c] ?? null;
      const v = cell?.value ?? null;
      vr.push(v ?? '');
      // Text is '@' whatever the style says, so "=1+1" or "-5%" stays the words the core wrote.
      if (typeof v === 'string') fr.push('@');
      else if (typeof v === 'number') {
        const nf = cell ? STYLES[cell.style].numberFormat : undefined;
        fr.push(nf && nf !== '@' ? nf : 'General');
      } else fr.push('General');
    }
    const rowBytes = estimateBytes(vr) + estimateBytes(fr);
    if (bytes + rowBytes > TARGET_REQUEST_BYTES && bytes > 0) {
      // This request is full: send what is queued, then go on in a new one.
      flush();
      await counter.sync(context);
      bytes = 0;
    }
    values.push(vr);
    formats.push(fr);
    bytes += rowBytes;
  }
  flush();

  const byStyle = new Map<CellStyleName, Map<number, number[]>>();
  plan.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      let m = byStyle.get(cell.style);
      if (!m) byStyle.set(cell.style, (m = new Map()));
      let cols = m.get(r);
      if (!cols) m.set(r, (cols = []));
      cols.push(c);
    }),
  );
  for (const [style, cellsByRow] of byStyle) {
    const rects = cellsToRects(cellsByRow);
    if (hasAreas) {
      for (const list of addressLists(rects)) applyLook(sheet.getRanges(list).format, STYLES[style]);
    } else {
      for (const r of rects) applyLook(sheet.getRange(rectAddress(r)).format, STYLES[style]);
    }
  }
  for (const m of plan.merges) sheet.getRange(rectAddress(m)).merge(false);
  plan.columnWidths.forEach((chars, c) => {
    // Excel's character unit is about 7 px plus 5 px padding; the API wants points (0.75 px).
    sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth = Math.round((chars * 7 + 5) * 0.75);
  });
  for (const [r, pt] of plan.rowHeights ?? []) sheet.getRangeByIndexes(r, 0, 1, 1).format.rowHeight = pt;
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
  if (env.isSetSupported('ExcelApi', '1.9')) {
    sheet.pageLayout.orientation = plan.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  }
  for (const chart of plan.charts) {
    const col = (c: number) =>
      sheet.getRangeByIndexes(
        chart.categories.firstRow,
        c,
        chart.categories.lastRow - chart.categories.firstRow + 1,
        1,
      );
    const [first, ...rest] = chart.series;
    if (!first) continue;
    const added = sheet.charts.add('ColumnClustered', col(first.col), 'Columns');
    added.title.text = chart.title;
    const s0 = added.series.getItemAt(0);
    s0.name = first.name;
    s0.setXAxisValues(col(chart.categories.col));
    for (const s of rest) {
      const series = added.series.add(s.name);
      series.setValues(col(s.col));
      series.setXAxisValues(col(chart.categories.col));
      // 时间进度 as one line across the columns (ExcelApi 1.7, the manifest's minimum).
      if (s.kind === 'line') series.chartType = 'Line';
    }
    added.legend.position = 'Bottom';
    const a = chart.anchor;
    added.setPosition(
      rectAddress({ top: a.row, left: a.col, bottom: a.row, right: a.col }),
      rectAddress({
        top: a.row + a.rows - 1,
        left: a.col + a.cols - 1,
        bottom: a.row + a.rows - 1,
        right: a.col + a.cols - 1,
      }),
    );
  }
  return bytes;
}

function applyLook(format: Excel.RangeFormat, look: CellLook): void {
  if (look.fill) format.fill.color = look.fill;
  if (look.bold !== undefined) format.font.bold = look.bold;
  if (look.size !== undefined) format.font.size = look.size;
  if (look.font) format.font.name = look.font;
  if (look.color) format.font.color = look.color;
  if (look.align)
    format.horizontalAlignment = look.align === 'left' ? 'Left' : look.align === 'center' ? 'Center' : 'Right';
  if (look.wrap) format.wrapText = true;
  // Paragraph first-line indent has no Excel equivalent: the plan's text carries its own spaces.
  if (look.border) {
    for (const edge of [
      'EdgeTop',
      'EdgeBottom',
      'EdgeLeft',
      'EdgeRight',
      'InsideHorizontal',
      'InsideVertical',
    ] as const) {
      const b = format.borders.getItem(edge);
      b.style = 'Continuous';
      b.color = '#808080';
    }
  }
}

/** Deletes the loaded conditional formats whose custom rule carries the add-in's marker. */
/**
 * After a failed highlight step: a batch is not a transaction, so a format may have been added
 * and not yet marked. Removes the marked ones and custom ones with no formula — Excel never keeps a
 * user's custom rule without a formula, so those can only be the add-in's half-made ones.
 */
async function removePartialHighlights(
  context: Excel.RequestContext,
  counter: SyncCounter,
  worksheets: Excel.WorksheetCollection,
  plan: WritePlan,
): Promise<boolean> {
  const names = [...new Set(plan.highlights.map((h) => h.sheet))];
  const collections = names.map((n) => {
    const cfs = worksheets.getItem(n).getRange().conditionalFormats;
    cfs.load('items/type,items/customOrNullObject/rule/formula');
    return cfs;
  });
  await counter.sync(context);
  for (const cfs of collections) {
    for (const cf of cfs.items) {
      if (cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) continue;
      const formula = cf.customOrNullObject.rule.formula ?? '';
      if (formula === '' || formula.includes(HIGHLIGHT_MARKER)) cf.delete();
    }
  }
  await counter.sync(context);
  return true;
}

export function deleteMarked(collections: readonly Excel.ConditionalFormatCollection[]): number {
  let n = 0;
  for (const cfs of collections) {
    for (const cf of cfs.items) {
      if (cf.type !== 'Custom') continue;
      const custom = cf.customOrNullObject;
      if (custom.isNullObject) continue;
      if (custom.rule.formula.includes(HIGHLIGHT_MARKER)) {
        cf.delete();
        n++;
      }
    }
  }
  return n;
}

function addHighlights(
  worksheets: Excel.WorksheetCollection,
  plan: WritePlan,
  userSheets: ReadonlySet<string>,
  hasAreas: boolean,
): void {
  const bySheet = new Map<string, Map<number, number[]>>();
  for (const h of plan.highlights) {
    if (!userSheets.has(h.sheet)) continue;
    let m = bySheet.get(h.sheet);
    if (!m) bySheet.set(h.sheet, (m = new Map()));
    const cols = new Set(m.get(h.row) ?? []);
    for (let c = h.firstCol; c <= h.lastCol; c++) cols.add(c);
    m.set(
      h.row,
      [...cols].sort((a, b) => a - b),
    );
  }
  for (const [name, rows] of bySheet) {
    const sheet = worksheets.getItem(name);
    const rects: Rect[] = cellsToRects(rows);
    const targets = hasAreas
      ? addressLists(rects).map((list) => sheet.getRanges(list).conditionalFormats)
      : rects.map((r) => sheet.getRange(rectAddress(r)).conditionalFormats);
    for (const cfs of targets) {
      const cf = cfs.add('Custom');
      // A formula that is always true and names the add-in: a rule the user would never write.
      cf.custom.rule.formula = HIGHLIGHT_FORMULA;
      cf.custom.format.fill.color = HIGHLIGHT_FILL;
    }
  }
}

/** After a failed write: removes the half-written new sheets; says in Chinese what is left. */
async function cleanUp(
  context: Excel.RequestContext,
  counter: SyncCounter,
  temps: readonly string[],
  existedBefore: ReadonlySet<string>,
): Promise<string> {
  const fresh = temps.filter((t) => !existedBefore.has(t));
  try {
    const items = fresh.map((t) => {
      const s = context.workbook.worksheets.getItemOrNullObject(t);
      s.load('isNullObject');
      return s;
    });
    await counter.sync(context);
    let any = false;
    for (const s of items) {
      if (!s.isNullObject) {
        s.delete();
        any = true;
      }
    }
    if (any) await counter.sync(context);
    return '写入监控汇总和监控报告时出错，已删除写了一半的新工作表；原有的输出工作表和台账均未改动。请重试；如仍失败，请把工作簿另存后再试。';
  } catch {
    return `写入监控汇总和监控报告时出错，写了一半的工作表（${fresh.map((t) => `“${t}”`).join('、')}）可能仍在工作簿中，请手动删除。台账未做任何改动。`;
  }
}
