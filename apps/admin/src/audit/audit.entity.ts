import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what in the administration, and when: every rule, calendar and org change. */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  @Column({ type: 'text' }) actor!: string;
  /** A stable verb, e.g. `sla.rule-set.activated`, `calendar.year.replaced`. */
  @Column({ type: 'text' }) action!: string;
  /** What it was done to, e.g. a rule set id or `calendar/2027`. */
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'jsonb', default: () => `'{}'` }) details!: Record<string, unknown>;
}
