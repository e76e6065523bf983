import { SchemaDefinition } from '@fq/db';
import { MESSAGING_ENTITIES } from '@fq/events';
import { CaseRecord } from '../shared/case.entity';
import { GridView, KnownAddressView, OrgUnitView } from '../org/org.entities';
import { IntakeInit1763900000000 } from './migrations/1763900000000-intake-init';
import { CaseProgress1763900001000 } from './migrations/1763900001000-case-progress';
import { CaseProgressRecord } from '../progress/case-progress.entity';
import { CategoryView, DispatchCatalogueView } from '../dispatch/dispatch.entities';
import { DispatchCopy1763900004000 } from './migrations/1763900004000-dispatch-copy';
import { AttachmentBlob, AttachmentRecord } from '../attachments/attachment.entities';
import { Attachments1763900003000 } from './migrations/1763900003000-attachments';
import { ResidentFile1763900002000 } from './migrations/1763900002000-resident-file';
import { OpinionAlertHandling1763900005000 } from './migrations/1763900005000-opinion-alert-handling';
import { CaseSeparation1763900006000 } from './migrations/1763900006000-case-separation';
import { KnownAddresses1763900007000 } from './migrations/1763900007000-known-addresses';
import { EmergencyAttention1763900008000 } from './migrations/1763900008000-emergency-attention';
import { AttachmentFromRepeat1763900009000 } from './migrations/1763900009000-attachment-from-repeat';
import { OutboxParking1764800000000 } from './migrations/1764800000000-outbox-parking';
import { CaseContact, Resident } from '../residents/resident.entity';

export const intakeSchema: SchemaDefinition = {
  schema: 'intake',
  entities: [CaseRecord, CaseProgressRecord, OrgUnitView, GridView, ...MESSAGING_ENTITIES, AttachmentRecord, AttachmentBlob, CategoryView, DispatchCatalogueView, Resident, CaseContact, KnownAddressView],
  migrations: [IntakeInit1763900000000, CaseProgress1763900001000, ResidentFile1763900002000, Attachments1763900003000, DispatchCopy1763900004000, OpinionAlertHandling1763900005000, CaseSeparation1763900006000, KnownAddresses1763900007000, EmergencyAttention1763900008000, AttachmentFromRepeat1763900009000, OutboxParking1764800000000],
};
