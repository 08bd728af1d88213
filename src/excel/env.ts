/**
 * The slice of Office.js the adapter depends on, injected so tests and the screenshot page can run
 * the real adapter against a fake object model. In Office it is built from the globals.
 */
export interface ExcelEnv {
  /** Excel.run with its options (delayForCellEdit, mergeUndoGroup). */
  readonly run: <T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  readonly isSetSupported: (name: string, version: string) => boolean;
  /** Excel on the web can download blobs; the desktop webviews cannot. */
  readonly canDownload: boolean;
}

/** Excel.RunOptions; mergeUndoGroup is ExcelApi 1.20, newer than the typings the project pins. */
export interface RunOptions {
  readonly delayForCellEdit?: boolean;
  readonly mergeUndoGroup?: boolean;
}

/** Counts context.sync round trips, so tests and the bench can hold the adapter to a fixed number. */
export class SyncCounter {
  count = 0;
  async sync(context: Excel.RequestContext): Promise<void> {
    this.count++;
    await context.sync();
  }
}

export function officeEnv(): ExcelEnv {
  const platform = Office.context.platform;
  return {
    run: (options, batch) => Excel.run(options as Excel.RunOptions, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    canDownload: platform === Office.PlatformType.OfficeOnline,
  };
}

/** Requests and responses of Excel on the web are refused over 5 MB: stay well under. */
export const CELLS_PER_REQUEST = 40_000;
export const TARGET_RESPONSE_BYTES = 3_000_000;
export const TARGET_REQUEST_BYTES = 2_000_000;
