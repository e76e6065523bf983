import { SchemaDefinition } from '@fq/db';
import { MESSAGING_ENTITIES } from '@fq/events';
import { LegalAidInit1763900000000 } from './migrations/1763900000000-legal-aid-init';
import { OutboxParking1764800000000 } from './migrations/1764800000000-outbox-parking';

export const legalAidSchema: SchemaDefinition = {
  schema: 'legal_aid',
  entities: [...MESSAGING_ENTITIES],
  migrations: [LegalAidInit1763900000000, OutboxParking1764800000000],
};
