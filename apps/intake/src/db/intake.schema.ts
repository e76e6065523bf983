import { SchemaDefinition } from '@fq/db';
import { MESSAGING_ENTITIES } from '@fq/events';
import { CaseRecord } from '../cases/case.entity';
import { GridView, OrgUnitView } from '../org/org.entities';
import { IntakeInit1763900000000 } from './migrations/1763900000000-intake-init';

export const intakeSchema: SchemaDefinition = {
  schema: 'intake',
  entities: [CaseRecord, OrgUnitView, GridView, ...MESSAGING_ENTITIES],
  migrations: [IntakeInit1763900000000],
};
