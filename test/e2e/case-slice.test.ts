import { DEMO_OUTSIDE, DEMO_POINTS, DEMO_DISTRICT_CODE } from '@fq/domain';
import { KafkaProbe, api, eventually, tokenFor } from '@fq/testing';
import { caseStateQuery } from '@fq/workflows';
import { System, prepareDatabase, startSystem } from '../support/system';

/** One request through every layer: HTTP -> Postgres + outbox -> Kafka and Temporal -> departments -> back to intake. */
describe('a registered case flows to the grid unit', () => {
  let sys: System;
  let probe: KafkaProbe;
  let operator: string;

  beforeAll(async () => {
    sys = await startSystem();
    probe = await new KafkaProbe(['fq.case.v1']).start();
    operator = tokenFor(sys.intake, 'operator', ['operator'], DEMO_DISTRICT_CODE);
  });

  afterAll(async () => {
    await probe?.stop();
    await sys?.stop();
  });

  const newCase = (point = DEMO_POINTS[0].point) => ({
    channel: 'hotline',
    // A small matter that the dispatch catalogue leaves with the grid (坛山街道's municipal matters start at the community).
    title: '夜间施工噪声扰民',
    description: '坛山街道某小区门口工地连续三晚深夜施工，噪声很大影响休息。',
    category: 'C03-01',
    location: { ...point, address: '坛山街道某小区门口' },
    requester: { name: '张秀英', phone: '13812345678' },
    // Each test here wants its own case, not a link to the last one (duplicates have their own tests).
    separate: true,
  });

  it('answers 201 with a case number, then shows it assigned to the grid with an open work order', async () => {
    const target = DEMO_POINTS[0];
    const res = await api(`${sys.intake.url}/api/v1/cases`, operator, { body: newCase(target.point) });
    expect(res.status).toBe(201);
    const { caseNumber } = res.body;
    expect(caseNumber).toMatch(/^\d{14}$/);

    const view = await eventually('case to be assigned', async () => {
      const r = await api(`${sys.intake.url}/api/v1/cases/${caseNumber}`, operator);
      return r.body.status === 'assigned' ? r.body : undefined;
    });
    expect(view).toMatchObject({ caseNumber, level: 'grid', gridCode: target.gridCode, unit: { code: target.gridCode } });
    expect(view.requester.phone).toBe('138****5678');
    expect(Date.parse(view.resolveBy)).toBeGreaterThan(Date.parse(view.registeredAt)); // the level's deadline, from the rule in force

    // Kafka: case.registered then case.assigned, keyed by the case number, in the shared envelope.
    const events = await eventually('both events on fq.case.v1', async () => {
      const mine = probe.matching((m) => m.key === caseNumber);
      return mine.length >= 2 ? mine : undefined;
    });
    expect(events.map((m) => m.json().type)).toEqual(['case.registered', 'case.assigned']);
    const registered = events[0].json();
    expect(Object.keys(registered).sort()).toEqual(['caseNumber', 'causationId', 'correlationId', 'data', 'id', 'occurredAt', 'producer', 'type', 'version'].sort());
    expect(registered).toMatchObject({ type: 'case.registered', version: 1, producer: 'intake', caseNumber, data: { gridCode: target.gridCode, level: 'grid' } });
    expect(events[1].json()).toMatchObject({ producer: 'departments', correlationId: registered.correlationId, data: { unitCode: target.gridCode } });

    // Temporal: the workflow is running under the business id, with its search attributes.
    const handle = sys.temporal.workflow.getHandle(`case-${caseNumber}`);
    const description = await handle.describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.type).toBe('caseWorkflow');
    const attrs = description.searchAttributes as Record<string, unknown[]>;
    expect(attrs.CaseNumber).toEqual([caseNumber]);
    expect(attrs.CaseLevel).toEqual(['grid']);
    expect(attrs.GridCode).toEqual([target.gridCode]);
    await eventually('CaseStatus=assigned', async () => {
      const d = await handle.describe();
      return (d.searchAttributes as Record<string, unknown[]>).CaseStatus?.[0] === 'assigned' ? true : undefined;
    });
    expect(await handle.query(caseStateQuery)).toMatchObject({ status: 'assigned', level: 'grid', levels: [{ unitCode: target.gridCode, workOrderId: view.workOrderId }] });

    // Departments: the grid's worker sees the open work order.
    const gridWorker = tokenFor(sys.departments, `grid-${target.gridCode}`, ['grid_worker'], target.gridCode);
    const orders = await api(`${sys.departments.url}/api/v1/work-orders?status=open`, gridWorker);
    expect(orders.status).toBe(200);
    expect(orders.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ caseNumber, level: 'grid', status: 'open', id: view.workOrderId, resolveBy: view.resolveBy })]));

    // Database: one case row, every outbox row delivered, the assignment applied once.
    const [row] = await sys.db.query(`SELECT status, grid_code FROM intake.cases WHERE number = $1`, [caseNumber]);
    expect(row).toEqual({ status: 'assigned', grid_code: target.gridCode });
    const pending = await sys.db.query(`SELECT count(*)::int AS n FROM intake.outbox WHERE key = $1 AND delivered_at IS NULL`, [caseNumber]);
    expect(pending[0].n).toBe(0);
    const applied = await sys.db.query(`SELECT count(*)::int AS n FROM intake.inbox WHERE handler = 'intake.case-assigned' AND event_id = $1`, [events[1].json().id]);
    expect(applied[0].n).toBe(1);
  });

  it('routes a location outside every grid to the district', async () => {
    const res = await api(`${sys.intake.url}/api/v1/cases`, operator, { body: newCase(DEMO_OUTSIDE) });
    expect(res.status).toBe(201);
    const view = await eventually('district assignment', async () => {
      const r = await api(`${sys.intake.url}/api/v1/cases/${res.body.caseNumber}`, operator);
      return r.body.status === 'assigned' ? r.body : undefined;
    });
    expect(view).toMatchObject({ level: 'district', gridCode: null, unit: { code: DEMO_DISTRICT_CODE } });
  });

  it('refuses a body that is not valid with 400 and names every field', async () => {
    const res = await api(`${sys.intake.url}/api/v1/cases`, operator, { body: { ...newCase(), channel: 'fax', requester: { name: '', phone: '123' } } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toMatch(/channel/);
    expect(res.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['channel', 'requester.name', 'requester.phone']);
  });

  it('refuses malformed JSON with 400 INVALID_JSON', async () => {
    const res = await api(`${sys.intake.url}/api/v1/cases`, operator, { rawBody: '{"channel": "web",' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_JSON');
  });

  it('answers 404 CASE_NOT_FOUND for an unknown case and 400 for a malformed number', async () => {
    const missing = await api(`${sys.intake.url}/api/v1/cases/19990101000001`, operator);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('CASE_NOT_FOUND');
    const malformed = await api(`${sys.intake.url}/api/v1/cases/abc`, operator);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('INVALID_CASE_NUMBER');
  });

  it('answers 401 without a token and 403 for another unit’s work orders', async () => {
    const anonymous = await api(`${sys.intake.url}/api/v1/cases`, undefined, { body: newCase() });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('TOKEN_MISSING');
    const forged = await api(`${sys.intake.url}/api/v1/cases/19990101000001`, 'not-a-token');
    expect(forged.body.error.code).toBe('TOKEN_INVALID');
    const gridWorker = tokenFor(sys.departments, 'grid-x', ['grid_worker'], DEMO_POINTS[0].gridCode);
    const other = await api(`${sys.departments.url}/api/v1/work-orders?unit=${DEMO_POINTS[1].gridCode}`, gridWorker);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('UNIT_OUT_OF_SCOPE');
  });

  it('reports every dependency on /health', async () => {
    for (const app of [sys.intake, sys.departments, sys.admin]) {
      const res = await api(`${app.url}/health`, undefined);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.dependencies)).toEqual(expect.arrayContaining(['postgres', 'kafka', 'temporal']));
      expect((await api(`${app.url}/health/ready`, undefined)).status).toBe(200);
      expect((await api(`${app.url}/health/live`, undefined)).body).toEqual({ status: 'up' });
    }
    const worker = await eventually('worker polling', async () => {
      const r = await api(`${sys.worker.url}/health`, undefined);
      return r.status === 200 ? r : undefined;
    });
    expect(worker.body.dependencies['worker:cases']).toEqual({ status: 'up', critical: true });
  });
});

describe('npm run token', () => {
  beforeAll(prepareDatabase);

  it('prints, as its last line, a bearer token for a seeded login that the services accept', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['scripts/run-ts.js', 'scripts/token.ts', 'dispatcher'], { env: process.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const token = out.trim().split('\n').pop() as string;
    expect(token.split('.')).toHaveLength(3);
    const { verifyToken } = await import('@fq/auth');
    const { parseEnv, baseEnvSchema } = await import('@fq/config');
    expect(verifyToken(token, parseEnv(baseEnvSchema).JWT_SECRET)).toMatchObject({ login: 'dispatcher', roles: ['district_centre'] });
  });
});
