import type { Level } from '@fq/domain';
import type { WorkOrderOutcome } from '@fq/workflows';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** open or signed: the unit still has work to do; anything else ends the order. */
export type WorkOrderStatus = 'open' | WorkOrderOutcome;
export const OPEN_STATUSES: WorkOrderStatus[] = ['open', 'signed'];

/** A unit's task to handle a case at one level of the ladder (工单), one per level and round. */
@Entity({ name: 'work_order' })
@Unique('work_order_case_level_round', ['caseNumber', 'level', 'round'])
export class WorkOrder {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) caseNumber!: string;
  @Column({ type: 'text' }) level!: Level;
  @Column({ type: 'int', default: 1 }) round!: number;
  @Column({ type: 'text' }) unitCode!: string;
  @Column({ type: 'text' }) unitName!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) status!: WorkOrderStatus;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) updatedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) signBy!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolveBy!: Date | null;
}
