import { type ReportModel } from '../core/report/types';

/**
 * The Word actions, with the HTML renderer and the .docx library loaded only when clicked, so they
 * stay out of the task pane's first chunk.
 */
export async function copyReportToClipboard(model: ReportModel): Promise<void> {
  const { reportToHtml, reportToPlainText } = await import('../core/report/to-html');
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
      return;
    } catch {
      // Office's webviews often deny the async clipboard: fall through to the copy command.
    }
  }
  copyWithCommand(html, text);
}

function copyWithCommand(html: string, text: string): void {
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/html', html);
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    if (!document.execCommand('copy')) throw new Error('copy refused');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

export async function downloadReportDocx(model: ReportModel): Promise<void> {
  const { buildDocx } = await import('../word/docx');
  const bytes = await buildDocx(model);
  const blob = new Blob([bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${model.title}.docx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
