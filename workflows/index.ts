export * from './case/case.activities';
export * from './case/case.messages';
export * from './case/case.search-attributes';
export * from './case/case.workflow';
export * from './conference/conference.messages';
export * from './conference/conference.workflow';
export * from './task-queues';
