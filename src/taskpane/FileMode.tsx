import { type DragEvent, Suspense, lazy, useEffect, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
import { FolderOpen20Regular } from '@fluentui/react-icons/svg/folder-open';
import { App } from './App';
import { type FileHost, fileNameProblem, openFileHost } from '../host/file-host';
import { HostError } from '../host/types';
import { XLSX_TYPE, saveFile } from './word-actions';

/**
 * The page outside Office (WPS users, an Excel without add-ins): the user opens a .xlsx, the same
 * pane runs on it in memory, and the results are downloaded. This module and the zip code behind
 * the file host load only here, so the add-in in Excel never pays for them.
 */
const useStyles = makeStyles({
  page: { minHeight: '100vh', boxSizing: 'border-box' },
  start: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: '720px',
    boxSizing: 'border-box',
  },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  fileBar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  fileName: { overflowWrap: 'anywhere', minWidth: '0', flex: '1 1 140px' },
  hidden: { display: 'none' },
  muted: { color: tokens.colorNeutralForeground3 },
});

// 汇总多个单位: its own chunk, loaded with the start page only.
const BatchFiles = lazy(() => import('./BatchFiles').then((m) => ({ default: m.BatchFiles })));

const PRIVACY = '文件不会上传：读取、计算和生成都在本页面中完成，关闭页面后不留副本。';

export function FileMode() {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [host, setHost] = useState<FileHost | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  // A new key per opened file: the pane starts fresh even when the same name is opened again.
  const [opened, setOpened] = useState(0);

  const open = async (file: File) => {
    setError(null);
    setSaved(null);
    const problem = fileNameProblem(file.name);
    if (problem) {
      setError(problem);
      return;
    }
    setOpening(file.name);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const next = await openFileHost(file.name, bytes);
      setHost(next);
      setOpened((n) => n + 1);
    } catch (e) {
      if (!(e instanceof HostError)) console.error(e);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setOpening(null);
    }
  };

  // Dropping anywhere on the page opens the file, instead of the browser navigating away to it.
  useEffect(() => {
    const stop = (e: Event) => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void open(file);
  };

  const pick = () => input.current?.click();

  const fileInput = (
    <input
      ref={input}
      type="file"
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      className={s.hidden}
      aria-label="选择台账文件"
      data-testid="ledger-file"
      onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        e.currentTarget.value = ''; // the same file can be chosen again after an error
        if (file) void open(file);
      }}
    />
  );

  const problems = (
    <>
      {opening && <Spinner size="small" label={`正在读取“${opening}”…`} />}
      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>无法打开文件</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );

  const download = () => {
    const bytes = host?.resultBytes();
    if (!host || !bytes) return;
    saveFile(bytes, host.resultName, XLSX_TYPE);
    setSaved(host.resultName);
  };

  return (
    <div
      className={s.page}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      {fileInput}
      {host ? (
        <App
          key={opened}
          host={host}
          header={
            <>
              <div className={s.fileBar}>
                <Text className={s.fileName} weight="semibold" title={host.fileName}>
                  {host.fileName}
                </Text>
                <Button size="small" icon={<FolderOpen20Regular />} onClick={pick}>
                  换一个文件
                </Button>
              </div>
              <Caption1 className={s.muted}>{PRIVACY}</Caption1>
              {problems}
              {saved && <Caption1>已开始下载“{saved}”。如果没有看到文件，请查看浏览器的下载列表或下载设置。</Caption1>}
            </>
          }
          onSheetsAdded={() => {
            const bytes = host.addedBytes();
            if (!bytes) return;
            saveFile(bytes, host.addedName, XLSX_TYPE);
            setSaved(host.addedName);
          }}
          resultActions={
            <Button appearance="primary" icon={<ArrowDownload20Regular />} onClick={download}>
              下载结果工作簿
            </Button>
          }
        />
      ) : (
        <main className={s.start}>
          <Text as="h1" size={500} weight="semibold">
            绩效监控助手
          </Text>
          <Text>
            不用 Excel
            也能生成部门事中绩效监控报告：打开预算执行台账（.xlsx），确认识别结果后生成，下载带“监控汇总”“监控报告”工作表的结果工作簿和
            Word 文档。
          </Text>
          <div className={mergeClasses(s.drop, dragging && s.dragging)}>
            <Button appearance="primary" icon={<FolderOpen20Regular />} onClick={pick} disabled={opening !== null}>
              打开台账文件
            </Button>
            <Caption1>或把 .xlsx 文件拖到这里。WPS 的 .et 或旧版 .xls 文件请先另存为 .xlsx。</Caption1>
          </div>
          {problems}
          <Suspense fallback={null}>
            <BatchFiles />
          </Suspense>
          <Caption1 className={s.muted}>{PRIVACY}</Caption1>
        </main>
      )}
    </div>
  );
}
