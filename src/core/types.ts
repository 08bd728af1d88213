import { type Fen } from './money/fen';
import { type AmountUnit } from './money/parse-amount';

/** The three categories every line is normalised to. */
export const CATEGORIES = ['人员支出', '公用支出', '项目支出'] as const;
export type Category = (typeof CATEGORIES)[number];

/** What a column of the ledger means. */
export type ColumnRole =
  | 'name'
  | 'category'
  | 'econCode'
  | 'source'
  | 'initial'
  | 'adjustment'
  | 'reduction'
  | 'carryover'
  | 'indicatorSource'
  | 'projectCode'
  | 'budget'
  | 'executed'
  | 'forecast'
  | 'rate'
  | 'remark'
  | 'date'
  | 'voucher'
  | 'summary'
  | 'amount';

export const ROLE_LABELS: Readonly<Record<ColumnRole, string>> = {
  name: '项目名称',
  category: '支出类别',
  econCode: '经济分类科目',
  source: '资金来源',
  initial: '年初预算',
  adjustment: '年中调整',
  reduction: '调减（单列）',
  carryover: '上年结转',
  indicatorSource: '指标来源',
  projectCode: '项目代码',
  budget: '全年预算',
  executed: '1-N月执行数',
  forecast: '全年预计执行数',
  rate: '执行率（核对用）',
  remark: '备注',
  date: '日期',
  voucher: '凭证号',
  summary: '摘要',
  amount: '金额',
};

/** Where a problem is: a sheet, and when known a 1-based row and a column letter. */
export interface Place {
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
}

export interface Warning extends Place {
  readonly message: string;
}

/** How a line's category was decided, shown to the user so a wrong guess is easy to spot. */
export type CategorySource = '类别列' | '分节行' | '表名' | '经济分类' | '名称' | '未识别';

/** One budget line of the ledger, in exact 分, with where it came from. */
export interface LedgerLine {
  readonly name: string;
  readonly category: Category;
  readonly categorySource: CategorySource;
  readonly econCode: string | null;
  readonly source: string;
  readonly initial: Fen;
  /** Everything between 年初 and 全年, 上年结转 included (so 年初 + 调整 = 全年). */
  readonly adjustment: Fen;
  /** The part of the adjustment carried over from last year (0 when the ledger has none). */
  readonly carryover?: Fen;
  readonly budget: Fen;
  readonly executed: Fen;
  /** null when the ledger gives no forecast for this line. */
  readonly forecast: Fen | null;
  readonly remark: string;
  readonly sheet: string;
  /** 1-based row in the sheet, as Excel numbers it. */
  readonly row: number;
  /** The 一体化 项目代码, when the ledger has one: rows with the same code are one project. */
  readonly projectCode?: string;
  /** Every row this line adds up, when it is one project on several rows (指标 rows). */
  readonly rows?: readonly number[];
}

export interface ColumnMatch {
  readonly role: ColumnRole;
  /** 0-based column index. */
  readonly col: number;
  /** The header text as written (two-row headers joined with "/"). */
  readonly label: string;
  readonly unit: AmountUnit;
}

export interface SheetLayout {
  readonly sheet: string;
  /** 1-based rows of the header (one or two). */
  readonly headerRows: readonly number[];
  readonly columns: readonly ColumnMatch[];
  readonly unit: AmountUnit;
  /** Where the unit came from, in words for the pane ("表头“年初预算（万元）”"). */
  readonly unitSource: string;
}

export interface Detected<T> {
  readonly value: T;
  /** In words: where it was found, or 用户指定. */
  readonly from: string;
}

/** The unit's own words for sections 一 and 二 and the opening paragraph. */
export interface UnitInfo {
  readonly organization: string | null;
  readonly financeBureau: string | null;
  readonly notice: string | null;
  readonly functions: readonly string[];
  readonly composition: readonly string[];
  readonly departments: readonly string[];
  readonly staffing: readonly string[];
  readonly sheet: string | null;
}

/**
 * A place where the ledger's own figures contradict what was read: a 合计/小计 row that is not the
 * sum of the lines it covers, a 全年预算 that is not 年初 + 调整 (+ 结转), a total rate over 150%.
 * Any of these stops the report until the user fixes the recognition or accepts the difference.
 */
export interface Discrepancy extends Place {
  readonly kind: 'total' | 'identity' | 'rate';
  readonly message: string;
}

/** What the user says a row is, overriding what the arithmetic found. */
export type RowRole = 'line' | 'total' | 'ignore';

export interface Recognition {
  readonly budget: SheetLayout;
  readonly journal: SheetLayout | null;
  readonly organization: Detected<string>;
  readonly year: Detected<number>;
  readonly month: Detected<number>;
  readonly lines: readonly LedgerLine[];
  readonly warnings: readonly Warning[];
  readonly unitInfo: UnitInfo;
  /** How categories were decided, counted, for the pane. */
  readonly categorySources: Readonly<Partial<Record<CategorySource, number>>>;
  /** Contradictions in the ledger's own figures; the report is refused while any remain unaccepted. */
  readonly discrepancies: readonly Discrepancy[];
  /** The sheets whose lines were read (several for a 主管部门 with its 二级单位), first the main one. */
  readonly sheets: readonly string[];
  /**
   * The ledger gives 年初 and 调整 apart (or 指标来源 does); when it gives only 全年预算, the report
   * never speaks of 年初 or 年中调整 it was not told of.
   */
  readonly budgetSplit: boolean;
  /** The unit each sheet stands for (its title's organisation, else the sheet's name). */
  readonly unitNames: Readonly<Record<string, string>>;
}

/** What the user corrected in the pane or passed on the command line. */
export interface RecognizeOptions {
  readonly sheet?: string;
  /** 1-based header row (the last row of a two-row header). */
  readonly headerRow?: number;
  readonly columns?: Readonly<Partial<Record<ColumnRole, number | null>>>;
  readonly unit?: AmountUnit;
  readonly journalSheet?: string | null;
  readonly month?: number;
  readonly year?: number;
  readonly organization?: string;
  /** The finance bureau and its notice for the opening paragraph (override the 单位信息 sheet). */
  readonly financeBureau?: string;
  readonly notice?: string;
  /** Rows (1-based, of the ledger sheet) the user says are a line, a total or to be ignored. */
  readonly rowRoles?: Readonly<Record<number, RowRole>>;
  /** Go on although the ledger's totals disagree; the report says so. */
  readonly acceptDifferences?: boolean;
}
