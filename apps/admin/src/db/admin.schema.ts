import { SchemaDefinition } from '@fq/db';
import { MESSAGING_ENTITIES } from '@fq/events';
import { AuditEntry } from '../audit/audit.entity';
import { Category, Grid, OrgUnit } from '../org/org.entities';
import { AppUser } from '../users/user.entity';
import { AdminInit1763900000000 } from './migrations/1763900000000-admin-init';
import { Audit1763900000500 } from './migrations/1763900000500-audit';
import { CalendarDay, CalendarYear } from '../calendar/calendar.entities';
import { Calendar1763900001000 } from './migrations/1763900001000-calendar';
import { SlaRuleSet } from '../sla/sla-rule-set.entity';
import { Sla1763900002000 } from './migrations/1763900002000-sla';
import { DispatchCatalogue } from '../dispatch/dispatch-catalogue.entity';
import { Dispatch1763900004000 } from './migrations/1763900004000-dispatch';
import { KnownAddressRow } from '../addresses/known-address.entity';
import { KnownAddresses1763900007000 } from './migrations/1763900007000-known-addresses';
import { OutboxParking1764800000000 } from './migrations/1764800000000-outbox-parking';

export const adminSchema: SchemaDefinition = {
  schema: 'admin',
  entities: [OrgUnit, Grid, Category, AppUser, AuditEntry, CalendarDay, CalendarYear, SlaRuleSet, DispatchCatalogue, KnownAddressRow, ...MESSAGING_ENTITIES],
  migrations: [AdminInit1763900000000, Audit1763900000500, Calendar1763900001000, Sla1763900002000, Dispatch1763900004000, KnownAddresses1763900007000, OutboxParking1764800000000],
};
