/** Which number formats show a date or time, so serial numbers can be read back as dates. */

/**
 * Built-in format ids that are dates or times. 14–22 and 45–47 are universal; 27–36 and 50–58 are
 * the East-Asian built-ins (e.g. yyyy"年"m"月"d"日") that Chinese Excel writes without a <numFmt>.
 */
export function isBuiltinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/** Built-in format codes we may need to write, by code, so we reuse ids instead of adding numFmts. */
export const BUILTIN_FORMAT_IDS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

/**
 * True when a custom format code shows a date or time: it has y/m/d/h tokens outside quoted
 * literals, [bracketed] sections (colours, conditions, locales, elapsed time), escaped characters
 * and the padding/fill operators `_x` and `*x`.
 */
export function isDateFormatCode(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  if (/general/i.test(stripped)) return false;
  return /[ymdh]/i.test(stripped);
}
