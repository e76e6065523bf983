// The data behind chinese-days' own isWorkday(): the JSON it publishes for non-JS users (see its
// README). Reading it directly gives exact years and festival names without probing day by day.
import published from 'chinese-days/dist/chinese-days.json';
import type { CalendarDayKind } from './calendar.entities';

export interface DayEntry {
  date: string;
  kind: CalendarDayKind;
  name: string | null;
}

/** Each value reads "English name,中文名,days"; the English name may change, the Chinese is the official one. */
const chineseName = (value: string): string | null => value.split(',').at(-2)?.trim() || null;

const data = published as unknown as { holidays: Record<string, string>; workdays: Record<string, string> };

const entries: DayEntry[] = [
  ...Object.entries(data.holidays).map(([date, v]) => ({ date, kind: 'holiday' as const, name: chineseName(v) })),
  ...Object.entries(data.workdays).map(([date, v]) => ({ date, kind: 'workday' as const, name: chineseName(v) })),
].sort((a, b) => a.date.localeCompare(b.date));

/** The years the installed package has an announced calendar for (2004–2026 in chinese-days 1.5.7). */
export const PACKAGE_YEARS: readonly number[] = [...new Set(entries.map((e) => Number(e.date.slice(0, 4))))].sort((a, b) => a - b);

/** The holidays and adjusted workdays the package lists for one year, by date. */
export const packageDays = (year: number): DayEntry[] => entries.filter((e) => e.date.startsWith(`${year}-`));
