import { dataSourceOptions } from '@fq/db';
import { DEMO_DISTRICT_CODE } from '@fq/domain';
import { RunningApp, api, startApp, tokenFor } from '@fq/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AdminModule } from '../../apps/admin/src/admin.module';
import { CalendarDay, CalendarYear } from '../../apps/admin/src/calendar/calendar.entities';
import { seedFromPackage } from '../../apps/admin/src/calendar/calendar.service';
import { PACKAGE_YEARS } from '../../apps/admin/src/calendar/package-calendar';
import { adminSchema } from '../../scripts/schemas';
import { prepareDatabase } from '../support/system';

// The scratch database is shared: edits go to 2091, a year nobody else touches, and each run tags
// its days with a fresh marker so it recognises its own audit entries.
const YEAR = 2091;

describe('the working-day calendar', () => {
  let admin: RunningApp;
  let ds: DataSource;
  let adminToken: string;
  let operatorToken: string;
  const url = (path: string) => `${admin.url}/api/v1/calendar${path}`;

  beforeAll(async () => {
    await prepareDatabase();
    admin = await startApp(AdminModule);
    ds = await new DataSource(dataSourceOptions(adminSchema, process.env.DATABASE_URL as string)).initialize();
    adminToken = tokenFor(admin, 'calendar-admin', ['admin'], DEMO_DISTRICT_CODE);
    operatorToken = tokenFor(admin, 'calendar-operator', ['operator'], DEMO_DISTRICT_CODE);
  });

  afterAll(async () => {
    await ds?.destroy();
    await admin?.close();
  });

  it('is seeded with every year the package provides, 国庆 2025 included', async () => {
    const seeded = await ds.getRepository(CalendarYear).count({ where: PACKAGE_YEARS.map((year) => ({ year })) });
    expect(seeded).toBe(PACKAGE_YEARS.length);
    const res = await api(url('/2025'), operatorToken);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2025, source: 'package' });
    expect(res.body.days).toContainEqual({ date: '2025-10-01', kind: 'holiday', name: '国庆节' });
    expect(res.body.days).toContainEqual({ date: '2025-09-28', kind: 'workday', name: '国庆节' });
    expect(res.body.days.every((d: { date: string }) => d.date.startsWith('2025-'))).toBe(true);
  });

  it('never seeds over a year that is already defined, even as an empty edit', async () => {
    expect(await ds.transaction((m) => seedFromPackage(m))).toBe(0);
    // Rehearsed in a transaction that is rolled back, so the shared 2004 stays as it is.
    const rollback = new Error('rollback');
    await expect(
      ds.transaction(async (m) => {
        await m.delete(CalendarDay, { date: '2004-10-01' });
        await m.update(CalendarYear, { year: 2004 }, { source: 'edited' });
        expect(await seedFromPackage(m, [2004])).toBe(0);
        expect(await m.countBy(CalendarDay, { date: '2004-10-01' })).toBe(0);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it('replaces a year for an admin, audits it, and shows it in the snapshot', async () => {
    const marker = `test-${randomUUID().slice(0, 8)}`;
    const first = [
      { date: `${YEAR}-01-01`, kind: 'holiday', name: `元旦 ${marker}` },
      { date: `${YEAR}-01-02`, kind: 'holiday', name: null },
      { date: `${YEAR}-01-06`, kind: 'workday', name: '元旦' },
    ];
    const put1 = await api(url(`/${YEAR}`), adminToken, { method: 'PUT', body: { days: first } });
    expect(put1.status).toBe(200);
    expect(put1.body).toEqual({ year: YEAR, source: 'edited', days: first });

    const second = [
      { date: `${YEAR}-10-01`, kind: 'holiday', name: `国庆节 ${marker}` },
      { date: `${YEAR}-10-06`, kind: 'workday', name: '国庆节' },
    ];
    const put2 = await api(url(`/${YEAR}`), adminToken, { method: 'PUT', body: { days: second } });
    expect(put2.status).toBe(200);
    const view = await api(url(`/${YEAR}`), operatorToken);
    expect(view.body).toEqual({ year: YEAR, source: 'edited', days: second });

    const snapshot = await api(url(`?from=${YEAR}&to=${YEAR}`), operatorToken);
    expect(snapshot.body).toEqual({ holidays: [`${YEAR}-10-01`], workdays: [`${YEAR}-10-06`] });

    const log = await api(`${admin.url}/api/v1/audit?subject=calendar/${YEAR}&limit=2`, adminToken);
    expect(log.status).toBe(200);
    const [latest, previous] = log.body.items;
    expect(latest).toMatchObject({ actor: 'calendar-admin', action: 'calendar.year.replaced', subject: `calendar/${YEAR}` });
    expect(latest.details).toEqual({ before: { year: YEAR, source: 'edited', days: first }, after: { year: YEAR, source: 'edited', days: second } });
    expect(previous.details.after.days).toEqual(first);
  });

  it('refuses an edit from a non-admin with 403', async () => {
    const res = await api(url(`/${YEAR}`), operatorToken, { method: 'PUT', body: { days: [] } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ROLE_REQUIRED');
  });

  it.each([
    ['a year that is not a number', '/20x1', undefined, 'INVALID_YEAR'],
    ['a year out of range', '/1999', undefined, 'INVALID_YEAR'],
    ['a range that runs backwards', '?from=2027&to=2025', undefined, 'INVALID_YEAR'],
    ['a snapshot without from', '', undefined, 'INVALID_YEAR'],
    ['a workday on a Tuesday', `/${YEAR}`, [{ date: `${YEAR}-01-02`, kind: 'workday' }], 'CALENDAR_WORKDAY_NOT_WEEKEND'],
    ['a date twice', `/${YEAR}`, [{ date: `${YEAR}-01-06`, kind: 'workday' }, { date: `${YEAR}-01-06`, kind: 'holiday' }], 'CALENDAR_DUPLICATE_DATE'],
    ['a date of another year', `/${YEAR}`, [{ date: '2090-12-31', kind: 'holiday' }], 'CALENDAR_DATE_OUTSIDE_YEAR'],
    ['a date that does not exist', `/${YEAR}`, [{ date: `${YEAR}-02-30`, kind: 'holiday' }], 'CALENDAR_BAD_DATE'],
    ['an unknown kind', `/${YEAR}`, [{ date: `${YEAR}-01-01`, kind: 'day-off' }], 'VALIDATION_FAILED'],
  ])('answers 400 for %s', async (_what, path, days, code) => {
    const before = await api(url(`/${YEAR}`), operatorToken);
    const res = days ? await api(url(path), adminToken, { method: 'PUT', body: { days } }) : await api(url(path), operatorToken);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect((await api(url(`/${YEAR}`), operatorToken)).body).toEqual(before.body);
  });

  it('answers the union of the years asked for as one snapshot', async () => {
    const [y2025, y2026, both] = await Promise.all([api(url('/2025'), operatorToken), api(url('/2026'), operatorToken), api(url('?from=2025&to=2026'), operatorToken)]);
    const days = [...y2025.body.days, ...y2026.body.days] as { date: string; kind: string }[];
    expect(both.status).toBe(200);
    expect(both.body).toEqual({
      holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
      workdays: days.filter((d) => d.kind === 'workday').map((d) => d.date),
    });
    expect(both.body.holidays).toEqual(expect.arrayContaining(['2025-10-01', '2026-01-01']));
    expect(both.body.workdays).toEqual(expect.arrayContaining(['2025-09-28', '2026-02-14']));
  });

  it('answers an undefined year as empty, with source none', async () => {
    const res = await api(url('/2099'), operatorToken);
    expect(res.body).toEqual({ year: 2099, source: 'none', days: [] });
  });
});
