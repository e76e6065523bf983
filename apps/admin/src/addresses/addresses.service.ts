import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { GridIndex, KnownAddress, conflict, normaliseAddress, notFound } from '@fq/domain';
import { EventContext, publishEvent } from '@fq/events';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { audit } from '../audit/audit';
import { Grid } from '../org/org.entities';
import { cleanAliases, gridOf, queryGrams } from './address-book';
import { CreateAddress, SearchAddresses, UpdateAddress } from './addresses.schemas';
import { KnownAddressRow, toAddress, toRow } from './known-address.entity';

/**
 * An entry as the API answers it: with the grid its requests go to (null if the grid map no longer
 * covers it). A write's answer also names, under `sharesNameWith`, other active entries elsewhere
 * with one of its names: a request naming only that name cannot be placed and goes to the district.
 */
export type AddressView = KnownAddress & { grid: { code: string; name: string; kind: Grid['kind'] } | null; updatedAt: Date; sharesNameWith?: string[] };

const FIELDS = ['name', 'aliases', 'point', 'active'] as const;
/** How stale the grid of an entry in a read answer may be (grids change with the grid map, rarely). */
const READ_GRIDS_TTL_MS = 60_000;

/** The district's address book, kept by administrators; every change is audited and announced as `address.defined`. */
@Injectable()
export class AddressesService {
  private readGrids?: { at: number; index: Promise<GridIndex<Grid>> };

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async search(q: SearchAddresses): Promise<{ items: AddressView[]; total: number; limit: number; offset: number }> {
    const qb = this.ds.getRepository(KnownAddressRow).createQueryBuilder('a');
    const text = q.q === undefined ? '' : normaliseAddress(q.q);
    if (text) {
      const grams = queryGrams(text);
      if (grams.length) qb.andWhere('a.search_grams @> CAST(:grams AS text[])', { grams });
      qb.andWhere('strpos(a.search_text, :text) > 0', { text });
    }
    if (q.active !== undefined) qb.andWhere('a.active = :active', { active: q.active });
    const [rows, total] = await qb.orderBy('a.name', 'ASC').addOrderBy('a.id', 'ASC').offset(q.offset).limit(q.limit).getManyAndCount();
    const index = await this.gridsForReading();
    return { items: rows.map((r) => view(r, index)), total, limit: q.limit, offset: q.offset };
  }

  async get(id: string): Promise<AddressView> {
    const row = found(await this.ds.getRepository(KnownAddressRow).findOneBy({ id }), id);
    return view(row, await this.gridsForReading());
  }

  create(input: CreateAddress, by: Principal): Promise<AddressView> {
    return this.ds.transaction(async (m) => {
      const index = await gridIndex(m);
      gridOf(index, input.point);
      const entry: KnownAddress = { id: input.id ?? `addr-${randomUUID()}`, name: input.name, aliases: cleanAliases(input.name, input.aliases), point: input.point, active: input.active };
      // ON CONFLICT rather than a prior look-up: two requests with one id cannot both insert.
      const result = await m.createQueryBuilder().insert().into(KnownAddressRow).values(toRow(entry)).orIgnore().returning(['id', 'updatedAt']).execute();
      const [inserted] = result.raw as { id: string; updated_at: Date }[];
      if (!inserted) throw conflict('ADDRESS_EXISTS', `Address ${entry.id} already exists; change it with PATCH /api/v1/addresses/${entry.id}, or leave out the id to have one made.`);
      await audit(m, by, 'address.created', entry.id, { ...entry });
      await publishEvent(m, 'address.defined', entry, context(), { key: entry.id });
      return withNamesakes(m, view({ ...toRow(entry), updatedAt: inserted.updated_at }, index));
    });
  }

  update(id: string, patch: UpdateAddress, by: Principal): Promise<AddressView> {
    return this.ds.transaction(async (m) => {
      // Locked so concurrent edits apply one after the other and their events follow the same order.
      const row = found(await m.findOne(KnownAddressRow, { where: { id }, lock: { mode: 'pessimistic_write' } }), id);
      const index = await gridIndex(m);
      const before = toAddress(row);
      const name = patch.name ?? before.name;
      const proposed: KnownAddress = { ...before, ...definedOnly(patch), name, aliases: cleanAliases(name, patch.aliases ?? before.aliases) };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of FIELDS) {
        if (JSON.stringify(before[key]) !== JSON.stringify(proposed[key])) changes[key] = { from: before[key], to: proposed[key] };
      }
      if (!Object.keys(changes).length) return view(row, index);
      // A new point must lie in a grid, and so must an entry brought back (the grid map may have changed since).
      if (changes.point || (changes.active && proposed.active)) gridOf(index, proposed.point);
      const next = { ...toRow(proposed), updatedAt: new Date() };
      await m.update(KnownAddressRow, { id }, next);
      await audit(m, by, 'address.updated', id, { changes });
      await publishEvent(m, 'address.defined', proposed, context(), { key: id });
      return withNamesakes(m, view(next, index));
    });
  }

  /** Searches show each entry's grid without loading every boundary each time; writes check against the grids in their transaction. */
  private gridsForReading(): Promise<GridIndex<Grid>> {
    if (!this.readGrids || Date.now() - this.readGrids.at > READ_GRIDS_TTL_MS) {
      const index = gridIndex(this.ds.manager);
      this.readGrids = { at: Date.now(), index };
      index.catch(() => (this.readGrids = undefined));
    }
    return this.readGrids.index;
  }
}

const context = (): EventContext => {
  const id = randomUUID();
  return { producer: 'admin', correlationId: id, causationId: id };
};

const definedOnly = (patch: UpdateAddress): Partial<KnownAddress> => Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));

function found(row: KnownAddressRow | null, id: string): KnownAddressRow {
  if (!row) throw notFound('ADDRESS_NOT_FOUND', `There is no address ${id} in the address book.`);
  return row;
}

/** The view with the ids of other active entries at another point that answer to one of its names, if any. */
async function withNamesakes(m: EntityManager, v: AddressView): Promise<AddressView> {
  if (!v.active) return v;
  const names = [v.name, ...v.aliases].map(normaliseAddress);
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM admin.known_addresses
      WHERE active AND id <> $1 AND (lat <> $2 OR lng <> $3) AND string_to_array(search_text, E'\n') && $4::text[] ORDER BY id`,
    [v.id, v.point.lat, v.point.lng, names],
  );
  return rows.length ? { ...v, sharesNameWith: rows.map((r) => r.id) } : v;
}

/** The grids admin stores; a few hundred to a few thousand, indexed per call (writes are rare, grids change outside this API). */
async function gridIndex(m: EntityManager): Promise<GridIndex<Grid>> {
  return new GridIndex(await m.find(Grid));
}

function view(r: Omit<KnownAddressRow, 'searchText' | 'searchGrams'>, index: GridIndex<Grid>): AddressView {
  const a = toAddress(r);
  const g = index.locate(a.point);
  return { ...a, grid: g ? { code: g.code, name: g.name, kind: g.kind } : null, updatedAt: r.updatedAt };
}
