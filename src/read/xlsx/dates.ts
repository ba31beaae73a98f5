/**
 * Serial dates: a spreadsheet stores a date as days since an epoch, the time of day as the
 * fraction. In the 1900 system (Excel's default) day 1 is 1900-01-01 and day 60 is
 * 1900-02-29, a day that never was (Lotus 1-2-3 counted 1900 as a leap year and Excel kept
 * it), so from day 61 on the calendar is counted from 1899-12-30. In the 1904 system (old Mac
 * workbooks, `date1904`) day 0 is 1904-01-01.
 */

export interface DateTimeFields {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31; 0 for serial 0 of the 1900 system, which Excel shows as 1900-01-00. */
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  /** Whole days and the time of day, for elapsed-time formats ([h]:mm). */
  totalSeconds: number;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** The calendar fields of a serial, rounded to the second; null for a negative serial (Excel shows ####). */
export function serialFields(serial: number, date1904: boolean): DateTimeFields | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return null; // 10000-01-01 and later: Excel shows ####
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds >= 86_400) {
    days += 1;
    seconds -= 86_400;
  }
  const time = { hour: Math.floor(seconds / 3600), minute: Math.floor((seconds % 3600) / 60), second: seconds % 60, totalSeconds: days * 86_400 + seconds };
  if (date1904) {
    const date = new Date(EPOCH_1904 + days * DAY_MS);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay(), ...time };
  }
  // Excel's weekdays before the phantom leap day are off by one too (it calls 1900-01-01 a Sunday).
  if (days === 0) return { year: 1900, month: 1, day: 0, weekday: 6, ...time };
  if (days === 60) return { year: 1900, month: 2, day: 29, weekday: 3, ...time };
  const date = new Date(EPOCH_1900 + (days < 60 ? days + 1 : days) * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: (date.getUTCDay() + (days < 60 ? 6 : 0)) % 7, ...time };
}

/** The serial of an ISO 8601 date-time (a cell of type `d`), or null when it is not one. */
export function isoSerial(text: string, date1904: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?Z?$/u.exec(text.trim());
  const timeOnly = /^T?(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/u.exec(text.trim());
  if (timeOnly) return (Number(timeOnly[1]) * 3600 + Number(timeOnly[2]) * 60 + Number(timeOnly[3] ?? 0)) / 86_400;
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const check = new Date(ms);
  if (check.getUTCMonth() !== Number(m[2]) - 1) return null;
  let days = (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
  if (!date1904 && days < 61) days -= 1; // before the phantom 1900-02-29
  if (days < 0) return null;
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  return days + seconds / 86_400;
}
