import {
  Caption1,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type Discrepancy, type Place, type RecognizeOptions, type RowRole } from '../../core/types';
import { where } from '../format';
import { paneText } from '../pane-text';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { overflowWrap: 'anywhere' },
  // A wrapping inline-block button puts the list bullet beside its last line: lay it out as a block.
  link: { display: 'block', textAlign: 'left' },
  role: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalXXS,
  },
  select: { minWidth: '0', width: '8em' },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
});

const AUTO = '';
const ROW_ROLES: readonly [RowRole, string][] = [
  ['line', '明细行'],
  ['total', '合计行'],
  ['ignore', '忽略'],
];
const KIND_LABELS: Readonly<Record<Discrepancy['kind'], string>> = {
  total: '合计不符',
  identity: '预算数不平',
  rate: '执行率异常',
};

export interface DiscrepancyPanelProps {
  /** Where the ledger's own figures contradict what was read. */
  readonly discrepancies: readonly Discrepancy[];
  /** The ledger sheet: its rows are the ones `rowRoles` speaks of. */
  readonly ledgerSheet: string | null;
  readonly options: RecognizeOptions;
  readonly onChange: (options: RecognizeOptions) => void;
  readonly canSelect: boolean;
  readonly onSelect: (place: Place) => void;
  /** The core's own message when it refused on a discrepancy (already free of command-line words). */
  readonly error?: string;
  readonly disabled?: boolean;
}

interface RowGroup {
  readonly place: Place;
  readonly items: readonly Discrepancy[];
}

/**
 * The rows whose figures do not add up, each a click away in the workbook and with a choice of
 * what the row is; and the box to go on regardless. Rows the user already gave a role stay listed
 * after their discrepancy went away, so the choice can be taken back.
 */
export function DiscrepancyPanel(p: DiscrepancyPanelProps) {
  const s = useStyles();
  const roles = p.options.rowRoles ?? {};
  const accepted = p.options.acceptDifferences === true;
  const groups = groupByRow(p.discrepancies);
  const listed = new Set(groups.filter((g) => g.place.sheet === p.ledgerSheet).map((g) => g.place.row));
  const decided = Object.keys(roles)
    .map(Number)
    .filter((r) => !listed.has(r))
    .sort((a, b) => a - b);

  const setRole = (row: number, role: RowRole | null) => {
    const next: Record<number, RowRole> = { ...roles };
    if (role) next[row] = role;
    else delete next[row];
    p.onChange({ ...p.options, rowRoles: Object.keys(next).length ? next : undefined });
  };

  const roleControl = (row: number) => (
    <div className={s.role}>
      <Caption1>这一行是：</Caption1>
      <Select
        size="small"
        className={s.select}
        disabled={p.disabled}
        aria-label={`第${row}行是`}
        value={roles[row] ?? AUTO}
        onChange={(_, d) => setRole(row, d.value === AUTO ? null : (d.value as RowRole))}
      >
        <option value={AUTO}>自动判断</option>
        {ROW_ROLES.map(([r, label]) => (
          <option key={r} value={r}>
            {label}
          </option>
        ))}
      </Select>
    </div>
  );

  const placeLink = (place: Place) =>
    p.canSelect && place.row !== null ? (
      <Link as="button" className={s.link} onClick={() => p.onSelect(place)}>
        {where(place)}
      </Link>
    ) : (
      <Text weight="semibold" block>
        {where(place)}
      </Text>
    );

  return (
    <div className={s.root}>
      {(groups.length > 0 || p.error) && (
        <MessageBar intent={accepted ? 'warning' : 'error'} layout="multiline" role={accepted ? 'status' : 'alert'}>
          <MessageBarBody>
            <MessageBarTitle>台账的数字对不上{groups.length ? `（${p.discrepancies.length}处）` : ''}</MessageBarTitle>
            {accepted
              ? '将按当前识别结果生成，报告中会注明台账合计不符。'
              : '处理之前不能生成报告。请核对下列各行：可指定某一行是明细行、合计行还是忽略它，或更正各列含义。'}
            {p.error && (
              <Caption1 block className={s.error}>
                {p.error}
              </Caption1>
            )}
            {groups.length > 0 && (
              <ul className={s.list}>
                {groups.map((g) => (
                  <li key={`${g.place.sheet}:${g.place.row ?? ''}:${g.place.column ?? ''}`} className={s.item}>
                    {placeLink(g.place)}
                    {g.items.map((d, i) => (
                      <Caption1 block key={i}>
                        {KIND_LABELS[d.kind]}：{paneText(d.message)}
                      </Caption1>
                    ))}
                    {g.place.row !== null && g.place.sheet === p.ledgerSheet && roleControl(g.place.row)}
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {decided.length > 0 && p.ledgerSheet && (
        <section aria-label="已指定的行">
          <Text weight="semibold">已手动指定的行</Text>
          <ul className={s.list}>
            {decided.map((row) => (
              <li key={row} className={s.item}>
                {placeLink({ sheet: p.ledgerSheet!, row, column: null })}
                {roleControl(row)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(groups.length > 0 || p.error) && (
        <Checkbox
          disabled={p.disabled}
          checked={accepted}
          onChange={(_, d) => p.onChange({ ...p.options, acceptDifferences: d.checked === true ? true : undefined })}
          label="仍按当前识别结果生成（报告中会注明台账合计不符）"
        />
      )}
    </div>
  );
}

/** Discrepancies of one row together (a total row may be off in several columns), in list order. */
function groupByRow(list: readonly Discrepancy[]): RowGroup[] {
  const groups = new Map<string, Discrepancy[]>();
  for (const d of list) {
    const key = `${d.sheet}\u0000${d.row ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.values()].map((items) => {
    const first = items[0]!;
    // One column named when they all agree; else the whole row.
    const column = items.every((d) => d.column === first.column) ? first.column : null;
    return { place: { sheet: first.sheet, row: first.row, column }, items };
  });
}
