/**
 * An independent corpus of budget-execution ledgers, built with exceljs from a seeded PRNG, each with the
 * figures the report must give, computed here from the generator's own raw numbers in integer 分.
 *
 * Nothing from src/ is imported: the expected figures must not share a line of code with the product.
 * The rules behind the figures are those of ../shared/ledgers/README.md:
 * - amounts exact to the 分; lines that share a name in one ledger are one item (summed);
 * - 上年结转 counts in 调整 and in 全年预算 (年初 + 调整 = 全年);
 * - a ledger without 年初/调整 columns is judged on 全年预算 and 执行数 only (`hasInitial: false`);
 * - a 项目支出 item is flagged when it has a budget and nothing spent, or when its 执行率 (rounded half away
 *   from zero to 0.01%) is more than 10 points below 时间进度 N/12 (rounded likewise);
 * - a 合计/小计 row that is not the sum of its lines (even by 0.01元) makes the report refused, with a
 *   message naming that row.
 */
import ExcelJS from 'exceljs';

// ───────────────────────────── PRNG ─────────────────────────────

/** The classic 32-bit mulberry32: tiny, fast, and the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const t = a[i] as T;
      a[i] = a[j] as T;
      a[j] = t;
    }
    return a;
  }
  sample<T>(xs: readonly T[], n: number): T[] {
    return this.shuffle(xs).slice(0, Math.max(0, Math.min(n, xs.length)));
  }
}

function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ───────────────────────────── Expected figures ─────────────────────────────

export type Category = '人员支出' | '公用支出' | '项目支出';
export const CATEGORY_NAMES: readonly Category[] = ['人员支出', '公用支出', '项目支出'];

/** Figures of a group, all amounts in integer 分. */
export interface Figures {
  readonly initialBudget: number;
  readonly adjustment: number;
  readonly budget: number;
  readonly executed: number;
  /** How many ledger lines make it up. */
  readonly lines: number;
}

export interface ItemFigures extends Figures {
  readonly category: Category;
}

export interface ReportExpect {
  readonly kind: 'report';
  readonly organization: string;
  readonly year: number;
  readonly month: number;
  /** False when the ledger has no 年初/调整 columns: only 全年预算 and 执行数 are judged. */
  readonly hasInitial: boolean;
  readonly total: Figures;
  readonly basic: Figures;
  readonly categories: Readonly<Record<Category, Figures>>;
  /** By line name as written (the test strips spaces, a leading code and a leading 序号). */
  readonly items: Readonly<Record<string, ItemFigures>>;
  /** 项目支出 items that must be flagged, sorted. */
  readonly flagged: readonly string[];
}

export interface RefusalExpect {
  readonly kind: 'refusal';
  readonly sheet: string;
  /** The 1-based row the message must name. */
  readonly row: number;
  readonly why: string;
}

export type CaseExpect = ReportExpect | RefusalExpect;

export interface CaseArgs {
  readonly month?: number;
  readonly year?: number;
  readonly organization?: string;
}

export type Shape = '台账' | '一体化指标账' | '科目余额表' | '每月一张表' | '主管部门多表' | '指标加支付流水' | '拒绝';

export interface CorpusCase {
  readonly id: string;
  readonly shape: Shape;
  readonly description: string;
  readonly buffer: Uint8Array;
  readonly args: CaseArgs;
  readonly expect: CaseExpect;
}

/** A case before its bytes are written (building is synchronous, writing is not). */
export interface PlannedCase {
  readonly id: string;
  readonly shape: Shape;
  readonly description: string;
  readonly args: CaseArgs;
  readonly expect: CaseExpect;
  readonly workbook: ExcelJS.Workbook;
}

/** The raw numbers of one ledger line, in 分. 调整 = 结转 + 追加 − 调减; 全年 = 年初 + 调整. */
interface Line {
  name: string;
  category: Category;
  code: string | null;
  source: string;
  initial: number;
  carry: number;
  add: number;
  /** A decrease, as a positive number. */
  cut: number;
  executed: number;
  hidden?: boolean;
  breakdown?: { name: string; budget: number; executed: number };
  remark?: string;
}

const adjustmentOf = (l: Line): number => l.carry + l.add - l.cut;
const budgetOf = (l: Line): number => l.initial + adjustmentOf(l);

/** a ÷ b rounded half away from zero, exactly. */
export function roundDivHalfAway(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new Error('division by zero');
  const neg = a < 0n !== b < 0n;
  const aa = a < 0n ? -a : a;
  const bb = b < 0n ? -b : b;
  const q = (aa * 2n + bb) / (bb * 2n);
  return neg ? -q : q;
}

/** 执行率 in 0.01% (basis points), or null without a budget. */
export function rateBp(executed: number, budget: number): number | null {
  if (budget === 0) return null;
  return Number(roundDivHalfAway(BigInt(executed) * 10000n, BigInt(budget)));
}

export function timeProgressBp(month: number): number {
  return Number(roundDivHalfAway(BigInt(month) * 10000n, 12n));
}

/** The flag rule of the README, on an item's summed figures. */
export function isFlagged(budget: number, executed: number, month: number): boolean {
  if (budget <= 0) return false;
  if (executed === 0) return true;
  const r = rateBp(executed, budget);
  return r !== null && timeProgressBp(month) - r > 1000;
}

interface Acc {
  initialBudget: number;
  adjustment: number;
  budget: number;
  executed: number;
  lines: number;
}
const zero = (): Acc => ({ initialBudget: 0, adjustment: 0, budget: 0, executed: 0, lines: 0 });
function addTo(a: Acc, l: Line): void {
  a.initialBudget += l.initial;
  a.adjustment += adjustmentOf(l);
  a.budget += budgetOf(l);
  a.executed += l.executed;
  a.lines += 1;
}

function expectFrom(
  lines: readonly Line[],
  meta: { organization: string; year: number; month: number; hasInitial: boolean },
): ReportExpect {
  const total = zero();
  const basic = zero();
  const cats: Record<Category, Acc> = { 人员支出: zero(), 公用支出: zero(), 项目支出: zero() };
  const items = new Map<string, Acc & { category: Category }>();
  for (const l of lines) {
    for (const v of [l.initial, l.carry, l.add, l.cut, l.executed])
      if (!Number.isSafeInteger(v)) throw new Error(`unsafe amount ${v} on ${l.name}`);
    addTo(total, l);
    addTo(cats[l.category], l);
    if (l.category !== '项目支出') addTo(basic, l);
    let it = items.get(l.name);
    if (!it) {
      it = { ...zero(), category: l.category };
      items.set(l.name, it);
    }
    if (it.category !== l.category) throw new Error(`generator bug: ${l.name} in two categories`);
    addTo(it, l);
  }
  const flagged = [...items.entries()]
    .filter(([, it]) => it.category === '项目支出' && isFlagged(it.budget, it.executed, meta.month))
    .map(([name]) => name)
    .sort();
  return {
    kind: 'report',
    ...meta,
    total,
    basic,
    categories: cats,
    items: Object.fromEntries(items),
    flagged,
  };
}

// ───────────────────────────── Names and amounts ─────────────────────────────

const COUNTIES = ['临江县', '临江县', '临江县', '南溪县', '平山县', '白水县', '青石县'];
const BUREAUS = [
  '文化广播电视和旅游局',
  '农业农村局',
  '卫生健康局',
  '市场监督管理局',
  '应急管理局',
  '住房和城乡建设局',
  '司法局',
  '教育和体育局',
  '退役军人事务局',
  '水利局',
  '民政局',
  '林业局',
  '统计局',
  '生态环境分局',
  '商务局',
  '气象局',
  '粮食和物资储备中心',
  '自然资源局',
  '交通运输局',
  '人力资源和社会保障局',
  '审计局',
  '医疗保障局',
  '信访局',
  '档案馆',
  '科学技术局',
  '发展和改革局',
  '总工会',
];

/** [code, name] — 301/303 are personnel. */
const PERSONNEL: readonly (readonly [string, string])[] = [
  ['30101', '基本工资'],
  ['30102', '津贴补贴'],
  ['30103', '奖金'],
  ['30107', '绩效工资'],
  ['30108', '机关事业单位基本养老保险缴费'],
  ['30109', '职业年金缴费'],
  ['30110', '职工基本医疗保险缴费'],
  ['30111', '公务员医疗补助缴费'],
  ['30112', '其他社会保障缴费'],
  ['30113', '住房公积金'],
  ['30199', '其他工资福利支出'],
  ['30301', '离休费'],
  ['30302', '退休费'],
  ['30305', '生活补助'],
  ['30309', '奖励金'],
];
const PUBLIC: readonly (readonly [string, string])[] = [
  ['30201', '办公费'],
  ['30202', '印刷费'],
  ['30205', '水费'],
  ['30206', '电费'],
  ['30207', '邮电费'],
  ['30209', '物业管理费'],
  ['30211', '差旅费'],
  ['30213', '维修（护）费'],
  ['30215', '会议费'],
  ['30216', '培训费'],
  ['30217', '公务接待费'],
  ['30226', '劳务费'],
  ['30228', '工会经费'],
  ['30229', '福利费'],
  ['30231', '公务用车运行维护费'],
  ['30239', '其他交通费用'],
  ['30299', '其他商品和服务支出'],
];
const PROJECT_STEMS = [
  '农村饮水安全工程维护',
  '森林防火',
  '食品安全抽检',
  '城乡居民最低生活保障',
  '高标准农田建设',
  '文化惠民送戏下乡演出',
  '非物质文化遗产保护传承',
  '河长制工作',
  '安全生产执法检查',
  '应急救援物资储备',
  '统计执法检查',
  '乡村振兴衔接资金产业发展',
  '农技推广服务补助',
  '学生资助补助',
  '校舍安全维修改造',
  '退役军人就业创业培训',
  '烈士纪念设施维护',
  '市场主体培育',
  '特种设备安全监察',
  '知识产权强县建设',
  '殡葬改革惠民补贴',
  '养老服务体系建设',
  '农村危房改造补助',
  '市政路灯电费及维护',
  '大气污染防治',
  '土壤污染防治',
  '第五次全国经济普查',
  '法律援助',
  '人民调解',
  '社区矫正',
  '禁毒宣传教育',
  '消防救援装备购置',
  '林业有害生物防治',
  '天然林保护工程管护',
  '村卫生室标准化建设',
  '家庭医生签约服务补助',
  '爱国卫生运动',
  '旅游宣传推介',
  '全民健身赛事活动',
  '公共图书馆免费开放',
  '山洪灾害防治非工程措施运行维护',
  '老旧小区改造',
  '电子商务进农村综合示范',
  '粮食安全储备管理',
  '人工影响天气作业',
];
const PROJECT_SUFFIXES = ['经费', '项目', '资金', '专项经费', '补助资金', '工作经费'];
/** Category-like names that are plain project lines: the ledger's structure, not the name, decides. */
const TRICKY_PROJECTS = [
  '日常公用经费',
  '住房公积金管理中心运行经费',
  '城市道路维修养护经费',
  '公用经费补助',
  '离退休人员活动经费',
  '办公用房维修改造经费',
  '机关运行保障经费',
];
const SOURCES = ['一般公共预算拨款', '一般公共预算拨款', '一般公共预算拨款', '政府性基金', '上级专项转移支付'];
const REMARKS = ['下半年集中支付', '项目已招标', '待审计后支付', '按进度拨付', '已完成政府采购', ''];
const BREAKDOWNS = ['省级资金', '县级配套', '设备购置', '宣传培训', '专项部分', '燃油费', '县级服务中心运营'];

