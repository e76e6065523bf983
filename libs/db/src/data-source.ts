import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './naming';

/** What a service declares about its own schema: each service owns exactly one. */
export interface SchemaDefinition {
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

export function dataSourceOptions(def: SchemaDefinition, url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    schema: def.schema,
    entities: def.entities,
    migrations: def.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    extra: { max: 10, application_name: `fengqiao-${def.schema}` },
  };
}

/** Creates the schema if needed and applies its pending migrations; returns their names. */
export async function migrateSchema(def: SchemaDefinition, url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(def, url));
  await ds.initialize();
  try {
    await ds.query(`CREATE SCHEMA IF NOT EXISTS "${def.schema}"`);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
