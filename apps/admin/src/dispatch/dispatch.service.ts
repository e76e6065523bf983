import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { CatalogueContext, DispatchEntry, conflict, notFound, validateCatalogue } from '@fq/domain';
import { EventContext, publishEvent } from '@fq/events';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { audit } from '../audit/audit';
import { Category, OrgUnit } from '../org/org.entities';
import { DispatchCatalogue } from './dispatch-catalogue.entity';
import { lockDispatch } from './dispatch.lock';
import { ReplaceCatalogue } from './dispatch.schemas';

/** The audit subject and Kafka key of the catalogue: there is one, so its versions stay in order. */
export const CATALOGUE_SUBJECT = 'dispatch-catalogue';

/** The dispatch catalogue: replaced whole, each version validated against the tree, audited and announced. */
@Injectable()
export class DispatchService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(): Promise<DispatchCatalogue> {
    const row = await currentCatalogue(this.ds.manager);
    if (!row) throw notFound('DISPATCH_CATALOGUE_NOT_FOUND', 'No dispatch catalogue has been defined yet: run the seed, or PUT one.');
    return row;
  }

  replace(input: ReplaceCatalogue, by: Principal): Promise<DispatchCatalogue> {
    return this.ds.transaction(async (m) => {
      await lockDispatch(m);
      const current = await currentCatalogue(m);
      const version = current?.version ?? 0;
      if (input.expectedVersion !== undefined && input.expectedVersion !== version) {
        throw conflict('DISPATCH_CATALOGUE_VERSION_CONFLICT', `The catalogue is at version ${version}, not ${input.expectedVersion}: someone replaced it since you read it; reload and apply your change again.`);
      }
      const entries = validateCatalogue(input.entries as DispatchEntry[], await catalogueContext(m));
      const id = randomUUID();
      return storeCatalogue(m, entries, by, { producer: 'admin', correlationId: id, causationId: id });
    });
  }
}

export const currentCatalogue = (m: EntityManager) => m.findOne(DispatchCatalogue, { where: {}, order: { version: 'DESC' } });

/** Every category (active or not: cases still carry inactive ones) and every unit. */
export async function catalogueContext(m: EntityManager): Promise<CatalogueContext> {
  const [categories, units] = await Promise.all([m.find(Category), m.find(OrgUnit, { select: { code: true, kind: true } })]);
  return { categories, units };
}

/** Stores the next version (the caller holds lockDispatch and has validated it), audits and announces it. */
export async function storeCatalogue(m: EntityManager, entries: DispatchEntry[], by: Principal | string, ctx: EventContext): Promise<DispatchCatalogue> {
  const previous = (await currentCatalogue(m))?.version ?? null;
  const row = m.create(DispatchCatalogue, { version: (previous ?? 0) + 1, entries, createdBy: typeof by === 'string' ? by : by.login });
  await m.insert(DispatchCatalogue, row);
  await audit(m, by, 'dispatch.catalogue.replaced', CATALOGUE_SUBJECT, { version: row.version, previous, entries: entries.map((e) => e.id) });
  await publishEvent(m, 'dispatch.catalogue.defined', { version: row.version, entries }, ctx, { key: CATALOGUE_SUBJECT });
  return (await m.findOneBy(DispatchCatalogue, { version: row.version })) as DispatchCatalogue;
}