type Unit = '元' | '万元';

/** 分 per smallest amount an amount may have with this unit and number of decimals. */
function granularity(unit: Unit, decimals: number): number {
  return unit === '元' ? 1 : 10 ** (6 - decimals);
}
const roundTo = (fen: number, g: number): number => Math.round(fen / g) * g;

interface LineSpec {
  personnel: number;
  public: number;
  projects: number;
  month: number;
  g: number;
  tricky: number;
  carry?: boolean;
  /** Allow odd project lines: budget cut to zero, negative 冲回 spending elsewhere. */
  odd?: boolean;
  projectCodes?: boolean;
  /** Projects to split over two lines of different 资金来源 (one item, two lines). */
  duplicates?: number;
  usedProjects?: Set<string>;
}

function projectNames(rng: Rng, n: number, tricky: number, used: Set<string>): string[] {
  const out: string[] = [];
  for (const t of rng.sample(TRICKY_PROJECTS, tricky)) {
    if (used.has(t)) continue;
    used.add(t);
    out.push(t);
  }
  let guard = 0;
  while (out.length < n && guard++ < 1000) {
    const stem = rng.pick(PROJECT_STEMS);
    let suffix = rng.pick(PROJECT_SUFFIXES);
    if (suffix.includes(stem.slice(-2))) suffix = '经费';
    const name = stem + suffix;
    if ([...used].some((u) => u.startsWith(stem))) continue;
    used.add(name);
    out.push(name);
  }
  return rng.shuffle(out);
}

/** Spending for a line: personnel near time progress, public wider, projects in buckets (some zero, some edges). */
function spend(rng: Rng, cat: Category, budget: number, month: number, g: number): number {
  const tp = month / 12;
  if (budget <= 0) return 0;
  let rate: number;
  if (cat === '人员支出') rate = tp * (0.9 + 0.18 * rng.float());
  else if (cat === '公用支出') rate = tp * (0.35 + 0.8 * rng.float());
  else {
    const b = rng.float();
    if (b < 0.15) return 0;
    if (b < 0.2 && g === 1 && budget % 20000 === 0) {
      // On the flag line: exactly 10.00 points below (not flagged), 10.01 below (flagged), or a half 0.01% that
      // rounds away from zero onto the line.
      const tpBp = timeProgressBp(month);
      const kind = rng.int(0, 2);
      if (kind === 0) return (budget / 10000) * (tpBp - 1000);
      if (kind === 1) return (budget / 10000) * (tpBp - 1001);
      return (budget / 20000) * (2 * (tpBp - 1001) + 1);
    }
    if (b < 0.45) rate = 0.02 + Math.max(0, tp - 0.2) * rng.float();
    else if (b < 0.85) rate = tp - 0.08 + 0.3 * rng.float();
    else if (b < 0.93) rate = 1;
    else rate = 1.02 + 0.15 * rng.float();
  }
  const raw = Math.floor(budget * Math.max(0.001, rate)) + rng.int(0, 99);
  return Math.max(g, roundTo(raw, g));
}

function makeLines(rng: Rng, s: LineSpec): Line[] {
  const lines: Line[] = [];
  const source = (): string => (rng.chance(0.85) ? '一般公共预算拨款' : rng.pick(SOURCES));
  const personnel = rng.sample(PERSONNEL, s.personnel).sort((a, b) => a[0].localeCompare(b[0]));
  for (const [code, name] of personnel) {
    const initial = rng.int(300, 20000) * 10000;
    const add = rng.chance(0.25) ? rng.int(5, 120) * 10000 : 0;
    const l: Line = {
      name,
      category: '人员支出',
      code,
      source: '一般公共预算拨款',
      initial,
      carry: 0,
      add,
      cut: 0,
      executed: 0,
    };
    l.executed = spend(rng, l.category, budgetOf(l), s.month, s.g);
    lines.push(l);
  }
  const pub = rng.sample(PUBLIC, s.public).sort((a, b) => a[0].localeCompare(b[0]));
  for (const [code, name] of pub) {
    const initial = rng.int(20, 1500) * 10000;
    const add = rng.chance(0.1) ? rng.int(5, 50) * 10000 : 0;
    const l: Line = {
      name,
      category: '公用支出',
      code,
      source: '一般公共预算拨款',
      initial,
      carry: 0,
      add,
      cut: 0,
      executed: 0,
    };
    l.executed = spend(rng, l.category, budgetOf(l), s.month, s.g);
    lines.push(l);
  }
  const used = s.usedProjects ?? new Set<string>();
  const names = projectNames(rng, s.projects, Math.min(s.tricky, s.projects), used);
  const projectCodes = ['30227', '30226', '31002', '31005', '30299', '30201', '39999', '31204'];
  for (const name of names) {
    let initial = rng.int(2, 500) * 1000000;
    let carry = 0;
    let add = 0;
    let cut = 0;
    const kind = rng.float();
    if (kind < 0.12) {
      add = initial;
      initial = 0;
    } else if (kind < 0.3) add = Math.round((initial * (0.1 + 0.4 * rng.float())) / 1000000) * 1000000;
    else if (kind < 0.4) cut = Math.round((initial * (0.1 + 0.4 * rng.float())) / 1000000) * 1000000;
    if (s.carry && rng.chance(0.35)) carry = rng.int(5, 80) * 1000000;
    if (s.odd && rng.chance(0.12)) {
      cut = initial + add + carry;
    }
    const l: Line = {
      name,
      category: '项目支出',
      code: s.projectCodes && rng.chance(0.7) ? rng.pick(projectCodes) : null,
      source: source(),
      initial,
      carry,
      add,
      cut,
      executed: 0,
    };
    l.executed = spend(rng, l.category, budgetOf(l), s.month, s.g);
    if (rng.chance(0.2)) l.remark = rng.pick(REMARKS);
    lines.push(l);
  }
  // One project kept on two lines (a second 资金来源): one item of two lines.
  const projects = lines.filter((l) => l.category === '项目支出' && budgetOf(l) > 0);
  for (const p of rng.sample(projects, s.duplicates ?? 0)) {
    const initial = rng.int(1, 30) * 1000000;
    const twin: Line = {
      name: p.name,
      category: '项目支出',
      code: p.code,
      source: p.source === '上级专项转移支付' ? '一般公共预算拨款' : '上级专项转移支付',
      initial: rng.chance(0.5) ? initial : 0,
      carry: 0,
      add: 0,
      cut: 0,
      executed: 0,
    };
    if (twin.initial === 0) twin.add = initial;
    twin.executed = spend(rng, '项目支出', budgetOf(twin), s.month, s.g);
    lines.splice(lines.indexOf(p) + 1 + rng.int(0, 1), 0, twin);
  }
  return lines;
}

// ───────────────────────────── Cells ─────────────────────────────

type Cell = string | number | Date | null;
type AmountStyle = 'number' | 'comma' | 'mixed';

interface Fmt {
  unit: Unit;
  decimals: number;
  style: AmountStyle;
  blankZero: boolean;
  rng: Rng;
}

function groupDigits(digits: string, sep: string): string {
  if (!sep) return digits;
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return out;
}

/** 分 as an exact decimal string in 元 (2 decimals) or 万元 (`decimals` places; must be exact). */
export function decimalString(fen: number, unit: Unit, decimals: number, sep = ''): string {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const scale = unit === '元' ? 100 : 1_000_000;
  const places = unit === '元' ? 2 : 6;
  const intPart = Math.floor(abs / scale);
  let frac = String(abs % scale).padStart(places, '0');
  if (unit === '万元') {
    if (/[^0]/.test(frac.slice(decimals))) throw new Error(`${fen}分 is not a whole ${decimals}-decimal 万元 amount`);
    frac = frac.slice(0, decimals);
  }
  return `${neg ? '-' : ''}${groupDigits(String(intPart), sep)}${frac ? `.${frac}` : ''}`;
}

function fullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace('.', '．');
}

function amountCell(fen: number, f: Fmt, blankable = false): Cell {
  if (fen === 0) {
    if (blankable && f.blankZero) return null;
    if (f.style === 'number') return 0;
    if (f.style === 'comma') return f.unit === '元' ? '0.00' : '0';
    return f.rng.pick(['-', '—', '0.00', ' - ']);
  }
  const plain = decimalString(fen, f.unit, f.decimals);
  if (f.style === 'number') return Number(plain);
  const comma = decimalString(Math.abs(fen), f.unit, f.decimals, ',');
  if (f.style === 'comma') return fen < 0 ? `-${comma}` : comma;
  if (fen < 0) return f.rng.pick([`(${comma})`, `-${comma}`]);
  switch (f.rng.int(0, 6)) {
    case 0:
      return comma;
    case 1:
      return ` ${decimalString(fen, f.unit, f.decimals, ' ')} `;
    case 2:
      return `￥${comma}`;
    case 3:
      return fullWidth(plain);
    case 4:
      return `${comma}\u00a0`;
    case 5:
      return `${plain}\t`;
    default:
      return plain;
  }
}

