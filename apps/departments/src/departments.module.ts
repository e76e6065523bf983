import { Module } from '@nestjs/common';
import { ServiceModule } from '@fq/platform';
import { CaseActionsModule } from './case-actions/case-actions.module';
import { departmentsSchema } from './db/departments.schema';
import { WorkOrdersModule } from './work-orders/work-orders.module';

@Module({ imports: [ServiceModule.forRoot({ name: 'departments', port: 3002, schema: departmentsSchema }), WorkOrdersModule, CaseActionsModule] })
export class DepartmentsModule {}
