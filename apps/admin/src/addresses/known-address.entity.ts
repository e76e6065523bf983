import type { KnownAddress } from '@fq/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { searchColumns } from './address-book';

/** An entry of the address book (标准地址库); a retired one stays for the record but places no requests. */
@Entity({ name: 'known_addresses' })
export class KnownAddressRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', array: true, default: () => `'{}'` }) aliases!: string[];
  @Column({ type: 'double precision' }) lat!: number;
  @Column({ type: 'double precision' }) lng!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** The normalised name and aliases, one a line: what a search looks in. */
  @Column({ type: 'text' }) searchText!: string;
  /** Their two-character pieces, GIN-indexed (address-book.ts says why). */
  @Column({ type: 'text', array: true }) searchGrams!: string[];
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** The row for an entry, its search columns derived from its names. */
export const toRow = (a: KnownAddress): Omit<KnownAddressRow, 'updatedAt'> => ({
  id: a.id,
  name: a.name,
  aliases: a.aliases,
  lat: a.point.lat,
  lng: a.point.lng,
  active: a.active,
  ...searchColumns(a.name, a.aliases),
});

/** The entry a row holds: also the payload of `address.defined`. */
export const toAddress = (r: Pick<KnownAddressRow, 'id' | 'name' | 'aliases' | 'lat' | 'lng' | 'active'>): KnownAddress => ({
  id: r.id,
  name: r.name,
  aliases: r.aliases,
  point: { lat: r.lat, lng: r.lng },
  active: r.active,
});
