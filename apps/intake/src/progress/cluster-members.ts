import { EntityManager } from 'typeorm';

/**
 * Requests merged into a case (并单) are handled by it and answered with it: they show their
 * lead's state as its row holds it now. Copying from the lead's row, not from the event at hand,
 * makes the order of events irrelevant; and intake locks the lead's row when a request joins
 * (MatchFinder.clusterLeadFor), so a member that joins while its lead moves on sees the move,
 * whichever transaction commits first.
 */
export async function followLead(m: EntityManager, leadNumber: string): Promise<void> {
  await m.query(
    `UPDATE intake.cases member
        SET status = lead.status, level = lead.level, unit_code = lead.unit_code, unit_name = lead.unit_name,
            resolve_by = lead.resolve_by, overdue = lead.overdue, assigned_at = lead.assigned_at, updated_at = lead.updated_at
       FROM intake.cases lead
      WHERE lead.number = $1 AND member.merged_into = lead.number AND member.disposition = 'merged'
        AND member.status NOT IN ('closed', 'withdrawn')`,
    [leadNumber],
  );
}
