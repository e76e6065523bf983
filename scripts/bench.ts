import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * `npm run bench`: intake throughput and latency, from POST to the case's workflow started and
 * to the work order assigned, on fresh local servers (profile `bench`) with the services in this
 * process. The requests are a realistic mix (see benchRequests): most are dispatched, some merged
 * into a cluster or linked to an open case; latency to the workflow is measured on the dispatched.
 * Prints figures; asserts nothing. BENCH_CASES and BENCH_CONCURRENCY tune it.
 */
const CASES = Number(process.env.BENCH_CASES ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const infra = require('./infra/index') as { ensure(): Promise<void>; up(p: string, o: object): Promise<Record<string, string>>; down(p: string): Promise<void> };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(0)} ms, p95 ${pct(xs, 95).toFixed(0)} ms, p99 ${pct(xs, 99).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;

/**
 * Request `i` of a realistic mix: the labelled requests' texts in turn (so triage, segmentation and
 * matching do real work), each from its own phone at its own spot around a grid's centre, and every
 * twentieth the same resident calling again about the request ten before (linked to it). Requests
 * of one sub-item that land within 300 m of each other are merged, as in life.
 */
function benchRequests(points: readonly { lat: number; lng: number }[]) {
  const texts = readFileSync(join(__dirname, '../apps/intake/src/triage/fixtures/labelled-requests.jsonl'), 'utf8')
    .split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text);
  return function requestNo(i: number): object {
    const j = i % 20 === 19 ? i - 10 : i;
    const centre = points[j % points.length];
    const angle = (j * 137.5 * Math.PI) / 180;
    const metres = 150 + ((j * 7919) % 1500);
    const location = { lat: centre.lat + Math.sin(angle) * metres * 0.000009, lng: centre.lng + Math.cos(angle) * metres * 0.000011 };
    const text = texts[j % texts.length];
    return { channel: 'hotline', title: text.slice(0, 20), description: text, location, requester: { name: '压测', phone: `138${String(j).padStart(8, '0')}` } };
  };
}

/** Severity assessment on the held-out labelled batch (apps/intake/src/triage/severity.labelled.ts). */
function printTriageFigures(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { measure } = require('../apps/intake/src/triage/severity.measure') as typeof import('../apps/intake/src/triage/severity.measure');
  const pc = (x: number) => `${Math.round(x * 100)}%`;
  for (const [name, f] of Object.entries(measure())) {
    console.log(
      `  severity, ${name.padEnd(8)} n=${f.n}: urgency ${pc(f.urgency)}, size ${pc(f.size)}, report upward recall ${pc(f.reportUpwardRecall)} / precision ${pc(f.reportUpwardPrecision)}, hand-off ${pc(f.handOff)} (recall ${pc(f.handOffRecall)})`,
    );
  }
}

async function main(): Promise<void> {
  await infra.ensure();
  Object.assign(process.env, await infra.up('bench', { fresh: true, log: () => undefined }), { LOG_LEVEL: 'warn' });
  // Services read their env when their modules load: import them only now.
  const { startSystem } = await import('../test/support/system');
  const { DEMO_DISTRICT_CODE, DEMO_POINTS } = await import('@fq/domain');
  const { api, eventually, tokenFor } = await import('@fq/testing');
  const requestNo = benchRequests(DEMO_POINTS.map((p) => p.point));
  const sys = await startSystem();
  try {
    const token = tokenFor(sys.intake, 'operator', ['operator'], DEMO_DISTRICT_CODE);
    const dispatched: string[] = [];
    const dispositions = new Map<string, number>();
    const post = async (i: number) => {
      const t0 = performance.now();
      const res = await api(`${sys.intake.url}/api/v1/cases`, token, { body: requestNo(i) });
      if (res.status !== 201 && res.status !== 200) throw new Error(`POST answered ${res.status}: ${JSON.stringify(res.body)}`);
      const { caseNumber, disposition } = res.body as { caseNumber: string; disposition: string };
      dispositions.set(disposition, (dispositions.get(disposition) ?? 0) + 1);
      if (disposition === 'dispatched') dispatched.push(caseNumber);
      return performance.now() - t0;
    };
    for (let i = 0; i < 20; i++) await post(CASES + i); // warm-up: JIT, pools, first workflow tasks
    dispatched.length = 0;
    dispositions.clear();

    const latencies: number[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < CASES) latencies.push(await post(next++));
    }));
    const seconds = (performance.now() - t0) / 1000;

    const done = await eventually('every case assigned', async () => {
      const rows = await sys.db.query(`
        SELECT extract(epoch FROM (o.delivered_at - c.registered_at)) * 1000 AS started_ms,
               extract(epoch FROM (c.assigned_at - c.registered_at)) * 1000 AS assigned_ms
        FROM intake.cases c JOIN intake.outbox o ON o.key = c.number AND o.destination = 'temporal'
        WHERE c.number = ANY($1)`, [dispatched]);
      return rows.length === dispatched.length && rows.every((r: { assigned_ms: number | null }) => r.assigned_ms !== null) ? rows : undefined;
    }, 300_000, 500);
    const started = done.map((r: { started_ms: string }) => Number(r.started_ms));
    const assigned = done.map((r: { assigned_ms: string }) => Number(r.assigned_ms));
    const rss = process.memoryUsage().rss / 1024 / 1024;

    console.log(`\nintake benchmark: ${CASES} cases, ${CONCURRENCY} concurrent clients, services in one process, 2 cores`);
    console.log(`  throughput             ${(CASES / seconds).toFixed(1)} cases/s accepted (${seconds.toFixed(1)} s)`);
    console.log(`  outcomes               ${[...dispositions].map(([d, n]) => `${n} ${d}`).join(', ')}`);
    console.log(`  POST /api/v1/cases     ${fmt(latencies)}`);
    console.log(`  POST -> workflow start ${fmt(started)}`);
    // assigned_at is the work order's creation time, which intake records when case.assigned arrives.
    console.log(`  POST -> assigned       ${fmt(assigned)}  (workflow, admin's policy activity, departments' work order)`);
    console.log(`  memory (RSS)           ${rss.toFixed(0)} MiB for admin, intake, departments and worker together`);
    printTriageFigures();
  } finally {
    await sys.stop();
    await infra.down('bench');
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench failed: ${e instanceof Error ? e.stack : e}`);
    void infra.down('bench').finally(() => process.exit(1));
  },
);
