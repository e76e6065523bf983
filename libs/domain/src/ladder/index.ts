export * from './chain';
export * from './state';
export * from './effects';
export { check, type LadderContext, type Refusal } from './check';
export { decide, type Decision } from './decide';
export { nextDue } from './due';
export * from './limits';
export { withWorkOrder } from './work-order';
