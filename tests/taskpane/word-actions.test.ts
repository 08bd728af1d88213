/** @jest-environment jsdom */
import { copyReport, copyReportToClipboard, prepareCopy } from '../../src/taskpane/word-actions';
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

/**
 * WebKit (Office on Mac) and Excel on the web let a copy through only while it is part of the
 * click: copyReport must reach the clipboard call before its first await. Each test checks the call
 * happened by the time copyReport returned, synchronously.
 */
describe('copyReport: nothing awaited before the copy', () => {
  const model = testModel();
  const nav = navigator as unknown as { clipboard?: unknown };
  const g = globalThis as unknown as { ClipboardItem?: unknown };
  const doc = document as unknown as { execCommand?: unknown; featurePolicy?: unknown };

  afterEach(() => {
    delete nav.clipboard;
    delete g.ClipboardItem;
    delete doc.execCommand;
    delete doc.featurePolicy;
  });

  /** jsdom's Blob has no text(). */
  const blobText = (b: Blob) =>
    new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.readAsText(b);
    });

  class Item {
    constructor(public items: Record<string, Blob | Promise<Blob>>) {}
  }

  test('prepared ahead: the async clipboard is called within the click', async () => {
    const prepared = await prepareCopy(model);
    const calls: Item[][] = [];
    g.ClipboardItem = Item;
    nav.clipboard = { write: (items: Item[]) => (calls.push(items), Promise.resolve()) };
    const out = copyReport(prepared);
    expect(calls).toHaveLength(1); // before any await
    await expect(out).resolves.toEqual({ way: 'clipboard' });
    expect(await blobText(calls[0]![0]!.items['text/html'] as Blob)).toContain(model.title);
  });

  test('still rendering: the clipboard gets promised blobs within the click (WebKit)', async () => {
    const calls: Item[][] = [];
    g.ClipboardItem = Item;
    nav.clipboard = { write: (items: Item[]) => (calls.push(items), Promise.resolve()) };
    const out = copyReport(prepareCopy(model));
    expect(calls).toHaveLength(1);
    const html = calls[0]![0]!.items['text/html'];
    expect(html).toBeInstanceOf(Promise);
    expect(await blobText(await html!)).toContain(model.title);
    await expect(out).resolves.toEqual({ way: 'clipboard' });
  });

  test('Excel on the web (no clipboard-write in the frame): execCommand within the click, both formats', async () => {
    const prepared = await prepareCopy(model);
    g.ClipboardItem = Item;
    const write = jest.fn(() => Promise.resolve());
    nav.clipboard = { write };
    doc.featurePolicy = { allowsFeature: (f: string) => f !== 'clipboard-write' };
    const data: Record<string, string> = {};
    let inClick = false;
    doc.execCommand = (cmd: string) => {
      inClick = true;
      const e = new Event('copy') as Event & { clipboardData: unknown };
      e.clipboardData = { setData: (t: string, v: string) => (data[t] = v) };
      document.dispatchEvent(e);
      return cmd === 'copy';
    };
    const out = copyReport(prepared);
    expect(inClick).toBe(true);
    await expect(out).resolves.toEqual({ way: 'command' });
    expect(write).not.toHaveBeenCalled();
    expect(data['text/html']).toContain(model.title);
  });

  test('neither allowed: the manual box last', async () => {
    doc.execCommand = () => false;
    const out = await copyReport(await prepareCopy(model));
    expect(out.way).toBe('manual');
  });
});
