import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { ERROR_CONTENT_EXTENSION, openApi } from './openapi';

/** The body of every error answer (ErrorFilter). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('Stable, e.g. VALIDATION_FAILED, CASE_NOT_FOUND, ROLE_REQUIRED.'),
    message: z.string(),
    details: z.unknown().optional().describe('What exactly failed, e.g. { fields: [{ field, problem }] } for VALIDATION_FAILED.'),
    errorId: z.string().optional().describe('On a 500: the id under which the error is logged.'),
  }),
});

const ERRORS: Record<string, string> = {
  '400': 'The request is not valid (VALIDATION_FAILED naming each field, INVALID_JSON, or a rule of the domain).',
  '401': 'No valid credentials (TOKEN_MISSING, TOKEN_INVALID).',
  '403': 'The credentials do not allow this (ROLE_REQUIRED, UNIT_OUT_OF_SCOPE, a wrong api_key).',
  '404': 'No such thing (e.g. CASE_NOT_FOUND).',
  '409': 'It conflicts with the current state (e.g. a case already closed, an entry that exists).',
  '413': 'The body is too large (PAYLOAD_TOO_LARGE).',
  '415': 'The body is not of a type this operation takes (UNSUPPORTED_MEDIA_TYPE).',
  '429': 'Too many requests (RATE_LIMITED); retry after the Retry-After header.',
  '500': 'Something failed on our side; the body carries an errorId to quote.',
  '503': 'A dependency is away (e.g. the workflow engine); retry later.',
};
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema?: object; description?: string }[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
  security?: unknown[];
  [ERROR_CONTENT_EXTENSION]?: Record<string, { schema: unknown }>;
}

const HEADERS: Record<string, string> = {
  'x-correlation-id': 'Ties the request to its events and logs; a fresh one is made when absent.',
  'idempotency-key': 'A UUID the client makes once per request: a retry with the same key answers with the first request\'s case instead of registering it again.',
};

/**
 * Makes @nestjs/swagger's document a contract: OpenAPI 3.1 (the zod schemas are JSON Schema
 * 2020-12), every operation's error answers with the error body, and optional headers optional.
 */
export function finishDocument(doc: OpenAPIObject): OpenAPIObject {
  doc.openapi = '3.1.0';
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, Error: openApi(errorBodySchema, 'output') } };
  const error = { $ref: '#/components/schemas/Error' };
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      for (const p of op.parameters ?? []) {
        // Every header a handler reads is optional (@nestjs/swagger marks them required).
        if (p.in === 'header') Object.assign(p, { required: false, schema: { type: 'string' }, description: HEADERS[p.name.toLowerCase()] ?? p.description });
      }
      // 401/403 on public operations too: an upload token, an api_key or a query code can be refused.
      const codes = ['400', '401', '403', '404', '429', '500', '503'];
      if (WRITES.has(method)) codes.push('409');
      if (op.requestBody) codes.push('413', '415');
      const content = op[ERROR_CONTENT_EXTENSION] ?? { 'application/json': { schema: error } };
      delete op[ERROR_CONTENT_EXTENSION];
      for (const code of codes.sort()) {
        op.responses[code] ??= { description: ERRORS[code] };
        op.responses[code].content ??= content;
      }
    }
  }
  return doc;
}
