export * from './case';
export * from './errors';
export * from './roles';
export * from './geo';
export * from './org';
export * from './sla';
export * from './ladder';
export * from './calendar';
