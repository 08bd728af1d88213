/** Excel serial numbers to JS dates (UTC), in either date system. */

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * The date of a serial number, at UTC midnight plus the time fraction. In the 1900 system Excel
 * counts a 29 Feb 1900 that never was (serial 60), so serials before it are shifted one day.
 */
export function serialToDate(serial: number, date1904: boolean): Date {
  if (date1904) return new Date(EPOCH_1904 + Math.round(serial * DAY_MS));
  const shifted = serial < 61 && serial >= 1 ? serial + 1 : serial;
  return new Date(EPOCH_1900 + Math.round(shifted * DAY_MS));
}
