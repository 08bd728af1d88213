import { type ReactNode, Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentBulletList20Regular } from '@fluentui/react-icons/svg/document-bullet-list';
import { Eraser20Regular } from '@fluentui/react-icons/svg/eraser';
import { ArrowSync20Regular } from '@fluentui/react-icons/svg/arrow-sync';
import { type ReportOptions } from '../core/pipeline-options';
import { isoDate, parseIsoDate, today } from '../core/report/signature';
import { TARGETS_SHEET } from '../core/constants';
import { type WorkbookGrid } from '../core/grid/types';
import { type ReportModel } from '../core/report/types';
import { LedgerError } from '../core/errors';
import { type Place, type RecognizeOptions } from '../core/types';
import { HostError, type HostProgress, type HostSettings, type WorkbookHost } from '../host/types';
import { RecognitionPanel } from './components/RecognitionPanel';
import { where } from './format';
import { paneText } from './pane-text';
import { FIELD_LABELS, fieldErrors } from './recognition-fields';

// The recogniser is a chunk of its own, fetched as soon as the pane starts and awaited with the first
// read of the workbook: the first screen's JavaScript stays within its budget.
type Recogniser = typeof import('./recognition-probe');
let loadedRecogniser: Recogniser | null = null;
const recogniser = import('./recognition-probe').then((m) => (loadedRecogniser = m));
import { settingsToRemember } from './remembered-settings';
import { type CopyOutcome, type PreparedCopy, copyReport, downloadReportDocx, prepareCopy } from './word-actions';

// The results (tables, narrative) appear only after a run: their code loads then, not at start-up.
// The options (radio group, checkbox) show only after the workbook is read: their import starts at
// once and runs alongside the read, outside the first chunk the production build holds to 160 KB.
// Not React.lazy: that suspends once even when the import has finished, and the panel would flash a
// spinner; this renders at once when the chunk is already there (the usual case).
type OptionsPanelType = (typeof import('./components/OptionsPanel'))['OptionsPanel'];
let loadedOptionsPanel: OptionsPanelType | null = null;
const optionsPanel = import('./components/OptionsPanel').then((m) => (loadedOptionsPanel = m.OptionsPanel));
// Shown only when neither clipboard way works: rare enough to load on demand.
const ManualCopyBox = lazy(() => import('./components/ManualCopyBox').then((m) => ({ default: m.ManualCopyBox })));
const ResultsPanel = lazy(() => import('./components/ResultsPanel').then((m) => ({ default: m.ResultsPanel })));
// Shown only when the ledger's own figures disagree.
const DiscrepancyPanel = lazy(() =>
  import('./components/DiscrepancyPanel').then((m) => ({ default: m.DiscrepancyPanel })),
);

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: '720px',
    boxSizing: 'border-box',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // A plain rule instead of Fluent's Divider: the same line for ~2.5 KB less in the first chunk.
  rule: { border: 'none', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, margin: 0, width: '100%' },
  summary: { cursor: 'pointer', marginBottom: tokens.spacingVerticalS, '& h2': { display: 'inline' } },
  muted: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
});

const EMPTY_SETTINGS: HostSettings = { recognize: {}, indicators: {}, title: {} };

interface Notice {
  readonly intent: 'success' | 'warning' | 'error' | 'info';
  readonly title: string;
  readonly text: string;
  readonly place?: Place | null;
}

export interface AppProps {
  readonly host: WorkbookHost;
  /** Shown under the title: the file mode's current file and its 换一个文件. */
  readonly header?: ReactNode;
  /** Extra buttons beside 生成监控报告 once a report exists (the file mode's workbook download). */
  readonly resultActions?: ReactNode;
  /**
   * Where the host does not write into an open workbook (the file mode), hands the user the
   * workbook with the sheet 添加绩效目标表 added, to fill in and open again.
   */
  readonly onSheetsAdded?: () => void;
}

