import { type WorkbookGrid } from '../core/grid/types';
import { applyPlanToXlsx, clearHighlightsXlsx, readWorkbookGrid } from '../xlsx';
import {
  conversionNote,
  LedgerFileError,
  type LedgerFileProblem,
  ledgerBaseName,
  type OpenedLedger,
  openLedger,
} from '../xlsx/open-ledger';
import { webOfficeCrypto } from '../xlsx/office-crypto-web';
import { HostError, type WorkbookHost } from './types';
import { parseHostSettings } from './settings';

/**
 * The browser file mode: a WorkbookHost over a workbook the user opened in the page. Nothing leaves the
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
  /**
   * What the page must tell the user about the result, or null: the file was another format (the result is
   * a new .xlsx with its values), had another extension, or had a password (the downloads keep it).
   */
  readonly note: string | null;
}

const SETTINGS_PREFIX = 'jixiaoJiankong.settings:';

export function resultNameOf(fileName: string): string {
  return `${ledgerBaseName(fileName)}-监控报告.xlsx`;
}

export function addedNameOf(fileName: string): string {
  return `${ledgerBaseName(fileName)}-含绩效目标表.xlsx`;
}

export interface OpenFileOptions {
  /** The open password the user typed; used for this file only, never stored. */
  readonly password?: string;
}

/**
 * Opens the bytes once, by their content whatever the name says (.xlsx, .xls, .et, .csv…, a
 * password-protected .xlsx with its password), to fail early with a clear message, then serves the
 * pane from memory. A HostError's cause is the LedgerFileError, whose `problem` tells the page to ask
 * for a password ('password-needed', 'wrong-password').
 */
export async function openFileHost(
  fileName: string,
  original: Uint8Array,
  options: OpenFileOptions = {},
): Promise<FileHost> {
  let opened: OpenedLedger;
  try {
    opened = await openLedger(fileName, original, {
      crypto: webOfficeCrypto,
      ...(options.password !== undefined ? { password: options.password } : {}),
    });
  } catch (e) {
    if (e instanceof LedgerFileError) throw new HostError(e.message, e);
    throw new HostError(
      `无法读取“${fileName}”（${e instanceof Error ? e.message : String(e)}）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。`,
      e,
    );
  }
  return createFileHost(fileName, opened.xlsx, opened.grid, {
    note: conversionNote(fileName, opened),
    password: opened.password,
  });
}

/** The problem behind a HostError from openFileHost, when it is one of the file's. */
export function fileProblemOf(e: unknown): LedgerFileProblem | null {
  return e instanceof HostError && e.cause instanceof LedgerFileError ? e.cause.problem : null;
}

export function createFileHost(
  fileName: string,
  original: Uint8Array,
  firstGrid?: WorkbookGrid,
  opened: { readonly note: string | null; readonly password: string | null } = { note: null, password: null },
): FileHost {
  let cached: WorkbookGrid | undefined = firstGrid;
  // Downloads of an encrypted ledger are encrypted again with its password, kept in this closure only.
  const { password } = opened;
  const sealed = (b: Uint8Array): Promise<Uint8Array> =>
    password === null ? Promise.resolve(b) : webOfficeCrypto.encrypt(b, password);
  let resultOut: Uint8Array | null = null;
  let addedOut: Uint8Array | null = null;
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
    note: opened.note,
    resultBytes: () => resultOut,
    addedName: addedNameOf(fileName),
    addedBytes: () => (added ? addedOut : null),
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
          addedOut = await sealed(base);
          if (result) {
            result = await applyPlanToXlsx(result, plan);
            resultOut = await sealed(result);
          }
          added = true;
          cached = undefined;
        } else {
          // Always from the user's workbook: a second run replaces the first one's sheets.
          result = await applyPlanToXlsx(base, plan);
          resultOut = await sealed(result);
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
      resultOut = await sealed(result);
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
