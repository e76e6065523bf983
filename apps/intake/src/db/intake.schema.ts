import { SchemaDefinition } from '@fq/db';
import { MESSAGING_ENTITIES } from '@fq/events';
import { CaseRecord } from '../cases/case.entity';
import { GridView, OrgUnitView } from '../org/org.entities';
import { IntakeInit1763900000000 } from './migrations/1763900000000-intake-init';
import { CaseProgress1763900001000 } from './migrations/1763900001000-case-progress';
import { CaseProgressRecord } from '../progress/case-progress.entity';

export const intakeSchema: SchemaDefinition = {
  schema: 'intake',
  entities: [CaseRecord, CaseProgressRecord, OrgUnitView, GridView, ...MESSAGING_ENTITIES],
  migrations: [IntakeInit1763900000000, CaseProgress1763900001000],
};
