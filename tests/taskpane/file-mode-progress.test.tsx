/** @jest-environment jsdom */
/**
 * The browser file mode while a file is read: a progress bar naming the file once reading has taken a
 * second, and none at all for a file read sooner (a bar that flashes for a moment reads as a glitch).
 */
import '../helpers/jsdom-globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { FileMode } from '../../src/taskpane/FileMode';
import { openFileHost } from '../../src/host/file-host';
import { HostError } from '../../src/host/types';

jest.mock('../../src/host/file-host', () => ({
  ...jest.requireActual<typeof import('../../src/host/file-host')>('../../src/host/file-host'),
  openFileHost: jest.fn(),
}));
const opening = jest.mocked(openFileHost);

beforeEach(() => {
  jest.useFakeTimers();
  opening.mockReset();
});
afterEach(() => jest.useRealTimers());

function renderPage(): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <FileMode />
    </FluentProvider>,
  );
}

/** Picks a file and lets the page read it in; returns the way to end the reading (with a refusal). */
async function pickFile(name: string): Promise<() => Promise<void>> {
  let refuse!: (e: HostError) => void;
  opening.mockReturnValueOnce(new Promise((_, reject) => (refuse = reject)));
  const calls = opening.mock.calls.length;
  const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]);
  const file = new File([bytes], name);
  // jsdom's File has no arrayBuffer(); a browser's gives the bytes.
  Object.defineProperty(file, 'arrayBuffer', { value: () => Promise.resolve(bytes.buffer) });
  await act(async () => {
    fireEvent.change(screen.getByTestId('ledger-file'), { target: { files: [file] } });
  });
  // file.arrayBuffer() resolves on a later turn: wait until the host is asked to open the bytes.
  await act(async () => {
    for (let i = 0; i < 20 && opening.mock.calls.length === calls; i++) await Promise.resolve();
  });
  expect(opening).toHaveBeenCalledTimes(calls + 1);
  return async () => {
    await act(async () => refuse(new HostError('读取失败（测试）')));
  };
}

const bar = () => screen.queryByRole('progressbar');

test('a reading that lasts: no bar before a second, the bar naming the file after it, gone when done', async () => {
  renderPage();
  const finish = await pickFile('大台账.xlsx');
  await act(async () => jest.advanceTimersByTime(999));
  expect(bar()).toBeNull();
  await act(async () => jest.advanceTimersByTime(1));
  expect(bar()).not.toBeNull();
  expect(bar()!.getAttribute('aria-label')).toBe('正在读取“大台账.xlsx”');
  expect(screen.getByText('正在读取“大台账.xlsx”…')).toBeTruthy();
  await finish();
  expect(bar()).toBeNull();
  expect(screen.getByText(/读取失败（测试）/)).toBeTruthy();
});

test('a reading done within the second never shows the bar, not after the second either, nor at once for the next file', async () => {
  renderPage();
  const finish = await pickFile('小台账.xlsx');
  await act(async () => jest.advanceTimersByTime(500));
  await finish();
  await act(async () => jest.advanceTimersByTime(2000));
  expect(bar()).toBeNull();
  // The next file starts without a bar: nothing of the first reading's timer is left over.
  const next = await pickFile('另一个台账.xlsx');
  expect(bar()).toBeNull();
  await next();
});
