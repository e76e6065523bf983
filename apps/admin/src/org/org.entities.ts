import type { LatLng, OrgUnitKind } from '@fq/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A unit of the org tree: district, town/street, village/community, grid post, department. */
@Entity({ name: 'org_unit' })
export class OrgUnit {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: OrgUnitKind;
  @Column({ type: 'text', nullable: true }) parentCode!: string | null;
}

/** A grid (网格) with its boundary; base grids tile the district, special grids lie over them. */
@Entity({ name: 'grid' })
export class Grid {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: 'base' | 'special';
  @Column({ type: 'text' }) villageCode!: string;
  @Column({ type: 'text' }) townCode!: string;
  @Column({ type: 'jsonb' }) boundary!: LatLng[];
}

/**
 * A node of the category tree, with the department that leads on it. A department matter goes
 * to that department at the district, never lower; an inactive category is kept for the cases
 * that have it but offered for no new ones.
 */
@Entity({ name: 'category' })
export class Category {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) parentCode!: string | null;
  @Column({ type: 'text', nullable: true }) leadDepartmentCode!: string | null;
  @Column({ type: 'boolean', default: false }) departmentMatter!: boolean;
  @Column({ type: 'boolean', default: true }) active!: boolean;
}
