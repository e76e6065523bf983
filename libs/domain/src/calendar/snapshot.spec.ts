import { DomainError } from '../errors';
import type { CalendarSnapshot } from '../sla/policy';
import { chinaDate, isWeekend } from './days';
import { isWorkingDay, validateCalendar } from './snapshot';

const none: CalendarSnapshot = { holidays: [], workdays: [] };
// 国庆 + 中秋 2025 as announced: Oct 1–8 off, Sunday Sep 28 and Saturday Oct 11 worked.
const goldenWeek: CalendarSnapshot = {
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  workdays: ['2025-09-28', '2025-10-11'],
};

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return undefined;
};

describe('chinaDate', () => {
  it('names the day in UTC+8, whatever the zone of the process', () => {
    expect(chinaDate(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
    expect(chinaDate(new Date('2025-09-30T16:00:00Z'))).toBe('2025-10-01');
    expect(chinaDate(new Date('2025-10-01T00:00:00+08:00'))).toBe('2025-10-01');
    expect(chinaDate(new Date('2024-12-31T23:30:00+08:00'))).toBe('2024-12-31');
  });

  it('rejects an invalid Date', () => {
    expect(codeOf(() => chinaDate(new Date('nope')))).toBe('CALENDAR_BAD_INSTANT');
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday with an empty calendar', () => {
    expect(['2025-09-01', '2025-09-05'].map((d) => isWorkingDay(d, none))).toEqual([true, true]);
    expect(['2025-09-06', '2025-09-07'].map((d) => isWorkingDay(d, none))).toEqual([false, false]);
    expect(isWeekend('2025-09-06')).toBe(true);
    expect(isWeekend('2025-09-08')).toBe(false);
  });

  it('takes holidays off and works adjusted weekend days (调休)', () => {
    expect(isWorkingDay('2025-10-01', goldenWeek)).toBe(false); // Wednesday, holiday
    expect(isWorkingDay('2025-10-04', goldenWeek)).toBe(false); // Saturday inside the holiday
    expect(isWorkingDay('2025-09-28', goldenWeek)).toBe(true); // Sunday, worked
    expect(isWorkingDay('2025-10-11', goldenWeek)).toBe(true); // Saturday, worked
    expect(isWorkingDay('2025-10-12', goldenWeek)).toBe(false); // an ordinary Sunday
    expect(isWorkingDay('2025-10-09', goldenWeek)).toBe(true);
  });

  it('rejects a date that is not a date', () => {
    expect(codeOf(() => isWorkingDay('2025-02-30', none))).toBe('CALENDAR_BAD_DATE');
    expect(codeOf(() => isWorkingDay('2025-9-1', none))).toBe('CALENDAR_BAD_DATE');
  });
});

describe('validateCalendar', () => {
  it('accepts the Golden Week calendar, including a holiday on a weekend', () => {
    expect(validateCalendar(goldenWeek)).toEqual([]);
  });

  it('rejects a date that is both a holiday and a workday instead of guessing which wins', () => {
    const both = { holidays: ['2025-10-11'], workdays: ['2025-10-11'] };
    expect(validateCalendar(both)).toEqual([expect.objectContaining({ code: 'CALENDAR_DUPLICATE_DATE', date: '2025-10-11' })]);
    expect(codeOf(() => isWorkingDay('2025-10-11', both))).toBe('CALENDAR_DUPLICATE_DATE');
  });

  it('rejects a workday on a weekday, a date listed twice and a malformed date', () => {
    const problems = validateCalendar({ holidays: ['2025-10-01', '2025-10-01', '2025-13-01'], workdays: ['2025-10-09'] });
    expect(problems.map((p) => [p.code, p.date])).toEqual([
      ['CALENDAR_DUPLICATE_DATE', '2025-10-01'],
      ['CALENDAR_BAD_DATE', '2025-13-01'],
      ['CALENDAR_WORKDAY_NOT_WEEKEND', '2025-10-09'],
    ]);
  });
});
