import SwaggerParser from '@apidevtools/swagger-parser';
import { RunningApp, startApp } from '@fq/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdminModule } from '../../apps/admin/src/admin.module';
import { DepartmentsModule } from '../../apps/departments/src/departments.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { LegalAidModule } from '../../apps/legal-aid/src/legal-aid.module';
import { MediationModule } from '../../apps/mediation/src/mediation.module';
import { prepareDatabase } from '../support/system';

/** fetch, once more if the server closed an idle keep-alive socket just as it was reused. */
const send = (url: string, init?: RequestInit) => fetch(url, init).catch(() => fetch(url, init));

type Doc = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }>; parameters?: { in: string; name: string; required?: boolean; schema?: Record<string, unknown> }[] }>> };

describe('the API contracts of the five services', () => {
  const apps: Record<string, RunningApp> = {};
  const docs: Record<string, Doc> = {};

  beforeAll(async () => {
    await prepareDatabase();
    const modules = { admin: AdminModule, intake: IntakeModule, departments: DepartmentsModule, mediation: MediationModule, 'legal-aid': LegalAidModule };
    for (const [name, module] of Object.entries(modules)) apps[name] = await startApp(module);
    for (const name of Object.keys(apps)) docs[name] = (await (await fetch(`${apps[name].url}/api/docs-json`)).json()) as Doc;
  });

  afterAll(async () => {
    await Promise.all(Object.values(apps).map((a) => a.close()));
  });

  it.each(['admin', 'intake', 'departments', 'mediation', 'legal-aid'])('%s: its OpenAPI document validates against the version it declares, every error answer with the error body', async (name) => {
    const doc = docs[name];
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        // Open311 answers errors the GeoReport v2 way: [{ code, description }].
        const errorSchema = path.startsWith('/open311/') ? expect.objectContaining({ type: 'array' }) : { $ref: '#/components/schemas/Error' };
        for (const code of ['400', '401', '403', '404', '500']) {
          expect({ op: `${method} ${path}`, code, schema: op.responses[code]?.content?.['application/json']?.schema }).toEqual({ op: `${method} ${path}`, code, schema: errorSchema });
        }
        for (const p of op.parameters ?? []) if (p.in === 'header') expect({ op: `${method} ${path}`, header: p.name, required: p.required }).toEqual({ op: `${method} ${path}`, header: p.name, required: false });
      }
    }
  });

  it('documents the query parameters and path ids the server reads', () => {
    const params = (doc: Doc, path: string, method = 'get') => Object.fromEntries((doc.paths[path]?.[method]?.parameters ?? []).map((p) => [p.name, p]));
    expect(params(docs.intake, '/api/v1/residents')).toHaveProperty('phone');
    expect(params(docs.intake, '/api/v1/public/cases/{number}')).toHaveProperty('code');
    expect(params(docs.departments, '/api/v1/cases/{number}/ladder').number.schema).toMatchObject({ pattern: expect.any(String) });
    expect(params(docs.admin, '/api/v1/sla/rule-sets/{id}').id.schema).toMatchObject({ format: 'uuid' });
  });

  it('answers an unknown method on a known path with 405, the error body and Allow', async () => {
    const res = await send(`${apps.admin.url}/api/v1/sla/presets`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(await res.json()).toEqual({ error: { code: 'METHOD_NOT_ALLOWED', message: expect.stringContaining('GET') } });
    const unknown = await send(`${apps.admin.url}/api/v1/no-such-thing`, { method: 'DELETE' });
    expect(unknown.status).toBe(404);
  });

  it('admin serves the AsyncAPI document without a token, as YAML', async () => {
    const res = await send(`${apps.admin.url}/api/asyncapi.yaml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(await res.text()).toBe(readFileSync(join(__dirname, '..', '..', 'docs', 'asyncapi.yaml'), 'utf8'));
  });
});
