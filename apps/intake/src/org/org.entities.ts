import type { LatLng, OrgUnitKind } from '@fq/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Intake's read model of the org tree, fed by admin's org events. */
@Entity({ name: 'org_unit' })
export class OrgUnitView {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: OrgUnitKind;
  @Column({ type: 'text', nullable: true }) parentCode!: string | null;
}

/** Intake's read model of grid boundaries, for locating a request. */
@Entity({ name: 'grid' })
export class GridView {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: 'base' | 'special';
  @Column({ type: 'text' }) villageCode!: string;
  @Column({ type: 'text' }) townCode!: string;
  @Column({ type: 'jsonb' }) boundary!: LatLng[];
}

/** Intake's copy of admin's address book (标准地址), for placing a request given only in words. */
@Entity({ name: 'known_addresses' })
export class KnownAddressView {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'jsonb' }) aliases!: string[];
  @Column({ type: 'double precision' }) lat!: number;
  @Column({ type: 'double precision' }) lng!: number;
  @Column({ type: 'boolean' }) active!: boolean;
}
