export * from './app-config';
export * from './env';
export * from './rate-limits';
export * from './intake-env';
export * from './service-urls';
