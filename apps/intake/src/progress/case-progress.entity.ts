import type { Level } from '@fq/domain';
import type { CaseProgressKind } from '@fq/workflows';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One step of a case on the ladder, as its workflow reported it: the case's history. */
@Entity({ name: 'case_progress' })
export class CaseProgressRecord {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) caseNumber!: string;
  @Column({ type: 'text' }) kind!: CaseProgressKind;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text' }) level!: Level;
  @Column({ type: 'text' }) unitCode!: string;
  @Column({ type: 'jsonb' }) details!: Record<string, unknown>;
}
