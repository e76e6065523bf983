import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { KnownAddress, LatLng, matchAddress } from '@fq/domain';
import { Repository } from 'typeorm';
import { KnownAddressView } from './org.entities';

/** Where a request is, and how intake knows: its coordinates, a known address its words name, or neither. */
export type Whereabouts =
  | { location: LatLng & { address?: string }; by: 'coordinates' }
  | { location: LatLng & { address: string }; by: 'address'; matched: string; addressId: string }
  | { location: null; by: 'none'; ambiguous?: string[] };

/** Admin's address book as intake knows it, held in memory and dropped by OrgConsumer after each change. */
@Injectable()
export class AddressBook {
  private book?: Promise<KnownAddress[]>;

  constructor(@InjectRepository(KnownAddressView) private readonly rows: Repository<KnownAddressView>) {}

  invalidate(): void {
    this.book = undefined;
  }

  /**
   * Coordinates win; an address in words alone is placed at the known address it names (the
   * longest name it holds). A name two places share places nothing: the district sorts it out.
   */
  async locate(req: { location?: (LatLng & { address?: string }) | null; address?: string }): Promise<Whereabouts> {
    if (req.location) return { location: req.location, by: 'coordinates' };
    if (!req.address) return { location: null, by: 'none' };
    const match = matchAddress(await this.load(), req.address);
    if (match?.kind === 'found') {
      return { location: { ...match.address.point, address: req.address }, by: 'address', matched: match.matched, addressId: match.address.id };
    }
    return { location: null, by: 'none', ...(match ? { ambiguous: match.candidates.map((c) => c.id) } : {}) };
  }

  private load(): Promise<KnownAddress[]> {
    this.book ??= this.rows
      .find()
      .then((rows) => rows.map((r) => ({ id: r.id, name: r.name, aliases: r.aliases, point: { lat: r.lat, lng: r.lng }, active: r.active })))
      .catch((e) => {
        this.book = undefined;
        throw e;
      });
    return this.book;
  }
}
