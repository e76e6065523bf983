export * from './app-config';
export * from './env';
export * from './service-urls';
