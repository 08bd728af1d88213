import { type CellStyleName, type PlannedSheet, type WritePlan } from '../core/plan/types';
import { type CellLook, STYLES } from '../core/plan/styles';
import { HIGHLIGHT_FILL, HIGHLIGHT_FORMULA, HIGHLIGHT_MARKER, OUTPUT_SHEETS } from '../core/constants';
import { HostError, type HostProgress } from '../host/types';
import { type ExcelEnv, type SyncCounter, TARGET_REQUEST_BYTES } from './env';
import { columnLetter } from '../core/grid/types';
import { estimateBytes } from './read';
import { addressLists, cellsToRects, rectAddress, type Rect } from './address';

type Progress = (p: HostProgress) => void;

/** Excel's limits (support.microsoft.com, "Excel specifications and limits"). */
export const MAX_ROW_HEIGHT_PT = 409;
export const MAX_COLUMN_WIDTH_CHARS = 255;
export const MAX_CELL_CHARS = 32_767;

/** Sheets that carry the add-in's highlights, remembered so a re-run loads only their rules. */
export const HIGHLIGHTED_SHEETS_KEY = 'jixiaoJiankong.highlightedSheets';

/** What a write leaves for the user to know: the report is there, these parts are not. */
export interface WriteOutcome {
  readonly warnings: string[];
}

interface Target {
  readonly plan: PlannedSheet;
  readonly temp: string;
  sheet: Excel.Worksheet | null;
}

/**
 * Carries out a WritePlan in 4 round trips (plus one per extra block for very large output sheets):
 * 1. sheet names, positions and protection, the workbook's protection and read-only state;
 * 2. the new sheets' values, number formats, fills and fonts, under a temporary name when an old
 *    one exists: once this succeeds the report exists;
 * 3. old output sheets deleted, the new ones renamed into the old ones' places, then best-effort
 *    freeze panes, borders, page layout and charts, and the rules of the sheets that had or get
 *    highlights loaded;
 * 4. the add-in's old highlights deleted (lowest priority first) and the new ones added, then
 *    read back to check by their formula.
 * The user's sheets are only touched in step 4, and only through conditional formats carrying
 * HIGHLIGHT_MARKER, so a failure in steps 2–3 leaves them as they were. Steps 3's cosmetics and 4
 * are not fatal: each failure becomes a warning.
 */
