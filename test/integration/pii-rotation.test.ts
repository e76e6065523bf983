import { dataSourceOptions } from '@fq/db';
import { maskIdNumber, maskPhone } from '@fq/domain';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { intakeSchema } from '../../apps/intake/src/db/intake.schema';
import { rotatePii } from '../../apps/intake/src/residents/pii-rotation';
import { PiiVault, SEALED_VALUE, piiKeysFromEnv } from '../../apps/intake/src/residents/pii-vault';
import { Requester, ResidentsService } from '../../apps/intake/src/residents/residents.service';
import { sealV1 } from '../support/pii';
import { freshPhone } from '../support/requests';
import { prepareDatabase } from '../support/system';

/** A case number no real case has: registration numbers start with the year. */
const caseNumber = () => `98${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e6)).padStart(6, '0')}`;
const idNumber = () => `37040419${String(randomInt(1e10)).padStart(10, '0')}`;

/**
 * The whole intake schema is rotated from the key the services use in tests to a fixed test key,
 * then back in afterAll; a fixed key (not a random one) lets a run killed half-way be repaired by the next.
 */
const TEST_KEY = Buffer.alloc(32, 0x5a);

interface Seeded {
  residentId: string;
  phone: string;
  idNumber?: string;
  cases: string[];
}

