import { DomainError } from '../errors';
import type { CalendarSnapshot, Duration } from '../sla/policy';
import { addTime, deadline, durationMs, elapsed } from './arithmetic';
import { chinaDate } from './days';
import { isWorkingDay } from './snapshot';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** An instant given as China wall-clock time. */
const cst = (local: string) => new Date(`${local}+08:00`);
const none: CalendarSnapshot = { holidays: [], workdays: [] };
// Built by hand from the State Council notice: Oct 1–8 off; Sunday Sep 28 and Saturday Oct 11 worked.
const goldenWeek: CalendarSnapshot = {
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  workdays: ['2025-09-28', '2025-10-11'],
};
const days = (amount: number): Duration => ({ amount, unit: 'days' });
const hours = (amount: number): Duration => ({ amount, unit: 'hours' });

describe('durationMs', () => {
  it('converts minutes, hours and days', () => {
    expect(durationMs({ amount: 15, unit: 'minutes' })).toBe(15 * 60_000);
    expect(durationMs(hours(3))).toBe(3 * HOUR);
    expect(durationMs(days(1.5))).toBe(36 * HOUR);
  });

  it('rejects a negative or non-finite amount', () => {
    expect(() => durationMs(days(-1))).toThrow(expect.objectContaining({ code: 'INVALID_DURATION' }));
    expect(() => durationMs(days(NaN))).toThrow(DomainError);
  });
});

describe('deadline on working days', () => {
  it('skips a normal weekend: 3 working days from Friday 10:00 end Wednesday 10:00', () => {
    expect(deadline(cst('2025-09-05T10:00'), days(3), 'working', none)).toEqual(cst('2025-09-10T10:00'));
  });

  it('starts counting on Monday 00:00 for a limit started on a Saturday', () => {
    expect(deadline(cst('2025-09-06T15:00'), hours(1), 'working', none)).toEqual(cst('2025-09-08T01:00'));
    expect(deadline(cst('2025-09-06T15:00'), days(1), 'working', none)).toEqual(cst('2025-09-09T00:00'));
  });

  it('counts hours inside a working day and carries the rest to the next one', () => {
    expect(deadline(cst('2025-09-03T09:00'), hours(5), 'working', none)).toEqual(cst('2025-09-03T14:00'));
    expect(deadline(cst('2025-09-05T22:00'), hours(3), 'working', none)).toEqual(cst('2025-09-08T01:00'));
    expect(deadline(cst('2025-09-05T22:00'), { amount: 15, unit: 'minutes' }, 'working', none)).toEqual(cst('2025-09-05T22:15'));
  });

  it('ends at 24:00 of the last working day, not on the next working morning', () => {
    expect(deadline(cst('2025-09-05T00:00'), days(1), 'working', none)).toEqual(cst('2025-09-06T00:00'));
  });

  it('runs a 3-working-day limit across Golden Week 2025', () => {
    // Tue 30 Sep 10:00: 14 h on the 30th, Oct 9 and 10 in full, 10 h of the worked Saturday Oct 11.
    expect(deadline(cst('2025-09-30T10:00'), days(3), 'working', goldenWeek)).toEqual(cst('2025-10-11T10:00'));
    // Without the calendar the same limit would end inside the holiday.
    expect(deadline(cst('2025-09-30T10:00'), days(3), 'working', none)).toEqual(cst('2025-10-03T10:00'));
  });

  it('counts an adjusted workday (调休): the Sunday before Golden Week is worked', () => {
    // Fri 26 Sep 10:00: 14 h Friday, Saturday off, Sunday 28 and Monday 29 worked, 10 h Tuesday.
    expect(deadline(cst('2025-09-26T10:00'), days(3), 'working', goldenWeek)).toEqual(cst('2025-09-30T10:00'));
    expect(deadline(cst('2025-09-27T12:00'), hours(2), 'working', goldenWeek)).toEqual(cst('2025-09-28T02:00'));
  });

  it('starts on a holiday by waiting for the first working day after it', () => {
    expect(deadline(cst('2025-10-03T15:00'), hours(2), 'working', goldenWeek)).toEqual(cst('2025-10-09T02:00'));
    expect(deadline(cst('2025-10-01T00:00'), days(1), 'working', goldenWeek)).toEqual(cst('2025-10-10T00:00'));
  });

  it('answers the start itself for a zero limit, even on a day off', () => {
    expect(deadline(cst('2025-10-03T15:00'), days(0), 'working', goldenWeek)).toEqual(cst('2025-10-03T15:00'));
  });

  it('runs a 60-working-day limit across Golden Week exactly and at once', () => {
    // September: 22 weekdays + Sunday 28 = 23; October: 23 weekdays − 6 holiday weekdays + Saturday 11 = 18;
    // the 19th working day of November is Thursday 27, so the limit ends at its 24:00.
    const started = performance.now();
    for (let i = 0; i < 1000; i++) deadline(cst('2025-09-01T00:00'), days(60), 'working', goldenWeek);
    expect(performance.now() - started).toBeLessThan(500);
    expect(deadline(cst('2025-09-01T00:00'), days(60), 'working', goldenWeek)).toEqual(cst('2025-11-28T00:00'));
  });

  it('gives up with CALENDAR_NO_WORKING_DAY when a snapshot leaves no working day for years', () => {
    const holidays: string[] = [];
    for (let t = cst('2026-01-01T00:00').getTime(); t < cst('2037-01-01T00:00').getTime(); t += DAY) holidays.push(chinaDate(new Date(t)));
    const noWork = { holidays, workdays: [] };
    expect(() => deadline(cst('2026-01-01T09:00'), hours(1), 'working', noWork)).toThrow(expect.objectContaining({ code: 'CALENDAR_NO_WORKING_DAY' }));
    // The same calendar still answers for limits that end before the gap.
    expect(deadline(cst('2025-12-31T09:00'), hours(1), 'working', noWork)).toEqual(cst('2025-12-31T10:00'));
  });
});

