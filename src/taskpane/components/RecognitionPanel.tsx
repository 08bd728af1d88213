import { useState } from 'react';
import {
  Caption1,
  Field,
  Input,
  Link,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { type CellValue, type SheetGrid, type WorkbookGrid, columnLetter } from '../../core/grid/types';
import { cellText } from '../../core/grid/text';
import { type ErrorField } from '../../core/errors';
import { type ColumnRole, type Recognition, type RecognizeOptions, ROLE_LABELS } from '../../core/types';
import { type StandInField, guessHeaderRow } from '../recognition-fields';

const useStyles = makeStyles({
  // Hints quote the ledger's long titles: let them wrap anywhere rather than run into the next field.
  grid: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    '& .fui-Field__hint': { overflowWrap: 'anywhere', wordBreak: 'break-all' },
    '& .fui-Field__validationMessage': { overflowWrap: 'anywhere' },
    // A native input keeps its intrinsic ~20ch width; let it shrink to the field at 320 px.
    '& .fui-Input': { minWidth: '0', width: '100%' },
    '& .fui-Input__input': { minWidth: '0', width: '100%' },
  },
  // A grid, not a wrapping flex row: at 500 px a lone last field keeps its column width instead of
  // stretching across, and 'start' stops a tall hint from pushing its neighbours' inputs down.
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
    // The fields after a full-width one with a message close up beside the ones before it.
    gridAutoFlow: 'row dense',
    alignItems: 'start',
    gap: tokens.spacingHorizontalS,
  },
  half: { minWidth: '0' },
  // A field with a message takes the whole row: a long message in a 140 px column is a tall ribbon.
  wide: { gridColumn: '1 / -1' },
  column: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.2fr)',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  columns: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  hint: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
  reset: { alignSelf: 'flex-start' },
});

const NOT_USED = '__none__';
const ROLES = Object.keys(ROLE_LABELS) as ColumnRole[];
/** The settings "恢复自动识别" forgets (the report's title fields live elsewhere and stay). */
const CORRECTIONS = [
  'sheet',
  'headerRow',
  'columns',
  'unit',
  'journalSheet',
  'month',
  'year',
  'organization',
  'rowRoles',
  'acceptDifferences',
] as const satisfies readonly (keyof RecognizeOptions)[];

export interface RecognitionPanelProps {
  readonly grid: WorkbookGrid;
  /**
   * What the ledger was read as. When recognition failed: what it reads as with stand-ins for the
   * missing settings (see recognition-probe.ts), or null when nothing could be read.
   */
  readonly recognition: Recognition | null;
  /** Settings whose values in `recognition` are stand-ins: shown empty, for the user to give. */
  readonly standIns?: ReadonlySet<StandInField>;
  /** The failure's message beside the field that fixes it (already free of command-line words). */
  readonly errors?: Readonly<Partial<Record<ErrorField, string>>>;
  readonly options: RecognizeOptions;
  readonly onChange: (options: RecognizeOptions) => void;
  readonly disabled?: boolean;
}

/**
 * What was recognised, each item with where it was found and a control to correct it. Every
 * control stays usable when recognition fails, with the failure shown beside the one that fixes it.
 */