describe('rotating PII_KEY', () => {
  let ds: DataSource;
  const oldKey = piiKeysFromEnv().current;
  const oldVault = new PiiVault(oldKey);
  const rotating = new PiiVault(TEST_KEY, [oldKey]);
  const newOnly = new PiiVault(TEST_KEY);

  /** A case row as intake writes it, its requester sealed by `residents`; details carry a sealed value too. */
  async function registerCase(residents: ResidentsService, vault: PiiVault, r: Requester, residentId: string): Promise<string> {
    const number = caseNumber();
    const s = residents.sealed(r);
    await ds.query(
      `INSERT INTO intake.cases (number, channel, title, description, requester_name, resident_id, requester_phone_sealed, requester_phone_masked,
         requester_id_sealed, requester_id_masked, level, status, unit_code, unit_name, registered_by, correlation_id, registered_at, details)
       VALUES ($1, 'petition', '轮换测试', '密钥轮换测试', $2, $3, $4, $5, $6, $7, 'grid', 'registered', 'x', 'x', 'test', $8, now(), $9::jsonb)`,
      [number, r.name, residentId, s.requesterPhoneSealed, s.requesterPhoneMasked, s.requesterIdSealed, s.requesterIdMasked, randomUUID(),
        JSON.stringify({ petition: { petitioners: [{ name: r.name, idSealed: vault.seal(r.idNumber ?? r.phone) }], note: 'v1.0 of the form' } })],
    );
    return number;
  }

  /** Residents and cases as the intake code writes them with the old key, plus a resident and case from before sealed values named their key (v1). */
  async function seed(): Promise<Seeded[]> {
    const seeded: Seeded[] = [];
    const residents = new ResidentsService(ds, oldVault);
    for (const withId of [true, false, true]) {
      const r: Requester = { name: '轮换', phone: freshPhone('136'), phoneVerified: true, ...(withId ? { idNumber: idNumber() } : {}) };
      const file = await ds.transaction((m) => residents.fileFor(m, r, new Date()));
      seeded.push({ residentId: file.id, phone: r.phone, idNumber: r.idNumber, cases: [await registerCase(residents, oldVault, r, file.id), await registerCase(residents, oldVault, r, file.id)] });
    }
    const legacy = { residentId: randomUUID(), phone: freshPhone('135'), idNumber: idNumber() };
    await ds.query(
      `INSERT INTO intake.residents (id, phone_index, phone_sealed, phone_masked, name, id_number_index, id_number_sealed, id_number_masked, phone_verified, first_seen_at, last_seen_at)
       VALUES ($1, $2, $3, $4, '旧档', $5, $6, $7, true, now(), now())`,
      [legacy.residentId, oldVault.index('phone', legacy.phone), sealV1(oldKey, legacy.phone), maskPhone(legacy.phone), oldVault.index('id', legacy.idNumber), sealV1(oldKey, legacy.idNumber), maskIdNumber(legacy.idNumber)],
    );
    const legacyCase = caseNumber();
    await ds.query(
      `INSERT INTO intake.cases (number, channel, title, description, requester_name, resident_id, requester_phone_sealed, requester_phone_masked, requester_id_sealed,
         level, status, unit_code, unit_name, registered_by, correlation_id, registered_at, details)
       VALUES ($1, 'hotline', '旧件', '旧件', '旧档', $2, $3, $4, $5, 'grid', 'registered', 'x', 'x', 'test', $6, now(), $7::jsonb)`,
      [legacyCase, legacy.residentId, sealV1(oldKey, legacy.phone), maskPhone(legacy.phone), sealV1(oldKey, legacy.idNumber), randomUUID(), JSON.stringify({ sealed: [sealV1(oldKey, legacy.idNumber)] })],
    );
    seeded.push({ ...legacy, cases: [legacyCase] });
    return seeded;
  }

  /** Every sealed value of the schema, and every phone index, as stored. */
  async function stored() {
    const residents: { id: string; phone_index: string; phone_sealed: string; id_number_index: string | null; id_number_sealed: string | null; row: string }[] = await ds.query(
      `SELECT id, phone_index, phone_sealed, id_number_index, id_number_sealed, row_to_json(r)::text AS row FROM intake.residents r ORDER BY id`,
    );
    const cases: { number: string; requester_phone_sealed: string | null; requester_id_sealed: string | null; details: unknown; row: string }[] = await ds.query(
      `SELECT number, requester_phone_sealed, requester_id_sealed, details, row_to_json(c)::text AS row FROM intake.cases c ORDER BY number`,
    );
    return { residents, cases };
  }

  /** The sealed strings anywhere inside a JSON value. */
  const sealedIn = (json: unknown): string[] =>
    typeof json === 'string' ? (SEALED_VALUE.test(json) ? [json] : []) : json && typeof json === 'object' ? Object.values(json).flatMap(sealedIn) : [];

  beforeAll(async () => {
    await prepareDatabase();
    ds = await new DataSource(dataSourceOptions(intakeSchema, process.env.DATABASE_URL as string)).initialize();
  });

  afterAll(async () => {
    // Back to the key every other suite seals with.
    if (ds?.isInitialized) {
      await rotatePii(ds, new PiiVault(oldKey, [TEST_KEY]));
      await ds.destroy();
    }
  });

  it('refuses to run without a previous key, and changes nothing when a sample does not open with the keys given', async () => {
    await seed();
    const before = await stored();
    await expect(rotatePii(ds, newOnly)).rejects.toThrow(/PII_KEY_PREVIOUS is empty/);
    await expect(rotatePii(ds, new PiiVault(TEST_KEY, [Buffer.alloc(32, 0x33)]))).rejects.toThrow(/cannot open intake\.residents\.phone_sealed .*nothing was changed/);
    expect(await stored()).toEqual(before);
  });

  it('finds a resident by phone during the rotation, under either key, without opening a second file', async () => {
    const during = new ResidentsService(ds, rotating);
    const [first, , , legacy] = await seed();
    expect((await during.findByPhone(legacy.phone)).id).toBe(legacy.residentId);
    const again = await ds.transaction((m) => during.fileFor(m, { name: '轮换', phone: first.phone, phoneVerified: false }, new Date()));
    expect(again.id).toBe(first.residentId);
    const [moved] = await ds.query(`SELECT phone_index, phone_sealed FROM intake.residents WHERE id = $1`, [first.residentId]);
    expect(moved.phone_index).toBe(newOnly.index('phone', first.phone));
    expect(newOnly.open(moved.phone_sealed)).toBe(first.phone);
    expect((await during.findByPhone(first.phone)).id).toBe(first.residentId);
  });

  it('leaves a second file of the same phone under the old key and names it, rather than merging files on its own', async () => {
    const phone = freshPhone('133');
    const [kept, duplicate] = [randomUUID(), randomUUID()];
    const insert = `INSERT INTO intake.residents (id, phone_index, phone_sealed, phone_masked, name, phone_verified, first_seen_at, last_seen_at)
      VALUES ($1, $2, $3, $4, '重档', true, now(), now())`;
    await ds.query(insert, [kept, newOnly.index('phone', phone), newOnly.seal(phone), maskPhone(phone)]);
    await ds.query(insert, [duplicate, oldVault.index('phone', phone), oldVault.seal(phone), maskPhone(phone)]);
    try {
      expect((await new ResidentsService(ds, rotating).findByPhone(phone)).id).toBe(kept);
      const report = await rotatePii(ds, rotating);
      expect(report.conflicts).toEqual([{ table: 'intake.residents', key: duplicate, column: 'phone_sealed', otherKey: kept }]);
      expect(report.remaining).toBe(1);
      const [left] = await ds.query(`SELECT phone_index, phone_sealed FROM intake.residents WHERE id = $1`, [duplicate]);
      expect([left.phone_index, rotating.open(left.phone_sealed)]).toEqual([oldVault.index('phone', phone), phone]);
    } finally {
      await ds.query(`DELETE FROM intake.residents WHERE id = ANY($1::uuid[])`, [[kept, duplicate]]);
    }
  });

  it('re-seals every value and recomputes every index under the new key, in batches; a second run changes nothing', async () => {
    const seeded = await seed();
    const report = await rotatePii(ds, rotating, { batchSize: 2 });
    expect(report).toMatchObject({ keyId: newOnly.keyId, previousKeyIds: [oldVault.keyId], conflicts: [], remaining: 0 });
    expect(report.batches).toBeGreaterThan(2);
    expect(report.sampled).toBeGreaterThan(0);
    const c = report.counts;
    // At least what this test seeded (other suites' rows may be rotated too).
    expect(c['intake.residents.phone_sealed'].resealed).toBeGreaterThanOrEqual(3);
    expect(c['intake.residents.phone_sealed'].reindexed).toBe(c['intake.residents.phone_sealed'].resealed);
    expect(c['intake.residents.id_number_sealed']).toEqual({ resealed: expect.any(Number), reindexed: c['intake.residents.id_number_sealed'].resealed });
    expect(c['intake.residents.id_number_sealed'].resealed).toBeGreaterThanOrEqual(3);
    expect(c['intake.cases.requester_phone_sealed'].resealed).toBeGreaterThanOrEqual(7);
    expect(c['intake.cases.requester_id_sealed'].resealed).toBeGreaterThanOrEqual(5);
    expect(c['intake.cases.details'].resealed).toBeGreaterThanOrEqual(7);

    const after = await stored();
    // Every sealed value of the schema opens with the new key alone, and names it.
    for (const r of after.residents) {
      for (const v of [r.phone_sealed, r.id_number_sealed]) if (v !== null) expect(newOnly.isCurrent(v) && newOnly.open(v) !== '').toBe(true);
      expect(r.phone_index).toBe(newOnly.index('phone', newOnly.open(r.phone_sealed)));
      if (r.id_number_sealed) expect(r.id_number_index).toBe(newOnly.index('id', newOnly.open(r.id_number_sealed)));
    }
    for (const k of after.cases) {
      for (const v of [k.requester_phone_sealed, k.requester_id_sealed, ...sealedIn(k.details)]) if (v !== null) expect(newOnly.isCurrent(v) && newOnly.open(v) !== '').toBe(true);
    }
    const mine = new Set(seeded.flatMap((s) => [s.residentId, ...s.cases]));
    const rows = [...after.residents.filter((r) => mine.has(r.id)), ...after.cases.filter((k) => mine.has(k.number))];
    expect(rows).toHaveLength(4 + 7);
    const residents = new ResidentsService(ds, newOnly);
    for (const s of seeded) {
      // Same resident by phone with the new key alone; the numbers open to what was sealed; none is in clear.
      expect((await residents.findByPhone(s.phone)).id).toBe(s.residentId);
      const r = after.residents.find((x) => x.id === s.residentId)!;
      expect([newOnly.open(r.phone_sealed), r.id_number_sealed && newOnly.open(r.id_number_sealed)]).toEqual([s.phone, s.idNumber ?? null]);
      for (const number of s.cases) {
        const k = after.cases.find((x) => x.number === number)!;
        expect(newOnly.open(k.requester_phone_sealed!)).toBe(s.phone);
        expect(sealedIn(k.details).map((v) => newOnly.open(v))).toEqual([s.idNumber ?? s.phone]);
      }
      for (const row of rows) {
        expect(row.row).not.toContain(s.phone);
        if (s.idNumber) expect(row.row).not.toContain(s.idNumber.slice(6, 14));
      }
    }
    expect(after.cases.find((k) => k.number === seeded[0].cases[0])!.details).toMatchObject({ petition: { note: 'v1.0 of the form' } });

    const twice = await rotatePii(ds, rotating, { batchSize: 2 });
    expect(twice).toMatchObject({ batches: 0, conflicts: [], remaining: 0, sampled: 0 });
    expect(Object.values(twice.counts).every((n) => n.resealed === 0 && n.reindexed === 0)).toBe(true);
    expect(await stored()).toEqual(after);
  });
});
