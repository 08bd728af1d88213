/** @jest-environment jsdom */
import { copyReportToClipboard } from '../../src/taskpane/word-actions';
import { testModel } from '../word/fixture';

/**
 * 复制到 Word tries the async clipboard, then the copy command, then leaves it to the user's
 * Ctrl+C, and says which way worked. jsdom has neither clipboard API, so each is stubbed here.
 */
describe('copyReportToClipboard', () => {
  const model = testModel();
  const nav = navigator as unknown as { clipboard?: unknown };
  const g = globalThis as unknown as { ClipboardItem?: unknown };
  const doc = document as unknown as { execCommand?: unknown };

  afterEach(() => {
    delete nav.clipboard;
    delete g.ClipboardItem;
    delete doc.execCommand;
  });

  test('the async clipboard with text/html and text/plain when allowed', async () => {
    const written: Record<string, Blob>[] = [];
    g.ClipboardItem = class {
      constructor(public items: Record<string, Blob>) {}
    };
    nav.clipboard = { write: async (items: { items: Record<string, Blob> }[]) => void written.push(items[0]!.items) };
    await expect(copyReportToClipboard(model)).resolves.toEqual({ way: 'clipboard' });
    expect(Object.keys(written[0]!).sort()).toEqual(['text/html', 'text/plain']);
  });

  test('the copy command, both formats, when the async clipboard is refused', async () => {
    g.ClipboardItem = class {};
    nav.clipboard = { write: () => Promise.reject(new Error('NotAllowedError')) };
    const data: Record<string, string> = {};
    doc.execCommand = (cmd: string) => {
      const e = new Event('copy') as Event & { clipboardData: unknown };
      e.clipboardData = { setData: (t: string, v: string) => (data[t] = v) };
      document.dispatchEvent(e);
      return cmd === 'copy';
    };
    await expect(copyReportToClipboard(model)).resolves.toEqual({ way: 'command' });
    expect(data['text/html']).toContain(model.title);
    expect(data['text/plain']).toContain(model.title);
  });

  test('by hand (Ctrl+C on a selected box) when the page may not write the clipboard at all', async () => {
    doc.execCommand = () => false;
    const out = await copyReportToClipboard(model);
    expect(out.way).toBe('manual');
    if (out.way === 'manual') {
      expect(out.fragment).toContain(model.title);
      expect(out.fragment).not.toContain('<html');
    }
  });
});
