import { type ReportOptions } from '../core/pipeline';
import { parseIsoDate } from '../core/report/signature';

export interface CliArgs {
  readonly ledger: string;
  readonly outDir: string;
  readonly options: ReportOptions;
  readonly quiet: boolean;
  /** The ledger's open password (--password), when it has one. */
  readonly password?: string;
}

export const USAGE = `用法：npm run report -- <台账文件> [--out 目录] [--month 月份] [--year 年度] [--org 单位名称] [--sheet 工作表]
                     [--journal 支付明细表] [--gap 偏差阈值] [--date 成文日期] [--sichuan] [--include-basic] [--accept-differences]
                     [--password 密码] [--quiet]
      （或 npx jxjk-report <台账文件> …）
      npm run report -- <文件夹 或 多个台账> --out 目录 [同上选项，--org 除外] [--summary-only]
                     （多个单位：各单位的报告写到 目录/<单位>/，另生成 汇总.xlsx 和 汇总通报.docx；
                      --summary-only 只生成汇总；多个 汇总.json 可合并为一个汇总）
  台账文件         .xlsx、.xls、WPS .et、.csv（或 .xlsb、.ods），按内容识别，不看扩展名
  --out DIR        输出目录（默认 out/）
  --month N        截止月份 1-12（默认从表头“1-8月”等识别）
  --year YYYY      年度（默认从标题识别）
  --org NAME       单位名称（默认从单位信息表或标题识别）
  --sheet NAME     预算台账所在工作表（默认自动查找）
  --journal NAME   支付明细所在工作表（默认自动查找）
  --gap N          项目执行率低于时间进度多少个百分点算滞后（默认 10）
  --date YYYY-MM-DD
                   报告落款的成文日期（默认今天）
  --sichuan        使用四川省预警线（1-4月25%、1-6月40%、1-8月60%、1-10月80%）
  --include-basic  日常公用支出等基本支出也参与滞后判断
  --accept-differences
                   台账自身的合计与明细不符时仍然生成（报告中注明不符之处）
  --password PWD   台账设置了打开密码时的密码（在终端中运行时不给也会提示输入）；结果工作簿用同一密码加密`;

export class UsageError extends Error {}

/**
 * The command line parsed, or the exit it ends in: a UsageError is printed with the usage and exits 2
 * (0 for --help, which has no message). Shared by the one-unit run and the 汇总.
 * @example parsedOrExit(() => parseArgs(['--month']), console.error) → { exit: 2 }
 */
export function parsedOrExit<T>(parse: () => T, err: (line: string) => void): { args: T } | { exit: number } {
  try {
    return { args: parse() };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) err(`错误：${e.message}`);
    err(USAGE);
    return { exit: e.message ? 2 : 0 };
  }
}

/**
 * Parses the command line. Throws UsageError with a Chinese message on anything it cannot use.
 * @example parseArgs(['台账.xlsx', '--month', '8']).options.month === 8
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  let ledger: string | null = null;
  let outDir = 'out';
  let quiet = false;
  let password: string | undefined;
  const options: { -readonly [K in keyof ReportOptions]: ReportOptions[K] } = {};
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} 后面需要一个值。`);
    return v;
  };
  const int = (i: number, flag: string): number => {
    const v = value(i, flag);
    if (!/^-?\d+$/.test(v)) throw new UsageError(`${flag} 需要整数，收到“${v}”。`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    switch (a) {
      case '--out':
        outDir = value(i++, a);
        break;
      case '--month':
        options.month = int(i++, a);
        break;
      case '--year':
        options.year = int(i++, a);
        break;
      case '--org':
        options.organization = value(i++, a);
        break;
      case '--sheet':
        options.sheet = value(i++, a);
        break;
      case '--journal':
        options.journalSheet = value(i++, a);
        break;
      case '--gap': {
        const v = Number(value(i++, a));
        if (!Number.isFinite(v) || v < 0 || v > 100)
          throw new UsageError(`--gap 应为0到100之间的数，收到“${argv[i]}”。`);
        options.gapPoints = v;
        break;
      }
      case '--date': {
        const d = parseIsoDate(value(i++, a));
        if (!d) throw new UsageError(`--date 应为有效日期，如 2024-09-05，收到“${argv[i]}”。`);
        options.signedOn = d;
        break;
      }
      case '--sichuan':
        options.rule = 'sichuan';
        break;
      case '--accept-differences':
        options.acceptDifferences = true;
        break;
      case '--include-basic':
        options.includeBasic = true;
        break;
      case '--password': {
        // A password may start with "--": take the next argument whatever it is.
        const v = argv[i + 1];
        if (v === undefined) throw new UsageError(`${a} 后面需要一个值。`);
        password = v;
        i++;
        break;
      }
      case '--quiet':
        quiet = true;
        break;
      case '--help':
      case '-h':
        throw new UsageError('');
      default:
        if (a.startsWith('--')) throw new UsageError(`不认识的参数“${a}”。`);
        if (ledger !== null) throw new UsageError(`只能指定一个台账文件，多了“${a}”。`);
        ledger = a;
    }
  }
  if (ledger === null) throw new UsageError('请指定台账文件（.xlsx、.xls、.et 或 .csv）。');
  if (options.month !== undefined && (options.month < 1 || options.month > 12))
    throw new UsageError(`--month 应为1到12之间的整数，收到“${options.month}”。`);
  if (options.year !== undefined && (options.year < 2000 || options.year > 2099))
    throw new UsageError(`--year 应为四位年份（如2024），收到“${options.year}”。`);
  return { ledger, outDir, options, quiet, ...(password !== undefined ? { password } : {}) };
}
