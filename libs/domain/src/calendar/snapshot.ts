import { invalid } from '../errors';
import type { CalendarSnapshot } from '../sla/policy';
import { dayNumber, isWeekendDay, tryDayNumber, weekday } from './days';

/** One thing wrong with a calendar, with the stable code an API answers for it. */
export interface CalendarProblem {
  code: 'CALENDAR_BAD_DATE' | 'CALENDAR_DUPLICATE_DATE' | 'CALENDAR_WORKDAY_NOT_WEEKEND';
  date: string;
  problem: string;
}

/**
 * Problems that make a snapshot ambiguous: a date that is not a date, a date listed twice (in
 * particular both a holiday and a workday: which one wins would be a guess), and a `workday` on
 * Monday–Friday, which is a working day anyway and so is a typo for something else.
 * A holiday on a weekend is fine: the package lists them, and it changes nothing.
 */
export function validateCalendar(cal: CalendarSnapshot): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Set<string>();
  const check = (date: string, kind: 'holiday' | 'workday') => {
    const day = tryDayNumber(date);
    if (day === undefined) return problems.push({ code: 'CALENDAR_BAD_DATE', date, problem: 'not a date as yyyy-mm-dd' });
    if (seen.has(date)) problems.push({ code: 'CALENDAR_DUPLICATE_DATE', date, problem: 'listed more than once' });
    seen.add(date);
    if (kind === 'workday' && !isWeekendDay(day)) {
      problems.push({ code: 'CALENDAR_WORKDAY_NOT_WEEKEND', date, problem: 'an adjusted workday must be a Saturday or a Sunday' });
    }
  };
  cal.holidays.forEach((d) => check(d, 'holiday'));
  cal.workdays.forEach((d) => check(d, 'workday'));
  return problems;
}

/** Throws the first problem's code (all of them in the details) if the snapshot is not valid. */
export function assertCalendar(cal: CalendarSnapshot): void {
  const problems = validateCalendar(cal);
  if (!problems.length) return;
  const summary = problems.map((p) => `${p.date}: ${p.problem}`).join('; ');
  throw invalid(problems[0].code, `The calendar is not valid: ${summary}`, { problems });
}

/** A snapshot as sets of day numbers, for O(1) look-ups while walking day by day. */
export interface CalendarIndex {
  isWorking(day: number): boolean;
}

// Snapshots are plain data that a workflow keeps for its whole run: index each object once.
// A WeakMap keyed by the object is deterministic and lets the index go with the snapshot; the
// price is that a snapshot must not be changed in place once used (build a new one instead).
const indexes = new WeakMap<CalendarSnapshot, CalendarIndex>();

export function calendarIndex(cal: CalendarSnapshot): CalendarIndex {
  let index = indexes.get(cal);
  if (!index) {
    assertCalendar(cal);
    const holidays = new Set(cal.holidays.map(dayNumber));
    const workdays = new Set(cal.workdays.map(dayNumber));
    index = {
      isWorking: (day) => workdays.has(day) || (!holidays.has(day) && weekday(day) >= 1 && weekday(day) <= 5),
    };
    indexes.set(cal, index);
  }
  return index;
}

/** Mon–Fri unless listed as a holiday; Sat/Sun only if listed as an adjusted workday (调休). */
export const isWorkingDay = (date: string, cal: CalendarSnapshot): boolean => calendarIndex(cal).isWorking(dayNumber(date));
