export * from './catalogue';
export * from './plan';
export * from './validate';
export * from './defaults';
