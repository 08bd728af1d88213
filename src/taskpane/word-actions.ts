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

export async function copyReportToClipboard(model: ReportModel): Promise<CopyOutcome> {
  const { reportToHtml, reportHtmlFragment, reportToPlainText } = await import('../core/report/to-html');
  const html = reportToHtml(model);
  const text = reportToPlainText(model);
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      return { way: 'clipboard' };
    } catch {
      // Office's webviews often deny the async clipboard: fall through to the copy command.
    }
  }
  if (copyWithCommand(html, text)) return { way: 'command' };
  return { way: 'manual', fragment: reportHtmlFragment(model), text };
}

/** True when the browser ran the copy command and our handler filled both formats. */
function copyWithCommand(html: string, text: string): boolean {
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
