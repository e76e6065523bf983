import type { Level } from '@fq/domain';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A unit's task to handle a case at one level of the ladder (工单). */
@Entity({ name: 'work_order' })
@Unique('work_order_case_level', ['caseNumber', 'level'])
export class WorkOrder {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) caseNumber!: string;
  @Column({ type: 'text' }) level!: Level;
  @Column({ type: 'text' }) unitCode!: string;
  @Column({ type: 'text' }) unitName!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) status!: 'open' | 'closed';
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