function rateCell(executed: number, budget: number, kind: 'number' | 'text'): Cell {
  if (budget <= 0) return kind === 'text' ? '-' : null;
  const r = executed / budget;
  return kind === 'number' ? Math.round(r * 10000) / 10000 : `${(r * 100).toFixed(2)}%`;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const pad2 = (n: number): string => String(n).padStart(2, '0');
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

// ───────────────────────────── Sheet writing ─────────────────────────────

type TextKey = 'seq' | 'code' | 'name' | 'cat' | 'source' | 'office' | 'remark';
type AmtKey =
  | 'lastBudget'
  | 'lastExec'
  | 'initial'
  | 'carry'
  | 'add'
  | 'cut'
  | 'adjSub'
  | 'adj'
  | 'budget'
  | 'monthSpend'
  | 'executed';
type ColKey = TextKey | AmtKey | 'rate';

interface Col {
  key: ColKey;
  path: string[];
  hidden?: boolean;
}

type Role = 'line' | 'section' | 'class' | 'small' | 'total' | 'breakdown';

interface OutRow {
  role: Role;
  text: Partial<Record<TextKey, Cell>>;
  amt: Partial<Record<AmtKey, number>>;
  hidden?: boolean;
}

const BLANKABLE: ReadonlySet<AmtKey> = new Set(['carry', 'add', 'cut', 'adjSub', 'adj']);

interface SheetLayout {
  title: string | null;
  /** Rows between the title and the header, e.g. the 单位 row (null cells are empty). */
  pre: Cell[][];
  cols: Col[];
  body: OutRow[];
  footer: string[];
  fmt: Fmt;
  rate: 'none' | 'number' | 'text';
}

/** Writes the sheet and returns the 1-based row of each body row. */
function writeLayout(ws: ExcelJS.Worksheet, lay: SheetLayout): number[] {
  let r = 1;
  const width = lay.cols.length;
  if (lay.title !== null) {
    ws.getCell(r, 1).value = lay.title;
    if (width > 1) ws.mergeCells(r, 1, r, width);
    r++;
  }
  for (const pre of lay.pre) {
    pre.forEach((v, c) => {
      if (v !== null) ws.getCell(r, c + 1).value = v;
    });
    r++;
  }
  r += writeHeader(ws, r, lay.cols);
  lay.cols.forEach((c, i) => {
    if (c.hidden) ws.getColumn(i + 1).hidden = true;
  });
  const numFmt = lay.fmt.unit === '元' ? '#,##0.00' : `0.${'0'.repeat(lay.fmt.decimals)}`;
  const rows: number[] = [];
  for (const row of lay.body) {
    rows.push(r);
    lay.cols.forEach((c, i) => {
      let v: Cell = null;
      if (c.key === 'rate') {
        const { budget, executed } = row.amt;
        if (lay.rate !== 'none' && row.role !== 'breakdown' && budget !== undefined && executed !== undefined)
          v = rateCell(executed, budget, lay.rate);
      } else if (c.key in row.text) v = row.text[c.key as TextKey] ?? null;
      else if (row.amt[c.key as AmtKey] !== undefined)
        v = amountCell(row.amt[c.key as AmtKey] as number, lay.fmt, BLANKABLE.has(c.key as AmtKey));
      if (v === null) return;
      const cell = ws.getCell(r, i + 1);
      cell.value = v;
      if (typeof v === 'number') cell.numFmt = c.key === 'rate' ? '0.00%' : numFmt;
    });
    if (row.hidden) ws.getRow(r).hidden = true;
    r++;
  }
  if (lay.footer.length > 0) r++;
  for (const f of lay.footer) ws.getCell(r++, 1).value = f;
  return rows;
}

/**
 * A header of one to three rows from each column's path of labels: a group label is merged over the
 * columns that share it, a column's own label is merged down to the last header row.
 */
function writeHeader(ws: ExcelJS.Worksheet, top: number, cols: Col[]): number {
  const depth = Math.max(...cols.map((c) => c.path.length));
  const samePrefix = (a: Col, b: Col, lvl: number): boolean =>
    a.path.length > lvl + 1 &&
    b.path.length > lvl + 1 &&
    a.path.slice(0, lvl + 1).join('/') === b.path.slice(0, lvl + 1).join('/');
  for (let lvl = 0; lvl < depth; lvl++) {
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c] as Col;
      if (col.path.length <= lvl) continue;
      const label = col.path[lvl] as string;
      if (lvl === col.path.length - 1) {
        ws.getCell(top + lvl, c + 1).value = label;
        if (lvl < depth - 1) ws.mergeCells(top + lvl, c + 1, top + depth - 1, c + 1);
        continue;
      }
      const prev = cols[c - 1];
      if (prev && samePrefix(prev, col, lvl)) continue;
      let end = c;
      while (end + 1 < cols.length && samePrefix(col, cols[end + 1] as Col, lvl)) end++;
      ws.getCell(top + lvl, c + 1).value = label;
      if (end > c) ws.mergeCells(top + lvl, c + 1, top + lvl, end + 1);
    }
  }
  return depth;
}

function writePlain(ws: ExcelJS.Worksheet, rows: Cell[][], startRow = 1, numFmt = '#,##0.00'): void {
  rows.forEach((row, i) => {
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(startRow + i, c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      else if (typeof v === 'number') cell.numFmt = numFmt;
    });
  });
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'corpus';
  wb.created = new Date(Date.UTC(2024, 8, 5));
  wb.modified = new Date(Date.UTC(2024, 8, 5));
  return wb;
}

// ───────────────────────────── The standard 台账 ─────────────────────────────

type MonthSpelling = 'dash' | 'dashLeiji' | 'tilde' | 'emdash' | 'chinese' | 'jiezhi' | 'title';

interface TzOpts {
  unit: Unit;
  decimals: number;
  headerRows: 1 | 2 | 3;
  adj: 'single' | 'split' | 'carry' | 'none';
  cutNegative: boolean;
  sections: 'subtotal' | 'plain' | 'none' | 'small';
  sectionSeq: boolean;
  /** Section rows without 一、/（一） (just 基本支出, 人员支出…). */
  unnumbered: boolean;
  total: 'bottom' | 'top' | 'none';
  totalInFirstCol: boolean;
  seq: boolean;
  numbered: boolean;
  econ: 'none' | 'column' | 'combined';
  cat: 'none' | 'three' | 'jingfei' | 'basic';
  source: boolean;
  lastYear: boolean;
  hiddenLines: number;
  breakdowns: number;
  rate: 'none' | 'number' | 'text';
  remark: boolean;
  office: boolean;
  amounts: AmountStyle;
  blankZero: boolean;
  month: MonthSpelling;
  fillDate: boolean;
  footer: boolean;
  scope: 'all' | 'basic' | 'project';
  duplicates: number;
  tricky: number;
  projectCodes: boolean;
  odd: boolean;
  carryLines: boolean;
  size: 'small' | 'medium' | 'large';
}

function defaultOpts(rng: Rng): TzOpts {
  return {
    unit: '元',
    decimals: 2,
    headerRows: rng.pick([1, 2] as const),
    adj: 'single',
    cutNegative: rng.chance(0.5),
    sections: rng.pick(['subtotal', 'plain', 'small'] as const),
    sectionSeq: rng.chance(0.25),
    unnumbered: false,
    total: rng.pick(['bottom', 'bottom', 'top', 'none'] as const),
    totalInFirstCol: false,
    seq: rng.chance(0.7),
    numbered: false,
    econ: rng.pick(['none', 'column', 'column'] as const),
    cat: 'none',
    source: rng.chance(0.5),
    lastYear: false,
    hiddenLines: 0,
    breakdowns: 0,
    rate: rng.pick(['none', 'number', 'number', 'text'] as const),
    remark: rng.chance(0.4),
    office: false,
    amounts: 'number',
    blankZero: false,
    month: rng.pick(['dash', 'dashLeiji'] as const),
    fillDate: false,
    footer: rng.chance(0.5),
    scope: 'all',
    duplicates: 0,
    tricky: rng.int(0, 2),
    projectCodes: false,
    odd: false,
    carryLines: false,
    size: rng.pick(['small', 'medium', 'large'] as const),
  };
}

/** Makes the options coherent: every ledger gives its lines' categories a structural cue. */
function normalizeOpts(o: TzOpts): TzOpts {
  const n = { ...o };
  if (n.headerRows === 3) n.adj = 'split';
  if (n.adj === 'split' && n.headerRows === 1) n.headerRows = 2;
  if (n.adj === 'carry') n.carryLines = true;
  if (n.econ === 'combined') {
    if (n.scope === 'project') n.econ = 'none';
    else if (n.scope === 'all' && (n.sections === 'none' || n.sections === 'small')) n.sections = 'subtotal';
  }
  if (n.sections === 'none' && n.scope !== 'project' && n.econ !== 'combined' && n.cat === 'none') n.cat = 'three';
  if (n.cat === 'basic' && n.econ !== 'column') n.econ = 'column';
  if (n.numbered) n.seq = false;
  if (n.unnumbered) n.sectionSeq = false;
  if (!n.seq) {
    n.sectionSeq = false;
    n.totalInFirstCol = false;
  }
  if (n.duplicates > 0) n.source = true;
  if (n.unit === '元') n.decimals = 2;
  return n;
}

function monthLabel(m: MonthSpelling, month: number, rng: Rng): string {
  switch (m) {
    case 'dash':
      return rng.pick([`1-${month}月执行数`, `1-${month}月`, `1-${month}月支出`]);
    case 'dashLeiji':
      return rng.pick([`1-${month}月累计`, `1-${month}月累计执行`, `1-${month}月累计支出数`]);
    case 'tilde':
      return rng.pick([`1~${month}月支出`, `1~${month}月执行数`]);
    case 'emdash':
      return rng.pick([`1—${month}月执行数`, `1—${month}月累计支出`]);
    case 'chinese':
      return rng.pick([`一至${CN_DIGITS[month]}月支出数`, `一至${CN_DIGITS[month]}月执行数`]);
    case 'jiezhi':
      return rng.pick([`截至${month}月底累计支出`, `截至${month}月底执行数`]);
    case 'title':
      return rng.pick(['累计支出数', '累计支出', '累计执行数']);
  }
}

function sumAmt(rows: OutRow[]): Partial<Record<AmtKey, number>> {
  const out: Partial<Record<AmtKey, number>> = {};
  for (const r of rows) for (const [k, v] of Object.entries(r.amt) as [AmtKey, number][]) out[k] = (out[k] ?? 0) + v;
  return out;
}

function lineAmounts(l: Line, o: TzOpts, rng: Rng, g: number): Partial<Record<AmtKey, number>> {
  const a: Partial<Record<AmtKey, number>> = { budget: budgetOf(l), executed: l.executed };
  if (o.lastYear) {
    a.lastBudget = roundTo(Math.round(budgetOf(l) * (0.85 + 0.3 * rng.float())), Math.max(g, 10000));
    a.lastExec = roundTo(Math.round(l.executed * (0.8 + 0.4 * rng.float())), g);
  }
  switch (o.adj) {
    case 'single':
      a.initial = l.initial;
      a.adj = adjustmentOf(l);
      break;
    case 'split':
      a.initial = l.initial;
      a.add = l.add + l.carry;
      a.cut = o.cutNegative ? -l.cut : l.cut;
      a.adjSub = adjustmentOf(l);
      break;
    case 'carry':
      a.initial = l.initial;
      a.carry = l.carry;
      a.adj = l.add - l.cut;
      break;
    case 'none':
      break;
  }
  return a;
}

const CLASS_NAMES: Record<string, string> = {
  '301': '工资福利支出',
  '302': '商品和服务支出',
  '303': '对个人和家庭的补助',
};

interface BuiltLedger {
  layout: SheetLayout;
  lines: Line[];
  /** Index into layout.body of the 合计 row and of the 小计 rows, for refusals. */
  totalIndex: number | null;
  smallIndexes: number[];
  hasInitial: boolean;
}

function catLabel(o: TzOpts, c: Category): string {
  if (o.cat === 'three') return c;
  if (o.cat === 'jingfei') return { 人员支出: '人员经费', 公用支出: '公用经费', 项目支出: '项目经费' }[c];
  return c === '项目支出' ? '项目支出' : '基本支出';
}

