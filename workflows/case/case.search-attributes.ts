import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes';

// Keys as plain values: workflow code may not import @temporalio/common at run time.
const key = <T extends 'KEYWORD' | 'DATETIME' | 'BOOL' | 'INT'>(name: string, type: T) =>
  ({ name, type }) as SearchAttributeKey<T>;

/** The case's search attributes, kept current so operators can filter in the Temporal UI. */
export const CaseAttr = {
  CaseNumber: key('CaseNumber', 'KEYWORD'),
  CaseCategory: key('CaseCategory', 'KEYWORD'),
  CaseLevel: key('CaseLevel', 'KEYWORD'),
  CaseStatus: key('CaseStatus', 'KEYWORD'),
  GridCode: key('GridCode', 'KEYWORD'),
  HandlingUnit: key('HandlingUnit', 'KEYWORD'),
  SlaDeadline: key('SlaDeadline', 'DATETIME'),
  Overdue: key('Overdue', 'BOOL'),
  ReopenCount: key('ReopenCount', 'INT'),
};
