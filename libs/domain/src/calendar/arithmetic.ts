import { invalid } from '../errors';
import type { CalendarSnapshot, Duration, TimeBasis } from '../sla/policy';
import { DAY_MS, chinaDay, dayStartMs, formatDay } from './days';
import { calendarIndex } from './snapshot';

/**
 * Working time elapses only during working days, whole China days from 00:00 to 24:00: "3 working
 * days" from Friday 10:00 ends Wednesday 10:00, and a limit started on a Saturday starts counting
 * on Monday 00:00. A deadline is the earliest instant the time is used up, so a limit that ends
 * with a working day ends at its 24:00 (the next day's 00:00), not on the next working morning.
 */

/** More consecutive days off than this means the snapshot is broken, not a long holiday. */
const MAX_DAYS_OFF = 3_660;

const UNIT_MS: Record<Duration['unit'], number> = { seconds: 1000, minutes: 60_000, hours: 3_600_000, days: DAY_MS };

export function durationMs(d: Duration): number {
  if (!Number.isFinite(d.amount) || d.amount < 0 || !(d.unit in UNIT_MS)) {
    throw invalid('INVALID_DURATION', `A duration needs a non-negative amount of seconds, minutes, hours or days, not ${d.amount} ${d.unit}.`);
  }
  return d.amount * UNIT_MS[d.unit];
}

const instantMs = (instant: Date): number => {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw invalid('CALENDAR_BAD_INSTANT', 'The instant is not a valid date.');
  return t;
};

/** The instant `ms` of calendar or working time after `start`. */
export function addTime(start: Date, ms: number, basis: TimeBasis, cal: CalendarSnapshot): Date {
  if (!Number.isFinite(ms) || ms < 0) throw invalid('INVALID_DURATION', `A duration must be a non-negative number of ms, not ${ms}.`);
  const t0 = instantMs(start);
  if (basis === 'calendar' || ms === 0) return new Date(t0 + ms);
  const index = calendarIndex(cal);
  let day = chinaDay(t0);
  let t = t0;
  let remaining = ms;
  let daysOff = 0;
  for (;;) {
    const dayEnd = dayStartMs(day + 1);
    if (index.isWorking(day)) {
      if (remaining <= dayEnd - t) return new Date(t + remaining);
      remaining -= dayEnd - t;
      daysOff = 0;
    } else if (++daysOff > MAX_DAYS_OFF) {
      throw invalid('CALENDAR_NO_WORKING_DAY', `The calendar has no working day for ${MAX_DAYS_OFF} days from ${formatDay(day - MAX_DAYS_OFF)}.`);
    }
    t = dayEnd;
    day += 1;
  }
}

/** The deadline of a limit of `d` started at `start`. */
export const deadline = (start: Date, d: Duration, basis: TimeBasis, cal: CalendarSnapshot): Date =>
  addTime(start, durationMs(d), basis, cal);

/** Calendar or working time (ms) from `start` to `end`; 0 if `end` is not after `start`. */
export function elapsed(start: Date, end: Date, basis: TimeBasis, cal: CalendarSnapshot): number {
  const t0 = instantMs(start);
  const t1 = instantMs(end);
  if (t1 <= t0) return 0;
  if (basis === 'calendar') return t1 - t0;
  const index = calendarIndex(cal);
  let total = 0;
  // Bounded by the span itself, so no guard is needed: one step per China day touched.
  for (let day = chinaDay(t0), last = chinaDay(t1); day <= last; day++) {
    if (!index.isWorking(day)) continue;
    total += Math.min(t1, dayStartMs(day + 1)) - Math.max(t0, dayStartMs(day));
  }
  return total;
}
