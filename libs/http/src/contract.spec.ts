import type { OpenAPIObject } from '@nestjs/swagger';
import { finishDocument } from './contract';

const doc = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/v1/things': {
      get: { responses: { '200': { description: 'ok' } }, parameters: [{ in: 'header', name: 'x-correlation-id', required: true, schema: { type: 'string' } }] },
      post: { responses: { '201': { description: 'made' } }, requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, security: [{ bearer: [] }] },
    },
  },
});

describe('finishDocument', () => {
  it('declares OpenAPI 3.1 and gives every operation its error answers with the error body', () => {
    const d = finishDocument(doc());
    expect(d.openapi).toBe('3.1.0');
    expect(d.components?.schemas?.Error).toMatchObject({ type: 'object', required: ['error'] });
    const get = d.paths['/api/v1/things'].get!;
    const post = d.paths['/api/v1/things'].post!;
    expect(Object.keys(get.responses).sort()).toEqual(['200', '400', '401', '403', '404', '429', '500', '503']);
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '429', '500', '503']);
    expect(post.responses['409']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
    expect(get.responses['200']).toEqual({ description: 'ok' });
  });

  it('makes the correlation header optional', () => {
    expect(finishDocument(doc()).paths['/api/v1/things'].get!.parameters).toEqual([expect.objectContaining({ name: 'x-correlation-id', required: false })]);
  });
});
