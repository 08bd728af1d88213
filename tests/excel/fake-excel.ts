/**
 * An in-memory Excel object model with Office.js's batching rules, for the adapter's tests, the
 * bench and the screenshot page. Like Excel:
 * - property writes and method calls are queued and carried out at context.sync(), in order;
 * - reading a property that was not loaded and synced throws (office-addin-mock returns a string);
 * - a failure stops the batch where it happened, and what ran before it stays done;
 * - requests and responses over 5 MB are refused (Excel on the web's limit), the request counted
 *   from the JSON of its actions (arguments included);
 * - Excel's limits: row height ≤ 409 pt, column width ≤ 255 characters, ≤ 32,767 characters a cell,
 *   sheet names of 1–31 characters without []:*?/\ and unique ignoring case;
 * - conditional formats: a new rule goes to the top (priority 0); a rule object is its priority,
 *   so one loaded before the collection changed points at whatever rule holds that slot now;
 * - a protected sheet refuses every change of its cells and formats, a protected workbook structure
 *   refuses adding, deleting, renaming and moving sheets, a read-only workbook refuses every write;
 * - while the user edits a cell, a batch fails unless run with delayForCellEdit;
 * - every error carries `code` as Office's do (InvalidArgument, AccessDenied, ItemAlreadyExists…).
 * It covers exactly the surface src/excel uses; anything else is undefined, so a new call fails loudly.
 * No Node APIs: it is also bundled for the browser.
 */
import { columnLetter } from '../../src/core/grid/types';

export type Scalar = string | number | boolean;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellFormat {
  fill?: string;
  bold?: boolean;
  size?: number;
  fontName?: string;
  fontColor?: string;
  align?: string;
  wrap?: boolean;
  borders?: Record<string, string>;
}

export interface CfModel {
  type: string;
  formula: string | null;
  fill: string | null;
  rects: Rect[];
}

export interface ChartModel {
  type: string;
  title: string;
  legend: string | null;
  series: { name: string; values: string; xValues: string | null; chartType?: string }[];
  position: [string, string] | null;
}

const MAX_PAYLOAD = 5 * 1024 * 1024;
/** Excel's limits (support.microsoft.com, "Excel specifications and limits"). */
export const MAX_ROW_HEIGHT_PT = 409;
export const MAX_COLUMN_WIDTH_CHARS = 255;
/** The API sets widths in points: 255 characters of 7 px plus 5 px padding, at 0.75 pt a pixel. */
export const MAX_COLUMN_WIDTH_PT = (MAX_COLUMN_WIDTH_CHARS * 7 + 5) * 0.75;
export const MAX_CELL_CHARS = 32_767;
/** What one action of a batch costs in the request's JSON besides its arguments (ids, names, paths). */
const ACTION_BYTES = 90;
const key = (r: number, c: number) => r * 16384 + c;
const encoder = new TextEncoder();
const bytesOf = (v: unknown) => encoder.encode(JSON.stringify(v) ?? '').length;

export class SheetModel {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  values: Scalar[][] = [];
  numberFormats = new Map<number, string>();
  formats = new Map<number, CellFormat>();
  merges: Rect[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  frozenRows = 0;
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  conditionalFormats: CfModel[] = [];
  charts: ChartModel[] = [];
  orientation: string | null = null;
  /** Sheet protection (Worksheet.protection.protected). */
  isProtected = false;
  constructor(public name: string) {}

  value(r: number, c: number): Scalar {
    return this.values[r]?.[c] ?? '';
  }
  setValue(r: number, c: number, v: Scalar): void {
    const row = (this.values[r] ??= []);
    row[c] = v;
  }
  usedRect(): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    this.values.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v === '' || v === undefined) return;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      });
    });
    return top < 0 ? null : { top, bottom, left, right };
  }
  /** Everything a user could have made, for "untouched" checks (conditional formats separately). */
  snapshot(): string {
    return JSON.stringify({
      name: this.name,
      values: this.values,
      nf: [...this.numberFormats],
      f: [...this.formats],
      m: this.merges,
      w: [...this.columnWidths],
      fr: this.frozenRows,
      h: [...this.hiddenRows],
      hc: [...this.hiddenColumns],
      charts: this.charts,
    });
  }
}

export interface FakeOptions {
  /** Requirement sets reported as supported: ExcelApi up to this minor version (default 1.13). */
  apiMinor?: number;
  /** Make the nth write operation (counted from now, 1-based) fail during its sync. */
  failOnWrite?: number;
}

export interface FakeRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

/** The workbook and the counters; `run` is a drop-in for Excel.run. */
export class FakeExcel {
  sheets: SheetModel[] = [];
  settings = new Map<string, unknown>();
  active: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  syncs = 0;
  requestBytes = 0;
  responseBytes = 0;
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  writes = 0;
  refusedResponses = 0;
  apiMinor: number;
  failOnWrite: number | null;
  /** The user is typing in a cell: batches fail unless run with delayForCellEdit. */
  cellEditing = false;
  /** Workbook structure protection (Workbook.protection.protected). */
  structureProtected = false;
  /** A view-only workbook (Workbook.readOnly): every write is refused. */
  readOnly = false;
  /** The options of every Excel.run, in order. */
  runs: FakeRunOptions[] = [];
  /** The sheets whose conditional formats were loaded, in order (resetCounters empties it). */
  cfLoads: string[] = [];
  /** Make the next n syncs that carry a write of a named kind fail (e.g. 'freezeRows'). */
  failKinds = new Map<string, { code: string; left: number }>();

