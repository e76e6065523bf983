import type { DispatchEntry } from '@fq/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Intake's copy of a node of admin's category tree, fed by `category.defined`. */
@Entity({ name: 'category' })
export class CategoryView {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) parentCode!: string | null;
  @Column({ type: 'text', nullable: true }) leadDepartmentCode!: string | null;
  @Column({ type: 'boolean' }) departmentMatter!: boolean;
  @Column({ type: 'boolean' }) active!: boolean;
}

/** Intake's copy of the dispatch catalogue in force (one row), fed by `dispatch.catalogue.defined`. */
@Entity({ name: 'dispatch_catalogue' })
export class DispatchCatalogueView {
  @PrimaryColumn({ type: 'smallint' }) id!: number;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'jsonb' }) entries!: DispatchEntry[];
  @Column({ type: 'timestamptz' }) definedAt!: Date;
}
