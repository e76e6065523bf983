import type { Role } from '@fq/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'app_user' })
export class AppUser {
  @PrimaryColumn({ type: 'text' }) login!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', array: true }) roles!: Role[];
  @Column({ type: 'text' }) unitCode!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
}
