import { useEffect, useRef } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  box: {
    maxHeight: '200px',
    overflow: 'auto',
    border: `2px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: 'anywhere',
    '& table': { maxWidth: '100%' },
  },
  // The fragment carries Word's sizes (22 pt title, 16 pt body): zoom shrinks what the pane shows
  // without changing the sizes, so what the user copies still pastes into Word as the report.
  zoomed: { zoom: 0.5 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface ManualCopyBoxProps {
  /** The report as an HTML fragment made by the core's renderer (every text escaped there). */
  readonly fragment: string;
  readonly onCopied: () => void;
  readonly onClose: () => void;
}

/**
 * The last way to Word when the page may not write the clipboard: the report shown selected, so
 * the user's own Ctrl+C copies it with its formatting (a selection of rendered HTML, not plain text).
 */
export function ManualCopyBox({ fragment, onCopied, onClose }: ManualCopyBoxProps) {
  const s = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const selectAll = () => {
    const el = content.current;
    const sel = window.getSelection();
    if (!el || !sel) return;
    // Focus first: moving focus afterwards would drop the selection in some webviews.
    box.current?.focus();
    const range = document.createRange();
    range.selectNodeContents(el); // the report only, not the zoomed wrapper
    sel.removeAllRanges();
    sel.addRange(range);
  };
  useEffect(selectAll, [fragment]);
  return (
    <div className={s.root} role="region" aria-label="手动复制报告">
      <Text size={200} weight="semibold">
        此环境不允许网页写入剪贴板：下面的报告已选中，按 Ctrl+C 复制（Mac 上按 ⌘+C），再到 Word 中粘贴。
      </Text>
      <div ref={box} className={s.box} tabIndex={0} aria-label="已选中的报告正文" onCopy={() => onCopied()}>
        <div ref={content} className={s.zoomed} dangerouslySetInnerHTML={{ __html: fragment }} />
      </div>
      <div className={s.row}>
        <Button size="small" onClick={selectAll}>
          重新全选
        </Button>
        <Button size="small" appearance="subtle" onClick={onClose}>
          关闭
        </Button>
      </div>
    </div>
  );
}
