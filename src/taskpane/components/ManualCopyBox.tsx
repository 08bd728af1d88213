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
  const ref = useRef<HTMLDivElement>(null);
  const selectAll = () => {
    const el = ref.current;
    const sel = window.getSelection();
    if (!el || !sel) return;
    const range = document.createRange();
    range.selectNodeContents(el);
    sel.removeAllRanges();
    sel.addRange(range);
    el.focus();
  };
  useEffect(selectAll, [fragment]);
  return (
    <div className={s.root} role="region" aria-label="手动复制报告">
      <Text size={200} weight="semibold">
        此环境不允许网页写入剪贴板：下面的报告已选中，按 Ctrl+C 复制（Mac 上按 ⌘+C），再到 Word 中粘贴。
      </Text>
      <div
        ref={ref}
        className={s.box}
        tabIndex={0}
        aria-label="已选中的报告正文"
        onCopy={() => onCopied()}
        dangerouslySetInnerHTML={{ __html: fragment }}
      />
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