  constructor(options: FakeOptions = {}) {
    this.apiMinor = options.apiMinor ?? 13;
    this.failOnWrite = options.failOnWrite ?? null;
  }

  addSheet(name: string, rows: readonly (readonly (Scalar | null)[])[] = []): SheetModel {
    const s = new SheetModel(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '') s.setValue(r, c, v);
      }),
    );
    this.sheets.push(s);
    this.active ??= name;
    return s;
  }
  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => sameName(x.name, name));
    if (!s) throw fakeError('ItemNotFound', `没有工作表 ${name}`);
    return s;
  }
  resetCounters(): void {
    this.syncs = 0;
    this.requestBytes = this.responseBytes = this.maxRequestBytes = this.maxResponseBytes = 0;
    this.cfLoads = [];
  }

  isSetSupported = (name: string, version: string): boolean => {
    if (name !== 'ExcelApi') return false;
    const [maj, min] = version.split('.').map(Number);
    return maj === 1 && (min ?? 0) <= this.apiMinor;
  };

  /** Excel.run(batch) or Excel.run(options, batch). */
  run = async <T>(
    first: FakeRunOptions | ((context: FakeContext) => Promise<T>),
    second?: (context: FakeContext) => Promise<T>,
  ): Promise<T> => {
    const options = typeof first === 'function' ? {} : first;
    const batch = typeof first === 'function' ? first : second!;
    this.runs.push(options);
    const context = new FakeContext(this, options);
    const out = await batch(context);
    if (context.queue.length > 0) await context.sync(); // Excel.run syncs what is left
    return out;
  };

  /** Office-style globals for the browser page: window.Office / window.Excel. */
  globals(): { Office: unknown; Excel: unknown } {
    return {
      Office: {
        onReady: (cb?: (info: unknown) => void) => {
          const info = { host: 'Excel', platform: 'OfficeOnline' };
          cb?.(info);
          return Promise.resolve(info);
        },
        context: {
          requirements: { isSetSupported: this.isSetSupported },
          platform: 'OfficeOnline',
          officeTheme: undefined,
          displayLanguage: 'zh-CN',
        },
        PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
        HostType: { Excel: 'Excel' },
        actions: { associate: () => undefined },
      },
      Excel: { run: this.run },
    };
  }
}

/** An error as Office.js throws it: a RichApi.Error with a code. */
export function fakeError(code: string, message: string): Error {
  const e = new Error(message) as Error & { code: string; debugInfo: { code: string; message: string } };
  e.code = code;
  e.name = 'RichApi.Error';
  e.debugInfo = { code, message };
  return e;
}

/** Excel compares sheet names ignoring case (ASCII and beyond). */
export const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** Excel's rules for a sheet name; throws as Excel does. */
function checkSheetName(name: string, others: readonly SheetModel[]): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw fakeError('InvalidArgument', `工作表名称无效：${name}`);
  }
  if (sameName(name, 'History')) throw fakeError('InvalidArgument', 'History 是保留名称');
  if (others.some((s) => sameName(s.name, name))) throw fakeError('ItemAlreadyExists', `工作表 ${name} 已存在`);
}

function refuseProtected(sheet: SheetModel): void {
  if (sheet.isProtected) throw fakeError('AccessDenied', `工作表 ${sheet.name} 受保护`);
}

type Op = { kind: 'read' | 'write'; bytes: number; run: () => void; what: string };

export class FakeContext {
  queue: Op[] = [];
  workbook: FakeWorkbook;
  constructor(
    public excel: FakeExcel,
    public options: FakeRunOptions = {},
  ) {
    this.workbook = new FakeWorkbook(this);
  }
  /** Queues a write; bytes is the JSON size of its arguments, what names it for failKinds. */
  write(bytes: number, run: () => void, what = ''): void {
    this.queue.push({ kind: 'write', bytes, run, what });
  }
  read(run: () => number): void {
    let n = 0;
    this.queue.push({
      kind: 'read',
      what: 'load',
      bytes: 30,
      run: () => {
        n = run();
        this.responseBytesOfSync += n;
      },
    });
    void n;
  }
  private responseBytesOfSync = 0;