export function RecognitionPanel({
  grid,
  recognition,
  standIns = new Set(),
  errors = {},
  options,
  onChange,
  disabled,
}: RecognitionPanelProps) {
  const s = useStyles();
  const layout = recognition?.budget ?? null;
  // Chart sheets and empty sheets have nothing to pick: offer only sheets with cells.
  const choices = grid.sheets.filter((x) => x.rows.length > 0 || x.name === layout?.sheet || x.name === options.sheet);
  const sheetName = layout?.sheet ?? options.sheet ?? choices[0]?.name ?? '';
  const sheet = grid.sheets.find((x) => x.name === sheetName);
  const headerRows = layout?.headerRows ?? [options.headerRow ?? (sheet ? guessHeaderRow(sheet) : 1)];
  const headerRow = Math.max(...headerRows);
  const roleOf = new Map<number, ColumnRole>();
  if (layout) for (const c of layout.columns) roleOf.set(c.col, c.role);
  else for (const [r, c] of Object.entries(options.columns ?? {})) if (c !== null) roleOf.set(c, r as ColumnRole);
  const set = (patch: Partial<RecognizeOptions>) => onChange({ ...options, ...patch });
  // Nothing was read: a correction holds for the sheet and header row on screen, not for whatever
  // the next automatic attempt would pick.
  const pin: Partial<RecognizeOptions> = layout ? {} : { sheet: sheetName || undefined, headerRow };
  const known = <T,>(f: StandInField, value: T | undefined): T | undefined =>
    recognition && !standIns.has(f) ? value : undefined;

  const setRole = (col: number, role: ColumnRole | null) => {
    const columns: Partial<Record<ColumnRole, number | null>> = {};
    for (const [c, r] of roleOf) columns[r] = c;
    Object.assign(columns, options.columns);
    const previous = roleOf.get(col);
    if (previous) columns[previous] = null;
    if (role) {
      for (const r of ROLES) if (columns[r] === col) columns[r] = null;
      columns[role] = col;
    }
    set({ ...pin, columns });
  };

  /** Where a value came from: the ledger, the user, or a request to give it. */
  const hintOf = (f: StandInField, from: string | undefined, given: boolean, ask: string) =>
    from ?? (given ? '用户指定' : standIns.has(f) || errors[f] ? ask : '识别台账后自动填写');

  const organization = known('organization', recognition?.organization) ?? null;
  const orgValue = organization?.value ?? options.organization ?? '';
  const year = known('year', recognition?.year) ?? null;
  const month = known('month', recognition?.month) ?? null;
  const monthValue = month?.value ?? options.month ?? null;
  const unitValue = known('unit', layout?.unit) ?? options.unit ?? '';
  const commitOrganization = (v: string) => {
    const t = v.trim();
    if (t && t !== orgValue) set({ organization: t });
  };
  const sheets = recognition?.sheets ?? [];
  const corrected = CORRECTIONS.some((k) => options[k] !== undefined);
  const columnsError = errors.columns;
  /** The field's class, and its hint unless its message takes that place. */
  const cell = (f: ErrorField) => mergeClasses(s.half, errors[f] !== undefined && s.wide);
  const hint = (f: ErrorField, text: string) => (errors[f] === undefined ? text : undefined);

  return (
    <div className={s.grid}>
      <div className={s.row}>
        <Field
          className={cell('sheet')}
          label="台账工作表"
          hint={hint('sheet', layout ? (options.sheet ? '用户指定' : '自动识别') : '请选择台账所在的工作表')}
          validationMessage={errors.sheet}
        >
          <Select
            disabled={disabled}
            value={sheetName}
            onChange={(_, d) => set({ sheet: d.value, headerRow: undefined, columns: undefined })}
          >
            {choices.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name}
              </option>
            ))}
          </Select>
        </Field>
        <NumberField
          className={cell('header')}
          label="表头行"
          hint={hint('header', layout ? `第${layout.headerRows.join('、')}行` : '请指定表头所在的行')}
          error={errors.header}
          value={headerRow}
          min={1}
          max={Math.max(200, sheet?.rows.length ?? 0)}
          invalidText="请填写行号（如3）"
          disabled={disabled}
          onCommit={(v) =>
            set({ ...(layout ? {} : { sheet: sheetName || undefined }), headerRow: v, columns: undefined })
          }
        />
      </div>
      {sheets.length > 0 && (
        <Caption1 className={s.hint}>
          使用的工作表：{sheets.map((x) => `“${x}”`).join('、')}
          {sheets.length > 1 ? `（共${sheets.length}张）` : ''}
        </Caption1>
      )}
      <div className={s.row}>
        <Field
          className={cell('organization')}
          label="单位"
          hint={hint(
            'organization',
            hintOf('organization', organization?.from, options.organization !== undefined, '请填写单位名称'),
          )}
          validationMessage={errors.organization}
        >
          <Input
            disabled={disabled}
            defaultValue={orgValue}
            key={orgValue}
            placeholder="如 某某县总工会"
            onBlur={(e) => commitOrganization(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && commitOrganization(e.currentTarget.value)}
          />
        </Field>
        <NumberField
          className={cell('year')}
          label="年度"
          hint={hint('year', hintOf('year', year?.from, options.year !== undefined, '请填写报告所属年度'))}
          error={errors.year}
          value={year?.value ?? options.year ?? null}
          min={2000}
          max={2099}
          placeholder="如 2024"
          invalidText="请填写2000到2099之间的四位年份"
          disabled={disabled}
          onCommit={(v) => set({ year: v })}
        />
        <Field
          className={cell('month')}
          label="截止月份"
          hint={hint('month', hintOf('month', month?.from, options.month !== undefined, '请选择截止月份'))}
          validationMessage={errors.month}
        >
          <Select
            disabled={disabled}
            value={monthValue === null ? '' : String(monthValue)}
            onChange={(_, d) => d.value && set({ month: Number(d.value) })}
          >
            {monthValue === null && (
              <option value="" disabled>
                请选择
              </option>
            )}
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i} value={String(i + 1)}>{`1-${i + 1}月`}</option>
            ))}
          </Select>
        </Field>
        <Field
          className={cell('unit')}
          label="金额单位"
          hint={hint(
            'unit',
            hintOf('unit', known('unit', layout?.unitSource), options.unit !== undefined, '请选择金额单位'),
          )}
          validationMessage={errors.unit}
        >
          <Select
            disabled={disabled}
            value={unitValue}
            onChange={(_, d) => (d.value === '元' || d.value === '万元') && set({ unit: d.value })}
          >
            {unitValue === '' && (
              <option value="" disabled>
                请选择
              </option>
            )}
            <option value="元">元</option>
            <option value="万元">万元</option>
          </Select>
        </Field>
      </div>
      <div role="group" aria-label="各列含义" className={s.columns}>
        <Text weight="semibold">各列含义（第{headerRows.join('、')}行）</Text>
        {columnsError && (
          <Caption1 className={s.error} role="alert">
            {columnsError}
          </Caption1>
        )}
        {sheet ? (
          headerLabels(sheet, headerRows).map(({ col, label }) => (
            <div key={col} className={s.column}>
              <Caption1 className={s.label} title={label}>
                {columnLetter(col)}列 {label || '（空）'}
              </Caption1>
              <Select
                size="small"
                disabled={disabled}
                aria-label={`${columnLetter(col)}列“${label}”的含义`}
                value={roleOf.get(col) ?? NOT_USED}
                onChange={(_, d) => setRole(col, d.value === NOT_USED ? null : (d.value as ColumnRole))}
              >
                <option value={NOT_USED}>未使用</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </Select>
            </div>
          ))
        ) : (
          <Caption1 className={s.hint}>请先选择台账工作表。</Caption1>
        )}
      </div>
      {recognition && (
        <Caption1 className={s.hint}>
          共识别{recognition.lines.length}行预算；类别依据：
          {Object.entries(recognition.categorySources)
            .map(([k, n]) => `${k}${n}行`)
            .join('，')}
        </Caption1>
      )}
      {corrected && (
        <Link
          as="button"
          className={s.reset}
          disabled={disabled}
          onClick={() => {
            const rest: RecognizeOptions = { ...options };
            for (const k of CORRECTIONS) delete (rest as Record<string, unknown>)[k];
            onChange(rest);
          }}
        >
          撤销所有更正，恢复自动识别
        </Link>
      )}
    </div>
  );
}

