import type { Channel } from '@fq/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One file per resident (一人一档), found by the keyed hash of their phone. */
@Entity({ name: 'residents' })
export class Resident {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) phoneIndex!: string;
  @Column({ type: 'text' }) phoneSealed!: string;
  @Column({ type: 'text' }) phoneMasked!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) idNumberIndex!: string | null;
  @Column({ type: 'text', nullable: true }) idNumberSealed!: string | null;
  @Column({ type: 'text', nullable: true }) idNumberMasked!: string | null;
  /** Once any contact came with a verified phone (caller ID, account, ID check at the window). */
  @Column({ type: 'boolean' }) phoneVerified!: boolean;
  @Column({ type: 'timestamptz' }) firstSeenAt!: Date;
  @Column({ type: 'timestamptz' }) lastSeenAt!: Date;
}

export type ContactKind = 'registered' | 'repeat' | 'merged' | 'separated' | 'rating' | 'lookup';

/** A resident's contact with the platform about a case. */
@Entity({ name: 'case_contacts' })
export class CaseContact {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) caseNumber!: string;
  @Column({ type: 'uuid', nullable: true }) residentId!: string | null;
  @Column({ type: 'text' }) kind!: ContactKind;
  @Column({ type: 'text', nullable: true }) channel!: Channel | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'timestamptz' }) at!: Date;
}
