export * from './register-search-attributes';
export * from './search-attributes';
export * from './temporal-client';
export * from './temporal.dispatcher';
export * from './temporal.module';
export * from './worker';
export * from './workflow-bundle';
export * from './workflow-calls';
