import { isWorkingDay, validateCalendar } from '@fq/domain';
import { isWorkday } from 'chinese-days';
import { PACKAGE_YEARS, packageDays } from './package-calendar';

const snapshotOf = (years: readonly number[]) => {
  const days = years.flatMap(packageDays);
  return { holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date), workdays: days.filter((d) => d.kind === 'workday').map((d) => d.date) };
};

describe('the chinese-days calendar', () => {
  it('covers consecutive years, from 2004 to at least 2026', () => {
    expect(PACKAGE_YEARS[0]).toBe(2004);
    expect(PACKAGE_YEARS.at(-1)).toBeGreaterThanOrEqual(2026);
    expect(PACKAGE_YEARS).toEqual(PACKAGE_YEARS.map((_, i) => 2004 + i));
  });

  it('is a valid snapshot: no date twice, adjusted workdays only on weekends', () => {
    expect(validateCalendar(snapshotOf(PACKAGE_YEARS))).toEqual([]);
  });

  it("agrees day by day with the package's own isWorkday()", () => {
    const cal = snapshotOf(PACKAGE_YEARS);
    const disagree: string[] = [];
    for (let t = Date.UTC(PACKAGE_YEARS[0], 0, 1); t < Date.UTC(PACKAGE_YEARS.at(-1)! + 1, 0, 1); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (isWorkingDay(date, cal) !== isWorkday(date)) disagree.push(date);
    }
    expect(disagree).toEqual([]);
  });

  it('names the days of 2025 in Chinese', () => {
    const days = packageDays(2025);
    expect(days).toContainEqual({ date: '2025-10-01', kind: 'holiday', name: '国庆节' });
    expect(days).toContainEqual({ date: '2025-10-06', kind: 'holiday', name: '中秋' });
    expect(days).toContainEqual({ date: '2025-09-28', kind: 'workday', name: '国庆节' });
    expect(days.every((d) => d.date.startsWith('2025-'))).toBe(true);
  });
});
