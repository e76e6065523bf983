export * from './auth.guard';
export * from './auth.module';
export * from './scope';
export * from './token';