function buildTaizhang(
  rng: Rng,
  o: TzOpts,
  meta: { org: string; year: number; month: number },
  usedProjects?: Set<string>,
  labels?: Rng,
): BuiltLedger {
  // Labels (headers, titles, section words) come from their own stream, so sheets built with the same
  // \`labels\` seed share one shape while their lines differ.
  const lr = labels ?? rng;
  const g = granularity(o.unit, o.decimals);
  const sizes = { small: [2, 3, 2], medium: [4, 5, 4], large: [8, 10, 8] }[o.size];
  const jitter = (n: number): number => Math.max(1, n + rng.int(-1, 2));
  const [np, ng, nx] = sizes.map(jitter) as [number, number, number];
  const lines = makeLines(rng, {
    personnel: o.scope === 'project' ? 0 : np,
    public: o.scope === 'project' ? 0 : ng,
    projects: o.scope === 'basic' ? 0 : nx + (o.scope === 'project' ? 3 : 0),
    month: meta.month,
    g,
    tricky: o.tricky,
    carry: o.carryLines,
    odd: o.odd,
    projectCodes: o.projectCodes,
    duplicates: o.duplicates,
    usedProjects,
  });
  if (o.odd) {
    // A 冲回 line: negative spending, no budget (a correction posted as its own line).
    const pub = lines.filter((l) => l.category === '公用支出');
    const used = new Set(lines.map((l) => l.name));
    const spare = PUBLIC.find(([, n]) => !used.has(`${n}（冲回）`) && !used.has(n));
    if (pub.length > 0 && spare) {
      const neg: Line = {
        name: `${spare[1]}（冲回）`,
        category: '公用支出',
        code: spare[0],
        source: '一般公共预算拨款',
        initial: 0,
        carry: 0,
        add: 0,
        cut: 0,
        executed: -roundTo(rng.int(500, 5000) * 100, g),
      };
      lines.splice(lines.indexOf(pub[pub.length - 1] as Line) + 1, 0, neg);
    }
  }
  // 其中 rows under some lines with a budget.
  for (const l of rng.sample(
    lines.filter((x) => budgetOf(x) >= 20000 && x.executed > 0),
    o.breakdowns,
  )) {
    const part = roundTo(Math.round(budgetOf(l) * (0.3 + 0.4 * rng.float())), Math.max(g, 100));
    l.breakdown = {
      name: rng.pick(BREAKDOWNS),
      budget: part,
      executed: roundTo(Math.round(Math.min(l.executed, part) * (0.3 + 0.6 * rng.float())), g),
    };
  }
  // Hidden rows holding real lines.
  for (const l of rng.sample(lines.slice(1), o.hiddenLines)) l.hidden = true;

  const body: OutRow[] = [];
  let seq = 0;
  const lineRow = (l: Line): OutRow[] => {
    seq++;
    const text: Partial<Record<TextKey, Cell>> = {};
    if (o.seq) text.seq = rng.chance(0.8) ? seq : String(seq);
    let name = l.name;
    if (o.econ === 'combined' && l.category !== '项目支出' && l.code)
      name = `${rng.pick(['', '  ', '    '])}${l.code} ${l.name}`;
    if (o.numbered) name = `${seq}${rng.pick(['.', '、', '．'])}${name}`;
    text.name = name;
    if (o.econ === 'column') text.code = l.category === '项目支出' && !o.projectCodes ? null : l.code;
    if (o.cat !== 'none') text.cat = catLabel(o, l.category);
    if (o.source) text.source = l.source;
    if (o.office) text.office = rng.pick(['综合股', '计财股', '业务股', '办公室']);
    if (o.remark && l.remark) text.remark = l.remark;
    const out: OutRow[] = [{ role: 'line', text, amt: lineAmounts(l, o, rng, g), hidden: l.hidden }];
    if (l.breakdown) {
      const b: Partial<Record<AmtKey, number>> = { budget: l.breakdown.budget, executed: l.breakdown.executed };
      out.push({ role: 'breakdown', text: { name: `其中：${l.breakdown.name}` }, amt: b });
    }
    return out;
  };
  const linesOf = (rows: OutRow[]): OutRow[] => rows.filter((r) => r.role === 'line');
  const section = (label: string, seqLabel: string, rows: OutRow[]): OutRow => {
    const text: Partial<Record<TextKey, Cell>> = {};
    if (o.unnumbered) text.name = label.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/, '');
    else if (o.sectionSeq) {
      text.seq = seqLabel;
      text.name = label.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/, '');
    } else text.name = label;
    return { role: 'section', text, amt: o.sections === 'subtotal' ? sumAmt(linesOf(rows)) : {} };
  };
  const smallIndexes: number[] = [];
  const small = (label: string, rows: OutRow[]): OutRow[] => {
    if (o.sections !== 'small') return [];
    smallIndexes.push(-1);
    return [{ role: 'small', text: { name: label }, amt: sumAmt(linesOf(rows)) }];
  };

  const P = lines.filter((l) => l.category === '人员支出');
  const G = lines.filter((l) => l.category === '公用支出');
  const X = lines.filter((l) => l.category === '项目支出');
  const pRows = (): OutRow[] => P.flatMap(lineRow);
  const gRows = (): OutRow[] => G.flatMap(lineRow);
  const xRows = (): OutRow[] => X.flatMap(lineRow);
  const personnelLabel = lr.pick(['人员支出', '人员经费']);
  const publicLabel = lr.pick(['公用支出', '公用经费']);
  const smallLabel = (what: string): string => (lr.chance(0.5) ? '小计' : `${what}小计`);

  const content: OutRow[] = [];
  if (o.econ === 'combined') {
    const basicRows: OutRow[] = [];
    const byClass = new Map<string, Line[]>();
    for (const l of [...P, ...G]) {
      const k = (l.code ?? '').slice(0, 3);
      byClass.set(k, [...(byClass.get(k) ?? []), l]);
    }
    for (const k of ['301', '302', '303']) {
      const ls = byClass.get(k);
      if (!ls) continue;
      const rows = ls.flatMap(lineRow);
      basicRows.push({ role: 'class', text: { name: `${k} ${CLASS_NAMES[k]}` }, amt: sumAmt(linesOf(rows)) }, ...rows);
    }
    if (o.scope === 'basic') content.push(...basicRows);
    else {
      const xr = xRows();
      content.push(section('一、基本支出', '一', basicRows), ...basicRows, section('二、项目支出', '二', xr), ...xr);
    }
  } else if (o.sections === 'none') {
    content.push(...pRows(), ...gRows(), ...xRows());
  } else if (o.scope === 'basic') {
    const pr = pRows();
    const gr = gRows();
    content.push(section(`一、${personnelLabel}`, '一', pr), ...pr, ...small(smallLabel(personnelLabel), pr));
    content.push(section(`二、${publicLabel}`, '二', gr), ...gr, ...small(smallLabel(publicLabel), gr));
  } else if (o.scope === 'project') {
    content.push(...xRows());
  } else {
    const pr = pRows();
    const gr = gRows();
    const xr = xRows();
    content.push(section('一、基本支出', '一', [...pr, ...gr]));
    content.push(section(`（一）${personnelLabel}`, '（一）', pr), ...pr, ...small(smallLabel(personnelLabel), pr));
    content.push(section(`（二）${publicLabel}`, '（二）', gr), ...gr, ...small(smallLabel(publicLabel), gr));
    content.push(section('二、项目支出', '二', xr), ...xr, ...small(smallLabel('项目支出'), xr));
  }
  const totalLabel = lr.pick(['合计', '合计', '总计', '合  计']);
  const totalRow: OutRow = {
    role: 'total',
    text: o.totalInFirstCol ? { seq: totalLabel } : { name: totalLabel },
    amt: sumAmt(linesOf(content)),
  };
  if (o.total === 'top') body.push(totalRow);
  body.push(...content);
  if (o.total === 'bottom') body.push(totalRow);
  const totalIndex = o.total === 'none' ? null : body.indexOf(totalRow);
  const smalls = body.flatMap((r, i) => (r.role === 'small' ? [i] : []));
  smallIndexes.splice(0, smallIndexes.length, ...smalls);

  // Columns.
  const cols: Col[] = [];
  const two = o.headerRows >= 2;
  if (o.seq) cols.push({ key: 'seq', path: ['序号'] });
  const kemuGroup = two && o.econ === 'column' && lr.chance(0.5);
  if (o.econ === 'column')
    cols.push({
      key: 'code',
      path: kemuGroup ? ['科目', '编码'] : [lr.pick(['经济科目', '经济分类科目', '科目编码'])],
    });
  if (o.cat !== 'none') cols.push({ key: 'cat', path: [lr.pick(['支出类别', '支出类型', '类别'])] });
  const nameLabel =
    o.econ === 'combined' && o.scope === 'basic'
      ? lr.pick(['经济分类科目', '科目'])
      : kemuGroup
        ? '名称'
        : lr.pick(['项目名称', '项目', '预算项目', '项目（科目）名称']);
  cols.push({ key: 'name', path: kemuGroup ? ['科目', nameLabel] : [nameLabel] });
  if (o.cat !== 'none' && lr.chance(0.5)) {
    // The category column after the name, as often as before it.
    const c = cols.find((x) => x.key === 'cat') as Col;
    cols.splice(cols.indexOf(c), 1);
    cols.push(c);
  }
  if (o.source) cols.push({ key: 'source', path: [lr.pick(['资金来源', '资金性质'])] });
  if (o.office) cols.push({ key: 'office', path: ['责任股室'] });
  if (o.lastYear) {
    cols.push({ key: 'lastBudget', path: ['上年预算数'], hidden: true });
    cols.push({ key: 'lastExec', path: ['上年同期执行数'], hidden: true });
  }
  const G1 = two && o.adj !== 'none' ? [lr.pick(['预算指标', '预算数', '预算安排'])] : [];
  const budgetLabel = lr.pick(
    o.adj === 'carry'
      ? ['全年可用预算', '全年预算', '调整后预算']
      : o.adj === 'none'
        ? ['全年预算', '预算数', '全年预算数']
        : ['全年预算', '调整后预算', '全年预算数', '调整后预算数'],
  );
  if (o.adj !== 'none')
    cols.push({ key: 'initial', path: [...G1, lr.pick(['年初预算', '年初预算数', '年初批复预算'])] });
  if (o.adj === 'single')
    cols.push({
      key: 'adj',
      path: [...G1, lr.pick(['年中调整', '调整', '调增（调减）', '追加（调减）', '年中追加（调减）'])],
    });
  if (o.adj === 'carry') {
    cols.push({ key: 'carry', path: [...G1, '上年结转'] });
    cols.push({ key: 'adj', path: [...G1, lr.pick(['年中追加（调减）', '年中调整'])] });
  }
  if (o.adj === 'split') {
    const A = [...(o.headerRows === 3 ? G1 : []), '年中调整'];
    cols.push({ key: 'add', path: [...A, lr.pick(['追加', '调增'])] });
    cols.push({ key: 'cut', path: [...A, '调减'] });
    cols.push({ key: 'adjSub', path: [...A, '小计'] });
    if (o.headerRows === 2) {
      // Two rows: the budget columns stand alone (merged down), the adjustment is the group.
      const ini = cols.find((c) => c.key === 'initial') as Col;
      ini.path = ini.path.slice(-1);
    }
  }
  cols.push({ key: 'budget', path: [...(o.adj === 'split' && o.headerRows === 2 ? [] : G1), budgetLabel] });
  const E = two ? [lr.pick(['支出执行', '执行数', '执行情况'])] : [];
  const execLabel = monthLabel(o.month, meta.month, lr);
  cols.push({ key: 'executed', path: [...E, execLabel] });
  if (o.rate !== 'none') cols.push({ key: 'rate', path: [...E, lr.pick(['执行率', '预算执行率'])] });
  if (o.remark) cols.push({ key: 'remark', path: [lr.pick(['备注', '进度说明'])] });

  // Title and 单位 row.
  const unitText = o.unit === '元' ? lr.pick(['单位：元', '金额单位：元']) : lr.pick(['单位：万元', '金额单位：万元']);
  const title =
    o.month === 'title'
      ? `${meta.org}预算执行情况表（${meta.year}.${pad2(meta.month)}）`
      : o.scope === 'project'
        ? `${meta.org}${meta.year}年项目支出执行情况表`
        : `${meta.org}${meta.year}年${lr.pick(['预算执行台账', '部门预算执行台账', '预算执行情况表'])}`;
  const w = cols.length;
  const pre: Cell[][] = [];
  const unitRow: Cell[] = new Array<Cell>(w).fill(null);
  if (o.fillDate) {
    const fm = Math.min(12, meta.month + 1);
    unitRow[0] = `填报日期：${meta.year}年${fm}月${rng.int(1, 10)}日`;
  } else if (o.month === 'title' && lr.chance(0.6)) unitRow[0] = `截止时间：${meta.year}.${pad2(meta.month)}`;
  if (unitRow[0] === null && lr.chance(0.3)) unitRow[0] = unitText;
  else unitRow[w - 1] = unitText;
  pre.push(unitRow);

  const footer = o.footer
    ? [
        lr.pick([
          '制表人：王丽    审核人：陈国强    单位负责人：刘建华',
          '填表人：李娜        审核：张伟',
          '单位负责人：赵军    财务负责人：孙梅    制表：周洁',
        ]),
      ]
    : [];
  const fmt: Fmt = { unit: o.unit, decimals: o.decimals, style: o.amounts, blankZero: o.blankZero, rng };
  return {
    layout: { title, pre, cols, body, footer, fmt, rate: o.rate },
    lines,
    totalIndex,
    smallIndexes,
    hasInitial: o.adj !== 'none',
  };
}

