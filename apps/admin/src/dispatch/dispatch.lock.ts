import { EntityManager } from 'typeorm';

/**
 * One transaction-scoped lock for the category tree and the catalogue, which are validated
 * against each other: a catalogue checked against categories another admin is changing could
 * commit invalid.
 */
export const lockDispatch = (m: EntityManager) => m.query(`SELECT pg_advisory_xact_lock(hashtext('admin.dispatch'))`);
