import type { CaseStatus, Channel, EmergencyService, Level, NonDispatchOutcome, SizeClass } from '@fq/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TriageOutcome } from './triage-outcome';

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
  /** The requester; none for a grid worker's own patrol report or a public-opinion item. */
  @Column({ type: 'text', nullable: true }) requesterName!: string | null;
  @Column({ type: 'uuid', nullable: true }) residentId!: string | null;
  /** Sealed by PiiVault; only the masked form leaves the service. */
  @Column({ type: 'text', nullable: true }) requesterPhoneSealed!: string | null;
  @Column({ type: 'text', nullable: true }) requesterPhoneMasked!: string | null;
  @Column({ type: 'text', nullable: true }) requesterIdSealed!: string | null;
  @Column({ type: 'text', nullable: true }) requesterIdMasked!: string | null;
  /** The phone came from caller ID, a resident's account or an ID check at the window. */
  @Column({ type: 'boolean', default: false }) phoneVerified!: boolean;
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
  /** sha256 of the query code a resident uses to look the case up without an account. */
  @Column({ type: 'text', nullable: true }) queryCodeHash!: string | null;
  @Column({ type: 'text', default: 'small' }) sizeClass!: SizeClass;
  /** Must be reported upward at once (群体性事件苗头, casualties, major hazards). */
  @Column({ type: 'boolean', default: false }) reportUpward!: boolean;
  /** A functional department's matter: not pushed down to the grassroots. */
  @Column({ type: 'boolean', default: false }) departmentMatter!: boolean;
  /** How triage decided: the classifier's suggestion, the severity reasons, the dispatch rule. */
  @Column({ type: 'jsonb', default: {} }) triage!: TriageRecord;
  @Column({ type: 'text', default: 'dispatched' }) disposition!: Disposition;
  @Column({ type: 'text', nullable: true }) dispositionReason!: string | null;
  @Column({ type: 'text', nullable: true }) handOff!: EmergencyService | null;
  @Column({ type: 'uuid', nullable: true }) clusterId!: string | null;
  /** A cluster member is handled once, by its lead case. */
  @Column({ type: 'text', nullable: true }) mergedInto!: string | null;
  /** What the channel adds: a petition's 信访 fields, an opinion item's source, a patrol's reporter. */
  @Column({ type: 'jsonb', nullable: true }) details!: Record<string, object | string | number | boolean | null> | null;
  /** Set when a dispatcher took the request out of a cluster it was wrongly merged into (拆单). */
  @Column({ type: 'jsonb', nullable: true }) separation!: Separation | null;
}

/** dispatched: a workflow handles it; merged: its cluster's lead does; the others are not dispatched. */
export type Disposition = 'dispatched' | 'merged' | NonDispatchOutcome;

export interface TriageRecord {
  suggestedCategory?: { code: string; confidence: number } | null;
  categorySource?: 'operator' | 'classifier' | 'none';
  reasons?: string[];
  dispatch?: { entryId: string | null; reason: string };
  /** What the rules and model read, and what the operator set: a difference is a correction (GET /api/v1/triage/corrections). */
  detected?: TriageOutcome['detected'];
  operator?: TriageOutcome['operator'];
  /** How the place was found: from coordinates, or the known address (标准地址) the words named; `ambiguous` lists the places a shared name fits. */
  located?: { by: 'coordinates' | 'address' | 'none'; matched?: string; addressId?: string; ambiguous?: string[] };
}

/** Who separated a cluster member from its lead, when and why. */
export interface Separation {
  leadCaseNumber: string;
  clusterId: string;
  reason: string;
  /** The category the dispatcher corrected, when they did. */
  category?: { from: string | null; to: string };
  by: string;
  at: string;
}