function describeTz(o: TzOpts): string {
  const parts: string[] = [];
  parts.push(o.unit === '元' ? '元' : `万元(${o.decimals}位小数)`);
  parts.push(`${o.headerRows}行表头`);
  parts.push(
    { single: '年中调整', split: '追加|调减|小计', carry: '上年结转列', none: '仅全年预算' }[o.adj] +
      (o.adj === 'split' ? (o.cutNegative ? '(调减为负)' : '(调减为正)') : ''),
  );
  parts.push({ subtotal: '分节带小计', plain: '分节无金额', none: '无分节', small: '分节+小计行' }[o.sections]);
  if (o.unnumbered && o.sections !== 'none') parts.push('分节无编号');
  parts.push({ bottom: '合计在底部', top: '合计在顶部', none: '无合计' }[o.total]);
  if (o.econ === 'column') parts.push('经济科目列');
  if (o.econ === 'combined') parts.push('编码名称同格+类行');
  if (o.cat !== 'none') parts.push(`类别列(${o.cat})`);
  if (o.scope !== 'all') parts.push(o.scope === 'basic' ? '仅基本支出' : '仅项目支出');
  if (o.seq) parts.push('序号列');
  if (o.numbered) parts.push('名称带序号');
  if (o.source) parts.push('资金来源列');
  if (o.lastYear) parts.push('隐藏上年列');
  if (o.hiddenLines) parts.push(`隐藏行${o.hiddenLines}`);
  if (o.breakdowns) parts.push(`其中行${o.breakdowns}`);
  if (o.rate !== 'none') parts.push(`执行率列(${o.rate})`);
  if (o.amounts !== 'number') parts.push(o.amounts === 'comma' ? '文本金额(千分位)' : '文本金额(混合)');
  if (o.blankZero) parts.push('零为空');
  parts.push(`月份:${o.month}`);
  if (o.fillDate) parts.push('填报日期干扰');
  if (o.duplicates) parts.push('同名项目多行');
  if (o.tricky) parts.push(`类别样名称${o.tricky}`);
  if (o.projectCodes) parts.push('项目带经济科目');
  if (o.odd) parts.push('调减到0/冲回/超支');
  return parts.join(' ');
}

// ───────────────────────────── Shapes ─────────────────────────────

function orgName(rng: Rng): string {
  return rng.pick(COUNTIES) + rng.pick(BUREAUS);
}

function planTaizhang(
  id: string,
  over: Partial<TzOpts>,
  metaOver: { year?: number; month?: number } = {},
): PlannedCase {
  const rng = new Rng(seedOf(id));
  const o = normalizeOpts({ ...defaultOpts(rng), ...over });
  const meta = { org: orgName(rng), year: metaOver.year ?? 2024, month: metaOver.month ?? rng.int(4, 11) };
  const built = buildTaizhang(rng, o, meta);
  const wb = newWorkbook();
  writeLayout(
    wb.addWorksheet(rng.pick(['预算执行台账', '执行台账', 'Sheet1', '台账', `${meta.year}年执行台账`])),
    built.layout,
  );
  return {
    id,
    shape: '台账',
    description: describeTz(o),
    args: {},
    expect: expectFrom(built.lines, {
      organization: meta.org,
      year: meta.year,
      month: meta.month,
      hasInitial: built.hasInitial,
    }),
    workbook: wb,
  };
}

function planRefusal(
  id: string,
  over: Partial<TzOpts>,
  corrupt: { target: 'total' | 'small'; key: AmtKey; delta: number | 'line'; why: string },
): PlannedCase {
  const rng = new Rng(seedOf(id));
  const o = normalizeOpts({ ...defaultOpts(rng), hiddenLines: 0, ...over });
  const meta = { org: orgName(rng), year: 2024, month: rng.int(5, 10) };
  const built = buildTaizhang(rng, o, meta);
  const idx =
    corrupt.target === 'total'
      ? built.totalIndex
      : (built.smallIndexes[rng.int(0, built.smallIndexes.length - 1)] ?? null);
  if (idx === null) throw new Error(`${id}: nothing to corrupt`);
  const row = built.layout.body[idx] as OutRow;
  let delta: number;
  if (corrupt.delta === 'line') {
    // The 合计 over the wrong amount: one line counted twice.
    const lines = built.layout.body.filter((r) => r.role === 'line' && (r.amt[corrupt.key] ?? 0) !== 0);
    delta = (rng.pick(lines).amt[corrupt.key] as number) || 1;
  } else delta = corrupt.delta;
  row.amt = { ...row.amt, [corrupt.key]: (row.amt[corrupt.key] ?? 0) + delta };
  const wb = newWorkbook();
  const sheet = rng.pick(['预算执行台账', '执行台账', '台账']);
  const rows = writeLayout(wb.addWorksheet(sheet), built.layout);
  return {
    id,
    shape: '拒绝',
    description: `${corrupt.why}；${describeTz(o)}`,
    args: {},
    expect: { kind: 'refusal', sheet, row: rows[idx] as number, why: corrupt.why },
    workbook: wb,
  };
}

