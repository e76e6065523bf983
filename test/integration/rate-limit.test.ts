import { RunningApp, eventually, startApp } from '@fq/testing';
import { randomInt } from 'node:crypto';
import http from 'node:http';
import { DataSource } from 'typeorm';
import { AdminModule } from '../../apps/admin/src/admin.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { freshPhone } from '../support/requests';
import { PNG } from '../support/uploads';
import { prepareDatabase } from '../support/system';

/** Low budgets, set before intake is created: the limits are read when the app is created, not when its module is imported. */
const LIMITS = { RATE_LIMIT_WEB_FORM: '2/min', RATE_LIMIT_PUBLIC_LOOKUP: '3/min', RATE_LIMIT_UPLOAD: '2/min', RATE_LIMIT_WRONG_CODE: '4/hour' };

interface Answer {
  status: number;
  retryAfter?: string;
  body: { error?: { code: string; message: string; details?: { retryAfterSeconds: number } } } & Record<string, unknown>;
}

let lastAddress = 10;
/** A client address of its own: all of 127.0.0.0/8 is this machine, so each test's requests come from another client. */
const newClient = () => `127.0.0.${++lastAddress}`;
/** A case number no case has: registration numbers start with the year. */
const noCase = () => `99${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e6)).padStart(6, '0')}`;

/** One request from `address` (fetch cannot pick its source address). */
async function from(address: string, url: string, send: { json?: unknown; form?: FormData } = {}): Promise<Answer> {
  let body: Buffer | undefined;
  const headers: Record<string, string> = {};
  if (send.json !== undefined) [body, headers['content-type']] = [Buffer.from(JSON.stringify(send.json)), 'application/json'];
  if (send.form) {
    const encoded = new Request(url, { method: 'POST', body: send.form });
    [body, headers['content-type']] = [Buffer.from(await encoded.arrayBuffer()), encoded.headers.get('content-type') as string];
  }
  if (body) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: body ? 'POST' : 'GET', localAddress: address, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode as number, retryAfter: res.headers['retry-after'], body: text ? JSON.parse(text) : {} });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const photo = () => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'photo.png');
  return { form };
};

/** The refusal every limit answers: 429 RATE_LIMITED, its wait in the body and in Retry-After. */
function expectRefused(res: Answer, message: RegExp, maxSeconds: number) {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(message), details: { retryAfterSeconds: expect.any(Number) } } });
  const seconds = res.body.error?.details?.retryAfterSeconds as number;
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(maxSeconds);
  expect(res.retryAfter).toBe(String(seconds));
}

