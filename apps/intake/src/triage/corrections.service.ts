import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Correction, type TriagedCase, correctionOf } from './corrections';

/** Reads the cases where people corrected triage (ADR 0012). */
@Injectable()
export class CorrectionsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async since(since: Date, limit: number): Promise<{ items: Correction[]; next: string | null }> {
    // Only cases where people said something: an operator's field, a recorded hand-off, or a category set when separating.
    const rows: (TriagedCase & { registeredAt: Date })[] = await this.ds.query(
      `SELECT number, description, category_code AS "categoryCode", urgency, size_class AS "sizeClass", report_upward AS "reportUpward", hand_off AS "handOff",
              triage, separation->'category'->>'to' AS "separatedAs", registered_at AS "registeredAt"
         FROM intake.cases
        WHERE registered_at >= $1 AND triage ? 'detected'
          AND (triage->'operator' <> '{}'::jsonb OR hand_off IS NOT NULL OR separation ? 'category')
        ORDER BY registered_at, number LIMIT $2`,
      [since, limit],
    );
    const last = rows.at(-1);
    return {
      items: rows.flatMap((r) => correctionOf(r) ?? []),
      // Rows registered in the same instant as the last are read again on the next page: take the caseNumber as the key.
      next: rows.length === limit && last ? new Date(last.registeredAt).toISOString() : null,
    };
  }
}