export async function writePlan(
  context: Excel.RequestContext,
  env: ExcelEnv,
  counter: SyncCounter,
  plan: WritePlan,
  onProgress: Progress = () => undefined,
): Promise<WriteOutcome> {
  const warnings: string[] = [];
  const hasAreas = env.isSetSupported('ExcelApi', '1.9');
  onProgress({ step: '正在检查工作表…', fraction: 0.05 });
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/position,items/protection/protected');
  const workbook = context.workbook;
  workbook.protection.load('protected');
  const hasReadOnly = env.isSetSupported('ExcelApi', '1.8');
  if (hasReadOnly) workbook.load('readOnly');
  const remembered = workbook.settings.getItemOrNullObject(HIGHLIGHTED_SHEETS_KEY);
  remembered.load('value');
  await counter.sync(context);
  if (hasReadOnly && workbook.readOnly) {
    throw new HostError(READ_ONLY);
  }
  if (workbook.protection.protected) {
    throw new HostError(
      '工作簿的结构受保护，无法添加或替换工作表。请在“审阅”选项卡点“保护工作簿”取消保护后重试；未做任何改动。',
    );
  }
  const existing = new Map(worksheets.items.map((s) => [s.name, s]));
  const lower = (n: string) => n.toLowerCase();
  if (plan.addOnly) {
    const clash = plan.sheets.find((p) => [...existing.keys()].some((n) => lower(n) === lower(p.name)));
    if (clash) throw new HostError(`工作簿中已有名为“${clash.name}”的工作表，未做任何改动。`);
  }
  const ownNames = new Set([...OUTPUT_SHEETS, ...plan.sheets.map((s) => s.name)].map(lower));
  const userSheets = worksheets.items.filter((s) => !ownNames.has(lower(s.name)));

  // New sheets go in under a free temporary name when the old one is still there, so the old
  // output survives until the new one is complete. Excel compares names ignoring case.
  const taken = new Set([...existing.keys()].map(lower));
  const targets: Target[] = plan.sheets.map((p) => {
    let temp = p.name;
    for (let i = 1; taken.has(lower(temp)); i++) temp = `${p.name.slice(0, 25)}_新${i > 1 ? i : ''}`;
    taken.add(lower(temp));
    return { plan: p, temp, sheet: null };
  });

  onProgress({ step: '正在写入监控汇总和监控报告…', fraction: 0.25 });
  try {
    let bytesInRequest = 0;
    for (const t of targets) {
      const sheet = (t.sheet = worksheets.add(t.temp));
      bytesInRequest = await writeSheet(context, counter, sheet, t.plan, hasAreas, bytesInRequest, warnings);
    }
    await counter.sync(context);
  } catch (e) {
    throw new HostError(
      await cleanUp(
        context,
        counter,
        targets.map((t) => t.temp),
        new Set(existing.keys()),
      ),
      e,
    );
  }

  onProgress({ step: '正在替换旧的输出工作表…', fraction: 0.7 });
  // Old output sheets keep their place in the workbook: the new one moves to where the old one was.
  const places = new Map(targets.map((t) => [t, existing.get(t.plan.name)?.position]));
  const queueReplace = () => {
    for (const t of targets) {
      if (t.temp !== t.plan.name) worksheets.getItem(t.plan.name).delete();
    }
    // Output sheets of an older version the plan no longer writes are the add-in's too.
    for (const name of plan.addOnly ? [] : OUTPUT_SHEETS) {
      if (existing.has(name) && !plan.sheets.some((p) => p.name === name)) worksheets.getItem(name).delete();
    }
    // Through the objects add() returned: a lookup by the temporary name fails once renamed.
    for (const t of targets) if (t.temp !== t.plan.name) t.sheet!.name = t.plan.name;
    // Lowest place first, so moving one does not shift the place of the next.
    const moves = targets.filter((t) => places.get(t) !== undefined).sort((a, b) => places.get(a)! - places.get(b)!);
    for (const t of moves) t.sheet!.position = Math.min(places.get(t)!, existing.size - 1);
    targets[0]?.sheet?.activate();
  };
  const highlightSheets = plan.addOnly ? [] : sheetsToLoad(plan, userSheets, remembered);
  queueReplace();
  const cosmetics = cosmeticSteps(targets, env, hasAreas);
  for (const c of cosmetics) c.queue();
  let rules = highlightSheets.map((s) => loadRules(s));
  try {
    await counter.sync(context);
  } catch (e) {
    // A batch is not a transaction: find out whether the replacement went through before the failure.
    const replaced = await replacedAlready(context, counter, targets).catch(() => false);
    if (!replaced) {
      const temps = targets.filter((t) => t.temp !== t.plan.name).map((t) => `“${t.temp}”`);
      throw new HostError(
        `新的输出工作表已写好，但替换旧工作表时出错${temps.length ? `：新内容可能仍在工作表${temps.join('、')}中，可删除旧表后将其改名` : ''}。台账未做任何改动。`,
        e,
      );
    }
    // The report is in place: the cosmetics go one by one, each failure a warning.
    for (const c of cosmetics) {
      try {
        if (await c.needed(context, counter)) {
          c.queue();
          await counter.sync(context);
        }
      } catch (err) {
        console.warn(err);
        warnings.push(c.warning);
      }
    }
    rules = highlightSheets.map((s) => loadRules(s));
    try {
      await counter.sync(context);
    } catch (err) {
      console.warn(err);
      warnings.push(HIGHLIGHT_WARNING);
      return { warnings };
    }
  }

  if (plan.addOnly) {
    onProgress({ step: '完成', fraction: 1 });
    return { warnings };
  }
  onProgress({ step: '正在标注执行滞后的台账行…', fraction: 0.85 });
  try {
    await replaceHighlights(context, counter, worksheets, plan, rules, hasAreas, warnings);
  } catch (e) {
    console.warn(e);
    const repaired = await removePartialHighlights(context, counter, rules).catch(() => false);
    warnings.push(
      repaired
        ? '在台账上标注执行滞后的行时出错，已撤下本次的标注；台账的数值和格式未被改动。可再点一次“生成监控报告”。'
        : HIGHLIGHT_WARNING,
    );
  }
  onProgress({ step: '完成', fraction: 1 });
  return { warnings };
}

/**
 * 清除标注: every user sheet's rules read, the marked ones deleted lowest priority first and read
 * again until none is left; protected sheets are skipped and named.
 */
