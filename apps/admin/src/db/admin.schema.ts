import { SchemaDefinition } from '@fq/db';
import { MESSAGING_ENTITIES } from '@fq/events';
import { AuditEntry } from '../audit/audit.entity';
import { Category, Grid, OrgUnit } from '../org/org.entities';
import { AppUser } from '../users/user.entity';
import { AdminInit1763900000000 } from './migrations/1763900000000-admin-init';
import { Audit1763900000500 } from './migrations/1763900000500-audit';

export const adminSchema: SchemaDefinition = {
  schema: 'admin',
  entities: [OrgUnit, Grid, Category, AppUser, AuditEntry, ...MESSAGING_ENTITIES],
  migrations: [AdminInit1763900000000, Audit1763900000500],
};
