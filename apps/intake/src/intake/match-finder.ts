import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { CaseRecord } from '../shared/case.entity';
import { segment } from '../triage/segmenter';
import { CLUSTER_WINDOW_DAYS, DUPLICATE_WINDOW_DAYS, GROUP_SIGNAL_REQUESTS, Matter, clusterBox, clusterLockKeys, distanceMetres, sameCluster, sameMatter } from './matching';

const OPEN = `status NOT IN ('closed', 'withdrawn')`;
/** A cluster takes new requests only while its lead is still being handled: once answered, a new report is a matter of its own (ADR 0016). */
export const JOINABLE_STATUSES = ['registered', 'assigned', 'signed', 'returned'] as const;
const JOINABLE = `status IN (${JOINABLE_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const matterOf = (c: CaseRecord): Matter => ({
  categoryCode: c.categoryCode ?? c.triage?.suggestedCategory?.code ?? null,
  gridCode: c.gridCode,
  location: c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null,
  words: segment(`${c.title} ${c.description}`),
});

/** Finds, inside the intake transaction, the open case a new request belongs to. */
@Injectable()
export class MatchFinder {
  /** The requester's open case about the same matter (their file row is locked by the caller). */
  async openCaseOf(m: EntityManager, residentId: string, matter: Matter): Promise<CaseRecord | undefined> {
    const rows: { number: string }[] = await m.query(
      `SELECT number FROM intake.cases WHERE resident_id = $1 AND ${OPEN} AND disposition IN ('dispatched', 'merged')
         AND registered_at > now() - make_interval(days => $2) ORDER BY registered_at DESC LIMIT 50`,
      [residentId, DUPLICATE_WINDOW_DAYS],
    );
    if (!rows.length) return undefined;
    const open = await m.find(CaseRecord, { where: { number: In(rows.map((r) => r.number)) }, order: { registeredAt: 'DESC' } });
    return open.find((c) => sameMatter(matterOf(c), matter));
  }

  /**
   * The lead case of the cluster (并单) a located, categorised request joins: the nearest open
   * dispatched case of the same sub-item within the radius and window, not yet answered. Makes the cluster on its
   * first member. Requests of one category near each other are checked one at a time (advisory
   * locks on the ~1 km cells around the point), so two neighbours reporting together still end up
   * in one cluster, while requests elsewhere in the district go on in parallel.
   */
  async clusterLeadFor(m: EntityManager, matter: Matter, now: Date): Promise<CaseRecord | undefined> {
    if (!matter.categoryCode || !matter.location) return undefined;
    const box = clusterBox(matter.location);
    for (const key of clusterLockKeys(matter.categoryCode, box)) await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
    const rows: { number: string }[] = await m.query(
      `SELECT number FROM intake.cases WHERE category_code = $1 AND ${JOINABLE} AND disposition = 'dispatched'
         AND registered_at > $2::timestamptz - make_interval(days => $3)
         AND lat BETWEEN $4 AND $5 AND lng BETWEEN $6 AND $7`,
      [matter.categoryCode, now, CLUSTER_WINDOW_DAYS, box.south, box.north, box.west, box.east],
    );
    if (!rows.length) return undefined;
    const candidates = (await m.find(CaseRecord, { where: { number: In(rows.map((r) => r.number)) } })).filter((c) => sameCluster(matterOf(c), matter));
    const nearest = candidates.sort((a, b) => distanceMetres(matter.location!, matterOf(a).location!) - distanceMetres(matter.location!, matterOf(b).location!))[0];
    if (!nearest) return undefined;
    // Locked and read again: an update of the lead (assigned, signed, ...) waits for this request to
    // join, or this request sees it; either way the member starts from the lead's state as it is.
    const lead = await m.findOneOrFail(CaseRecord, { where: { number: nearest.number }, lock: { mode: 'pessimistic_write' } });
    if (!(JOINABLE_STATUSES as readonly string[]).includes(lead.status)) return undefined;
    if (!lead.clusterId) {
      lead.clusterId = randomUUID();
      await m.query(`INSERT INTO intake.clusters (id, lead_case_number, category_code, grid_code, opened_at) VALUES ($1, $2, $3, $4, $5)`, [lead.clusterId, lead.number, lead.categoryCode, lead.gridCode, now]);
      await m.update(CaseRecord, { number: lead.number }, { clusterId: lead.clusterId });
    }
    return lead;
  }

  /**
   * After a member joined: when the cluster reaches GROUP_SIGNAL_REQUESTS requests, its lead is
   * flagged for reporting upward (once; the lead's row is locked by the caller's advisory locks).
   */
  async noteGrowth(m: EntityManager, lead: CaseRecord): Promise<void> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM intake.cases WHERE cluster_id = $1`, [lead.clusterId]);
    if (n < GROUP_SIGNAL_REQUESTS || lead.reportUpward) return;
    const reasons = [...(lead.triage?.reasons ?? []), `并单${n}件，疑似群体性诉求`];
    await m.update(CaseRecord, { number: lead.number }, { reportUpward: true, triage: { ...lead.triage, reasons } });
  }
}
