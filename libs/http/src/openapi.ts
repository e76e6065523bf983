import { Body, Param, Query } from '@nestjs/common';
import { ApiBody, ApiExtension, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { CASE_NUMBER_PATTERN } from '@fq/domain';
import { z } from 'zod';
import { ZodPipe } from './zod.pipe';

/**
 * Decorators that validate with a zod schema and document the same schema in the OpenAPI
 * document, so the two cannot drift: `@ZodBody(schema) body`, `@ZodQuery(schema) q`,
 * `@ZodParam('id', schema) id`, and `@ZodResponse(200, schema)` on the method.
 */

type Json = Record<string, unknown>;

/** A zod schema as an OpenAPI 3.1 schema object (JSON Schema 2020-12). */
export function openApi(schema: z.ZodType, io: 'input' | 'output' = 'input'): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  delete json.$schema; // the document's dialect is 2020-12 already
  return json;
}

/** The method a parameter decorator sits on, so it can also decorate the method (for the document). */
const methodOf = (target: object, key: string | symbol | undefined): PropertyDescriptor => {
  if (key === undefined) throw new Error('Zod parameter decorators go on methods, not constructors');
  return Object.getOwnPropertyDescriptor(target, key) as PropertyDescriptor;
};

/** The request body, parsed by `schema` (400 VALIDATION_FAILED naming each field) and documented with it. */
export const ZodBody =
  (schema: z.ZodType, opts: { required?: boolean } = {}): ParameterDecorator =>
  (target, key, index) => {
    Body(new ZodPipe(schema))(target, key, index);
    ApiBody({ schema: openApi(schema), required: opts.required ?? true })(target, key as string, methodOf(target, key));
  };

/** The query string, parsed by an object schema and documented as one parameter per field. */
export const ZodQuery =
  (schema: z.ZodObject): ParameterDecorator =>
  (target, key, index) => {
    Query(new ZodPipe(schema))(target, key, index);
    DocQuery(schema)(target, key as string, methodOf(target, key));
  };

/** A path parameter, parsed by `schema` (400 VALIDATION_FAILED) and documented with it. */
export const ZodParam =
  (name: string, schema: z.ZodType): ParameterDecorator =>
  (target, key, index) => {
    Param(name, new ZodPipe(schema))(target, key, index);
    ApiParam({ name, schema: openApi(schema) })(target, key as string, methodOf(target, key));
  };

/** Documents a path parameter's shape where the server already checks it its own way. */
export const DocParam = (name: string, schema: z.ZodType, description?: string) => ApiParam({ name, schema: openApi(schema), description });

export const uuidSchema = z.string().uuid();
/** A case number: 14 digits (date and a sequence), as the server issues them. */
export const caseNumberSchema = z.string().regex(CASE_NUMBER_PATTERN).describe('The case number (14 digits).');

/** Documents an answer with the zod schema of its body (`null`: no body). */
export const ZodResponse = (status: number, schema: z.ZodType | null, description = 'OK'): MethodDecorator =>
  ApiResponse({ status, description, ...(schema ? { content: { 'application/json': { schema: openApi(schema) } } } : {}) });

/** Documents the query fields of an object schema where the handler parses the query itself. */
export const DocQuery =
  (schema: z.ZodObject): MethodDecorator =>
  (target, key, descriptor) => {
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const { description, ...fieldSchema } = openApi(field);
      ApiQuery({ name, required: !field.safeParse(undefined).success, schema: fieldSchema, description: description as string | undefined })(target, key as string, descriptor);
    }
  };

/** The extension `finishDocument` reads for a controller whose errors are not the usual body. */
export const ERROR_CONTENT_EXTENSION = 'x-fq-error-content';

/**
 * Class decorator for a controller whose errors follow another standard (Open311's
 * `[{ code, description }]`, in the request's format): its operations document that error content.
 */
export const ErrorContent =
  (content: Record<string, { schema: Json }>): ClassDecorator =>
  (target) => {
    const proto = target.prototype as object;
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor') continue;
      ApiExtension(ERROR_CONTENT_EXTENSION, content)(proto, key, Object.getOwnPropertyDescriptor(proto, key) as PropertyDescriptor);
    }
  };
