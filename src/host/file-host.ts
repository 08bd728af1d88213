import { type WorkbookGrid } from '../core/grid/types';
import { applyPlanToXlsx, clearHighlightsXlsx, readWorkbookGrid } from '../xlsx';
import { HostError, type WorkbookHost } from './types';
import { parseHostSettings } from './settings';

/**
 * The browser file mode: a WorkbookHost over a .xlsx the user opened in the page. Nothing leaves the
 * page; the result is a new workbook the user downloads. This module pulls in the zip code, so the
 * pane imports it only outside Office (a lazy chunk).
 */
export interface FileHost extends WorkbookHost {
  readonly kind: 'file';
  /** The name the user's file had, e.g. 台账.xlsx. */
  readonly fileName: string;
  /** The workbook with the last run's sheets and highlights, or null before a run. */
  readonly resultBytes: () => Uint8Array | null;
  /** `<name>-监控报告.xlsx`. */
  readonly resultName: string;
  /**
   * The user's workbook with the sheets add-only plans added (添加绩效目标表), for download as
   * `<name>-含绩效目标表.xlsx`; null while nothing was added.
   */
  readonly addedBytes: () => Uint8Array | null;
  readonly addedName: string;
}

const SETTINGS_PREFIX = 'jixiaoJiankong.settings:';
/** .xls (BIFF), .et (WPS) and friends cannot be read at zip level: the user must save as .xlsx first. */
const OTHER_SPREADSHEETS = /\.(xls|et|ett|xlsb|xlsm|xltx|xlt|ods|csv|numbers)$/i;

/** A Chinese message when the name says the file is not a .xlsx, else null. */
export function fileNameProblem(name: string): string | null {
  if (/\.xlsx$/i.test(name)) return null;
  if (OTHER_SPREADSHEETS.test(name)) {
    return `“${name}”不是 .xlsx 文件，请先另存为 .xlsx：在 Excel 或 WPS 中打开它，选择“另存为”→“Excel 工作簿（*.xlsx）”，再打开另存后的文件。`;
  }
  return `“${name}”不是 Excel 工作簿。请选择 .xlsx 格式的台账文件。`;
}

export function resultNameOf(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, '')}-监控报告.xlsx`;
}

export function addedNameOf(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, '')}-含绩效目标表.xlsx`;
}

/**
 * Opens the bytes once to fail early with a clear message (a renamed .xls, a damaged or
 * password-protected file), then serves the pane from memory.
 */
export async function openFileHost(fileName: string, original: Uint8Array): Promise<FileHost> {
  const problem = fileNameProblem(fileName);
  if (problem) throw new HostError(problem);
  let first: WorkbookGrid;
  try {
    first = await readWorkbookGrid(original);
  } catch (e) {
    throw new HostError(
      `无法读取“${fileName}”：它不是有效的 .xlsx 工作簿（可能已损坏、设置了打开密码，或是改了扩展名的 .xls 文件）。请在 Excel 或 WPS 中打开后“另存为”.xlsx 再试。`,
      e,
    );
  }
  return createFileHost(fileName, original, first);
}

export function createFileHost(fileName: string, original: Uint8Array, firstGrid?: WorkbookGrid): FileHost {
  let cached: WorkbookGrid | undefined = firstGrid;
  // The user's workbook as the page sees it: the original plus any add-only sheets (the empty
  // 绩效目标 sheet). Every report run starts from it, so a second run replaces, never stacks.
  let base = original;
  let added = false;
  let result: Uint8Array | null = null;
  let highlighted = 0;
  const settingsKey = SETTINGS_PREFIX + fileName;
  return {
    kind: 'file',
    fileName,
    resultName: resultNameOf(fileName),
    // A file in the page has no grid to point at and cannot be edited behind the pane's back.
    capabilities: { canDownload: true, canSelect: false, writesInPlace: false },
    resultBytes: () => result,
    addedName: addedNameOf(fileName),
    addedBytes: () => (added ? base : null),
    readGrid: async () => {
      // The bytes change only when a sheet is added: one parse serves every re-read until then.
      cached ??= await readWorkbookGrid(base);
      return cached;
    },
    applyPlan: async (plan, onProgress) => {
      onProgress?.({ step: '正在生成结果工作簿…', fraction: 0.5 });
      try {
        if (plan.addOnly) {
          const names = (cached ?? (await readWorkbookGrid(base))).sheets.map((x) => x.name.toLowerCase());
          const clash = plan.sheets.find((x) => names.includes(x.name.toLowerCase()));
          if (clash) throw new HostError(`工作簿中已有名为“${clash.name}”的工作表，未做任何改动。`);
          base = await applyPlanToXlsx(base, plan);
          if (result) result = await applyPlanToXlsx(result, plan);
          added = true;
          cached = undefined;
        } else {
          // Always from the user's workbook: a second run replaces the first one's sheets.
          result = await applyPlanToXlsx(base, plan);
          highlighted = plan.highlights.length;
        }
      } catch (e) {
        if (e instanceof HostError) throw e;
        throw new HostError(`生成结果工作簿失败（${e instanceof Error ? e.message : String(e)}）。原文件未改动。`, e);
      }
      onProgress?.({ step: '结果工作簿已生成', fraction: 1 });
    },
    clearHighlights: async () => {
      if (!result) return 0;
      result = await clearHighlightsXlsx(result);
      const n = highlighted;
      highlighted = 0;
      return n;
    },
    selectCell: async () => undefined,
    loadSettings: async () => {
      try {
        const raw = globalThis.localStorage?.getItem(settingsKey);
        return raw ? parseHostSettings(raw) : null;
      } catch {
        return null; // storage blocked or a damaged entry: start fresh rather than fail
      }
    },
    saveSettings: async (settings) => {
      try {
        globalThis.localStorage?.setItem(settingsKey, JSON.stringify(settings));
      } catch {
        // Private windows may refuse storage; the options then last for this page only.
      }
    },
  };
}
