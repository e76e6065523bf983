import type { CaseStatus, Channel, Level } from '@fq/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The one record of a request, whatever its channel (一平台统一受理). */
@Entity({ name: 'cases' })
export class CaseRecord {
  @PrimaryColumn({ type: 'text' }) number!: string;
  @Column({ type: 'text' }) channel!: Channel;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text', nullable: true }) categoryCode!: string | null;
  @Column({ type: 'double precision', nullable: true }) lat!: number | null;
  @Column({ type: 'double precision', nullable: true }) lng!: number | null;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'text' }) requesterName!: string;
  @Column({ type: 'text' }) requesterPhone!: string;
  @Column({ type: 'text', nullable: true }) gridCode!: string | null;
  @Column({ type: 'text' }) level!: Level;
  @Column({ type: 'text' }) status!: CaseStatus;
  /** The unit triage chose; the handling unit once a work order exists. */
  @Column({ type: 'text' }) unitCode!: string;
  @Column({ type: 'text' }) unitName!: string;
  @Column({ type: 'uuid', nullable: true }) workOrderId!: string | null;
  @Column({ type: 'text' }) registeredBy!: string;
  @Column({ type: 'text' }) correlationId!: string;
  @Column({ type: 'timestamptz' }) registeredAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) assignedAt!: Date | null;
  @Column({ type: 'text', default: 'normal' }) urgency!: string;
  /** The resolve deadline at the current level, as the workflow last reported it. */
  @Column({ type: 'timestamptz', nullable: true }) resolveBy!: Date | null;
  @Column({ type: 'boolean', default: false }) overdue!: boolean;
  @Column({ type: 'int', default: 0 }) reopenCount!: number;
  @Column({ type: 'timestamptz', nullable: true }) updatedAt!: Date | null;
}
