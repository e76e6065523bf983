export * from './data-source';
export * from './db.module';
export * from './naming';
