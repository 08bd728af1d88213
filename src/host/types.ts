import { type WorkbookGrid } from '../core/grid/types';
import { type WritePlan } from '../core/plan/types';
import { type RecognizeOptions } from '../core/types';
import { type IndicatorOptions } from '../core/indicators/types';

/**
 * What the task pane needs from wherever the workbook lives. The Office host (src/excel) and the
 * browser file mode (a .xlsx the user opened) both implement it, so the pane never knows which one
 * it talks to. Keep it small: every method here must make sense for a file as well as for Excel.
 */
export interface WorkbookHost {
  /** 'excel' inside Office; 'file' for a workbook opened in the browser. Shown in wording only. */
  readonly kind: 'excel' | 'file';
  readonly capabilities: HostCapabilities;
  /** The whole workbook as plain grids (dates may arrive as Excel serials; the core handles them). */
  readonly readGrid: () => Promise<WorkbookGrid>;
  /**
   * Carries out the plan. The add-in's own sheets are replaced, highlights replace the previous
   * ones; user values and formats are never changed. Rejects with a HostError on failure.
   */
  readonly applyPlan: (plan: WritePlan, onProgress?: (p: HostProgress) => void) => Promise<HostOutcome | void>;
  /**
   * Removes the add-in's highlights (and only those); resolves with how many were removed, and
   * what could not be done (a protected sheet) as warnings.
   */
  readonly clearHighlights: () => Promise<number | (HostOutcome & { readonly removed: number })>;
  /** Shows a place of the workbook to the user: row1 is 1-based; without a column the whole row. */
  readonly selectCell: (sheet: string, row1: number, col?: string) => Promise<void>;
  /** Options remembered with the workbook, or null when none were saved yet. */
  readonly loadSettings: () => Promise<HostSettings | null>;
  readonly saveSettings: (settings: HostSettings) => Promise<void>;
}

/** The parts of a write that did not go through while the main result did: Chinese, for the pane. */
export interface HostOutcome {
  readonly warnings: readonly string[];
}

export interface HostCapabilities {
  /** Can the pane offer a file download (a .docx)? Desktop Office webviews block blob downloads. */
  readonly canDownload: boolean;
  /** Can selectCell show the row to the user (a file in the browser has no grid to show). */
  readonly canSelect: boolean;
  /** Does applyPlan write into the user's open workbook (vs. producing a new file)? */
  readonly writesInPlace: boolean;
}

export interface HostProgress {
  /** Chinese, for the progress bar label. */
  readonly step: string;
  /** 0..1 */
  readonly fraction: number;
}

/** The report's title fields the user may fill in once per workbook. */
export interface TitleFields {
  readonly financeBureau?: string;
  readonly notice?: string;
}

export interface HostSettings {
  readonly recognize: RecognizeOptions;
  readonly indicators: IndicatorOptions;
  readonly title: TitleFields;
  /**
   * The header's text when column corrections were saved: corrections are by column position, so
   * they hold only while the header reads the same (see src/taskpane/remembered-settings.ts).
   */
  readonly headerSignature?: string;
}

/**
 * A failure of the host with a Chinese message that says what happened and what was (or was not)
 * written, so the pane can show it as it is.
 */
export class HostError extends Error {
  /** The underlying error, for the console. */
  override readonly cause: unknown;
  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = 'HostError';
    this.cause = cause;
  }
}