describe('rate limits on intake endpoints without an account', () => {
  let admin: RunningApp;
  let intake: RunningApp;
  let db: DataSource;
  const url = (path: string) => `${intake.url}${path}`;
  const look = (client: string, number: string, code: string) => from(client, url(`/api/v1/public/cases/${number}?code=${code}`));
  const rate = (client: string, number: string, code: string) => from(client, url(`/api/v1/public/cases/${number}/rating`), { json: { code, rating: 'satisfied' } });

  beforeAll(async () => {
    await prepareDatabase();
    const saved = { ...process.env };
    Object.assign(process.env, LIMITS);
    try {
      [admin, intake] = await Promise.all([startApp(AdminModule), startApp(IntakeModule)]);
    } finally {
      process.env = saved;
    }
    db = intake.app.get(DataSource);
    // Triage needs admin's categories, grids and catalogue before the web form can register a case.
    await eventually('the org tree, grids, categories and the catalogue to reach intake', async () => {
      const [r] = await db.query(`SELECT (SELECT count(*) FROM intake.grid)::int AS grids, (SELECT count(*) FROM admin.grid)::int AS "adminGrids",
        (SELECT count(*) FROM intake.category)::int AS categories, (SELECT count(*) FROM admin.category)::int AS "adminCategories",
        (SELECT count(*) FROM intake.dispatch_catalogue)::int AS catalogue`);
      return r.grids === r.adminGrids && r.grids > 0 && r.categories === r.adminCategories && r.catalogue > 0 ? r : undefined;
    });
  });

  afterAll(async () => {
    await Promise.all([intake?.close(), admin?.close()]);
  });

  it('refuses a client past its look-up budget with 429, and leaves other clients and other policies alone', async () => {
    const client = newClient();
    for (let i = 0; i < 3; i++) expect((await look(client, noCase(), 'ABCDEF')).status).toBe(404);
    // 3/min: the next token is 20 s away.
    expectRefused(await look(client, noCase(), 'ABCDEF'), /^Too many requests from your address; try again in \d+ s\.$/, 20);

    expect((await look(newClient(), noCase(), 'ABCDEF')).status).toBe(404);
    expect((await from(client, url('/api/v1/attachments'), photo())).status).toBe(201);
  });

  it('limits public uploads per client address', async () => {
    const client = newClient();
    expect((await from(client, url('/api/v1/attachments'), photo())).status).toBe(201);
    expect((await from(client, url('/api/v1/attachments'), photo())).status).toBe(201);
    expectRefused(await from(client, url('/api/v1/attachments'), photo()), /from your address/, 30);
    expect((await from(newClient(), url('/api/v1/attachments'), photo())).status).toBe(201);
  });

  it('limits the web form per client address (needs @RateLimit(\'web-form\') on ChannelsController.web)', async () => {
    const client = newClient();
    // Invalid bodies: the limit is checked before the body is validated, so they count too.
    for (let i = 0; i < 2; i++) expect((await from(client, url('/api/v1/channels/web'), { json: { text: '短' } })).status).toBe(400);
    expectRefused(await from(client, url('/api/v1/channels/web'), { json: { text: '短' } }), /from your address/, 30);
  });

  it('locks a case number for everyone after too many wrong query codes, whichever address and endpoint sends them', async () => {
    const registered = await from(newClient(), url('/api/v1/channels/web'), {
      json: { text: '限流测试：小区里的健身器材坏了，扶手松动', contact: { name: '赵磊', phone: freshPhone('137') } },
    });
    expect([registered.status, registered.body]).toEqual([201, expect.anything()]);
    const { caseNumber, queryCode } = registered.body as { caseNumber: string; queryCode: string };
    const wrong = queryCode === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF';

    // The right code and a malformed one do not count against the number.
    for (let i = 0; i < 5; i++) expect((await look(newClient(), caseNumber, queryCode)).status).toBe(200);
    expect((await look(newClient(), caseNumber, '1')).status).toBe(400);

    // 4/hour: two wrong look-ups and two wrong ratings, each from another address, use it up.
    for (const attempt of [look, look, rate, rate]) expect((await attempt(newClient(), caseNumber, wrong)).status).toBe(404);

    const refused = /^Too many wrong query codes for this case number; try again in \d+ s\.$/;
    expectRefused(await look(newClient(), caseNumber, wrong), refused, 15 * 60);
    // Now the number answers 429 to everyone, the right code included, on both endpoints.
    expectRefused(await look(newClient(), caseNumber, queryCode), refused, 15 * 60);
    expectRefused(await rate(newClient(), caseNumber, queryCode), refused, 15 * 60);
    // Other numbers are not affected.
    expect((await look(newClient(), noCase(), wrong)).status).toBe(404);
  });

  it('never counts a right code as a wrong one: rating a closed case answers 409, past the wrong-code budget', async () => {
    const registered = await from(newClient(), url('/api/v1/channels/web'), {
      json: { text: '限流测试：楼道里的声控灯坏了，晚上看不见', contact: { name: '周敏', phone: freshPhone('137') } },
    });
    const { caseNumber, queryCode } = registered.body as { caseNumber: string; queryCode: string };
    // As its workflow leaves it once rated satisfied (no workflow runs in this suite).
    await db.query(`UPDATE intake.cases SET status = 'closed' WHERE number = $1`, [caseNumber]);
    for (let i = 0; i < 6; i++) {
      const res = await rate(newClient(), caseNumber, queryCode);
      expect([res.status, res.body.error?.code, res.body.error?.message]).toEqual([409, 'CASE_ENDED', expect.stringContaining('already closed')]);
    }
    expect((await look(newClient(), caseNumber, queryCode)).status).toBe(200);
  });
});
