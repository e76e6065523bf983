import { SchemaDefinition } from '@fq/db';
import { MESSAGING_ENTITIES } from '@fq/events';
import { MediationInit1763900000000 } from './migrations/1763900000000-mediation-init';
import { OutboxParking1764800000000 } from './migrations/1764800000000-outbox-parking';

export const mediationSchema: SchemaDefinition = {
  schema: 'mediation',
  entities: [...MESSAGING_ENTITIES],
  migrations: [MediationInit1763900000000, OutboxParking1764800000000],
};
