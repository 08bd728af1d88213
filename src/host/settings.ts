import { type HostSettings } from './types';

/**
 * Remembered settings from storage (a workbook setting, localStorage) as the pane can use them, or
 * null for anything unreadable: settings written by something else start the pane fresh rather
 * than fail it.
 * @example parseHostSettings('{"recognize":{"sheet":"台账"}}') → { recognize: { sheet: '台账' }, indicators: {}, title: {} }
 */
export function parseHostSettings(value: unknown): HostSettings | null {
  try {
    const v: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Partial<HostSettings>;
    return {
      recognize: o.recognize ?? {},
      indicators: o.indicators ?? {},
      title: o.title ?? {},
      ...(typeof o.headerSignature === 'string' ? { headerSignature: o.headerSignature } : {}),
    };
  } catch {
    return null;
  }
}
