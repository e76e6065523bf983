import { SchemaDefinition } from '@fq/db';
import { MESSAGING_ENTITIES } from '@fq/events';
import { LegalAidInit1763900000000 } from './migrations/1763900000000-legal-aid-init';

export const legalAidSchema: SchemaDefinition = {
  schema: 'legal_aid',
  entities: [...MESSAGING_ENTITIES],
  migrations: [LegalAidInit1763900000000],
};