  async sync(): Promise<void> {
    const x = this.excel;
    x.syncs++;
    const ops = this.queue;
    this.queue = [];
    const request = ops.reduce((s, o) => s + o.bytes + ACTION_BYTES, 0);
    x.requestBytes += request;
    x.maxRequestBytes = Math.max(x.maxRequestBytes, request);
    if (request > MAX_PAYLOAD) throw fakeError('RequestPayloadSizeLimitExceeded', `请求 ${request} 字节超过 5 MB`);
    if (x.cellEditing && !this.options.delayForCellEdit && ops.length > 0) {
      throw fakeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    }
    this.responseBytesOfSync = 0;
    for (const op of ops) {
      if (op.kind === 'write') {
        if (x.readOnly) throw fakeError('AccessDenied', '工作簿为只读');
        const fail = op.what ? x.failKinds.get(op.what) : undefined;
        if (fail && fail.left > 0) {
          fail.left--;
          throw fakeError(fail.code, `模拟的 ${op.what} 失败`);
        }
        x.writes++;
        if (x.failOnWrite !== null && --x.failOnWrite === 0) {
          x.failOnWrite = null;
          throw fakeError('GeneralException', '模拟的写入失败');
        }
      }
      op.run();
    }
    // A response over the limit is never sent: it counts as a refusal, not as bytes received.
    if (this.responseBytesOfSync > MAX_PAYLOAD) {
      x.refusedResponses++;
      throw fakeError('ResponsePayloadSizeLimitExceeded', `响应 ${this.responseBytesOfSync} 字节超过 5 MB`);
    }
    x.responseBytes += this.responseBytesOfSync;
    x.maxResponseBytes = Math.max(x.maxResponseBytes, this.responseBytesOfSync);
    await Promise.resolve();
  }
}

/**
 * The base of every proxy object: resolves its model lazily at sync time (like Excel's object
 * paths) and throws on reading a property that was not loaded.
 */
abstract class Proxy_<M> {
  private loaded = new Map<string, unknown>();
  private resolvedModel: M | undefined;
  private resolved = false;
  constructor(
    public ctx: FakeContext,
    private resolver: () => M,
  ) {}
  resolve(): M {
    if (!this.resolved) {
      this.resolvedModel = this.resolver();
      this.resolved = true;
    }
    return this.resolvedModel as M;
  }
  /** Values of scalar properties at sync time; navigation properties are children. */
  protected abstract readProp(name: string, model: M): unknown;
  protected child(_name: string): Proxy_<unknown> | null {
    return null;
  }
  load(spec?: string | string[]): this {
    const paths = (Array.isArray(spec) ? spec : (spec ?? '').split(',')).map((p) => p.trim()).filter(Boolean);
    this.ctx.read(() => this.loadNow(paths));
    return this;
  }
  /** Loads the paths now (inside a sync); returns the response bytes. */
  loadNow(paths: readonly string[]): number {
    const groups = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      if (!head) continue;
      const g = groups.get(head) ?? [];
      if (rest.length) g.push(rest.join('/'));
      groups.set(head, g);
    }
    let bytes = 0;
    const model = this.resolve();
    for (const [head, rest] of groups) {
      const c = this.child(head);
      if (c) {
        bytes += c.loadNow(rest);
        continue;
      }
      const v = model === null && head !== 'isNullObject' ? undefined : this.readProp(head, model);
      this.loaded.set(head, v);
      bytes += bytesOf(v) + head.length + 4;
    }
    return bytes;
  }
  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw fakeError('PropertyNotLoaded', `属性 ${name} 未加载：请先 load('${name}') 并 context.sync()`);
    }
    return this.loaded.get(name) as T;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  /** *OrNullObject results: Excel reports isNullObject after the next sync without a load. */
  trackNull(): this {
    this.ctx.read(() => this.loadNow(['isNullObject']));
    return this;
  }
}

export class FakeWorkbook extends Proxy_<FakeExcel> {
  worksheets: FakeWorksheets;
  settings: FakeSettings;
  readonly protection: FakeWorkbookProtection;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel);
    this.worksheets = new FakeWorksheets(ctx);
    this.settings = new FakeSettings(ctx);
    this.protection = new FakeWorkbookProtection(ctx, () => ctx.excel);
  }
  protected readProp(name: string, x: FakeExcel): unknown {
    if (name === 'readOnly') {
      if (x.apiMinor < 8) throw fakeError('ApiNotFound', 'Workbook.readOnly needs ExcelApi 1.8');
      return x.readOnly;
    }
    throw new Error(`fake: Workbook.${name}`);
  }
  protected override child(name: string): Proxy_<unknown> | null {
    return name === 'protection' ? (this.protection as Proxy_<unknown>) : null;
  }
  get readOnly(): boolean {
    return this.get('readOnly');
  }
}

