import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@fq/auth';
import { DbModule, SchemaDefinition } from '@fq/db';
import { EventsModule } from '@fq/events';
import { CoreModule } from '@fq/http';
import { TemporalModule } from '@fq/temporal';

export interface ServiceDefinition {
  name: string;
  port: number;
  schema: SchemaDefinition;
}

/**
 * What every HTTP service is made of: parsed config and /health, bearer-token auth, its own
 * schema, Kafka (outbox relay + consumer group) and a Temporal client with its outbox lane.
 */
@Module({})
export class ServiceModule {
  static forRoot(def: ServiceDefinition): DynamicModule {
    return {
      module: ServiceModule,
      imports: [CoreModule.forService(def.name, def.port), AuthModule, DbModule.forSchema(def.schema), EventsModule, TemporalModule],
    };
  }
}
