import { createRoot } from 'react-dom/client';
import { FluentProvider, Spinner, Text, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { type ReactNode, Suspense, lazy } from 'react';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { createExcelHost, REQUIRED_SET } from '../excel/host';

/** Dark Office themes have a dark body background; everything else reads best on the light theme. */
function themeOfOffice() {
  const bg = typeof Office !== 'undefined' ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  const m = bg ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(bg) : null;
  if (!m) return webLightTheme;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16));
  return 0.299 * r! + 0.587 * g! + 0.114 * b! < 128 ? webDarkTheme : webLightTheme;
}

function render(node: ReactNode): void {
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(
    <FluentProvider theme={themeOfOffice()} style={{ minHeight: '100vh' }}>
      <ErrorBoundary>{node}</ErrorBoundary>
    </FluentProvider>,
  );
}

function Message({ title, text }: { title: string; text: string }) {
  return (
    <main style={{ padding: 16, display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Text as="h1" size={500} weight="semibold">
        {title}
      </Text>
      <Text>{text}</Text>
    </main>
  );
}

// Outside Office the page works on a file the user opens; that code (and the zip library behind
// it) is a separate chunk, so the add-in in Excel never downloads it.
const FileMode = lazy(() => import('./FileMode').then((m) => ({ default: m.FileMode })));

const notInOffice = () =>
  render(
    <Suspense fallback={<Spinner size="small" label="正在加载文件模式…" style={{ padding: 16 }} />}>
      <FileMode />
    </Suspense>,
  );

if (typeof Office === 'undefined') {
  notInOffice();
} else {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      notInOffice();
    } else if (!Office.context.requirements.isSetSupported(REQUIRED_SET.name, REQUIRED_SET.version)) {
      render(
        <Message
          title="此版本的 Excel 不支持绩效监控助手"
          text="需要 Excel 2019、Microsoft 365 或网页版 Excel（ExcelApi 1.7 及以上）。请升级 Office，或在浏览器中使用网页版 Excel 打开此工作簿。"
        />,
      );
    } else {
      render(<App host={createExcelHost()} />);
    }
  });
}