class FakeWorkbookProtection extends Proxy_<FakeExcel> {
  protected readProp(name: string, x: FakeExcel): unknown {
    if (name === 'protected') return x.structureProtected;
    throw new Error(`fake: WorkbookProtection.${name}`);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

function refuseStructure(x: FakeExcel): void {
  if (x.structureProtected) throw fakeError('AccessDenied', '工作簿结构受保护');
}

class FakeSettings {
  constructor(private ctx: FakeContext) {}
  add(k: string, v: unknown): void {
    this.ctx.write(bytesOf(v), () => this.ctx.excel.settings.set(k, v));
  }
  getItemOrNullObject(k: string): FakeSetting {
    return new FakeSetting(this.ctx, () => (this.ctx.excel.settings.has(k) ? k : null)).trackNull();
  }
}

class FakeSetting extends Proxy_<string | null> {
  protected readProp(name: string, k: string | null): unknown {
    if (name === 'isNullObject') return k === null;
    if (name === 'value') return k === null ? undefined : this.ctx.excel.settings.get(k);
    throw new Error(`fake: Setting.${name}`);
  }
  get value(): unknown {
    return this.get('value');
  }
}

class FakeWorksheets extends Proxy_<SheetModel[]> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.sheets);
  }
  private itemProxies: FakeWorksheet[] | null = null;
  protected readProp(name: string): unknown {
    throw new Error(`fake: WorksheetCollection.${name}`);
  }
  protected override child(name: string): Proxy_<unknown> | null {
    if (name !== 'items') return null;
    // Every load of items takes a fresh look at the sheets.
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- inner objects have their own `this`
    const self = this;
    return new (class extends Proxy_<null> {
      protected readProp(): unknown {
        return null;
      }
      override loadNow(paths: readonly string[]): number {
        self.itemProxies = self.ctx.excel.sheets.map((m) => new FakeWorksheet(self.ctx, () => m));
        return self.itemProxies.reduce((s, p) => s + p.loadNow(paths.length ? paths : ['name']), 0);
      }
    })(this.ctx, () => null) as Proxy_<unknown>;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemProxies) throw fakeError('PropertyNotLoaded', 'worksheets.items 未加载');
    return this.itemProxies;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      () => this.ctx.excel.sheets.find((s) => sameName(s.name, name)) ?? (null as unknown as SheetModel),
    ).trackNull();
  }
  add(name: string): FakeWorksheet {
    let made: SheetModel | null = null;
    this.ctx.write(
      bytesOf(name),
      () => {
        refuseStructure(this.ctx.excel);
        checkSheetName(name, this.ctx.excel.sheets);
        made = new SheetModel(name);
        this.ctx.excel.sheets.push(made);
      },
      'addSheet',
    );
    return new FakeWorksheet(this.ctx, () => {
      if (!made) throw fakeError('ItemNotFound', 'sheet not added');
      return made;
    });
  }
}

