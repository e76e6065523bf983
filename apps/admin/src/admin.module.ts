import { Module } from '@nestjs/common';
import { ServiceModule } from '@fq/platform';
import { AuditController } from './audit/audit.controller';
import { ConsoleController } from './console/console.controller';
import { adminSchema } from './db/admin.schema';
import { OrgController } from './org/org.controller';
import { UsersController } from './users/users.controller';

@Module({
  imports: [ServiceModule.forRoot({ name: 'admin', port: 3000, schema: adminSchema })],
  controllers: [AuditController, ConsoleController, OrgController, UsersController],
})
export class AdminModule {}
