import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type BatchFilesResult } from '../host/batch-files';
import { DOCX_TYPE, XLSX_TYPE, saveFile } from './word-actions';

/**
 * 汇总多个单位 in the file mode: pick several ledgers or a folder; 汇总.xlsx and 汇总通报.docx are built in
 * the page and downloaded. The work (and the .docx library) loads only when the user picks files.
 */
const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function BatchFiles() {
  const s = useStyles();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [result, setResult] = useState<BatchFilesResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  // React has no prop for it: the folder picker is an attribute on the input.
  useEffect(() => folder.current?.setAttribute('webkitdirectory', ''), []);

  const run = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setError(null);
    setResult(null);
    const picked = Array.from(list).map((f) => ({
      name: f.webkitRelativePath || f.name,
      bytes: async () => new Uint8Array(await f.arrayBuffer()),
    }));
    setProgress(`正在汇总 0/${picked.length}`);
    try {
      const { summarizeFiles } = await import('../host/batch-files');
      const r = await summarizeFiles(picked, {}, (done, total, name) =>
        setProgress(`正在汇总 ${done}/${total}：${name}`),
      );
      setResult(r);
      saveFile(r.summary, '汇总.xlsx', XLSX_TYPE);
      saveFile(r.bulletin, '汇总通报.docx', DOCX_TYPE);
    } catch (e) {
      console.error(e);
      setError(`汇总时出错：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setProgress(null);
    }
  };

  const input = (ref: typeof files, label: string) => (
    <input
      ref={ref}
      type="file"
      multiple
      accept=".xlsx"
      style={{ display: 'none' }}
      aria-label={label}
      onChange={(e) => {
        const list = e.currentTarget.files;
        void run(list).finally(() => {
          if (ref.current) ref.current.value = '';
        });
      }}
    />
  );

  const m = result?.model;
  return (
    <section aria-label="汇总多个单位" className={s.box}>
      <Text as="h2" size={400} weight="semibold">
        汇总多个单位（主管部门、财政局）
      </Text>
      <Text>
        选择多个单位的台账或一个文件夹，生成“汇总.xlsx”（各单位执行率排名与图表、全部滞后项目、未能读取的台账）和“汇总通报.docx”。
      </Text>
      {input(files, '选择多个台账文件')}
      {input(folder, '选择台账文件夹')}
      <div className={s.row}>
        <Button onClick={() => files.current?.click()} disabled={progress !== null}>
          选择多个台账…
        </Button>
        <Button onClick={() => folder.current?.click()} disabled={progress !== null}>
          选择文件夹…
        </Button>
      </div>
      {progress && <Spinner size="small" label={progress} />}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {result && m && (
        <div role="status" className={s.row}>
          <Caption1>
            {`已汇总${m.units.length}个单位${m.failures.length > 0 ? `，${m.failures.length}个台账未能读取（见“未能读取”表）` : ''}。`}
            已开始下载“汇总.xlsx”和“汇总通报.docx”。
          </Caption1>
          <Button size="small" onClick={() => saveFile(result.summary, '汇总.xlsx', XLSX_TYPE)}>
            再次下载汇总.xlsx
          </Button>
          <Button size="small" onClick={() => saveFile(result.bulletin, '汇总通报.docx', DOCX_TYPE)}>
            再次下载汇总通报.docx
          </Button>
        </div>
      )}
    </section>
  );
}