export async function clearMarked(
  context: Excel.RequestContext,
  env: ExcelEnv,
  counter: SyncCounter,
): Promise<{ removed: number; warnings: string[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/protection/protected');
  const hasReadOnly = env.isSetSupported('ExcelApi', '1.8');
  if (hasReadOnly) context.workbook.load('readOnly');
  await counter.sync(context);
  if (hasReadOnly && context.workbook.readOnly) throw new HostError(READ_ONLY);
  const rules = sheets.items.filter((s) => !OUTPUT_SHEETS.includes(s.name)).map((s) => loadRules(s));
  await counter.sync(context);
  const skipped: string[] = [];
  const first = deleteMarked(rules, skipped);
  if (first === 0) return { removed: 0, warnings: protectedWarnings(skipped) };
  const check = rules.filter((r) => !r.isProtected).map((r) => loadRules(r.sheet, r));
  context.workbook.settings.add(HIGHLIGHTED_SHEETS_KEY, JSON.stringify(skipped));
  await counter.sync(context);
  const more = await deleteUntilClean(context, counter, check, new Map());
  return { removed: first + more, warnings: protectedWarnings(skipped) };
}

function protectedWarnings(skipped: readonly string[]): string[] {
  return skipped.map(
    (n) => `工作表“${n}”受保护，其上的标注未能清除。请在“审阅”选项卡点“撤销工作表保护”后再点“清除标注”。`,
  );
}

const READ_ONLY =
  '此工作簿是只读的（网页版的“查看”模式或只读打开），无法写入。请点“编辑工作簿”或另存一份后重试；未做任何改动。';

const HIGHLIGHT_WARNING =
  '在台账上标注执行滞后的行时出错，标注可能不完整；台账的数值和格式未被改动。可点击“清除标注”后重试。';

/**
 * The user sheets whose rules are loaded: those the plan highlights and those an earlier run
 * highlighted (remembered in the workbook's settings). Without that record (a workbook from an
 * older version) every user sheet is looked at once.
 */
function sheetsToLoad(
  plan: WritePlan,
  userSheets: readonly Excel.Worksheet[],
  remembered: Excel.Setting,
): Excel.Worksheet[] {
  const names = new Set(plan.highlights.map((h) => h.sheet));
  if (remembered.isNullObject) return [...userSheets];
  for (const n of parseNames(remembered.value)) names.add(n);
  return userSheets.filter((s) => names.has(s.name));
}

function parseNames(value: unknown): string[] {
  try {
    const v: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

interface SheetRules {
  readonly sheet: Excel.Worksheet;
  readonly name: string;
  readonly isProtected: boolean;
  readonly cfs: Excel.ConditionalFormatCollection;
}

/** Queues loading a sheet's rules; the sheet's name and protection must be loaded already. */
function loadRules(sheet: Excel.Worksheet, known?: SheetRules): SheetRules {
  const cfs = sheet.getRange().conditionalFormats;
  cfs.load('items/type,items/priority,items/customOrNullObject/rule/formula');
  return known ? { ...known, cfs } : { sheet, name: sheet.name, isProtected: sheet.protection.protected, cfs };
}

function isMarked(cf: Excel.ConditionalFormat): boolean {
  if (cf.type !== 'Custom') return false;
  const custom = cf.customOrNullObject;
  return !custom.isNullObject && (custom.rule.formula ?? '').includes(HIGHLIGHT_MARKER);
}

/**
 * Deletes the marked rules of loaded collections, lowest priority (highest number) first: a rule
 * object is its priority, so deleting a higher one first would shift the later ones onto other
 * rules — possibly the user's. Protected sheets are skipped (they refuse it) and named.
 */
export function deleteMarked(collections: readonly SheetRules[], skipped: string[]): number {
  let n = 0;
  for (const c of collections) {
    const marked = c.cfs.items.filter(isMarked);
    if (marked.length === 0) continue;
    if (c.isProtected) {
      skipped.push(c.name);
      continue;
    }
    for (const cf of [...marked].sort((a, b) => b.priority - a.priority)) {
      cf.delete();
      n++;
    }
  }
  return n;
}

/**
 * Deletes the marked rules until a re-read finds none left but those expected (the new ones, on
 * top), at most a few rounds: each round identifies the rules afresh by their formula.
 */
export async function deleteUntilClean(
  context: Excel.RequestContext,
  counter: SyncCounter,
  rules: SheetRules[],
  kept: ReadonlyMap<string, number>,
): Promise<number> {
  let removed = 0;
  for (let round = 0; round < 4; round++) {
    const left = rules.filter((r) => !r.isProtected && r.cfs.items.filter(isMarked).length > (kept.get(r.name) ?? 0));
    if (left.length === 0) return removed;
    for (const r of left) {
      const k = kept.get(r.name) ?? 0;
      // The kept ones are the newest, on top: only marked rules below them go.
      const stale = r.cfs.items.filter(isMarked).sort((a, b) => b.priority - a.priority);
      for (const cf of stale.slice(0, stale.length - k)) {
        cf.delete();
        removed++;
      }
    }
    rules = left.map((r) => loadRules(r.sheet, r));
    await counter.sync(context);
  }
  throw new HostError('未能清除全部旧标注。请点击“清除标注”后重试。');
}

async function replaceHighlights(
  context: Excel.RequestContext,
  counter: SyncCounter,
  worksheets: Excel.WorksheetCollection,
  plan: WritePlan,
  rules: SheetRules[],
  hasAreas: boolean,
  warnings: string[],
): Promise<void> {
  const skipped: string[] = [];
  deleteMarked(rules, skipped);
  const writable = new Set(rules.filter((r) => !r.isProtected).map((r) => r.name));
  const refused = [...new Set(plan.highlights.map((h) => h.sheet))].filter(
    (n) => !writable.has(n) && rules.some((r) => r.name === n),
  );
  const added = addHighlights(worksheets, plan, writable, hasAreas);
  // Remember where the highlights are (and the protected sheets still holding old ones).
  const now = [...new Set([...added.keys(), ...skipped])];
  context.workbook.settings.add(HIGHLIGHTED_SHEETS_KEY, JSON.stringify(now));
  const check = rules.filter((r) => !r.isProtected).map((r) => loadRules(r.sheet, r));
  await counter.sync(context);
  await deleteUntilClean(context, counter, check, added);
  for (const name of new Set([...skipped, ...refused])) {
    warnings.push(
      `工作表“${name}”受保护，其上的标注未能${refused.includes(name) ? '添加' : '更新'}。如需标注，请在“审阅”选项卡点“撤销工作表保护”后重新生成。`,
    );
  }
}

/** Queues one output sheet's values, formats and looks; syncs in between only past ~2 MB a request. */
async function writeSheet(
  context: Excel.RequestContext,
  counter: SyncCounter,
  sheet: Excel.Worksheet,
  plan: PlannedSheet,
  hasAreas: boolean,
  bytesBefore: number,
  warnings: string[],
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
  const cut: string[] = [];
  for (let r = 0; r < height; r++) {
    const row = plan.rows[r] ?? [];
    const vr: (string | number)[] = [];
    const fr: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c] ?? null;
      let v = cell?.value ?? null;
      // Excel refuses a cell over 32,767 characters (and the whole batch with it).
      if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
        v = v.slice(0, MAX_CELL_CHARS - 1) + '…';
        cut.push(`${columnLetter(c)}${r + 1}`);
      }
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
  if (cut.length > 0) {
    warnings.push(
      `“${plan.name}”的单元格 ${cut.join('、')} 超过 Excel 单元格 ${MAX_CELL_CHARS} 字的上限，已截断；完整内容请用“复制到 Word”。`,
    );
  }

  forEachStyleArea(sheet, plan, hasAreas, (format, look) => applyLook(format, look));
  for (const m of plan.merges) sheet.getRange(rectAddress(m)).merge(false);
  plan.columnWidths.forEach((chars, c) => {
    // Excel's character unit is about 7 px plus 5 px padding; the API wants points (0.75 px).
    const w = Math.min(chars, MAX_COLUMN_WIDTH_CHARS);
    // 255 characters are 1342.5 pt: rounded down there, as Excel refuses anything wider.
    sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth = Math.min(
      Math.round((w * 7 + 5) * 0.75),
      Math.floor((MAX_COLUMN_WIDTH_CHARS * 7 + 5) * 0.75),
    );
  });
  for (const [r, pt] of plan.rowHeights ?? []) {
    sheet.getRangeByIndexes(r, 0, 1, 1).format.rowHeight = Math.min(pt, MAX_ROW_HEIGHT_PT);
  }
  return bytes;
}

/** Calls fn with the format of every area of cells sharing a style, as few areas as possible. */
function forEachStyleArea(
  sheet: Excel.Worksheet,
  plan: PlannedSheet,
  hasAreas: boolean,
  fn: (format: Excel.RangeFormat, look: CellLook) => void,
): void {
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
      for (const list of addressLists(rects)) fn(sheet.getRanges(list).format, STYLES[style]);
    } else {
      for (const r of rects) fn(sheet.getRange(rectAddress(r)).format, STYLES[style]);
    }
  }
}

