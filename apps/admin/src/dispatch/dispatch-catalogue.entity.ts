import type { DispatchEntry } from '@fq/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One version of the dispatch catalogue; the highest version is in force, earlier ones are its history. */
@Entity({ name: 'dispatch_catalogue' })
export class DispatchCatalogue {
  @PrimaryColumn({ type: 'int' }) version!: number;
  @Column({ type: 'jsonb' }) entries!: DispatchEntry[];
  @Column({ type: 'text' }) createdBy!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
