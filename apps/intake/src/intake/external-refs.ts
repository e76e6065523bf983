import { EntityManager } from 'typeorm';

/** Another system's id for a request (or an opinion item's link): the same one twice is one record. */
export interface ExternalRef {
  source: string;
  id: string;
}

export interface ExternalRefUse {
  caseNumber: string | null;
  alertId: string | null;
}

/**
 * Claims the ref inside the caller's transaction. Answers null when it is new; otherwise what an
 * earlier claim made of it, the row locked until the transaction ends.
 */
export async function claimExternalRef(m: EntityManager, ref: ExternalRef): Promise<ExternalRefUse | null> {
  const claimed = await m.query(`INSERT INTO intake.external_refs (source, external_id, received_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING RETURNING source`, [ref.source, ref.id]);
  if (claimed.length) return null;
  const [row] = await m.query(`SELECT case_number AS "caseNumber", alert_id AS "alertId" FROM intake.external_refs WHERE source = $1 AND external_id = $2 FOR UPDATE`, [ref.source, ref.id]);
  return row;
}

/** What the ref became, if it was seen before (no lock: a claim settles races). */
export async function seenRef(m: EntityManager, ref: ExternalRef): Promise<ExternalRefUse | null> {
  const [row] = await m.query(`SELECT case_number AS "caseNumber", alert_id AS "alertId" FROM intake.external_refs WHERE source = $1 AND external_id = $2`, [ref.source, ref.id]);
  return row ?? null;
}

/** Records what the claimed ref became: a case, or an opinion alert. */
export async function settleExternalRef(m: EntityManager, ref: ExternalRef, made: { caseNumber: string } | { alertId: string }): Promise<void> {
  const [column, value] = 'caseNumber' in made ? ['case_number', made.caseNumber] : ['alert_id', made.alertId];
  await m.query(`UPDATE intake.external_refs SET ${column} = $3 WHERE source = $1 AND external_id = $2`, [ref.source, ref.id, value]);
}