/** The 预算管理一体化系统 指标账 export: one row per 指标, text amounts, 截止日期 above the header. */
function planYitihua(
  id: string,
  v: {
    numbers?: boolean;
    noCutoff?: boolean;
    minimal?: boolean;
    projectCode?: boolean;
    refuse?: boolean;
    plainYunzhuan?: boolean;
  },
): PlannedCase {
  const rng = new Rng(seedOf(id));
  const org = orgName(rng);
  const unitCode = `[${rng.int(100, 999)}${pad2(rng.int(1, 99))}${rng.int(1, 9)}]`;
  const year = 2024;
  const month = rng.int(4, 11);
  interface Row {
    doc: string;
    from: '年初预算' | '年中追加' | '上年结转' | '上级转移支付';
    nature: string;
    func: string;
    econ: string;
    kind: string;
    project: string;
    amount: number;
    paid: number;
  }
  const rows: Row[] = [];
  const lines: Line[] = [];
  const tp = month / 12;
  const docOf = (from: Row['from']): string =>
    from === '年初预算'
      ? `${org.slice(0, 2)}财预〔${year}〕1号`
      : from === '上年结转'
        ? `${org.slice(0, 2)}财预〔${year - 1}〕${rng.int(50, 120)}号`
        : `${org.slice(0, 2)}财${rng.pick(['农', '社', '建', '教'])}〔${year}〕${rng.int(10, 90)}号`;
  const push = (r: Omit<Row, 'doc'>, category: Category): void => {
    rows.push({ ...r, doc: docOf(r.from) });
    lines.push({
      name: r.project,
      category,
      code: null,
      source: r.nature,
      initial: r.from === '年初预算' ? r.amount : 0,
      carry: r.from === '上年结转' ? r.amount : 0,
      add: r.from === '年初预算' || r.from === '上年结转' ? 0 : r.amount,
      cut: 0,
      executed: r.paid,
    });
  };
  const func = rng.pick(['2010101 行政运行', '2130101 行政运行', '2080101 行政运行', '2110101 行政运行']);
  const personnelProject = rng.pick([`${org}人员类项目`, `${org}工资福利项目`, '人员类项目']);
  for (const [code, name] of rng.sample(PERSONNEL, rng.int(3, 7)).sort((a, b) => a[0].localeCompare(b[0]))) {
    const amount = rng.int(300, 15000) * 10000;
    const paid = Math.round(amount * tp * (0.95 + 0.12 * rng.float()) + rng.int(0, 99));
    push(
      {
        from: '年初预算',
        nature: '一般公共预算资金',
        func,
        econ: `${code} ${name}`,
        kind: '人员类',
        project: personnelProject,
        amount,
        paid,
      },
      '人员支出',
    );
  }
  if (rng.chance(0.4)) {
    const amount = rng.int(5, 60) * 10000;
    push(
      {
        from: '年中追加',
        nature: '一般公共预算资金',
        func,
        econ: '30113 住房公积金',
        kind: '人员类',
        project: personnelProject,
        amount,
        paid: Math.round(amount * 0.5),
      },
      '人员支出',
    );
  }
  const publicProject = rng.pick([`${org}公用经费`, `${org}日常公用经费`, '公用经费']);
  const publicKind = v.plainYunzhuan ? '运转类' : rng.pick(['运转类（公用经费）', '运转类-公用经费', '公用经费']);
  for (const [code, name] of rng.sample(PUBLIC, rng.int(2, 6)).sort((a, b) => a[0].localeCompare(b[0]))) {
    const amount = rng.int(20, 1500) * 10000;
    const paid = Math.round(amount * tp * (0.4 + 0.7 * rng.float()) + rng.int(0, 99));
    push(
      {
        from: '年初预算',
        nature: '一般公共预算资金',
        func,
        econ: `${code} ${name}`,
        kind: publicKind,
        project: publicProject,
        amount,
        paid,
      },
      '公用支出',
    );
  }
  const otherKind = v.plainYunzhuan ? '其他运转类' : rng.pick(['运转类（其他运转类）', '其他运转类']);
  const used = new Set<string>();
  const projects = projectNames(rng, rng.int(3, 7), rng.int(0, 2), used);
  if (rng.chance(0.5)) projects.unshift(rng.pick(['住房公积金管理中心运行经费', '机关运行保障经费']));
  const econs = [
    '31005 基础设施建设',
    '30227 委托业务费',
    '30226 劳务费',
    '31204 费用补贴',
    '30299 其他商品和服务支出',
    '31002 办公设备购置',
  ];
  for (const [i, project] of projects.entries()) {
    const kind = i === 0 && /运行/.test(project) ? otherKind : '特定目标类';
    const econ = rng.pick(econs);
    const nature = rng.chance(0.8) ? '一般公共预算资金' : '政府性基金预算资金';
    const froms: Row['from'][] = ['年初预算'];
    if (rng.chance(0.35)) froms.push('年中追加');
    if (rng.chance(0.25)) froms.push('上年结转');
    if (rng.chance(0.25)) froms.push('上级转移支付');
    if (rng.chance(0.15)) froms.shift();
    if (froms.length === 0) froms.push('年中追加');
    const zeroPaid = rng.chance(0.2);
    for (const from of froms) {
      const amount = rng.int(2, 300) * 1000000;
      const paid = zeroPaid
        ? 0
        : from === '上年结转' && rng.chance(0.5)
          ? amount
          : Math.round(amount * rng.float() * 0.9);
      push(
        {
          from,
          nature,
          func: rng.pick(['2130153 农田建设', '2120803 城市建设', '2080208 基层政权建设', '2010399 其他']),
          econ,
          kind,
          project,
          amount,
          paid,
        },
        '项目支出',
      );
    }
  }
  const fmtAmt = (fen: number): Cell => (v.numbers ? fen / 100 : decimalString(fen, '元', 2, ','));
  const header: string[] = ['序号'];
  if (!v.minimal) header.push('预算单位');
  header.push('指标文号', '指标来源', '资金性质');
  if (!v.minimal) header.push('功能分类科目');
  header.push('经济分类科目', '项目类别');
  if (v.projectCode) header.push('项目代码');
  header.push('项目名称', '指标金额', '已支付金额', '可用余额');
  if (!v.minimal) header.push('支付进度');
  const grid: Cell[][] = [];
  grid.push([rng.pick(['指标执行情况查询', '预算指标执行情况表', '指标账'])]);
  const cutoff = `${year}-${pad2(month)}-${lastDay(year, month)}`;
  grid.push([
    v.noCutoff
      ? `预算单位：${unitCode}${org}    单位：元`
      : `预算单位：${unitCode}${org}    截止日期：${cutoff}    单位：元`,
  ]);
  grid.push(header);
  const codes = new Map<string, string>();
  rows.forEach((r, i) => {
    if (!codes.has(r.project))
      codes.set(
        r.project,
        `51${rng.int(1000, 9999)}24${rng.pick(['R', 'T', 'Y'])}${String(rng.int(1, 999999)).padStart(9, '0')}`,
      );
    const cells: Cell[] = [String(i + 1)];
    if (!v.minimal) cells.push(`${unitCode}${org}`);
    cells.push(r.doc, r.from, r.nature);
    if (!v.minimal) cells.push(r.func);
    cells.push(r.econ, r.kind);
    if (v.projectCode) cells.push(codes.get(r.project) as string);
    cells.push(r.project, fmtAmt(r.amount), fmtAmt(r.paid), fmtAmt(r.amount - r.paid));
    if (!v.minimal) cells.push(`${r.amount === 0 ? '0.00' : ((r.paid / r.amount) * 100).toFixed(2)}%`);
    grid.push(cells);
  });
  const amountCol = header.indexOf('指标金额');
  const total: Cell[] = new Array<Cell>(header.length).fill(null);
  total[0] = '合计';
  const sumAmount = rows.reduce((s, r) => s + r.amount, 0);
  const sumPaid = rows.reduce((s, r) => s + r.paid, 0) + (v.refuse ? 1 : 0);
  total[amountCol] = fmtAmt(sumAmount);
  total[amountCol + 1] = fmtAmt(sumPaid);
  total[amountCol + 2] = fmtAmt(sumAmount - sumPaid);
  grid.push(total);
  const wb = newWorkbook();
  const sheet = rng.pick(['指标执行情况', 'Sheet1', '指标账']);
  writePlain(wb.addWorksheet(sheet), grid);
  const desc = [
    '一体化指标账导出',
    v.numbers ? '数值金额' : '文本金额',
    v.noCutoff ? '无截止日期(给出--month --year)' : `截止日期${cutoff}`,
    v.minimal ? '精简列' : '全列',
    v.projectCode ? '项目代码列' : '',
    v.plainYunzhuan ? '运转类/其他运转类' : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (v.refuse)
    return {
      id,
      shape: '拒绝',
      description: `合计行已支付金额与明细差0.01元；${desc}`,
      args: {},
      expect: { kind: 'refusal', sheet, row: grid.length, why: '合计行已支付金额与明细差0.01元' },
      workbook: wb,
    };
  return {
    id,
    shape: '一体化指标账',
    description: desc,
    // Without the 截止日期 line nothing in the export states the year or month: the clerk gives both.
    args: v.noCutoff ? { month, year } : {},
    expect: expectFrom(lines, { organization: org, year, month, hasInitial: true }),
    workbook: wb,
  };
}

/** 用友 科目余额表 with parent accounts and a hand-added 全年预算 column on the leaf rows. */
function planYongyou(
  id: string,
  v: { names: 'path' | 'leaf'; period: 'dots' | 'chinese'; tricky?: boolean },
): PlannedCase {
  const rng = new Rng(seedOf(id));
  const org = orgName(rng);
  const year = 2024;
  const month = rng.int(4, 11);
  const lines = makeLines(rng, {
    personnel: rng.int(3, 6),
    public: rng.int(3, 6),
    projects: rng.int(2, 5),
    month,
    g: 1,
    tricky: v.tricky ? 2 : 0,
  });
  // No 年初/调整 columns here: the budget is 全年预算 only.
  for (const l of lines) {
    l.initial = budgetOf(l);
    l.carry = 0;
    l.add = 0;
    l.cut = 0;
  }
  interface Acct {
    code: string;
    name: string;
    leaf?: Line;
    children: Acct[];
  }
  const top: Acct = { code: '7101', name: '行政支出', children: [] };
  const basic: Acct = { code: '710101', name: '基本支出', children: [] };
  const proj: Acct = { code: '710102', name: '项目支出', children: [] };
  top.children.push(basic, proj);
  const groups: [string, string, (l: Line) => boolean][] = [
    ['01', '工资福利支出', (l) => (l.code ?? '').startsWith('301')],
    ['02', '商品和服务支出', (l) => (l.code ?? '').startsWith('302')],
    ['03', '对个人和家庭的补助', (l) => (l.code ?? '').startsWith('303')],
  ];
  for (const [suffix, gname, pred] of groups) {
    const ls = lines.filter((l) => l.category !== '项目支出' && pred(l));
    if (ls.length === 0) continue;
    const gacct: Acct = {
      code: `710101${suffix}`,
      name: v.names === 'path' ? `基本支出-${gname}` : gname,
      children: [],
    };
    ls.forEach((l, i) => {
      const leafName = v.names === 'path' ? `基本支出-${gname}-${l.name}` : l.name;
      gacct.children.push({ code: `${gacct.code}${pad2(i + 1)}`, name: leafName, leaf: l, children: [] });
      l.name = leafName;
    });
    basic.children.push(gacct);
  }
  lines
    .filter((l) => l.category === '项目支出')
    .forEach((l, i) => {
      const leafName = v.names === 'path' ? `项目支出-${l.name}` : l.name;
      proj.children.push({ code: `71010201${pad2(i + 1)}`, name: leafName, leaf: l, children: [] });
      l.name = leafName;
    });
  const monthPart = new Map<Line, number>();
  for (const l of lines)
    monthPart.set(l, Math.min(l.executed, Math.round((l.executed / month) * (0.6 + 0.8 * rng.float()))));
  const sums = (a: Acct): { exec: number; cur: number } => {
    if (a.leaf) return { exec: a.leaf.executed, cur: monthPart.get(a.leaf) ?? 0 };
    return a.children.map(sums).reduce((s, x) => ({ exec: s.exec + x.exec, cur: s.cur + x.cur }), { exec: 0, cur: 0 });
  };
  const grid: Cell[][] = [];
  grid.push(['科目余额表']);
  const period = v.period === 'dots' ? `${year}.01-${year}.${pad2(month)}` : `${year}年1月-${year}年${month}月`;
  grid.push([`核算单位：${org}    期间：${period}    金额单位：元`]);
  const budgetHeader = rng.pick(['全年预算', '预算数', `${year}年全年预算`]);
  grid.push(['科目编码', '科目名称', '期初余额', '本期借方', '本期贷方', '累计借方', '期末余额', budgetHeader]);
  const walk = (a: Acct, depth: number): void => {
    const { exec, cur } = sums(a);
    const name = v.names === 'leaf' ? `${'  '.repeat(depth)}${a.name}` : a.name;
    const row: Cell[] = [a.code, name, 0, cur / 100, 0, exec / 100, exec / 100];
    if (a.leaf) row.push(budgetOf(a.leaf) / 100);
    grid.push(row);
    for (const c of a.children) walk(c, depth + 1);
  };
  walk(top, 0);
  const wb = newWorkbook();
  writePlain(wb.addWorksheet(rng.pick(['支出明细账', '科目余额表', 'Sheet1'])), grid);
  return {
    id,
    shape: '科目余额表',
    description: `用友科目余额表+手加${budgetHeader}列 名称${v.names === 'path' ? '全路径' : '末级缩进'} 期间${period}${v.tricky ? ' 类别样项目名' : ''}`,
    args: {},
    expect: expectFrom(lines, { organization: org, year, month, hasInitial: false }),
    workbook: wb,
  };
}

/** One sheet per month (1月…N月), each with the cumulative 累计支出: the figures are the last sheet's. */
function planMonthly(
  id: string,
  v: { withInitial: boolean; cue: 'sections' | 'cat'; sheetNames: 'short' | 'long' },
): PlannedCase {
  const rng = new Rng(seedOf(id));
  const org = orgName(rng);
  const year = 2024;
  const month = rng.int(4, 10);
  const lines = makeLines(rng, {
    personnel: rng.int(2, 5),
    public: rng.int(2, 5),
    projects: rng.int(2, 5),
    month,
    g: 1,
    tricky: rng.int(0, 1),
  });
  // Monthly spending that adds up to each line's 1-N total; mid-year additions show from their month.
  const addedAt = new Map<Line, number>();
  const perMonth = new Map<Line, number[]>();
  for (const l of lines) {
    if (adjustmentOf(l) !== 0) addedAt.set(l, rng.int(2, month));
    const from = l.initial === 0 ? (addedAt.get(l) ?? 1) : 1;
    const parts = new Array<number>(month).fill(0);
    let left = l.executed;
    for (let m = from; m <= month && left > 0; m++) {
      const share = m === month ? left : Math.min(left, Math.round((left / (month - m + 1)) * (0.5 + rng.float())));
      parts[m - 1] = share;
      left -= share;
    }
    perMonth.set(l, parts);
  }
  const wb = newWorkbook();
  for (let m = 1; m <= month; m++) {
    const visible = lines.filter((l) => l.initial > 0 || (addedAt.get(l) ?? 1) <= m);
    const grid: Cell[][] = [];
    const cols = ['项目', '经济科目'];
    if (v.cue === 'cat') cols.push('支出类别');
    if (v.withInitial) cols.push('年初预算', '年中调整');
    cols.push('全年预算', '本月支出', '累计支出', '执行率');
    grid.push([`${org}${year}年${m}月预算执行表`]);
    const unit: Cell[] = new Array<Cell>(cols.length).fill(null);
    unit[cols.length - 1] = '单位：元';
    grid.push(unit);
    grid.push(cols);
    const lineRow = (l: Line): Cell[] => {
      const adj = (addedAt.get(l) ?? 13) <= m ? adjustmentOf(l) : 0;
      const budget = l.initial + adj;
      const parts = perMonth.get(l) as number[];
      const cum = parts.slice(0, m).reduce((s, x) => s + x, 0);
      const row: Cell[] = [l.name, l.category === '项目支出' ? null : l.code];
      if (v.cue === 'cat') row.push(l.category);
      if (v.withInitial) row.push(l.initial / 100, adj / 100);
      row.push(
        budget / 100,
        (parts[m - 1] ?? 0) / 100,
        cum / 100,
        budget > 0 ? Math.round((cum / budget) * 10000) / 10000 : null,
      );
      return row;
    };
    if (v.cue === 'sections') {
      const sec = (label: string): Cell[] => [label];
      grid.push(
        sec('一、基本支出'),
        sec('（一）人员支出'),
        ...visible.filter((l) => l.category === '人员支出').map(lineRow),
      );
      grid.push(sec('（二）公用支出'), ...visible.filter((l) => l.category === '公用支出').map(lineRow));
      grid.push(sec('二、项目支出'), ...visible.filter((l) => l.category === '项目支出').map(lineRow));
    } else grid.push(...visible.map(lineRow));
    const ws = wb.addWorksheet(v.sheetNames === 'short' ? `${m}月` : `${year}年${m}月`);
    writePlain(ws, grid);
    ws.mergeCells(1, 1, 1, cols.length);
  }
  return {
    id,
    shape: '每月一张表',
    description: `每月一张表 1-${month}月 ${v.withInitial ? '年初+调整+全年' : '仅全年预算'} ${v.cue === 'sections' ? '分节' : '类别列'} 表名${v.sheetNames === 'short' ? 'N月' : 'YYYY年N月'} 有年中追加`,
    args: {},
    expect: expectFrom(lines, { organization: org, year, month, hasInitial: v.withInitial }),
    workbook: wb,
  };
}

const DEPARTMENTS: readonly (readonly [string, string, string])[] = [
  ['林业局', '林业技术推广站', '国有林场'],
  ['教育和体育局', '教师发展中心', '体育运动学校'],
  ['农业农村局', '农业技术推广中心', '动物疫病预防控制中心'],
  ['卫生健康局', '疾病预防控制中心', '妇幼保健院'],
  ['水利局', '水利工程管理站', '水土保持站'],
  ['文化广播电视和旅游局', '图书馆', '文化馆'],
];

/** A 主管部门 workbook: 局本级 plus two 二级单位, one sheet each of the same shape; the report covers all. */
function planDepartment(id: string, over: Partial<TzOpts>): PlannedCase {
  const rng = new Rng(seedOf(id));
  const [dept, sub1, sub2] = rng.pick(DEPARTMENTS);
  const county = rng.pick(COUNTIES);
  const o = normalizeOpts({ ...defaultOpts(rng), size: 'small', month: 'dash', ...over });
  const year = 2024;
  const month = rng.int(5, 10);
  const used = new Set<string>();
  const wb = newWorkbook();
  const all: Line[] = [];
  const units: [string, string][] = [
    [rng.pick(['局本级', '本级', `${dept}本级`]), `${county}${dept}${rng.pick(['', '（本级）'])}`],
    [`县${sub1}`, `${county}${sub1}`],
    [`县${sub2}`, `${county}${sub2}`],
  ];
  for (const [sheet, unitOrg] of units) {
    const built = buildTaizhang(
      new Rng(seedOf(`${id}/${sheet}`)),
      o,
      { org: unitOrg, year, month },
      used,
      new Rng(seedOf(`${id}/labels`)),
    );
    writeLayout(wb.addWorksheet(sheet), built.layout);
    all.push(...built.lines);
  }
  const organization = `${county}${dept}`;
  return {
    id,
    shape: '主管部门多表',
    description: `主管部门+2个二级单位(${units.map((u) => u[0]).join('、')}) ${describeTz(o)}`,
    args: { organization },
    expect: expectFrom(all, { organization, year, month, hasInitial: o.adj !== 'none' }),
    workbook: wb,
  };
}

/** An 指标 sheet plus a payment journal; payments after month N are not counted; N comes from args. */
function planJournal(
  id: string,
  v: { dates: 'real' | 'text' | 'mixed'; extraCols: boolean; title: boolean },
): PlannedCase {
  const rng = new Rng(seedOf(id));
  const org = orgName(rng);
  const year = 2024;
  const month = rng.int(4, 9);
  const lines = makeLines(rng, {
    personnel: rng.int(2, 4),
    public: rng.int(2, 4),
    projects: rng.int(2, 5),
    month,
    g: 1,
    tricky: rng.int(0, 1),
  });
  for (const l of lines) {
    // The journal holds 分; keep the cut-off spending as the generator drew it.
    l.carry = 0;
  }
  interface Pay {
    m: number;
    d: number;
    name: string;
    code: string | null;
    amount: number;
    what: string;
  }
  const pays: Pay[] = [];
  for (const l of lines) {
    const first = l.initial === 0 ? rng.int(2, month) : 1;
    const span = month - first + 1;
    // Wages are paid every month; other lines now and then.
    const n = l.executed === 0 ? 0 : l.category === '人员支出' ? span : Math.max(1, Math.min(span, rng.int(1, 5)));
    const months = rng.sample(
      Array.from({ length: month - first + 1 }, (_, i) => first + i),
      n,
    );
    let left = l.executed;
    months.forEach((m, i) => {
      const amount = i === months.length - 1 ? left : Math.round((left / (months.length - i)) * (0.5 + rng.float()));
      left -= amount;
      pays.push({
        m,
        d: rng.int(1, 28),
        name: l.name,
        code: l.code,
        amount,
        what: l.category === '项目支出' ? '支付项目款' : `报销${m}月费用`,
      });
    });
    if (n > 0 && rng.chance(0.2)) {
      // A 红字冲销 inside the period, offset by the same amount on another payment.
      const x = rng.int(100, 5000) * 100;
      const m = rng.pick(months);
      pays.push({ m, d: rng.int(1, 28), name: l.name, code: l.code, amount: -x, what: '冲销多报费用' });
      pays.push({ m: rng.pick(months), d: rng.int(1, 28), name: l.name, code: l.code, amount: x, what: '重新报销' });
    }
    // Payments after the cut-off month, which must not count.
    const later = rng.int(0, 2);
    for (let k = 0; k < later; k++) {
      const m = rng.int(month + 1, Math.min(12, month + 3));
      pays.push({
        m,
        d: rng.int(1, 28),
        name: l.name,
        code: l.code,
        amount: rng.int(100, 50000) * 100 + rng.int(0, 99),
        what: '下期支付',
      });
    }
  }
  pays.sort((a, b) => a.m - b.m || a.d - b.d);
  const dateCell = (p: Pay): Cell => {
    const kind = v.dates === 'real' ? 0 : v.dates === 'text' ? rng.int(1, 6) : rng.int(0, 6);
    switch (kind) {
      case 0:
        return new Date(Date.UTC(year, p.m - 1, p.d));
      case 1:
        return `${year}.${pad2(p.m)}.${pad2(p.d)}`;
      case 2:
        return `${year}年${p.m}月${p.d}日`;
      case 3:
        return `${year}${pad2(p.m)}${pad2(p.d)}`;
      case 4:
        return `${p.m}月`;
      case 5:
        return `${year}/${pad2(p.m)}/${pad2(p.d)}`;
      default:
        return `${year}.${p.m}.${p.d}`;
    }
  };
  const wb = newWorkbook();
  const ind: Cell[][] = [[`${org}${year}年预算指标`]];
  const catStyle = rng.chance(0.5);
  ind.push(
    v.extraCols
      ? ['项目', '经济科目', '支出类别', '年初预算', '调整', '全年预算']
      : ['项目名称', '支出类别', '年初预算', '追加预算', '全年预算'],
  );
  for (const l of lines) {
    const cat = catStyle
      ? l.category
      : { 人员支出: '人员经费', 公用支出: '公用经费', 项目支出: '项目支出' }[l.category];
    const row: Cell[] = [l.name];
    if (v.extraCols) row.push(l.code);
    row.push(cat, l.initial / 100, adjustmentOf(l) / 100, budgetOf(l) / 100);
    ind.push(row);
  }
  const ws1 = wb.addWorksheet(rng.pick(['指标', '预算指标']));
  writePlain(ws1, ind);
  ws1.mergeCells(1, 1, 1, (ind[1] as Cell[]).length);
  const jr: Cell[][] = [];
  if (v.title) jr.push([`${org}${year}年支付明细`]);
  jr.push(
    v.extraCols
      ? ['支付日期', '凭证号', '摘要', '项目', '经济科目', '支付金额']
      : ['日期', '凭证号', '摘要', '项目', '金额'],
  );
  pays.forEach((p, i) => {
    const voucher = rng.chance(0.5)
      ? `记-${pad2(p.m)}-${String(i + 1).padStart(3, '0')}`
      : String(i + 1).padStart(4, '0');
    const row: Cell[] = [dateCell(p), voucher, p.what, p.name];
    if (v.extraCols) row.push(p.code);
    row.push(p.amount / 100);
    jr.push(row);
  });
  writePlain(wb.addWorksheet(rng.pick(['支付明细', '支付流水', '流水'])), jr);
  return {
    id,
    shape: '指标加支付流水',
    description: `指标表+支付流水 日期${{ real: '为日期值', text: '为文本', mixed: '混合' }[v.dates]} ${v.extraCols ? '含经济科目列' : '五列'} 报1-${month}月(--month)`,
    args: { month },
    expect: expectFrom(lines, { organization: org, year, month, hasInitial: true }),
    workbook: wb,
  };
}

// ───────────────────────────── The corpus ─────────────────────────────

/** Every case, planned synchronously (the tests list them before any bytes are written). */
export function planCorpus(): PlannedCase[] {
  const out: PlannedCase[] = [];
  const tz = (id: string, o: Partial<TzOpts>, meta?: { year?: number; month?: number }): void => {
    out.push(planTaizhang(id, o, meta));
  };
  // Standard 台账: headers, sections, totals.
  tz('tz01', {
    headerRows: 2,
    sections: 'subtotal',
    total: 'bottom',
    seq: true,
    econ: 'column',
    source: true,
    rate: 'number',
  });
  tz('tz02', { headerRows: 1, sections: 'none', cat: 'three', total: 'bottom', rate: 'text' });
  tz('tz03', { headerRows: 1, sections: 'plain', total: 'none' });
  tz('tz04', { headerRows: 2, sections: 'small', total: 'bottom' });
  tz('tz05', {
    headerRows: 3,
    sections: 'subtotal',
    total: 'bottom',
    econ: 'column',
    cutNegative: false,
    rate: 'number',
  });
  tz('tz06', { headerRows: 3, sections: 'plain', total: 'top', cutNegative: true });
  tz('tz07', { headerRows: 3, sections: 'none', cat: 'jingfei', total: 'none', cutNegative: false });
  tz('tz08', { headerRows: 2, adj: 'split', sections: 'small', total: 'bottom', cutNegative: true });
  // 万元 with 2–6 decimals.
  tz('tz09', { unit: '万元', decimals: 2, headerRows: 1, sections: 'subtotal', total: 'bottom' });
  tz('tz10', { unit: '万元', decimals: 4, headerRows: 2, sections: 'plain', total: 'top' });
  tz('tz11', {
    unit: '万元',
    decimals: 6,
    headerRows: 2,
    sections: 'none',
    cat: 'three',
    total: 'bottom',
    amounts: 'comma',
  });
  tz('tz12', { unit: '万元', decimals: 3, headerRows: 3, sections: 'subtotal', total: 'bottom' });
  tz('tz13', { unit: '万元', decimals: 5, headerRows: 1, sections: 'small', total: 'none' });
  // Amounts as text.
  tz('tz14', { amounts: 'mixed', sections: 'subtotal', total: 'bottom', rate: 'text', econ: 'column' });
  tz('tz15', { amounts: 'mixed', sections: 'none', cat: 'three', total: 'top', blankZero: true });
  tz('tz16', { amounts: 'comma', headerRows: 2, sections: 'plain', total: 'bottom' });
  tz('tz17', {
    amounts: 'mixed',
    breakdowns: 2,
    odd: true,
    sections: 'subtotal',
    total: 'bottom',
    adj: 'single',
    seq: true,
    source: true,
  });
  tz('tz18', { amounts: 'mixed', unit: '万元', decimals: 4, sections: 'plain', total: 'bottom', headerRows: 3 });
  // 其中 rows, hidden columns and rows.
  tz('tz19', { breakdowns: 3, headerRows: 1, sections: 'subtotal', total: 'bottom' });
  tz('tz20', {
    lastYear: true,
    hiddenLines: 1,
    headerRows: 1,
    sections: 'subtotal',
    total: 'none',
    seq: true,
    source: true,
    rate: 'number',
  });
  tz('tz21', { lastYear: true, headerRows: 2, sections: 'plain', total: 'top' });
  tz('tz22', { hiddenLines: 2, sections: 'small', total: 'bottom' });
  tz('tz23', { hiddenLines: 1, sections: 'none', cat: 'three', total: 'bottom', lastYear: true, breakdowns: 1 });
  // 经济科目: code and name in one cell with 类 rows.
  tz('tz24', {
    econ: 'combined',
    scope: 'basic',
    headerRows: 1,
    total: 'bottom',
    month: 'dashLeiji',
    rate: 'number',
    remark: true,
  });
  tz('tz25', { econ: 'combined', scope: 'all', sections: 'subtotal', total: 'bottom', headerRows: 1 });
  tz('tz26', { econ: 'combined', scope: 'all', sections: 'plain', total: 'bottom', headerRows: 2 });
  tz('tz27', { econ: 'combined', scope: 'basic', unit: '万元', decimals: 4, total: 'none', headerRows: 2 });
  // 上年结转 column.
  tz('tz28', { adj: 'carry', headerRows: 1, sections: 'subtotal', total: 'bottom', remark: true });
  tz('tz29', { adj: 'carry', headerRows: 2, sections: 'plain', total: 'top' });
  // Other hand-kept variants.
  tz('tz30', { numbered: true, sections: 'subtotal', total: 'bottom' });
  tz('tz31', {
    scope: 'project',
    sections: 'none',
    total: 'bottom',
    source: true,
    office: true,
    remark: true,
    tricky: 3,
    rate: 'number',
  });
  tz('tz32', { scope: 'basic', sections: 'subtotal', total: 'bottom', headerRows: 2 });
  tz('tz33', { duplicates: 2, sections: 'subtotal', total: 'bottom', source: true });
  tz('tz34', { tricky: 5, sections: 'plain', total: 'none', size: 'large' });
  tz('tz35', { tricky: 4, sections: 'subtotal', total: 'bottom', projectCodes: true, econ: 'column' });
  tz('tz36', { adj: 'none', sections: 'subtotal', total: 'bottom', headerRows: 1 });
  tz('tz37', { cat: 'basic', econ: 'column', sections: 'none', total: 'top', seq: true });
  tz('tz38', { seq: true, totalInFirstCol: true, sections: 'plain', total: 'bottom', sectionSeq: true });
  tz('tz39', { sectionSeq: true, seq: true, sections: 'subtotal', total: 'top', size: 'large' });
  tz('tz40', { duplicates: 1, tricky: 2, sections: 'none', cat: 'jingfei', total: 'bottom', amounts: 'comma' });
  tz('tz51', { unnumbered: true, sections: 'subtotal', total: 'bottom', tricky: 3 });
  tz('tz52', { unnumbered: true, sections: 'plain', total: 'none', tricky: 3, headerRows: 2 });
  tz('tz53', { unnumbered: true, sections: 'small', total: 'top', econ: 'column' });
  // Month spellings.
  tz('tz41', { month: 'tilde', sections: 'subtotal', total: 'bottom' });
  tz('tz42', { month: 'emdash', sections: 'plain', total: 'bottom', headerRows: 2 });
  tz('tz43', { month: 'chinese', sections: 'subtotal', total: 'none' });
  tz('tz44', { month: 'jiezhi', sections: 'small', total: 'bottom' });
  tz('tz45', { month: 'title', sections: 'subtotal', total: 'bottom', econ: 'column', source: true });
  tz('tz46', { month: 'title', fillDate: true, sections: 'plain', total: 'top' }, { year: 2025 });
  tz('tz47', { month: 'dash', fillDate: true, sections: 'subtotal', total: 'bottom' }, { year: 2023 });
  tz('tz48', { month: 'chinese', headerRows: 3, sections: 'plain', total: 'bottom' }, { month: 11 });
  tz(
    'tz49',
    { month: 'tilde', unit: '万元', decimals: 2, sections: 'none', cat: 'three', total: 'none' },
    { month: 6 },
  );
  tz('tz50', { month: 'jiezhi', amounts: 'mixed', sections: 'subtotal', total: 'top' }, { month: 10 });

  // 预算管理一体化系统 指标账 exports.
  out.push(planYitihua('yt01', {}));
  out.push(planYitihua('yt02', { numbers: true }));
  out.push(planYitihua('yt03', { minimal: true }));
  out.push(planYitihua('yt04', { projectCode: true }));
  out.push(planYitihua('yt05', { noCutoff: true }));
  out.push(planYitihua('yt06', { plainYunzhuan: true }));
  out.push(planYitihua('yt07', { minimal: true, numbers: true, noCutoff: true }));
  out.push(planYitihua('yt08', { projectCode: true, plainYunzhuan: true }));

  // 用友 科目余额表.
  out.push(planYongyou('yy01', { names: 'path', period: 'dots' }));
  out.push(planYongyou('yy02', { names: 'leaf', period: 'dots' }));
  out.push(planYongyou('yy03', { names: 'path', period: 'chinese' }));
  out.push(planYongyou('yy04', { names: 'leaf', period: 'chinese', tricky: true }));
  out.push(planYongyou('yy05', { names: 'path', period: 'dots', tricky: true }));
  out.push(planYongyou('yy06', { names: 'leaf', period: 'dots' }));

  // One sheet per month.
  out.push(planMonthly('mo01', { withInitial: false, cue: 'sections', sheetNames: 'short' }));
  out.push(planMonthly('mo02', { withInitial: false, cue: 'cat', sheetNames: 'short' }));
  out.push(planMonthly('mo03', { withInitial: true, cue: 'sections', sheetNames: 'long' }));
  out.push(planMonthly('mo04', { withInitial: true, cue: 'cat', sheetNames: 'short' }));
  out.push(planMonthly('mo05', { withInitial: false, cue: 'cat', sheetNames: 'long' }));
  out.push(planMonthly('mo06', { withInitial: true, cue: 'sections', sheetNames: 'short' }));

  // 主管部门 with two 二级单位.
  out.push(
    planDepartment('zg01', {
      sections: 'subtotal',
      total: 'none',
      headerRows: 1,
      seq: true,
      econ: 'column',
      source: true,
    }),
  );
  out.push(planDepartment('zg02', { sections: 'plain', total: 'bottom', headerRows: 2 }));
  out.push(planDepartment('zg03', { sections: 'none', cat: 'three', total: 'top', headerRows: 1 }));
  out.push(planDepartment('zg04', { sections: 'small', total: 'bottom', headerRows: 3 }));
  out.push(
    planDepartment('zg05', { sections: 'subtotal', total: 'bottom', unit: '万元', decimals: 4, amounts: 'comma' }),
  );

  // 指标 sheet plus a payment journal.
  out.push(planJournal('jn01', { dates: 'real', extraCols: true, title: true }));
  out.push(planJournal('jn02', { dates: 'text', extraCols: false, title: false }));
  out.push(planJournal('jn03', { dates: 'mixed', extraCols: false, title: true }));
  out.push(planJournal('jn04', { dates: 'mixed', extraCols: true, title: false }));
  out.push(planJournal('jn05', { dates: 'text', extraCols: true, title: true }));
  out.push(planJournal('jn06', { dates: 'real', extraCols: false, title: false }));
  out.push(planJournal('jn07', { dates: 'mixed', extraCols: false, title: false }));
  out.push(planJournal('jn08', { dates: 'text', extraCols: false, title: true }));

  // Refusals: a 合计/小计 that is not the sum of its lines.
  const off = '合计行与明细差0.01元';
  out.push(
    planRefusal(
      'rf01',
      { sections: 'subtotal', total: 'bottom' },
      { target: 'total', key: 'executed', delta: 1, why: `${off}（执行数）` },
    ),
  );
  out.push(
    planRefusal(
      'rf02',
      { headerRows: 2, sections: 'plain', total: 'bottom' },
      { target: 'total', key: 'budget', delta: -1, why: `${off}（全年预算）` },
    ),
  );
  out.push(
    planRefusal(
      'rf03',
      { sections: 'none', cat: 'three', total: 'top' },
      { target: 'total', key: 'initial', delta: 1, why: `顶部${off}（年初预算）` },
    ),
  );
  out.push(
    planRefusal(
      'rf04',
      { sections: 'subtotal', total: 'bottom' },
      { target: 'total', key: 'executed', delta: 'line', why: '合计行执行数多算了一行' },
    ),
  );
  out.push(
    planRefusal(
      'rf05',
      { sections: 'plain', total: 'bottom', headerRows: 2 },
      { target: 'total', key: 'budget', delta: 1234567, why: '合计行全年预算多出12345.67元' },
    ),
  );
  out.push(
    planRefusal(
      'rf06',
      { unit: '万元', decimals: 6, sections: 'subtotal', total: 'bottom' },
      { target: 'total', key: 'executed', delta: -1, why: '万元台账合计行与明细差0.000001万元（0.01元）' },
    ),
  );
  out.push(
    planRefusal(
      'rf07',
      { sections: 'small', total: 'none' },
      { target: 'small', key: 'executed', delta: 1, why: '小计行与明细差0.01元' },
    ),
  );
  out.push(
    planRefusal(
      'rf08',
      { amounts: 'comma', sections: 'subtotal', total: 'bottom' },
      { target: 'total', key: 'executed', delta: 1, why: `文本金额${off}` },
    ),
  );
  out.push(planYitihua('rf09', { refuse: true }));
  return out;
}

export async function writeCase(p: PlannedCase): Promise<CorpusCase> {
  const bytes = await p.workbook.xlsx.writeBuffer();
  return {
    id: p.id,
    shape: p.shape,
    description: p.description,
    buffer: new Uint8Array(bytes as ArrayBuffer),
    args: p.args,
    expect: p.expect,
  };
}

export async function generateCorpus(): Promise<CorpusCase[]> {
  const out: CorpusCase[] = [];
  for (const p of planCorpus()) out.push(await writeCase(p));
  return out;
}
