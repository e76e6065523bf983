import { Module } from '@nestjs/common';
import { DEMO_DISTRICT_CODE } from '@fq/domain';
import { RunningApp, api, startApp, tokenFor } from '@fq/testing';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AttachmentsModule } from '../../apps/intake/src/attachments/attachments.module';
import { AttachmentSweeper } from '../../apps/intake/src/attachments/attachment-sweeper';
import { AttachmentsService } from '../../apps/intake/src/attachments/attachments.service';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { prepareDatabase } from '../support/system';

// Until intake's root module imports AttachmentsModule itself (importing it twice is harmless).
@Module({ imports: [IntakeModule, AttachmentsModule] })
class IntakeWithAttachments {}

/** A 1×1 PNG, and a one-page PDF with a correct cross-reference table. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function onePagePdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 12 Tf 20 50 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 20 50 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** An upload's answer: the stored attachment, or an error. */
interface Answer {
  id: string;
  fileName: string;
  contentType: string;
  error: { code: string; details?: unknown };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A case number no real case has: registration numbers start with the year. */
const caseNumber = () => `99${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e6)).padStart(6, '0')}`;

describe('attachments on intake', () => {
  let intake: RunningApp;
  let service: AttachmentsService;
  let ds: DataSource;
  let operator: string;
  const url = (path = '') => `${intake.url}/api/v1/attachments${path}`;

  beforeAll(async () => {
    await prepareDatabase();
    intake = await startApp(IntakeWithAttachments);
    service = intake.app.get(AttachmentsService);
    ds = intake.app.get(DataSource);
    operator = tokenFor(intake, 'attachments-operator', ['operator'], DEMO_DISTRICT_CODE);
  });

  afterAll(async () => {
    await intake?.close();
  });

  const upload = async (bytes: Buffer, name: string, type: string, token?: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    const res = await fetch(url(), { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: (await res.json()) as Answer };
  };
  const uploaded = async (bytes: Buffer, name = 'photo.png', type = 'image/png') => {
    const res = await upload(bytes, name, type);
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const download = (id: string, token: string | null = operator) => fetch(url(`/${id}`), { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('takes a PNG and a PDF from anyone and gives the same bytes back to staff', async () => {
    const pdf = onePagePdf(`case ${randomUUID()}`);
    for (const [bytes, name, type, disposition] of [
      [PNG, '门口积水.png', 'image/png', "inline; filename*=UTF-8''%E9%97%A8%E5%8F%A3%E7%A7%AF%E6%B0%B4.png"],
      [pdf, '信访材料 (1).pdf', 'application/pdf', "inline; filename*=UTF-8''%E4%BF%A1%E8%AE%BF%E6%9D%90%E6%96%99%20%281%29.pdf"],
    ] as const) {
      const res = await upload(bytes, name, type);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), fileName: name, contentType: type, sizeBytes: bytes.length, sha256: sha256(bytes) });

      const got = await download(res.body.id);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe(type);
      expect(got.headers.get('content-length')).toBe(String(bytes.length));
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('content-disposition')).toBe(disposition);
      expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it('records who uploaded: the login of a bearer token, else public; a bad token is refused', async () => {
    const worker = tokenFor(intake, `grid-worker-${randomUUID().slice(0, 8)}`, ['grid_worker'], DEMO_DISTRICT_CODE);
    const mine = await upload(PNG, 'patrol.png', 'image/png', worker);
    const anonymous = await upload(PNG, 'web.png', 'image/png');
    const rows: { id: string; uploaded_by: string }[] = await ds.query(`SELECT id, uploaded_by FROM intake.attachments WHERE id = ANY($1::uuid[])`, [
      [mine.body.id, anonymous.body.id],
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.uploaded_by]))).toEqual({ [mine.body.id]: expect.stringMatching(/^grid-worker-/), [anonymous.body.id]: 'public' });
    const forged = await upload(PNG, 'x.png', 'image/png', 'not-a-token');
    expect([forged.status, forged.body.error.code]).toEqual([401, 'TOKEN_INVALID']);
  });

  it('types a file by its bytes: a PNG declared as a PDF is stored as a PNG, a text file named .png is refused', async () => {
    const declaredPdf = await upload(PNG, 'scan.pdf', 'application/pdf');
    expect(declaredPdf.status).toBe(201);
    expect(declaredPdf.body.contentType).toBe('image/png');
    expect((await download(declaredPdf.body.id)).headers.get('content-type')).toBe('image/png');

    const text = await upload(Buffer.from('just some text, not a picture\n'), 'photo.png', 'image/png');
    expect(text.status).toBe(415);
    expect(text.body.error).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', details: { allowed: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] } });
    const gif = await upload(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'a.gif', 'image/gif');
    expect([gif.status, gif.body.error.code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
  });

  it('refuses a file over 10 MiB with 413 FILE_TOO_LARGE, not a 500', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 0);
    PNG.copy(big);
    const res = await upload(big, 'huge.png', 'image/png');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'FILE_TOO_LARGE', details: { maxBytes: 10 * 1024 * 1024 } });
  });

  it('refuses a request without a file, or with two', async () => {
    const form = new FormData();
    form.append('note', 'no file here');
    const noFile = await fetch(url(), { method: 'POST', body: form });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as Answer).error.code).toBe('FILE_MISSING');
    const json = await api(url(), undefined, { body: { file: PNG.toString('base64') } });
    expect([json.status, json.body.error.code]).toEqual([400, 'FILE_MISSING']);

    const two = new FormData();
    two.append('file', new Blob([PNG]), 'a.png');
    two.append('file', new Blob([PNG]), 'b.png');
    const res = await fetch(url(), { method: 'POST', body: two });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Answer).error.code).toBe('UPLOAD_INVALID');
  });

  it('stores a sanitised file name', async () => {
    const res = await upload(PNG, '..\\..\\windows\\照片\u202Egnp.exe', 'image/png');
    expect(res.body.fileName).toBe('照片gnp.exe');
  });

  it('answers a bad id, an unknown id, no token and a resident with the stable codes', async () => {
    const bad = await api(url('/not-a-uuid'), operator);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_ATTACHMENT_ID']);
    const unknown = await api(url(`/${randomUUID()}`), operator);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);
    const id = await uploaded(PNG);
    expect((await download(id, null)).status).toBe(401);
    const resident = tokenFor(intake, 'attachments-resident', ['resident'], DEMO_DISTRICT_CODE);
    expect((await download(id, resident)).status).toBe(403);
  });

  it('attaches uploads to a case in the caller transaction, once, and lists them', async () => {
    const [a, b] = [await uploaded(PNG, 'a.png'), await uploaded(onePagePdf('b'), 'b.pdf', 'application/pdf')];
    const first = caseNumber();
    const refs = await ds.transaction((m) => service.attach(m, first, [b, a, b]));
    expect(refs).toEqual([
      { id: b, fileName: 'b.pdf', contentType: 'application/pdf', sizeBytes: expect.any(Number) },
      { id: a, fileName: 'a.png', contentType: 'image/png', sizeBytes: PNG.length },
    ]);
    expect(await service.listFor(first)).toEqual([refs[1], refs[0]]);
    // Again for the same case: nothing changes.
    expect(await ds.transaction((m) => service.attach(m, first, [a]))).toEqual([refs[1]]);

    const other = caseNumber();
    await expect(ds.transaction((m) => service.attach(m, other, [a]))).rejects.toMatchObject({ kind: 'conflict', code: 'ATTACHMENT_IN_USE', details: { id: a } });
    expect(await service.listFor(other)).toEqual([]);
  });

  it('attaches nothing when the case registration rolls back, or an id is unknown', async () => {
    const id = await uploaded(PNG);
    const rolledBack = caseNumber();
    const rollback = new Error('rollback');
    await expect(
      ds.transaction(async (m) => {
        await service.attach(m, rolledBack, [id]);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await service.listFor(rolledBack)).toEqual([]);

    const missing = randomUUID();
    const next = caseNumber();
    await expect(ds.transaction((m) => service.attach(m, next, [id, missing]))).rejects.toMatchObject({ kind: 'invalid', code: 'ATTACHMENT_NOT_FOUND', details: { id: missing } });
    await expect(ds.transaction((m) => service.attach(m, next, ['nope']))).rejects.toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' });
    expect(await service.listFor(next)).toEqual([]);
    expect((await ds.transaction((m) => service.attach(m, next, [id]))).map((r) => r.id)).toEqual([id]);
  });

  it('refuses more than 9 attachments per case', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, () => uploaded(PNG)));
    const number = caseNumber();
    await expect(ds.transaction((m) => service.attach(m, number, ids))).rejects.toMatchObject({ code: 'TOO_MANY_ATTACHMENTS' });
    await ds.transaction((m) => service.attach(m, number, ids.slice(0, 9)));
    await expect(ds.transaction((m) => service.attach(m, number, ids.slice(9)))).rejects.toMatchObject({ code: 'TOO_MANY_ATTACHMENTS' });
    expect(await service.listFor(number)).toHaveLength(9);
  });

  it('sweeps uploads no case took within a day, with their bytes; attached and recent ones stay', async () => {
    const stored = async () => (await service.store({ originalName: 'a.png', bytes: PNG }, 'sweep-test')).id;
    const [old, recent, oldAttached] = [await stored(), await stored(), await stored()];
    const number = caseNumber();
    await ds.transaction((m) => service.attach(m, number, [oldAttached]));
    await ds.query(`UPDATE intake.attachments SET uploaded_at = now() - interval '25 hours' WHERE id = ANY($1::uuid[])`, [[old, oldAttached]]);

    expect(await intake.app.get(AttachmentSweeper).sweep()).toBeGreaterThanOrEqual(1);
    const left = await ds.query(`SELECT a.id, b.id IS NOT NULL AS "hasBytes" FROM intake.attachments a LEFT JOIN intake.attachment_blobs b USING (id) WHERE a.id = ANY($1::uuid[]) ORDER BY a.id`, [[old, recent, oldAttached]]);
    expect(left.map((r: { id: string }) => r.id).sort()).toEqual([recent, oldAttached].sort());
    expect(left.every((r: { hasBytes: boolean }) => r.hasBytes)).toBe(true);
    expect((await ds.query(`SELECT 1 FROM intake.attachment_blobs WHERE id = $1`, [old])).length).toBe(0);
    await expect(ds.transaction((m) => service.attach(m, caseNumber(), [old]))).rejects.toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' });
  });
});