class FakeProtection extends Proxy_<SheetModel> {
  protected readProp(name: string, m: SheetModel): unknown {
    if (name === 'protected') return m.isProtected;
    throw new Error(`fake: WorksheetProtection.${name}`);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

export class FakeWorksheet extends Proxy_<SheetModel> {
  readonly protection = new FakeProtection(this.ctx, () => this.resolve());
  protected readProp(name: string, m: SheetModel | null): unknown {
    if (name === 'isNullObject') return m === null;
    if (name === 'name') return m!.name;
    if (name === 'visibility') return m!.visibility;
    if (name === 'position') return this.ctx.excel.sheets.indexOf(m!);
    throw new Error(`fake: Worksheet.${name}`);
  }
  protected override child(name: string): Proxy_<unknown> | null {
    return name === 'protection' ? (this.protection as Proxy_<unknown>) : null;
  }
  get model(): SheetModel {
    return this.resolve();
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.ctx.write(bytesOf(v), () => {
      refuseStructure(this.ctx.excel);
      const m = this.resolve();
      checkSheetName(
        v,
        this.ctx.excel.sheets.filter((s) => s !== m),
      );
      if (this.ctx.excel.active === m.name) this.ctx.excel.active = v;
      m.name = v;
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  get position(): number {
    return this.get('position');
  }
  set position(v: number) {
    this.ctx.write(8, () => {
      const x = this.ctx.excel;
      refuseStructure(x);
      const m = this.resolve();
      if (!Number.isInteger(v) || v < 0 || v >= x.sheets.length) throw fakeError('InvalidArgument', `位置 ${v}`);
      x.sheets = x.sheets.filter((s) => s !== m);
      x.sheets.splice(v, 0, m);
    });
  }
  delete(): void {
    this.ctx.write(0, () => {
      const x = this.ctx.excel;
      refuseStructure(x);
      const m = this.resolve();
      if (x.sheets.filter((s) => s.visibility === 'Visible' && s !== m).length === 0) {
        throw fakeError('InvalidOperation', '不能删除最后一个可见工作表');
      }
      x.sheets = x.sheets.filter((s) => s !== m);
      if (x.active === m.name) x.active = x.sheets[0]?.name ?? null;
    });
  }
  activate(): void {
    this.ctx.write(0, () => {
      const m = this.resolve();
      // Excel cannot show a hidden sheet: activate() fails on it.
      if (m.visibility !== 'Visible') throw fakeError('InvalidOperation', `工作表 ${m.name} 已隐藏`);
      this.ctx.excel.active = m.name;
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const m = this.resolve();
      if (address === undefined) return { sheet: m, rects: [{ top: 0, left: 0, bottom: 1048575, right: 16383 }] };
      return { sheet: m, rects: parseAddress(address) };
    });
  }
  getRanges(address: string): FakeRange {
    if (this.ctx.excel.apiMinor < 9) throw new Error('getRanges needs ExcelApi 1.9');
    if (address.length > 8192) throw fakeError('InvalidArgument', '地址过长');
    return this.getRange(address);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({
      sheet: this.resolve(),
      rects: [{ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }],
    }));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const m = this.resolve();
      const u = m.usedRect();
      return u ? { sheet: m, rects: [u] } : null;
    }).trackNull();
  }
  get freezePanes() {
    return {
      freezeRows: (n: number) =>
        this.ctx.write(
          4,
          () => {
            const m = this.resolve();
            refuseProtected(m);
            m.frozenRows = n;
          },
          'freezeRows',
        ),
    };
  }
  get pageLayout() {
    const ctx = this.ctx;
    const resolve = () => this.resolve();
    return {
      set orientation(v: string) {
        if (ctx.excel.apiMinor < 9) throw new Error('pageLayout needs ExcelApi 1.9');
        ctx.write(
          v.length,
          () => {
            resolve().orientation = v;
          },
          'pageLayout',
        );
      },
    };
  }
  get charts() {
    const ctx = this.ctx;
    const resolve = () => this.resolve();
    return {
      getCount: () => {
        const out = { value: -1 };
        ctx.read(() => {
          out.value = resolve().charts.length;
          return 4;
        });
        return out;
      },
      getItemAt: (i: number) => ({
        delete: () =>
          ctx.write(8, () => {
            const m = resolve();
            if (!m.charts[i]) throw fakeError('ItemNotFound', `没有第 ${i} 个图表`);
            m.charts.splice(i, 1);
          }),
      }),
      add: (type: string, source: FakeRange, _seriesBy?: string) => {
        const chart: ChartModel = { type, title: '', legend: null, series: [], position: null };
        ctx.write(
          20,
          () => {
            refuseProtected(resolve());
            chart.series.push({ name: '', values: source.addressNow(), xValues: null });
            resolve().charts.push(chart);
          },
          'addChart',
        );
        return new FakeChart(ctx, chart);
      },
    };
  }
}

class FakeChart {
  constructor(
    private ctx: FakeContext,
    private chart: ChartModel,
  ) {}
  get title() {
    const { ctx, chart } = this;
    return {
      set text(v: string) {
        ctx.write(bytesOf(v), () => {
          chart.title = v;
        });
      },
    };
  }
  get legend() {
    const { ctx, chart } = this;
    return {
      set position(v: string) {
        ctx.write(v.length, () => {
          chart.legend = v;
        });
      },
    };
  }
  setPosition(start: string, end: string): void {
    this.ctx.write(
      start.length + end.length,
      () => {
        this.chart.position = [start, end];
      },
      'chartPosition',
    );
  }
  get series() {
    const { ctx, chart } = this;
    const seriesProxy = (get: () => ChartModel['series'][number]) => ({
      set name(v: string) {
        ctx.write(bytesOf(v), () => {
          get().name = v;
        });
      },
      setValues(r: FakeRange) {
        ctx.write(20, () => {
          get().values = r.addressNow();
        });
      },
      setXAxisValues(r: FakeRange) {
        ctx.write(20, () => {
          get().xValues = r.addressNow();
        });
      },
      set chartType(v: string) {
        ctx.write(bytesOf(v), () => {
          get().chartType = v;
        });
      },
    });
    return {
      getItemAt: (i: number) =>
        seriesProxy(() => {
          const s = chart.series[i];
          if (!s) throw fakeError('ItemNotFound', `series ${i}`);
          return s;
        }),
      add: (name: string) => {
        const s = { name, values: '', xValues: null as string | null };
        ctx.write(bytesOf(name), () => chart.series.push(s));
        return seriesProxy(() => s);
      },
    };
  }
}

interface RangeModel {
  sheet: SheetModel;
  rects: Rect[];
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
function rectText(r: Rect): string {
  return `${columnLetter(r.left)}${r.top + 1}:${columnLetter(r.right)}${r.bottom + 1}`;
}
function parseAddress(address: string): Rect[] {
  const out: Rect[] = [];
  for (const raw of address.split(',')) {
    const a = raw.slice(raw.lastIndexOf('!') + 1).replace(/\$/g, '');
    const m = /^([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?$/.exec(a);
    if (!m) throw fakeError('InvalidArgument', `地址无效：${a}`);
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const [, c1 = '', r1 = '', c2 = c1, r2 = r1] = m;
    out.push({
      top: r1 ? Number(r1) - 1 : 0,
      bottom: r2 ? Number(r2) - 1 : 1048575,
      left: c1 ? col(c1) : 0,
      right: c2 ? col(c2) : 16383,
    });
  }
  return out;
}
const intersects = (a: Rect, b: Rect) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

export class FakeRange extends Proxy_<RangeModel | null> {
  addressNow(): string {
    const m = this.resolve();
    if (!m) throw fakeError('ItemNotFound', 'null range');
    return m.rects.map((r) => `${quoteSheet(m.sheet.name)}!${rectText(r)}`).join(',');
  }
  private one(m: RangeModel): Rect {
    const r = m.rects[0];
    if (!r || m.rects.length !== 1) throw fakeError('InvalidArgument', '多区域不支持此属性');
    return r;
  }
  protected readProp(name: string, m: RangeModel | null): unknown {
    if (name === 'isNullObject') return m === null;
    if (!m) return undefined;
    switch (name) {
      case 'address':
        return this.addressNow();
      case 'rowIndex':
        return this.one(m).top;
      case 'columnIndex':
        return this.one(m).left;
      case 'rowCount':
        return this.one(m).bottom - this.one(m).top + 1;
      case 'columnCount':
        return this.one(m).right - this.one(m).left + 1;
      case 'values': {
        const r = this.one(m);
        const out: Scalar[][] = [];
        for (let i = r.top; i <= r.bottom; i++) {
          const row: Scalar[] = [];
          for (let j = r.left; j <= r.right; j++) row.push(m.sheet.value(i, j));
          out.push(row);
        }
        return out;
      }
    }
    throw new Error(`fake: Range.${name}`);
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): Scalar[][] {
    return this.get('values');
  }
  set values(v: Scalar[][]) {
    this.ctx.write(bytesOf(v), () => {
      const m = this.resolve();
      const r = this.one(m!);
      refuseProtected(m!.sheet);
      if (v.length !== r.bottom - r.top + 1 || v.some((row) => row.length !== r.right - r.left + 1)) {
        throw fakeError('InvalidArgument', '数组大小与区域不符');
      }
      if (v.some((row) => row.some((x) => typeof x === 'string' && x.length > MAX_CELL_CHARS))) {
        throw fakeError('InvalidArgument', `单元格文本超过 ${MAX_CELL_CHARS} 个字符`);
      }
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          const nf = m!.sheet.numberFormats.get(key(r.top + i, r.left + j)) ?? 'General';
          // Excel parses a string as a formula unless the cell is formatted as text.
          if (typeof x === 'string' && nf !== '@' && /^[=+\-@]/.test(x) && x.length > 1) {
            m!.sheet.setValue(r.top + i, r.left + j, `FORMULA:${x}`);
          } else m!.sheet.setValue(r.top + i, r.left + j, x);
        }),
      );
    });
  }
  /** A matrix of the range's shape, or one value for every cell (as Excel accepts). */
  set numberFormat(v: string[][] | string) {
    this.ctx.write(bytesOf(v), () => {
      const m = this.resolve()!;
      const r = this.one(m);
      refuseProtected(m.sheet);
      if (typeof v === 'string') {
        for (let i = r.top; i <= r.bottom; i++)
          for (let j = r.left; j <= r.right; j++) m.sheet.numberFormats.set(key(i, j), v);
        return;
      }
      if (v.length !== r.bottom - r.top + 1 || v.some((row) => row.length !== r.right - r.left + 1)) {
        throw fakeError('InvalidArgument', 'numberFormat 的行列数与区域不符');
      }
      v.forEach((row, i) => row.forEach((x, j) => m.sheet.numberFormats.set(key(r.top + i, r.left + j), x)));
    });
  }
  private eachCell(fn: (f: CellFormat) => void): void {
    const m = this.resolve();
    if (!m) throw fakeError('ItemNotFound', 'null range');
    refuseProtected(m.sheet);
    for (const r of m.rects) {
      if (r.bottom - r.top > 100000) throw new Error('fake: formatting a whole column is not modelled');
      for (let i = r.top; i <= r.bottom; i++)
        for (let j = r.left; j <= r.right; j++) {
          const k = key(i, j);
          const f = m.sheet.formats.get(k) ?? {};
          fn(f);
          m.sheet.formats.set(k, f);
        }
    }
  }
  get format() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- inner objects have their own `this`
    const self = this;
    const ctx = this.ctx;
    const set = (fn: (f: CellFormat) => void, what = '') => ctx.write(16, () => self.eachCell(fn), what);
    return {
      fill: {
        set color(v: string) {
          set((f) => (f.fill = v));
        },
      },
      font: {
        set bold(v: boolean) {
          set((f) => (f.bold = v));
        },
        set size(v: number) {
          set((f) => (f.size = v));
        },
        set name(v: string) {
          set((f) => (f.fontName = v));
        },
        set color(v: string) {
          set((f) => (f.fontColor = v));
        },
      },
      set horizontalAlignment(v: string) {
        set((f) => (f.align = v));
      },
      set wrapText(v: boolean) {
        set((f) => (f.wrap = v));
      },
      set rowHeight(v: number) {
        ctx.write(8, () => {
          const m = self.resolve()!;
          refuseProtected(m.sheet);
          if (!(v >= 0 && v <= MAX_ROW_HEIGHT_PT)) throw fakeError('InvalidArgument', `行高 ${v} 超过 409 磅`);
          for (const r of m.rects) for (let k = r.top; k <= r.bottom; k++) m.sheet.rowHeights.set(k, v);
        });
      },
      set columnWidth(v: number) {
        ctx.write(8, () => {
          const m = self.resolve()!;
          refuseProtected(m.sheet);
          if (!(v >= 0 && v <= MAX_COLUMN_WIDTH_PT)) throw fakeError('InvalidArgument', `列宽 ${v} 超过 255 个字符`);
          for (const r of m.rects) for (let c = r.left; c <= r.right; c++) m.sheet.columnWidths.set(c, v);
        });
      },
      borders: {
        getItem: (edge: string) => ({
          set style(v: string) {
            set((f) => ((f.borders ??= {})[edge] = v), 'borders');
          },
          set color(_v: string) {
            ctx.write(8, () => refuseProtected(self.resolve()!.sheet), 'borders');
          },
        }),
      },
    };
  }
  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const m = this.resolve()!;
      return { sheet: m.sheet, rects: m.rects.map((r) => ({ ...r, top: 0, bottom: 1048575 })) };
    });
  }
  merge(_across?: boolean): void {
    this.ctx.write(8, () => {
      const m = this.resolve()!;
      refuseProtected(m.sheet);
      m.sheet.merges.push(this.one(m));
    });
  }
  select(): void {
    this.ctx.write(
      8,
      () => {
        const m = this.resolve()!;
        if (m.sheet.visibility !== 'Visible') throw fakeError('InvalidSelection', `工作表 ${m.sheet.name} 已隐藏`);
        this.ctx.excel.selection = { sheet: m.sheet.name, address: m.rects.map(rectText).join(',') };
      },
      'select',
    );
  }
  getMergedAreasOrNullObject(): FakeRange {
    if (this.ctx.excel.apiMinor < 13) throw new Error('getMergedAreasOrNullObject needs ExcelApi 1.13');
    return new FakeRange(this.ctx, () => {
      const m = this.resolve();
      if (!m) return null;
      const hits = m.sheet.merges.filter((g) => m.rects.some((r) => intersects(g, r)));
      return hits.length ? { sheet: m.sheet, rects: hits } : null;
    }).trackNull();
  }
  getSpecialCellsOrNullObject(type: string): FakeRange {
    if (this.ctx.excel.apiMinor < 9 || type !== 'Visible') throw new Error(`fake: getSpecialCells ${type}`);
    return new FakeRange(this.ctx, () => {
      const m = this.resolve();
      if (!m) return null;
      const r = this.one(m);
      // Like Excel: bands of visible rows, each cut at the hidden columns, left to right.
      const runs = (from: number, to: number, hidden: Set<number>) => {
        const out: [number, number][] = [];
        for (let i = from; i <= to; i++) {
          if (hidden.has(i)) continue;
          const last = out[out.length - 1];
          if (last && last[1] === i - 1) last[1] = i;
          else out.push([i, i]);
        }
        return out;
      };
      const columns = runs(r.left, r.right, m.sheet.hiddenColumns);
      const rects: Rect[] = [];
      for (const [top, bottom] of runs(r.top, r.bottom, m.sheet.hiddenRows)) {
        for (const [left, right] of columns) rects.push({ top, bottom, left, right });
      }
      return rects.length ? { sheet: m.sheet, rects } : null;
    }).trackNull();
  }
  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.ctx, () => this.resolve()!);
  }
  private areasProxy: FakeAreas | null = null;
  /** RangeAreas.areas: one range per area, as loaded items. */
  get areas(): FakeAreas {
    return (this.areasProxy ??= new FakeAreas(this.ctx, () => this.resolve()));
  }
  protected override child(name: string): Proxy_<unknown> | null {
    return name === 'areas' ? (this.areas as Proxy_<unknown>) : null;
  }
}

