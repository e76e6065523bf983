import { Module } from '@nestjs/common';
import { ServiceModule } from '@fq/platform';
import { AddressesModule } from './addresses/addresses.module';
import { AuditController } from './audit/audit.controller';
import { DispatchModule } from './dispatch/dispatch.module';
import { AsyncApiController } from './contracts/asyncapi.controller';
import { ConsoleModule } from './console/console.module';
import { adminSchema } from './db/admin.schema';
import { OrgController } from './org/org.controller';
import { UsersController } from './users/users.controller';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { SlaController } from './sla/sla.controller';
import { adminWorker } from './ladder/ladder.worker';
import { SlaApplyService } from './sla/sla-apply.service';
import { SlaService } from './sla/sla.service';

@Module({
  imports: [ServiceModule.forRoot({ name: 'admin', port: 3000, schema: adminSchema }), DispatchModule, AddressesModule, ConsoleModule],
  controllers: [AuditController, AsyncApiController, OrgController, UsersController, CalendarController, SlaController],
  providers: [CalendarService, SlaService, SlaApplyService, adminWorker],
})
export class AdminModule {}
