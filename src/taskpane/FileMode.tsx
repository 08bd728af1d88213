import { type DragEvent, Suspense, lazy, useEffect, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
import { FolderOpen20Regular } from '@fluentui/react-icons/svg/folder-open';
import { App } from './App';
import { type FileHost, fileProblemOf, openFileHost } from '../host/file-host';
import { HostError } from '../host/types';
import { XLSX_TYPE, saveFile } from './word-actions';

/**
 * The page outside Office (WPS users, an Excel without add-ins): the user opens a workbook (.xlsx,
 * .xls, .et, .csv…, read by its content; a password-protected one after asking for the password), the same
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
const ACCEPT = [
  '.xlsx',
  '.xlsm',
  '.xls',
  '.et',
  '.csv',
  '.xlsb',
  '.ods',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'text/csv',
].join(',');
/**
 * Above this the page refuses with a message instead of freezing the tab: reading, unzipping and the
 * result copy need several times the file's size, which a browser tab may not be given.
 */
export const MAX_FILE_MB = 200;
/** Reading shows a progress bar only when it lasts longer than this (a quick file should not flicker). */
const PROGRESS_AFTER_MS = 1000;

/** A file waiting for its open password: the bytes stay in memory until the user answers or picks another. */
interface Pending {
  readonly name: string;
  readonly bytes: Uint8Array;
}

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
  const [slow, setSlow] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [password, setPassword] = useState('');

  const openBytes = async (name: string, bytes: Uint8Array, pw?: string) => {
    setOpening(name);
    const timer = setTimeout(() => setSlow(true), PROGRESS_AFTER_MS);
    try {
      const next = await openFileHost(name, bytes, pw === undefined ? {} : { password: pw });
      setPending(null);
      setHost(next);
      setOpened((n) => n + 1);
    } catch (e) {
      if (!(e instanceof HostError)) console.error(e);
      const problem = fileProblemOf(e);
      if (problem === 'password-needed' || problem === 'wrong-password') {
        setPending({ name, bytes });
        if (problem === 'wrong-password') setError(e instanceof Error ? e.message : String(e));
      } else {
        setPending(null);
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      clearTimeout(timer);
      setSlow(false);
      setOpening(null);
      setPassword('');
    }
  };

  const open = async (file: File) => {
    setError(null);
    setSaved(null);
    setPending(null);
    if (file.size === 0) {
      setError(
        `“${file.name}”是空文件（0 字节），里面没有任何内容，可能是下载或复制没有完成。请从原处重新下载或复制一份再试。`,
      );
      return;
    }
    const mb = file.size / 1024 / 1024;
    if (mb > MAX_FILE_MB) {
      setError(
        `“${file.name}”有 ${mb.toFixed(1)} MB，超过网页版能打开的 ${MAX_FILE_MB} MB。请删去台账中大片带格式的空行、空列或不需要的工作表后另存再试，或使用命令行版本（npm run report）。`,
      );
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      console.error(e);
      setError(
        `浏览器无法读入“${file.name}”（${mb.toFixed(1)} MB，可能是内存不足）。请关闭其他标签页后重试，或使用命令行版本（npm run report）。`,
      );
      return;
    }
    await openBytes(file.name, bytes);
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
      accept={ACCEPT}
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
      {opening && slow && (
        <Field validationMessage={`正在读取“${opening}”…`} validationState="none">
          <ProgressBar aria-label={`正在读取“${opening}”`} />
        </Field>
      )}
      {pending && !opening && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (password !== '') void openBytes(pending.name, pending.bytes, password);
          }}
        >
          <Field
            label={`“${pending.name}”设置了打开密码，请输入密码：`}
            hint="密码只用于在本页面中打开这个文件，不会保存，也不会发送到任何地方；下载的结果工作簿用同一密码加密。"
          >
            <Input
              type="password"
              autoComplete="off"
              value={password}
              onChange={(_, d) => setPassword(d.value)}
              data-testid="ledger-password"
            />
          </Field>
          <Button type="submit" appearance="primary" disabled={password === ''}>
            打开
          </Button>
        </form>
      )}
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
              {host.note && (
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>{host.note}</MessageBarBody>
                </MessageBar>
              )}
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
            不用 Excel 也能生成部门事中绩效监控报告：打开预算执行台账（.xlsx、.xls、WPS .et 或系统导出的
            .csv），确认识别结果后生成，下载带“监控汇总”“监控报告”工作表的结果工作簿和 Word 文档。
          </Text>
          <div className={mergeClasses(s.drop, dragging && s.dragging)}>
            <Button appearance="primary" icon={<FolderOpen20Regular />} onClick={pick} disabled={opening !== null}>
              打开台账文件
            </Button>
            <Caption1>或把台账文件拖到这里。.xls、.et、.csv 会按原样读取，结果是一个新的 .xlsx，原文件不变。</Caption1>
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
