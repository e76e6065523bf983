import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { CalendarSnapshot, invalid, validateCalendar } from '@fq/domain';
import { Between, DataSource, EntityManager } from 'typeorm';
import { audit } from '../audit/audit';
import { CalendarDay, CalendarYear } from './calendar.entities';
import { DayEntry, PACKAGE_YEARS, packageDays } from './package-calendar';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export interface CalendarYearView {
  year: number;
  days: DayEntry[];
  /** `none`: nobody has defined the year yet, so only weekends are off. */
  source: 'package' | 'edited' | 'none';
}

/**
 * Seeds every year the package has (or those of `years` it has) that the calendar does not
 * define yet; returns how many it seeded. Claiming the year row first makes concurrent seeds
 * safe: the second waits on the key and then finds the year taken.
 */
export async function seedFromPackage(m: EntityManager, years: readonly number[] = PACKAGE_YEARS): Promise<number> {
  const wanted = years.filter((y) => PACKAGE_YEARS.includes(y));
  if (!wanted.length) return 0;
  const claimed = await m
    .createQueryBuilder()
    .insert()
    .into(CalendarYear)
    .values(wanted.map((year) => ({ year, source: 'package' as const, updatedBy: 'seed' })))
    .orIgnore()
    .returning(['year'])
    .execute();
  const seeded = (claimed.raw as { year: number }[]).map((r) => r.year);
  const days = seeded.flatMap(packageDays);
  if (days.length) await m.createQueryBuilder().insert().into(CalendarDay).values(days).orIgnore().execute();
  return seeded.length;
}

const yearRange = (from: number, to: number) => Between(`${from}-01-01`, `${to}-12-31`);
const entry = (d: CalendarDay): DayEntry => ({ date: d.date, kind: d.kind, name: d.name });

@Injectable()
export class CalendarService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Holidays and adjusted workdays of the years from..to, as workflows take them. */
  async snapshot(fromYear: number, toYear: number): Promise<CalendarSnapshot> {
    const days = await this.ds.getRepository(CalendarDay).find({ where: { date: yearRange(fromYear, toYear) }, order: { date: 'ASC' } });
    return { holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date), workdays: days.filter((d) => d.kind === 'workday').map((d) => d.date) };
  }

  year(year: number): Promise<CalendarYearView> {
    return readYear(this.ds.manager, year);
  }

  /** Replaces one year's exceptions; the change and its audit entry commit together. */
  async replaceYear(year: number, days: DayEntry[], actor: Principal): Promise<CalendarYearView> {
    assertYearDays(year, days);
    return this.ds.transaction(async (m) => {
      // Edits of one year take turns, so each audit entry's `before` is what that edit replaced.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('admin.calendar_year'), $1)`, [year]);
      const before = await readYear(m, year);
      await m.upsert(CalendarYear, { year, source: 'edited', updatedAt: new Date(), updatedBy: actor.login }, ['year']);
      await m.delete(CalendarDay, { date: yearRange(year, year) });
      if (days.length) await m.insert(CalendarDay, days.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null })));
      const after = await readYear(m, year);
      await audit(m, actor, 'calendar.year.replaced', `calendar/${year}`, { before, after });
      return after;
    });
  }
}

async function readYear(m: EntityManager, year: number): Promise<CalendarYearView> {
  const row = await m.findOne(CalendarYear, { where: { year } });
  const days = await m.find(CalendarDay, { where: { date: yearRange(year, year) }, order: { date: 'ASC' } });
  return { year, days: days.map(entry), source: row?.source ?? 'none' };
}

/** Every date real and inside the year, none twice, workdays only on weekends (holidays may fall anywhere). */
function assertYearDays(year: number, days: DayEntry[]): void {
  const outside = days.filter((d) => !d.date.startsWith(`${year}-`)).map((d) => ({ code: 'CALENDAR_DATE_OUTSIDE_YEAR', date: d.date, problem: `not in ${year}` }));
  const problems: { code: string; date: string; problem: string }[] = [
    ...outside,
    ...validateCalendar({ holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date), workdays: days.filter((d) => d.kind === 'workday').map((d) => d.date) }),
  ];
  if (!problems.length) return;
  const summary = problems.map((p) => `${p.date}: ${p.problem}`).join('; ');
  throw invalid(problems[0].code, `The calendar of ${year} is not valid: ${summary}`, { problems });
}
