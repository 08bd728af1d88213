/** @jest-environment jsdom */
/**
 * The pane's 复制到 Word button: the report is rendered when the results show, so the click itself
 * copies before any await (WebKit and Excel on the web drop a copy made after one).
 */
import '../helpers/jsdom-globals';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { type WorkbookGrid } from '../../src/core/grid/types';
import { type WorkbookHost } from '../../src/host/types';
import { ledgerRows, LEDGER_SHEET } from '../excel/ledger';

const grid: WorkbookGrid = { sheets: [{ name: LEDGER_SHEET, rows: ledgerRows(30) }] };
const host: WorkbookHost = {
  kind: 'excel',
  capabilities: { canDownload: false, canSelect: true, writesInPlace: true },
  readGrid: async () => grid,
  applyPlan: async () => ({ warnings: ['“监控汇总”的表头未能冻结（不影响内容）。'] }),
  clearHighlights: async () => 0,
  selectCell: async () => undefined,
  loadSettings: async () => null,
  saveSettings: async () => undefined,
};

const doc = document as unknown as { execCommand?: unknown };
afterEach(() => delete doc.execCommand);

test('the click copies at once with the report rendered beforehand; warnings of the write are shown', async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
  await screen.findByText('识别结果与选项');
  await act(async () => fireEvent.click(screen.getByText('生成监控报告')));
  expect(await screen.findByText(/表头未能冻结/)).toBeTruthy();
  const copied: Record<string, string>[] = [];
  doc.execCommand = (cmd: string) => {
    const data: Record<string, string> = {};
    const e = new Event('copy') as Event & { clipboardData: unknown };
    e.clipboardData = { setData: (t: string, v: string) => (data[t] = v) };
    document.dispatchEvent(e);
    copied.push(data);
    return cmd === 'copy';
  };
  const button = screen.getByRole('button', { name: '复制到 Word' });
  // Let the rendering started when the results showed finish (a dynamic import and the HTML).
  await act(async () => new Promise((r) => setTimeout(r, 50)));
  fireEvent.click(button);
  // Synchronously after the click, before anything was awaited:
  expect(copied).toHaveLength(1);
  expect(copied[0]!['text/html']).toContain('绩效监控报告');
  await waitFor(() => expect(screen.getByText('已复制，可在 Word 中粘贴')).toBeTruthy());
});
