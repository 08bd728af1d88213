import { Checkbox, Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { type IndicatorOptions } from '../../core/indicators/types';
import { parseIsoDate } from '../../core/report/signature';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export interface OptionsPanelProps {
  readonly options: IndicatorOptions;
  readonly onChange: (options: IndicatorOptions) => void;
  /** The 成文日期 of the 落款, "YYYY-MM-DD". */
  readonly signDate?: string;
  readonly onSignDateChange?: (value: string) => void;
  readonly disabled?: boolean;
}

/** How under-executed lines are found: a gap below 时间进度, or the Sichuan warning line. */
export function OptionsPanel({ options, onChange, signDate, onSignDateChange, disabled }: OptionsPanelProps) {
  const s = useStyles();
  const rule = options.rule ?? 'gap';
  return (
    <div className={s.root}>
      <Field label="预警规则">
        <RadioGroup
          disabled={disabled}
          value={rule}
          onChange={(_, d) => onChange({ ...options, rule: d.value as 'gap' | 'sichuan' })}
        >
          <Radio value="gap" label="低于时间进度超过偏差阈值" />
          <Radio value="sichuan" label="四川省预警线（1-4月25%、1-6月40%、1-8月60%、1-10月80%）" />
        </RadioGroup>
      </Field>
      <Field label="偏差阈值（个百分点）" hint="执行率低于时间进度超过此值即列为执行滞后">
        <Input
          type="number"
          disabled={disabled || rule !== 'gap'}
          min={0}
          max={100}
          step={1}
          value={String(options.gapPoints ?? 10)}
          onChange={(_, d) => {
            const v = Number(d.value);
            if (d.value !== '' && Number.isFinite(v) && v >= 0 && v <= 100) onChange({ ...options, gapPoints: v });
          }}
        />
      </Field>
      <Checkbox
        disabled={disabled}
        checked={options.includeBasic ?? false}
        onChange={(_, d) => onChange({ ...options, includeBasic: d.checked === true })}
        label="包含基本支出（公用支出也参与预警）"
      />
      {onSignDateChange && (
        <Field
          label="成文日期"
          hint="报告落款中的日期，默认为今天"
          validationMessage={signDate && !parseIsoDate(signDate) ? '请选择一个有效的日期' : undefined}
        >
          <Input
            type="date"
            disabled={disabled}
            value={signDate ?? ''}
            onChange={(_, d) => onSignDateChange(d.value)}
          />
        </Field>
      )}
    </div>
  );
}
