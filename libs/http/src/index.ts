export * from './bootstrap';
export * from './core.module';
export * from './error.filter';
export * from './health';
export * from './zod.pipe';
export * from './masking-logger';
