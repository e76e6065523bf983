import { SearchAttributePair, SearchAttributeType, defineSearchAttributeKey } from '@temporalio/common';
import declared from '../search-attributes.json';

/** The custom search attributes, as registered on the dev server and by `npm run temporal:bootstrap`. */
export const SEARCH_ATTRIBUTES = declared as Record<string, 'Keyword' | 'Datetime' | 'Bool' | 'Int'>;

const TYPES = { Keyword: SearchAttributeType.KEYWORD, Datetime: SearchAttributeType.DATETIME, Bool: SearchAttributeType.BOOL, Int: SearchAttributeType.INT } as const;

export type SearchAttributeInput = Record<string, string | number | boolean>;

/** Turns `{ CaseLevel: 'grid', SlaDeadline: '2026-…' }` (JSON-safe, as stored in the outbox) into typed pairs. */
export function toSearchAttributePairs(input: SearchAttributeInput): SearchAttributePair[] {
  return Object.entries(input).map(([name, value]) => {
    const declaredType = SEARCH_ATTRIBUTES[name];
    if (!declaredType) throw new Error(`unknown search attribute ${name}`);
    const type = TYPES[declaredType];
    const typed = type === SearchAttributeType.DATETIME ? new Date(String(value)) : value;
    return { key: defineSearchAttributeKey(name, type), value: typed } as SearchAttributePair;
  });
}
