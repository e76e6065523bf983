export * from './point';
export * from './point-in-polygon';
export * from './grid-index';
export * from './validate';
