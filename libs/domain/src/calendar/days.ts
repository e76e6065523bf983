import { invalid } from '../errors';

/**
 * Day arithmetic in China Standard Time (UTC+8 all year, no DST). A date is handled as its day
 * number (days since 1970-01-01), so stepping and comparing days is integer arithmetic.
 */
export const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a yyyy-mm-dd date, or undefined if it is not a real calendar date. */
export function tryDayNumber(date: string): number | undefined {
  const m = DATE_PATTERN.exec(date);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2025-02-30 over to March; a round trip catches it.
  return formatDay(t / DAY_MS) === date ? t / DAY_MS : undefined;
}

export function dayNumber(date: string): number {
  const n = tryDayNumber(date);
  if (n === undefined) throw invalid('CALENDAR_BAD_DATE', `${JSON.stringify(date)} is not a date as yyyy-mm-dd.`);
  return n;
}

export const formatDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

export const isWeekendDay = (day: number): boolean => weekday(day) === 0 || weekday(day) === 6;

/** Whether a yyyy-mm-dd date is a Saturday or a Sunday. */
export const isWeekend = (date: string): boolean => isWeekendDay(dayNumber(date));

/** The China day an instant falls on. */
export function chinaDay(instant: Date | number): number {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(t)) throw invalid('CALENDAR_BAD_INSTANT', 'The instant is not a valid date.');
  return Math.floor((t + CHINA_OFFSET_MS) / DAY_MS);
}

/** The instant (epoch ms) a China day starts: 00:00 in UTC+8. */
export const dayStartMs = (day: number): number => day * DAY_MS - CHINA_OFFSET_MS;

/** The date (yyyy-mm-dd) an instant falls on in China. */
export const chinaDate = (instant: Date): string => formatDay(chinaDay(instant));
