import type { SlaRule } from '@fq/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const SLA_RULE_SET_STATUSES = ['draft', 'active', 'retired'] as const;
export type SlaRuleSetStatus = (typeof SLA_RULE_SET_STATUSES)[number];

/**
 * One version of a named rule set. A draft becomes active from an instant; the set in force at
 * any instant is the activated one with the latest `activeFrom` at or before it, so rows are
 * never rewritten once activated and the history answers for every past case.
 */
@Entity({ name: 'sla_rule_set' })
export class SlaRuleSet {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'int' }) version!: number;
  /** 'retired': superseded by a later set whose start had come (kept current at each activation). */
  @Column({ type: 'text' }) status!: SlaRuleSetStatus;
  @Column({ type: 'timestamptz', nullable: true }) activeFrom!: Date | null;
  @Column({ type: 'jsonb' }) rules!: SlaRule[];
  /** The preset key it was created from, if any. */
  @Column({ type: 'text', nullable: true }) preset!: string | null;
  @Column({ type: 'text' }) createdBy!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
