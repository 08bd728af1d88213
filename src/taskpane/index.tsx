import { type Root, createRoot } from 'react-dom/client';
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

let root: Root | null = null;

function render(node: ReactNode): void {
  const el = document.getElementById('root');
  if (!el) return;
  // One root: a late Office.onReady after the timeout message replaces it, not a second root.
  root ??= createRoot(el);
  root.render(
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

/** How long Office.js may take to say which host it runs in before the pane says something. */
const OFFICE_READY_TIMEOUT_MS = 15_000;

// The static page's fallback (boot.js) stands down: the bundle runs.
(window as { __jixiaoStarted?: boolean }).__jixiaoStarted = true;

/** taskpane.html is the add-in's page: it expects Office.js; index.html is the file mode. */
const expectsOffice = document.querySelector('meta[name="jixiao-mode"][content="office"]') !== null;
const fileModeUrl = () => new URL('index.html', location.href).href;

if ((window as { __jixiaoLegacy?: boolean }).__jixiaoLegacy) {
  // boot.js found a webview the pane does not support and already says so: leave its message.
} else if (typeof Office === 'undefined') {
  if (expectsOffice) {
    // The Office.js script did not load: an intranet without access to Microsoft's CDN.
    render(
      <Message
        title="无法连接 Excel：Office.js 未能加载"
        text={`加载项需要从 appsforoffice.microsoft.com 下载 Office.js，但网络无法访问该地址（单位内网常见）。请联系管理员放行该地址，或按部署说明改用随加载项一起发布的 Office.js。也可在浏览器中打开文件模式使用：${fileModeUrl()}`}
      />,
    );
  } else notInOffice();
} else {
  let ready = false;
  const timer = setTimeout(() => {
    if (ready) return;
    render(
      <Message
        title="连接 Excel 超时"
        text={`Excel 在 ${OFFICE_READY_TIMEOUT_MS / 1000} 秒内没有响应。请关闭任务窗格后重新打开；如仍不行，请重启 Excel。也可在浏览器中打开文件模式使用：${fileModeUrl()}`}
      />,
    );
  }, OFFICE_READY_TIMEOUT_MS);
  void Office.onReady((info) => {
    ready = true;
    clearTimeout(timer);
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