interface Cosmetic {
  /** Queues the step's calls. */
  readonly queue: () => void;
  /** On a retry: whether the step still has to run; may undo what the failed batch half did. */
  readonly needed: (context: Excel.RequestContext, counter: SyncCounter) => Promise<boolean>;
  readonly warning: string;
}

/**
 * The steps that only make the output look right: freeze panes (GeneralException on some Excel
 * 2019 builds, office-js #2196), borders, page layout, charts. None may sink the report.
 */
function cosmeticSteps(targets: readonly Target[], env: ExcelEnv, hasAreas: boolean): Cosmetic[] {
  const out: Cosmetic[] = [];
  const yes = () => Promise.resolve(true);
  for (const t of targets) {
    const sheet = t.sheet!;
    const p = t.plan;
    if (p.freezeRows > 0) {
      out.push({
        queue: () => sheet.freezePanes.freezeRows(p.freezeRows),
        needed: yes,
        warning: `“${p.name}”的表头未能冻结（不影响内容）。`,
      });
    }
    out.push({
      queue: () =>
        forEachStyleArea(sheet, p, hasAreas, (format, look) => {
          if (look.border) applyBorders(format);
        }),
      needed: yes,
      warning: `“${p.name}”的表格边框未能全部加上（不影响内容）。`,
    });
    if (env.isSetSupported('ExcelApi', '1.9')) {
      out.push({
        queue: () => {
          sheet.pageLayout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        },
        needed: yes,
        warning: `“${p.name}”的打印方向未能设置（不影响内容）。`,
      });
    }
    if (p.charts.length > 0) {
      out.push({
        queue: () => addCharts(sheet, p),
        // A chart the failed batch got half way through is removed (the sheet is new: every chart
        // on it is ours), so the retry adds each chart once, complete.
        needed: async (context, counter) => {
          const n = sheet.charts.getCount();
          await counter.sync(context);
          for (let i = 0; i < n.value; i++) sheet.charts.getItemAt(0).delete();
          return true;
        },
        warning: `“${p.name}”的图表未能添加（表格内容完整，可在 Excel 中自行插入图表）。`,
      });
    }
  }
  return out;
}