/** The task pane: recognise, let the user correct, generate, show the results. */
export function App({ host, header, resultActions, onSheetsAdded }: AppProps) {
  const s = useStyles();
  const [grid, setGrid] = useState<WorkbookGrid | null>(null);
  const [settings, setSettings] = useState<HostSettings>(EMPTY_SETTINGS);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<HostProgress | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [model, setModel] = useState<ReportModel | null>(null);
  const [recognise, setRecognise] = useState<Recogniser | null>(() => loadedRecogniser);
  const [OptionsPanel, setOptionsPanel] = useState<OptionsPanelType | null>(() => loadedOptionsPanel);
  useEffect(() => {
    if (!OptionsPanel) void optionsPanel.then((c) => setOptionsPanel(() => c));
  }, [OptionsPanel]);
  // The buttons that report back (复制到 Word, downloads) sit far below the notice in a 320 px pane:
  // bring each new notice into view so the user sees what happened.
  const noticeRef = useRef<HTMLDivElement>(null);

  // The 成文日期 of the 落款: today unless the user picks another day; never remembered.
  const [signDate, setSignDate] = useState<string>(() => isoDate(today()));
  const options: ReportOptions = useMemo(
    () => ({
      ...settings.recognize,
      ...settings.indicators,
      ...settings.title,
      signedOn: parseIsoDate(signDate) ?? today(),
    }),
    [settings.recognize, settings.indicators, settings.title, signDate],
  );

  const read = useCallback(async () => {
    setLoading(true);
    setNotice(null);
    try {
      const [saved, g, r] = await Promise.all([host.loadSettings().catch(() => null), host.readGrid(), recogniser]);
      setRecognise(() => r);
      const fromSaved = saved ? r.settingsForWorkbook(saved, g) : null;
      // A re-read keeps the month, year and row roles picked in this session (they are not
      // remembered), but not 仍按当前识别结果生成: that was said of the figures read before.
      setSettings((current) => {
        const base = fromSaved?.settings ?? current;
        const { acceptDifferences: _accepted, ...recognize } = base.recognize;
        return { ...base, recognize: { ...recognize, ...sessionChoices(current.recognize) } };
      });
      if (fromSaved?.reset) {
        setNotice({
          intent: 'info',
          title: '台账表头已变化',
          text: '上次手动更正的列已不再适用，已重新自动识别各列，请核对识别结果。',
        });
      }
      setGrid(g);
    } catch (e) {
      setNotice(noticeOf(e, '读取工作簿失败'));
    } finally {
      setLoading(false);
    }
  }, [host]);

  useEffect(() => {
    void read();
  }, [read]);

  // The preview follows every correction without reading the workbook again.
  // Recognition only: the narrative and plan code is a separate chunk, loaded by 生成监控报告.
  const preview = useMemo(
    () => (grid && recognise ? recognise.safePreview(grid, options) : null),
    [grid, options, recognise],
  );
  const recognition = preview?.ok ? preview.value.recognition : null;
  const failure = preview && !preview.ok ? preview.error : null;
  // When it stopped on something the user gives (the year, the month), what the rest reads as.
  const probe = useMemo(
    () => (grid && failure && recognise ? recognise.probeRecognition(grid, options, failure) : null),
    [grid, options, failure, recognise],
  );
  const shown = recognition ?? probe?.recognition ?? null;
  const errors = fieldErrors(failure);
  // Listed, and blocking until fixed or accepted, also while another setting is still missing.
  const discrepancies = shown?.discrepancies ?? [];
  const blockedByDifferences = discrepancies.length > 0 && options.acceptDifferences !== true;
  const canGenerate = preview?.ok === true && !blockedByDifferences;
  const showDifferences =
    discrepancies.length > 0 ||
    errors.byField.discrepancy !== undefined ||
    Object.keys(settings.recognize.rowRoles ?? {}).length > 0;
  const setRecognize = useCallback((recognize: RecognizeOptions) => setSettings((x) => ({ ...x, recognize })), []);
  // 添加绩效目标表 where the sheet can reach the user (written in place, or handed over as a
  // download), and never over a sheet of that name.
  const canAddTargets =
    (host.capabilities.writesInPlace || onSheetsAdded !== undefined) &&
    preview?.ok === true &&
    preview.value.targetSheet === null &&
    !blockedByDifferences &&
    !grid?.sheets.some((x) => x.name.toLowerCase() === TARGETS_SHEET.toLowerCase());

  const select = useCallback(
    (p: Place) => {
      if (p.row === null) return;
      host.selectCell(p.sheet, p.row, p.column ?? undefined).catch((e: unknown) => setNotice(noticeOf(e, '无法定位')));
    },
    [host],
  );

  useEffect(() => {
    if (notice) noticeRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [notice]);

  // Set when neither clipboard way was allowed: the report is shown selected for Ctrl+C.
  const [manualCopy, setManualCopy] = useState<string | null>(null);

  const generate = async () => {
    setBusy(true);
    setNotice(null);
    setProgress({ step: '正在读取工作簿…', fraction: 0.02 });
    try {
      // Read again: the user may have edited the ledger since the pane opened.
      const g = await host.readGrid();
      setGrid(g);
      setProgress({ step: '正在计算…', fraction: 0.15 });
      const { buildReport } = await import('../core/pipeline');
      const out = buildReport(g, options);
      if (!out.ok) throw out.error;
      const applied = await host.applyPlan(out.value.plan, setProgress);
      setModel(out.value.model);
      const flagged = out.value.model.indicators.flagged.length;
      const sheets = out.value.plan.sheets.map((x) => `“${x.name}”`).join('');
      // Parts that did not go through (a chart, a protected sheet's highlights) while the report did.
      const warnings = applied?.warnings ?? [];
      setNotice({
        intent: warnings.length ? 'warning' : 'success',
        title: '监控报告已生成',
        text:
          (host.capabilities.writesInPlace
            ? `已写入${sheets}工作表${flagged ? `，并在台账上标注了${flagged}个执行滞后的项目` : ''}。`
            : `已生成结果工作簿（含${sheets}工作表${flagged ? `，${flagged}个执行滞后的项目已标注` : ''}），请点击“下载结果工作簿”保存；原文件未改动。`) +
          warnings.join(''),
      });
      // Remembering options is a convenience: a failure to save is not the user's problem.
      await host
        .saveSettings(settingsToRemember(settings, g, out.value.model.recognition.budget))
        .catch(() => undefined);
    } catch (e) {
      setNotice(noticeOf(e, '生成失败'));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const addTargets = async () => {
    if (!preview?.ok || !grid) return;
    setBusy(true);
    setNotice(null);
    try {
      const [{ buildReport }, { addTargetsSheetPlan }] = await Promise.all([
        import('../core/pipeline'),
        import('../core/plan/targets-sheet'),
      ]);
      const full = buildReport(grid, options);
      if (!full.ok) throw full.error;
      const model = full.value.model;
      await host.applyPlan(addTargetsSheetPlan(model), setProgress);
      const projects = model.indicators.items.filter((i) => i.line.category === '项目支出').length;
      await read(); // the new sheet is in the workbook now: the button goes, a later run reads the targets
      if (!host.capabilities.writesInPlace) onSheetsAdded?.();
      const fill = `请填写三级指标、年度指标值和1-${model.month}月完成情况`;
      setNotice({
        intent: 'success',
        title: '已添加绩效目标表',
        text: host.capabilities.writesInPlace
          ? `已添加“${TARGETS_SHEET}”工作表，列出了台账中的${projects}个项目和基本支出。${fill}，然后重新生成监控报告。`
          : `已下载添加了“${TARGETS_SHEET}”工作表的台账（列出了${projects}个项目和基本支出）。${fill}后，在本页面打开该文件重新生成。`,
      });
    } catch (e) {
      setNotice(noticeOf(e, '添加绩效目标表失败'));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const clear = async () => {
    setBusy(true);
    try {
      const cleared = await host.clearHighlights();
      const n = typeof cleared === 'number' ? cleared : cleared.removed;
      const warnings = typeof cleared === 'number' ? [] : cleared.warnings;
      setNotice({
        intent: warnings.length ? 'warning' : 'info',
        title: '标注已清除',
        text: (n ? `已清除${n}处标注，台账内容未改动。` : '没有需要清除的标注。') + warnings.join(''),
      });
    } catch (e) {
      setNotice(noticeOf(e, '清除标注失败'));
    } finally {
      setBusy(false);
    }
  };

  // The report for the clipboard, rendered as soon as the results show: the click on 复制到 Word
  // must not await anything before the copy (WebKit and Excel on the web drop it otherwise).
  const prepared = useRef<PreparedCopy | Promise<PreparedCopy> | null>(null);
  useEffect(() => {
    prepared.current = null;
    if (!model) return;
    const p = prepareCopy(model);
    prepared.current = p;
    p.then(
      (ready) => {
        if (prepared.current === p) prepared.current = ready;
      },
      () => {
        if (prepared.current === p) prepared.current = null;
      },
    );
  }, [model]);

  const copyToWord = () => {
    if (!model) return;
    setManualCopy(null);
    copyReport(prepared.current ?? prepareCopy(model)).then(
      (outcome) => {
        if (outcome.way === 'manual') setManualCopy(outcome.fragment);
        setNotice(copyNotice(outcome));
      },
      (e: unknown) => setNotice(noticeOf(e, '复制未完成')),
    );
  };

  const downloadDocx = async () => {
    if (!model) return;
    try {
      await downloadReportDocx(model);
      setNotice({
        intent: 'success',
        title: 'Word 文档已开始下载',
        // Mac webviews drop blob downloads without an error: say what to do if nothing arrives.
        text: '如果没有出现下载的文件（如 Mac 版 Office 会忽略下载），请点击“复制到 Word”，在 Word 中新建文档后粘贴。',
      });
    } catch (e) {
      setNotice(noticeOf(e, '下载未完成'));
    }
  };

  return (
    <main className={s.root} aria-busy={busy || loading}>
      <Text as="h1" size={500} weight="semibold">
        绩效监控助手
      </Text>
      {header}
      {notice && (
        <MessageBar
          ref={noticeRef}
          intent={notice.intent}
          layout="multiline"
          role={notice.intent === 'error' ? 'alert' : 'status'}
        >
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.text}
            {notice.place && notice.place.row !== null && host.capabilities.canSelect && (
              <>
                {' '}
                <Link as="button" onClick={() => select(notice.place!)}>
                  定位到{where(notice.place)}
                </Link>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {manualCopy !== null && (
        <Suspense fallback={null}>
          <ManualCopyBox
            fragment={manualCopy}
            onCopied={() => {
              setManualCopy(null);
              setNotice({ intent: 'success', title: '已复制', text: '请到 Word 中粘贴（Ctrl+V）。' });
            }}
            onClose={() => setManualCopy(null)}
          />
        </Suspense>
      )}
      {loading && <Spinner size="small" label="正在读取工作簿…" />}
      {!loading && !grid && (
        <Button icon={<ArrowSync20Regular />} onClick={() => void read()}>
          重新读取
        </Button>
      )}
      {grid && (
        <>
          {/* After a run the results come first; recognition folds away but stays one click off. */}
          {/* It opens again when something stops the next run, so the fix is never folded away. */}
          <details className={s.details} open={!model || !canGenerate} key={model && canGenerate ? 'after' : 'before'}>
            <summary className={s.summary}>
              <Text id="rec-title" as="h2" weight="semibold">
                识别结果与选项
              </Text>
            </summary>
            <section className={s.section} aria-labelledby="rec-title">
              {/* A refusal on the ledger's differences is told by the list of them just below. */}
              {failure && failure.field !== 'discrepancy' && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{failureTitle(failure)}</MessageBarTitle>
                    {errors.top ?? `请按下方标红的提示更正“${FIELD_LABELS[failure.field ?? 'file']}”。`}
                    {failure.place && failure.place.row !== null && host.capabilities.canSelect && (
                      <>
                        {' '}
                        <Link as="button" onClick={() => select(failure.place!)}>
                          定位到{where(failure.place)}
                        </Link>
                      </>
                    )}
                  </MessageBarBody>
                </MessageBar>
              )}
              {showDifferences && (
                <Suspense fallback={<Spinner size="tiny" />}>
                  <DiscrepancyPanel
                    discrepancies={discrepancies}
                    ledgerSheet={shown?.budget.sheet ?? null}
                    options={settings.recognize}
                    onChange={setRecognize}
                    canSelect={host.capabilities.canSelect}
                    onSelect={select}
                    error={errors.byField.discrepancy}
                    disabled={busy}
                  />
                </Suspense>
              )}
              <RecognitionPanel
                grid={grid}
                recognition={shown}
                standIns={probe?.standIns}
                errors={errors.byField}
                options={settings.recognize}
                disabled={busy}
                onChange={setRecognize}
              />
            </section>
            <hr className={s.rule} />
            <section className={s.section} aria-labelledby="opt-title">
              <Text id="opt-title" as="h3" weight="semibold">
                选项
              </Text>
              {errors.byField.options && (
                <Caption1 className={s.error} role="alert">
                  {errors.byField.options}
                </Caption1>
              )}
              {OptionsPanel ? (
                <OptionsPanel
                  options={settings.indicators}
                  signDate={signDate}
                  onSignDateChange={setSignDate}
                  disabled={busy}
                  onChange={(indicators) => setSettings((x) => ({ ...x, indicators }))}
                />
              ) : (
                <Spinner size="tiny" />
              )}
            </section>
          </details>
          <div className={s.actions}>
            <Button
              appearance="primary"
              icon={<DocumentBulletList20Regular />}
              disabled={busy || !canGenerate}
              onClick={() => void generate()}
            >
              生成监控报告
            </Button>
            {canAddTargets && (
              <Button disabled={busy} onClick={() => void addTargets()}>
                添加绩效目标表
              </Button>
            )}
            {host.capabilities.writesInPlace && (
              <Button icon={<Eraser20Regular />} disabled={busy} onClick={() => void clear()}>
                清除标注
              </Button>
            )}
            {/* A file opened in the page never changes under the pane: nothing to read again. */}
            {host.kind !== 'file' && (
              <Button
                icon={<ArrowSync20Regular />}
                disabled={busy}
                onClick={() => void read()}
                aria-label="重新读取工作簿"
              >
                重新读取
              </Button>
            )}
            {model && resultActions}
          </div>
          {!busy && !canGenerate && (
            <Caption1 className={s.muted}>
              {(blockedByDifferences && preview?.ok) || failure?.field === 'discrepancy'
                ? '还不能生成：台账的数字对不上。请处理上面列出的行，或勾选“仍按当前识别结果生成”。'
                : '还不能生成：请先按上面的提示更正识别结果。'}
            </Caption1>
          )}
          {progress && <ProgressBar value={progress.fraction} aria-label={progress.step} />}
          {progress && <Text size={200}>{progress.step}</Text>}
          {model && (
            <>
              <Suspense fallback={<Spinner size="small" label="正在显示结果…" />}>
                <ResultsPanel
                  model={model}
                  busy={busy}
                  canSelect={host.capabilities.canSelect}
                  canDownload={host.capabilities.canDownload}
                  onSelect={select}
                  onCopy={copyToWord}
                  onDownload={() => void downloadDocx()}
                />
              </Suspense>
            </>
          )}
        </>
      )}
    </main>
  );
}

function copyNotice(outcome: CopyOutcome): Notice {
  if (outcome.way === 'manual') {
    return { intent: 'warning', title: '无法自动复制', text: '请按下方提示用 Ctrl+C 复制。' };
  }
  return {
    intent: 'success',
    title: '已复制，可在 Word 中粘贴',
    text:
      outcome.way === 'clipboard'
        ? '已通过系统剪贴板复制（带格式）。'
        : '剪贴板接口不可用，已改用浏览器的复制命令（带格式）。',
  };
}

/** The settings of this session a re-read keeps: they belong to this report, not to the workbook. */
function sessionChoices(r: RecognizeOptions): RecognizeOptions {
  return {
    ...(r.month !== undefined ? { month: r.month } : {}),
    ...(r.year !== undefined ? { year: r.year } : {}),
    ...(r.rowRoles !== undefined ? { rowRoles: r.rowRoles } : {}),
  };
}

function failureTitle(e: LedgerError): string {
  return e.field === 'options' ? '选项有误' : '未能识别台账';
}

function noticeOf(e: unknown, title: string): Notice {
  if (e instanceof LedgerError) return { intent: 'error', title, text: paneText(e.message), place: e.place };
  if (e instanceof HostError) return { intent: 'error', title, text: e.message };
  console.error(e);
  const msg = e instanceof Error ? e.message : String(e);
  return { intent: 'error', title, text: `出现意外错误（${msg}）。请重试；如仍失败，请关闭任务窗格后重新打开。` };
}