describe('calendar basis', () => {
  it('is plain addition, whatever the holidays', () => {
    expect(deadline(cst('2025-09-30T10:00'), days(3), 'calendar', goldenWeek)).toEqual(cst('2025-10-03T10:00'));
    expect(deadline(cst('2025-10-04T10:00'), hours(3), 'calendar', goldenWeek)).toEqual(cst('2025-10-04T13:00'));
    expect(elapsed(cst('2025-10-01T00:00'), cst('2025-10-09T00:00'), 'calendar', goldenWeek)).toBe(8 * DAY);
  });
});

describe('elapsed', () => {
  it('measures working time between two instants', () => {
    expect(elapsed(cst('2025-09-05T10:00'), cst('2025-09-10T10:00'), 'working', none)).toBe(3 * DAY);
    expect(elapsed(cst('2025-09-06T10:00'), cst('2025-09-07T22:00'), 'working', none)).toBe(0);
    expect(elapsed(cst('2025-09-30T22:00'), cst('2025-10-09T01:30'), 'working', goldenWeek)).toBe(3.5 * HOUR);
  });

  it('is 0 when the end is not after the start', () => {
    expect(elapsed(cst('2025-09-10T10:00'), cst('2025-09-05T10:00'), 'working', none)).toBe(0);
    expect(elapsed(cst('2025-09-10T10:00'), cst('2025-09-10T10:00'), 'calendar', none)).toBe(0);
  });

  /** The slow, obvious definition: step hour by hour (each step inside one China day). */
  const slowElapsed = (start: Date, end: Date, cal: CalendarSnapshot) => {
    let total = 0;
    for (let t = start.getTime(); t < end.getTime(); ) {
      const next = Math.min(end.getTime(), (Math.floor(t / HOUR) + 1) * HOUR);
      if (isWorkingDay(chinaDate(new Date(t)), cal)) total += next - t;
      t = next;
    }
    return total;
  };

  it('is the inverse of addTime and agrees with the hour-by-hour definition', () => {
    const durations = [0, 1, 60_000, 90 * 60_000, 5 * HOUR, DAY, 1.5 * DAY, 3 * DAY, 5 * DAY, 7 * DAY];
    let checked = 0;
    // Every 7 h 13 min across late September to mid October hits every hour of day and weekday.
    for (let t = cst('2025-09-20T00:00').getTime(); t < cst('2025-10-15T00:00').getTime(); t += 7 * HOUR + 13 * 60_000) {
      const start = new Date(t);
      for (const ms of durations) {
        const end = addTime(start, ms, 'working', goldenWeek);
        expect(elapsed(start, end, 'working', goldenWeek)).toBe(ms);
        expect(slowElapsed(start, end, goldenWeek)).toBe(ms);
        // Earliest instant: any moment before the deadline has less working time behind it.
        if (ms > 0) expect(elapsed(start, new Date(end.getTime() - 1), 'working', goldenWeek)).toBe(ms - 1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(800);
  });
});
