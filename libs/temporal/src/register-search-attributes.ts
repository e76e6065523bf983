import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from './search-attributes';

const TYPES = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  Bool: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Int: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
};

/**
 * Registers the custom search attributes the cluster lacks (the dev server gets them from its
 * start flags; a real cluster and the time-skipping test server get them here). Returns the added names.
 */
export async function registerSearchAttributes(connection: Connection, namespace = 'default'): Promise<string[]> {
  // The time-skipping test server implements Add but not List: treat "cannot list" as "none yet".
  const existing = await connection.operatorService.listSearchAttributes({ namespace }).catch(() => ({ customAttributes: {} }));
  const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !(name in (existing.customAttributes ?? {})));
  if (missing.length) {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, TYPES[type]])) });
  }
  return missing.map(([name]) => name);
}