class FakeAreas extends Proxy_<RangeModel | null> {
  private itemProxies: FakeRange[] | null = null;
  protected readProp(name: string): unknown {
    throw new Error(`fake: RangeCollection.${name}`);
  }
  protected override child(name: string): Proxy_<unknown> | null {
    if (name !== 'items') return null;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- inner objects have their own `this`
    const self = this;
    return new (class extends Proxy_<null> {
      protected readProp(): unknown {
        return null;
      }
      override loadNow(paths: readonly string[]): number {
        const m = self.resolve();
        // A null object's navigation properties are empty, not an error.
        self.itemProxies = (m?.rects ?? []).map(
          (r) => new FakeRange(self.ctx, () => ({ sheet: m!.sheet, rects: [r] })),
        );
        return self.itemProxies.reduce((s, p) => s + p.loadNow(paths), 0);
      }
    })(this.ctx, () => null) as Proxy_<unknown>;
  }
  get items(): FakeRange[] {
    if (!this.itemProxies) throw fakeError('PropertyNotLoaded', 'areas.items 未加载');
    return this.itemProxies;
  }
}

class FakeConditionalFormats extends Proxy_<RangeModel> {
  private itemProxies: FakeConditionalFormat[] | null = null;
  protected readProp(name: string): unknown {
    throw new Error(`fake: ConditionalFormatCollection.${name}`);
  }
  protected override child(name: string): Proxy_<unknown> | null {
    if (name !== 'items') return null;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- inner objects have their own `this`
    const self = this;
    return new (class extends Proxy_<null> {
      protected readProp(): unknown {
        return null;
      }
      override loadNow(paths: readonly string[]): number {
        const m = self.resolve();
        self.ctx.excel.cfLoads.push(m.sheet.name);
        const list = m.sheet.conditionalFormats;
        // Each item is its priority (its place in the sheet's list), as Excel's ids are.
        self.itemProxies = list
          .map((cf, id) => ({ cf, id }))
          .filter(({ cf }) => cf.rects.some((a) => m.rects.some((b) => intersects(a, b))))
          .map(({ id }) => new FakeConditionalFormat(self.ctx, () => ({ sheet: m.sheet, id })));
        return self.itemProxies.reduce((s, p) => s + p.loadNow(paths), 0);
      }
    })(this.ctx, () => null) as Proxy_<unknown>;
  }
  get items(): FakeConditionalFormat[] {
    if (!this.itemProxies) throw fakeError('PropertyNotLoaded', 'conditionalFormats.items 未加载');
    return this.itemProxies;
  }
  /** Like Excel: the new rule gets the top priority (0) and every other rule moves down one. */
  add(type: string): FakeConditionalFormat {
    this.ctx.write(bytesOf(type), () => {
      const m = this.resolve();
      refuseProtected(m.sheet);
      m.sheet.conditionalFormats.unshift({ type, formula: null, fill: null, rects: m.rects.map((r) => ({ ...r })) });
    });
    return new FakeConditionalFormat(this.ctx, () => ({ sheet: this.resolve().sheet, id: 0 }));
  }
}

