import {
  Body1,
  Button,
  Caption1,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { type ReportModel } from '../../core/report/types';
import { pendingItems, placeholderSegments } from '../../core/report/placeholders';
import { type Totals } from '../../core/indicators/types';
import { CATEGORIES, type Place } from '../../core/types';
import { formatPercent } from '../../core/money/format';
import { gapText, pct, wan, where } from '../format';
import { paneText } from '../pane-text';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  table: { tableLayout: 'auto', width: '100%' },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  // A header cell lays its label out in a flex button: right-align it over the right-aligned figures.
  numHead: { '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end', textAlign: 'right' } },
  lag: { color: tokens.colorPaletteRedForeground1 },
  // A wrapping inline-block button puts the list bullet beside its last line: lay it out as a block.
  link: { display: 'block', textAlign: 'left' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: '4px' },
  narrative: {
    maxHeight: '320px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    lineHeight: '1.6',
  },
  placeholder: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ResultsPanelProps {
  readonly model: ReportModel;
  readonly canSelect: boolean;
  readonly canDownload: boolean;
  readonly onSelect: (place: Place) => void;
  readonly onCopy: () => void;
  readonly onDownload: () => void;
  readonly busy?: boolean;
}

export function ResultsPanel({ model, canSelect, canDownload, onSelect, onCopy, onDownload, busy }: ResultsPanelProps) {
  const s = useStyles();
  const ind = model.indicators;
  const pending = pendingItems(model.blocks);
  const rows: [string, Totals][] = [
    ...CATEGORIES.map((c): [string, Totals] => [c, ind.categories[c]]),
    ['合计', ind.total],
  ];
  const place = (p: Place, text: string) =>
    canSelect && p.row !== null ? (
      <Link as="button" className={s.link} onClick={() => onSelect(p)}>
        {text}
      </Link>
    ) : (
      <span>{text}</span>
    );
  return (
    <div className={s.root}>
      <section aria-labelledby="figures-title">
        <Text id="figures-title" weight="semibold" as="h3" block>
          1-{ind.month}月执行情况（时间进度 {formatPercent(ind.timeProgress)}）
        </Text>
        <Table size="extra-small" className={s.table} aria-labelledby="figures-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>类别</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(s.num, s.numHead)}>全年预算</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(s.num, s.numHead)}>1-{ind.month}月执行</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(s.num, s.numHead)}>执行率</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(([name, t]) => (
              <TableRow key={name}>
                <TableCell>{name}</TableCell>
                <TableCell className={s.num}>{wan(t.budget).replace('万元', '')}</TableCell>
                <TableCell className={s.num}>{wan(t.executed).replace('万元', '')}</TableCell>
                <TableCell className={s.num} title={gapText(t.deviation)}>
                  <span className={t.deviation !== null && t.deviation < 0 ? s.lag : undefined}>{pct(t.rate)}</span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Caption1>金额单位：万元；红色为低于时间进度。</Caption1>
      </section>

      <section aria-labelledby="flagged-title">
        <Text id="flagged-title" weight="semibold" as="h3" block>
          执行滞后的项目（{ind.flagged.length}个）
        </Text>
        {ind.flagged.length === 0 ? (
          <Body1>没有执行滞后的项目。</Body1>
        ) : (
          <ul className={s.list}>
            {ind.flagged.map((f) => (
              <li key={`${f.line.sheet}:${f.line.row}`}>
                {place({ sheet: f.line.sheet, row: f.line.row, column: null }, f.line.name)}
                <Caption1 block>
                  {f.flagReason ?? `${pct(f.totals.rate)}，${f.status}`}（第{f.line.row}行）
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="targets-title">
        <Text id="targets-title" weight="semibold" as="h3" block>
          绩效目标预警{model.targets ? `（${model.targets.atRisk.length + model.targets.mismatched.length}项）` : ''}
        </Text>
        {!model.targets || model.targets.count === 0 ? (
          <Body1>工作簿中没有填写绩效目标，报告中绩效目标部分留有待填写内容（黄色）。</Body1>
        ) : model.targets.atRisk.length + model.targets.mismatched.length === 0 ? (
          <Body1>没有进度滞后的绩效目标。</Body1>
        ) : (
          <ul className={s.list}>
            {model.targets.mismatched.map((g) => (
              <li key={`gap:${g.name}`}>
                {place({ sheet: model.targets!.sheet, row: g.targets[0]?.row.row ?? null, column: null }, g.name)}
                <Caption1 block>
                  目标完成{g.progress === null ? '—' : formatPercent(g.progress)}，执行率
                  {g.spendingRate === null ? '—' : formatPercent(g.spendingRate)}，偏差超过{model.targets!.gapPoints}
                  个百分点
                </Caption1>
              </li>
            ))}
            {model.targets.atRisk.map((r) => (
              <li key={`${r.row.sheet}:${r.row.row}`}>
                {place(
                  { sheet: r.row.sheet, row: r.row.row, column: null },
                  `${r.row.project || '部门整体'}：${r.row.level3 || r.row.level2}`,
                )}
                <Caption1 block>
                  {r.riskReasons.join('；')}（第{r.row.row}行）
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>

      {model.warnings.length > 0 && (
        <section aria-labelledby="warnings-title">
          <Text id="warnings-title" weight="semibold" as="h3" block>
            需要核对（{model.warnings.length}条）
          </Text>
          <ul className={s.list}>
            {model.warnings.map((w, i) => (
              <li key={i}>
                {place(w, where(w))}
                <Caption1 block>{paneText(w.message)}</Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="narrative-title">
        <Text id="narrative-title" weight="semibold" as="h3" block>
          报告正文
        </Text>
        <div className={s.buttons}>
          <Button disabled={busy} onClick={onCopy}>
            复制到 Word
          </Button>
          {canDownload && (
            <Button disabled={busy} onClick={onDownload}>
              下载 Word 文档
            </Button>
          )}
        </div>
        {!canDownload && (
          <Caption1 block>此版本的 Excel 不能直接下载文件：请点击“复制到 Word”，在 Word 中新建文档后粘贴。</Caption1>
        )}
        {pending.length > 0 && (
          <div role="note" aria-labelledby="pending-title">
            <Text id="pending-title" weight="semibold" block>
              定稿前还需补充（{pending.length}项，正文中以黄色标出）
            </Text>
            <ul className={s.list}>
              {pending.map((item) => (
                <li key={item}>
                  <Caption1>{item.slice(1, -1)}</Caption1>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className={s.narrative} tabIndex={0} aria-label="报告正文预览">
          {model.blocks.map((b, i) => {
            const cls = b.placeholder ? s.placeholder : undefined;
            const text = placeholderSegments(b.text).map((seg, k) =>
              seg.placeholder ? (
                <mark key={k} className={s.placeholder}>
                  {seg.text}
                </mark>
              ) : (
                seg.text
              ),
            );
            if (b.kind === 'title')
              return (
                <Text key={i} as="h2" weight="bold" align="center" block size={400}>
                  {text}
                </Text>
              );
            if (b.kind === 'h1' || b.kind === 'h2' || b.kind === 'h3')
              return (
                <Text key={i} as="h4" weight="semibold" block className={cls}>
                  {text}
                </Text>
              );
            if (b.kind === 'sign')
              return (
                <Body1
                  key={i}
                  as="p"
                  block
                  style={{
                    textAlign: 'right',
                    paddingRight: `${b.rightIndent ?? 0}em`,
                    margin: b.gapBefore ? '16px 0 0' : 0,
                  }}
                >
                  {text}
                </Body1>
              );
            return (
              <Body1 key={i} as="p" block className={cls} style={{ textIndent: '2em', margin: '4px 0' }}>
                {b.lead && <strong>{b.lead}</strong>}
                {text}
              </Body1>
            );
          })}
        </div>
      </section>
    </div>
  );
}
