import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@fq/config';
import { HealthRegistry } from '@fq/http';
import { DataSource } from 'typeorm';
import { SchemaDefinition, dataSourceOptions } from './data-source';

class DbHealth implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly health: HealthRegistry,
  ) {}
  onModuleInit(): void {
    this.health.register('postgres', async () => {
      await this.ds.query('SELECT 1');
    }, { critical: true });
  }
}

/** The service's TypeORM data source on its own schema, plus its health check. */
@Module({})
export class DbModule {
  static forSchema(def: SchemaDefinition): DynamicModule {
    return {
      module: DbModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(def, config.env.DATABASE_URL),
            // Boot even if Postgres is briefly away; /health reports it until it answers.
            retryAttempts: 30,
            retryDelay: 2000,
          }),
        }),
      ],
      providers: [{ provide: DbHealth, inject: [DataSource, HealthRegistry], useFactory: (ds: DataSource, h: HealthRegistry) => new DbHealth(ds, h) }],
      exports: [TypeOrmModule],
    };
  }
}
