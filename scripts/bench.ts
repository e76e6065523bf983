import 'reflect-metadata';
import { performance } from 'node:perf_hooks';

/**
 * `npm run bench`: intake throughput and latency, from POST to the case's workflow started and
 * to the work order assigned, on fresh local servers (profile `bench`) with the services in this
 * process. Prints figures; asserts nothing. BENCH_CASES and BENCH_CONCURRENCY tune it.
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

async function main(): Promise<void> {
  await infra.ensure();
  Object.assign(process.env, await infra.up('bench', { fresh: true, log: () => undefined }), { LOG_LEVEL: 'warn' });
  // Services read their env when their modules load: import them only now.
  const { startSystem } = await import('../test/support/system');
  const { DEMO_DISTRICT_CODE, DEMO_POINTS } = await import('@fq/domain');
  const { api, eventually, tokenFor } = await import('@fq/testing');
  const sys = await startSystem();
  try {
    const token = tokenFor(sys.intake, 'operator', ['operator'], DEMO_DISTRICT_CODE);
    const post = async (i: number) => {
      const t0 = performance.now();
      const point = DEMO_POINTS[i % DEMO_POINTS.length].point;
      const res = await api(`${sys.intake.url}/api/v1/cases`, token, {
        body: { channel: 'hotline', title: `压测诉求 ${i}`, description: '小区路灯不亮，夜间出行不便', location: point, requester: { name: '压测', phone: '13800000000' }, separate: true },
      });
      if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${JSON.stringify(res.body)}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < 20; i++) await post(i); // warm-up: JIT, pools, first workflow tasks
    const [{ n: warm }] = await sys.db.query(`SELECT count(*)::int AS n FROM intake.cases`);

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
        ORDER BY c.registered_at OFFSET $1`, [warm]);
      return rows.length === CASES && rows.every((r: { assigned_ms: number | null }) => r.assigned_ms !== null) ? rows : undefined;
    }, 300_000, 500);
    const started = done.map((r: { started_ms: string }) => Number(r.started_ms));
    const assigned = done.map((r: { assigned_ms: string }) => Number(r.assigned_ms));
    const rss = process.memoryUsage().rss / 1024 / 1024;

    console.log(`\nintake benchmark: ${CASES} cases, ${CONCURRENCY} concurrent clients, services in one process, 2 cores`);
    console.log(`  throughput             ${(CASES / seconds).toFixed(1)} cases/s accepted (${seconds.toFixed(1)} s)`);
    console.log(`  POST /api/v1/cases     ${fmt(latencies)}`);
    console.log(`  POST -> workflow start ${fmt(started)}`);
    console.log(`  POST -> assigned       ${fmt(assigned)}  (workflow, departments activity, Kafka back to intake)`);
    console.log(`  memory (RSS)           ${rss.toFixed(0)} MiB for admin, intake, departments and worker together`);
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
