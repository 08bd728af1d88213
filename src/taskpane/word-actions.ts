import { type ReportModel } from '../core/report/types';

/**
 * The Word actions, with the HTML renderer and the .docx library loaded only when clicked, so they
 * stay out of the task pane's first chunk.
 */

/**
 * How the report reached the clipboard. Office's webviews and some browsers refuse one way or the
 * other, so the pane tries them in turn and tells the user which one worked:
 * - 'clipboard': navigator.clipboard.write with text/html and text/plain;
 * - 'command': a copy event filled by execCommand('copy'), both formats too;
 * - 'manual': neither was allowed; the pane shows the report selected, for Ctrl+C.
 */
export type CopyOutcome =
  | { readonly way: 'clipboard' | 'command' }
  | { readonly way: 'manual'; readonly fragment: string; readonly text: string };

/** The report as the clipboard wants it, rendered ahead of the click. */
export interface PreparedCopy {
  readonly html: string;
  readonly text: string;
  /** The HTML body only, for the manual box. */
  readonly fragment: string;
}

/**
 * Renders the report for the clipboard. The pane calls it as soon as the results show, so that
 * the click on 复制到 Word finds it ready and awaits nothing before copying: WebKit (Office on
 * Mac) and Excel on the web only let a copy through while it is still part of the user's click.
 */
export async function prepareCopy(model: ReportModel): Promise<PreparedCopy> {
  const { reportToHtml, reportHtmlFragment, reportToPlainText } = await import('../core/report/to-html');
  return { html: reportToHtml(model), text: reportToPlainText(model), fragment: reportHtmlFragment(model) };
}

/**
 * The async clipboard can be used here: the API exists and the page's permissions policy does not
 * refuse it (Excel on the web's add-in frame does not grant clipboard-write, office-js #1991).
 */
function asyncClipboardAllowed(): boolean {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false;
  const policy = (document as { featurePolicy?: { allowsFeature?: (f: string) => boolean } }).featurePolicy;
  return policy?.allowsFeature ? policy.allowsFeature('clipboard-write') : true;
}

/**
 * Copies the report. Must be called directly in the click handler: everything up to the copy
 * itself runs synchronously. With the report prepared, execCommand('copy') (or the async clipboard
 * where the frame may use it) runs within the click; if the rendering is still under way, the
 * async clipboard gets promised blobs, which WebKit accepts within the click too.
 */
export function copyReport(prepared: PreparedCopy | Promise<PreparedCopy>): Promise<CopyOutcome> {
  const ready = 'html' in prepared ? prepared : null;
  const later = Promise.resolve(prepared);
  const manual = async (): Promise<CopyOutcome> => {
    const p = await later;
    return { way: 'manual', fragment: p.fragment, text: p.text };
  };
  if (asyncClipboardAllowed()) {
    let written: Promise<void>;
    try {
      const blob = (type: string, pick: (p: PreparedCopy) => string) =>
        ready ? new Blob([pick(ready)], { type }) : later.then((p) => new Blob([pick(p)], { type }));
      written = navigator.clipboard.write([
        new ClipboardItem({
          'text/html': blob('text/html', (p) => p.html),
          'text/plain': blob('text/plain', (p) => p.text),
        }),
      ]);
    } catch (e) {
      written = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return written.then(
      (): CopyOutcome => ({ way: 'clipboard' }),
      // Refused after all: the copy command may still count as the click in Chromium-based
      // webviews (transient activation); if not, the manual box.
      async (): Promise<CopyOutcome> => (copyWithCommand(await later) ? { way: 'command' } : manual()),
    );
  }
  if (ready && copyWithCommand(ready)) return Promise.resolve({ way: 'command' });
  return manual();
}

/** Renders and copies in one go: for callers without a click to keep (the CLI-less tests, scripts). */
export async function copyReportToClipboard(model: ReportModel): Promise<CopyOutcome> {
  return copyReport(await prepareCopy(model));
}

/** True when the browser ran the copy command and our handler filled both formats. */
function copyWithCommand({ html, text }: PreparedCopy): boolean {
  let filled = false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/html', html);
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    filled = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    // execCommand is deprecated but still the only synchronous copy in older webviews.
    return document.execCommand('copy') && filled;
  } catch {
    return false;
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

/** Offers bytes as a file download (a blob link the user's browser saves). */
export function saveFile(bytes: Uint8Array, name: string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers: give it time to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function downloadReportDocx(model: ReportModel): Promise<void> {
  const { buildDocx } = await import('../word/docx');
  const bytes = await buildDocx(model);
  saveFile(bytes, `${model.title}.docx`, DOCX_TYPE);
}