/**
 * A rule as Office.js addresses it: by its priority. When the list changes after the object was
 * made, the object refers to whichever rule holds that priority now (or to none).
 */
class FakeConditionalFormat extends Proxy_<{ sheet: SheetModel; id: number }> {
  /** The rule at this object's priority now. */
  current(): CfModel {
    const { sheet, id } = this.resolve();
    const cf = sheet.conditionalFormats[id];
    if (!cf) throw fakeError('ItemNotFound', `没有优先级为 ${id} 的条件格式`);
    return cf;
  }
  protected readProp(name: string, m: { id: number }): unknown {
    if (name === 'type') return this.current().type;
    if (name === 'id') return String(m.id);
    if (name === 'priority') return m.id;
    throw new Error(`fake: ConditionalFormat.${name}`);
  }
  get type(): string {
    return this.get('type');
  }
  get id(): string {
    return this.get('id');
  }
  get priority(): number {
    return this.get('priority');
  }
  private customProxy(orNull: boolean): FakeCustom {
    return new FakeCustom(this.ctx, () => {
      const cf = this.current();
      if (cf.type !== 'Custom') {
        if (orNull) return null;
        throw fakeError('InvalidOperation', 'not a custom format');
      }
      return { cf, sheet: this.resolve().sheet };
    });
  }
  private customCache: FakeCustom | null = null;
  protected override child(name: string): Proxy_<unknown> | null {
    if (name === 'customOrNullObject') return (this.customCache ??= this.customProxy(true)) as Proxy_<unknown>;
    return null;
  }
  get customOrNullObject(): FakeCustom {
    return (this.customCache ??= this.customProxy(true));
  }
  get custom(): FakeCustom {
    return this.customProxy(false);
  }
  delete(): void {
    this.ctx.write(0, () => {
      const { sheet, id } = this.resolve();
      refuseProtected(sheet);
      this.current();
      sheet.conditionalFormats.splice(id, 1);
    });
  }
}