interface NumberFieldProps {
  readonly className: string;
  readonly label: string;
  readonly hint: string | undefined;
  /** The core's message for this field. */
  readonly error: string | undefined;
  /** The value in force, or null when there is none yet (shown empty). */
  readonly value: number | null;
  readonly min: number;
  readonly max: number;
  readonly invalidText: string;
  readonly placeholder?: string;
  readonly disabled: boolean | undefined;
  readonly onCommit: (value: number) => void;
}

/**
 * A whole number the user types freely: the draft is the user's until it is a valid value, which
 * is passed on at once (so "2023" re-runs recognition without leaving the field, while "20" on the
 * way there is not snapped back); an invalid draft says so once the user leaves the field.
 */
function NumberField(p: NumberFieldProps) {
  const shown = p.value === null ? '' : String(p.value);
  const [draft, setDraft] = useState(shown);
  const [last, setLast] = useState(shown);
  const [editing, setEditing] = useState(false);
  // The value changed from outside (a new recognition, 恢复自动识别): show it, but not over what
  // the user is typing (a header row read as the last of two rows would turn "2" into "3").
  if (shown !== last) {
    setLast(shown);
    if (!editing) setDraft(shown);
  }
  const valid = (text: string): number | null => {
    const n = Number(text);
    return text.trim() !== '' && Number.isInteger(n) && n >= p.min && n <= p.max ? n : null;
  };
  const invalid = !editing && draft.trim() !== '' && valid(draft) === null;
  const message = invalid ? p.invalidText : p.error;
  return (
    <Field className={p.className} label={p.label} hint={p.hint} validationMessage={message}>
      <Input
        type="number"
        disabled={p.disabled}
        min={p.min}
        max={p.max}
        placeholder={p.placeholder}
        value={draft}
        onFocus={() => setEditing(true)}
        onBlur={() => {
          setEditing(false);
          if (valid(draft) !== null) setDraft(shown);
        }}
        onChange={(_, d) => {
          setDraft(d.value);
          const n = valid(d.value);
          if (n !== null && n !== p.value) p.onCommit(n);
        }}
      />
    </Field>
  );
}

function headerLabels(sheet: SheetGrid, rows1: readonly number[]): { col: number; label: string }[] {
  const out: { col: number; label: string }[] = [];
  const width = Math.max(0, ...rows1.map((r) => sheet.rows[r - 1]?.length ?? 0));
  for (let c = 0; c < width; c++) {
    const parts = rows1.map((r) => text(sheet.rows[r - 1]?.[c] ?? null)).filter(Boolean);
    const label = [...new Set(parts)].join('/');
    if (label) out.push({ col: c, label });
  }
  return out;
}

const text = (v: CellValue): string => cellText(v).trim();
