import { Caption1, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { type CellValue, type SheetGrid, type WorkbookGrid, columnLetter } from '../../core/grid/types';
import { cellText } from '../../core/grid/text';
import { type ColumnRole, type Recognition, type RecognizeOptions, ROLE_LABELS } from '../../core/types';

const useStyles = makeStyles({
  // Hints quote the ledger's long titles: let them wrap anywhere rather than run into the next field.
  grid: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    '& .fui-Field__hint': { overflowWrap: 'anywhere', wordBreak: 'break-all' },
    // A native input keeps its intrinsic ~20ch width; let it shrink to the field at 320 px.
    '& .fui-Input': { minWidth: '0', width: '100%' },
    '& .fui-Input__input': { minWidth: '0', width: '100%' },
  },
  // A grid, not a wrapping flex row: at 500 px a lone last field keeps its column width instead of
  // stretching across, and 'start' stops a tall hint from pushing its neighbours' inputs down.
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalS,
  },
  half: { minWidth: '0' },
  column: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.2fr)',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  hint: { color: tokens.colorNeutralForeground3 },
});

const NOT_USED = '__none__';
const ROLES = Object.keys(ROLE_LABELS) as ColumnRole[];

export interface RecognitionPanelProps {
  readonly grid: WorkbookGrid;
  readonly recognition: Recognition | null;
  readonly options: RecognizeOptions;
  readonly onChange: (options: RecognizeOptions) => void;
  readonly disabled?: boolean;
}

/** What was recognised, each item with where it was found and a control to correct it. */
export function RecognitionPanel({ grid, recognition, options, onChange, disabled }: RecognitionPanelProps) {
  const s = useStyles();
  // Chart sheets and empty sheets have nothing to pick: offer only sheets with cells.
  const choices = grid.sheets.filter((x) => x.rows.length > 0 || x.name === recognition?.budget.sheet);
  const sheetName = recognition?.budget.sheet ?? options.sheet ?? choices[0]?.name ?? '';
  const sheet = grid.sheets.find((x) => x.name === sheetName);
  const headerRow = recognition ? Math.max(...recognition.budget.headerRows) : (options.headerRow ?? 1);
  const roleOf = new Map<number, ColumnRole>();
  for (const c of recognition?.budget.columns ?? []) roleOf.set(c.col, c.role);
  const set = (patch: Partial<RecognizeOptions>) => onChange({ ...options, ...patch });

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
    set({ columns });
  };

  return (
    <div className={s.grid}>
      <div className={s.row}>
        <Field className={s.half} label="台账工作表" hint={recognition ? '自动识别' : undefined}>
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
        <Field
          className={s.half}
          label="表头行"
          hint={recognition ? `第${recognition.budget.headerRows.join('、')}行` : '请指定'}
        >
          <Input
            type="number"
            disabled={disabled}
            min={1}
            max={200}
            value={String(headerRow)}
            onChange={(_, d) => {
              const v = Number(d.value);
              if (Number.isInteger(v) && v > 0) set({ headerRow: v, columns: undefined });
            }}
          />
        </Field>
      </div>
      {recognition && (
        <div className={s.row}>
          <Field className={s.half} label="单位" hint={recognition.organization.from}>
            <Input
              disabled={disabled}
              defaultValue={recognition.organization.value}
              key={recognition.organization.value}
              onBlur={(e) => {
                const v = e.currentTarget.value.trim();
                if (v && v !== recognition.organization.value) set({ organization: v });
              }}
            />
          </Field>
          <Field className={s.half} label="年度" hint={recognition.year.from}>
            <Input
              type="number"
              disabled={disabled}
              min={2000}
              max={2099}
              value={String(recognition.year.value)}
              onChange={(_, d) => {
                const v = Number(d.value);
                if (Number.isInteger(v) && v >= 2000 && v <= 2099) set({ year: v });
              }}
            />
          </Field>
          <Field className={s.half} label="截止月份" hint={recognition.month.from}>
            <Select
              disabled={disabled}
              value={String(recognition.month.value)}
              onChange={(_, d) => set({ month: Number(d.value) })}
            >
              {Array.from({ length: 12 }, (_, i) => (
                <option key={i} value={String(i + 1)}>{`1-${i + 1}月`}</option>
              ))}
            </Select>
          </Field>
          <Field className={s.half} label="金额单位" hint={recognition.budget.unitSource}>
            <Select
              disabled={disabled}
              value={recognition.budget.unit}
              onChange={(_, d) => set({ unit: d.value as '元' | '万元' })}
            >
              <option value="元">元</option>
              <option value="万元">万元</option>
            </Select>
          </Field>
        </div>
      )}
      {sheet && (
        <div role="group" aria-label="各列含义">
          <Text weight="semibold">各列含义（第{headerRow}行）</Text>
          {headerLabels(sheet, recognition?.budget.headerRows ?? [headerRow]).map(({ col, label }) => (
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
          ))}
        </div>
      )}
      {recognition && (
        <Caption1 className={s.hint}>
          共识别{recognition.lines.length}行预算；类别依据：
          {Object.entries(recognition.categorySources)
            .map(([k, n]) => `${k}${n}行`)
            .join('，')}
        </Caption1>
      )}
    </div>
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