type CustomModel = { cf: CfModel; sheet: SheetModel } | null;

class FakeCustom extends Proxy_<CustomModel> {
  private ruleProxy: Proxy_<unknown> | null = null;
  override loadNow(paths: readonly string[]): number {
    return super.loadNow([...paths, 'isNullObject']);
  }
  protected readProp(name: string, m: CustomModel): unknown {
    if (name === 'isNullObject') return m === null;
    throw new Error(`fake: CustomConditionalFormat.${name}`);
  }
  protected override child(name: string): Proxy_<unknown> | null {
    return name === 'rule' ? (this.rule as unknown as Proxy_<unknown>) : null;
  }
  get rule(): FakeRule {
    return (this.ruleProxy ??= new FakeRule(this.ctx, () => this.resolve())) as unknown as FakeRule;
  }
  get format() {
    const ctx = this.ctx;
    const resolve = () => this.resolve();
    return {
      fill: {
        set color(v: string) {
          ctx.write(bytesOf(v), () => {
            const m = resolve()!;
            refuseProtected(m.sheet);
            m.cf.fill = v;
          });
        },
      },
    };
  }
}

class FakeRule extends Proxy_<CustomModel> {
  protected readProp(name: string, m: CustomModel): unknown {
    if (name === 'formula') return m?.cf.formula ?? null;
    throw new Error(`fake: ConditionalFormatRule.${name}`);
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(v: string) {
    this.ctx.write(bytesOf(v), () => {
      const m = this.resolve()!;
      refuseProtected(m.sheet);
      m.cf.formula = v;
    });
  }
}