function addCharts(sheet: Excel.Worksheet, plan: PlannedSheet): void {
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
}

/** After a failed step 3: true when every new sheet already carries its final name. */
async function replacedAlready(
  context: Excel.RequestContext,
  counter: SyncCounter,
  targets: readonly Target[],
): Promise<boolean> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await counter.sync(context);
  const names = new Set(sheets.items.map((s) => s.name));
  return targets.every((t) => names.has(t.plan.name) && (t.temp === t.plan.name || !names.has(t.temp)));
}

/** Fill, font, alignment, wrap: the looks that carry meaning, written with the values. */
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
}

function applyBorders(format: Excel.RangeFormat): void {
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

/**
 * After a failed highlight step: a batch is not a transaction, so a format may have been added
 * and not yet marked. Removes the marked ones and custom ones with no formula — Excel never keeps a
 * user's custom rule without a formula, so those can only be the add-in's half-made ones. Lowest
 * priority first, re-read until clean.
 */
async function removePartialHighlights(
  context: Excel.RequestContext,
  counter: SyncCounter,
  rules: readonly SheetRules[],
): Promise<boolean> {
  for (let round = 0; round < 4; round++) {
    const collections = rules.map((r) => loadRules(r.sheet, r));
    await counter.sync(context);
    let any = false;
    for (const c of collections) {
      if (c.isProtected) continue;
      const half = c.cfs.items.filter((cf) => {
        if (cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) return false;
        const formula = cf.customOrNullObject.rule.formula ?? '';
        return formula === '' || formula.includes(HIGHLIGHT_MARKER);
      });
      for (const cf of half.sort((a, b) => b.priority - a.priority)) {
        cf.delete();
        any = true;
      }
    }
    if (!any) return true;
    await counter.sync(context);
  }
  return false;
}

/** Adds the plan's highlights on the given sheets; returns how many rules each sheet got. */
function addHighlights(
  worksheets: Excel.WorksheetCollection,
  plan: WritePlan,
  userSheets: ReadonlySet<string>,
  hasAreas: boolean,
): Map<string, number> {
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
  const added = new Map<string, number>();
  for (const [name, rows] of bySheet) {
    const sheet = worksheets.getItem(name);
    const rects: Rect[] = cellsToRects(rows);
    const targets = hasAreas
      ? addressLists(rects).map((list) => sheet.getRanges(list).conditionalFormats)
      : rects.map((r) => sheet.getRange(rectAddress(r)).conditionalFormats);
    for (const cfs of targets) {
      // A new rule takes the top priority; set it up through the object add() returned, before
      // the next add moves it down.
      const cf = cfs.add('Custom');
      // A formula that is always true and names the add-in: a rule the user would never write.
      cf.custom.rule.formula = HIGHLIGHT_FORMULA;
      cf.custom.format.fill.color = HIGHLIGHT_FILL;
    }
    added.set(name, targets.length);
  }
  return added;
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
