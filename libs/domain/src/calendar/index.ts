export { chinaDate, isWeekend } from './days';
export { type CalendarProblem, assertCalendar, isWorkingDay, validateCalendar } from './snapshot';
export { addTime, deadline, durationMs, elapsed } from './arithmetic';
