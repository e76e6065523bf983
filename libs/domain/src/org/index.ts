export * from './org';
export * from './demo-district';
export { DISTRICT_CODE as DEMO_DISTRICT_CODE } from './demo-towns';
export * from './addresses';
