/**
 * Static validation of deploy/: there is no Docker engine or cluster on the development and CI
 * machines, so the Dockerfile, the Compose file and the Kubernetes manifests are checked here
 * against their parsed structure. Helpers live in ./validate.ts, generic Kubernetes rules in
 * ./validate-k8s.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnvSchema, parseEnv, serviceEnvSchema } from '@fq/config';
import {
  arr, composeEnv, containerPorts, containersOf, dependencyCycles, dependsOn, effectiveEnv, find, K8s, keysOf,
  loadYaml, obj, Obj, podTemplates, scalar, selects, toK8s,
} from './validate';
import {
  checkIdentity, checkIngress, checkProbePorts, checkReferences, checkResources, checkServices, checkWorkloadSelectors,
} from './validate-k8s';

const DEPLOY = __dirname;
const K8S_DIR = join(DEPLOY, 'k8s');
const NS = 'fengqiao';

/** The apps and their ports (DESIGN.md); the worker's port serves /health only. */
const APPS: Record<string, number> = {
  admin: 3000, intake: 3001, departments: 3002, mediation: 3003, 'legal-aid': 3004, worker: 3005,
};
const HTTP_APPS = Object.keys(APPS).filter((a) => a !== 'worker');
const ONE_SHOTS: Record<string, string> = { migrate: 'scripts/migrate.ts', 'temporal-bootstrap': 'scripts/temporal-bootstrap.ts' };
/** The environment contract every app reads (libs/config); PORT is per app, one-shots omit it. */
const CONTRACT = ['DATABASE_URL', 'KAFKA_BROKERS', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'JWT_SECRET', 'PORT', 'LOG_LEVEL'];
const missing = (have: { has(k: string): boolean }, needed: string[]) => needed.filter((k) => !have.has(k));
const values = (env: Map<string, string | { value?: string }>) =>
  Object.fromEntries([...env].map(([k, v]) => [k, typeof v === 'string' ? v : v.value]));

const manifestFiles = readdirSync(K8S_DIR).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml').sort();
const k8sLoaded = manifestFiles.map((f) => loadYaml(join(K8S_DIR, f)));
const kustomization = loadYaml(join(K8S_DIR, 'kustomization.yaml'));
const composeLoaded = loadYaml(join(DEPLOY, 'compose.yaml'));
const objs: K8s[] = toK8s(k8sLoaded);
const services: Obj = obj(composeLoaded.docs[0]?.services);

const appContainer = (name: string, kind = 'Deployment'): Obj =>
  obj(arr(obj(obj(obj(find(objs, kind, name)?.doc.spec).template).spec).containers)[0]);
/** host and port of "host:port" or a URL. */
const hostPort = (s: string): [string, number] => {
  const u = new URL(s.includes('://') ? s : `tcp://${s}`);
  return [u.hostname, Number(u.port)];
};

describe('YAML', () => {
  it('every file parses without errors or warnings', () => {
    expect([...k8sLoaded, kustomization, composeLoaded].flatMap((l) => l.errors)).toEqual([]);
    expect(k8sLoaded.every((l) => l.docs.length > 0)).toBe(true);
  });
});

describe('Dockerfile', () => {
  const text = readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8');
  const instructions = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const last = (op: string) => [...instructions].reverse().find((l) => l.toUpperCase().startsWith(`${op} `)) ?? '';

  it('is multi-stage and installs with npm ci', () => {
    expect(instructions.filter((l) => /^FROM /i.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(instructions.some((l) => /^RUN .*npm ci/i.test(l))).toBe(true);
  });
  it('runs as a non-root user', () => {
    expect(last('USER')).toMatch(/^USER\s+\S+/);
    expect(last('USER')).not.toMatch(/^USER\s+(root|0)(:|\s|$)/);
  });
  it('has a HEALTHCHECK on /health/ready', () => expect(last('HEALTHCHECK')).toContain('/health/ready'));
  it('starts apps/$APP/src/main.ts through scripts/run-ts.js', () => {
    expect(last('CMD')).toMatch(/scripts\/run-ts\.js.*apps\/\$\{?APP\b.*\/src\/main\.ts/);
    expect(existsSync(join(DEPLOY, '..', 'scripts', 'run-ts.js'))).toBe(true);
  });
});

describe('Kubernetes manifests', () => {
  it('every object has apiVersion, kind, metadata.name and the fengqiao namespace', () => {
    expect(checkIdentity(objs, NS)).toEqual([]);
    expect(find(objs, 'Namespace', NS)).toBeDefined();
  });
  it('workload selectors match their pod template labels', () => expect(checkWorkloadSelectors(objs)).toEqual([]));
  it('Services and PDBs select existing pods and ports', () => expect(checkServices(objs)).toEqual([]));
  it('probes use declared container ports', () => expect(checkProbePorts(objs)).toEqual([]));
  it('ConfigMap, Secret, key and volume references resolve', () => expect(checkReferences(objs)).toEqual([]));
  it('Ingress backends are existing Services and ports', () => expect(checkIngress(objs)).toEqual([]));
  it('every container has resource requests and limits', () => expect(checkResources(objs)).toEqual([]));

  it('kustomization lists exactly the manifests present', () => {
    const listed = arr(kustomization.docs[0]?.resources).map((r) => scalar(r) ?? '');
    expect([...listed].sort()).toEqual(manifestFiles);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it.each(Object.entries(APPS))('%s: Deployment with the env contract (valid, HOST 0.0.0.0), its PORT and /health probes', (app, port) => {
    const c = appContainer(app);
    const env = effectiveEnv(c, objs);
    expect(missing(env, CONTRACT)).toEqual([]);
    expect(() => parseEnv(serviceEnvSchema(port), values(env))).not.toThrow(); // the apps' own schema
    expect([env.get('PORT')?.value, env.get('HOST')?.value]).toEqual([String(port), '0.0.0.0']);
    expect(env.get('APP')?.value).toBe(app);
    expect(env.get('JWT_SECRET')?.from).toBe('Secret');
    expect(containerPorts(c).map((p) => p.port)).toContain(port);
    expect(obj(obj(c.readinessProbe).httpGet).path).toBe('/health/ready');
    expect(obj(obj(c.livenessProbe).httpGet).path).toBe('/health/live');
  });

  it('HTTP apps run 2 replicas behind a Service on their port', () => {
    for (const app of HTTP_APPS) {
      expect([app, obj(find(objs, 'Deployment', app)?.doc.spec).replicas]).toEqual([app, 2]);
      const ports = arr(obj(find(objs, 'Service', app)?.doc.spec).ports).map((p) => obj(p).port);
      expect([app, ports]).toEqual([app, [APPS[app]]]);
    }
  });

  it.each(Object.entries(ONE_SHOTS))('%s: a Job running %s with the env contract', (job, script) => {
    const c = appContainer(job, 'Job');
    expect(arr(c.command).join(' ')).toContain(`scripts/run-ts.js ${script}`);
    expect(missing(effectiveEnv(c, objs), CONTRACT.filter((k) => k !== 'PORT'))).toEqual([]);
    expect(() => parseEnv(baseEnvSchema, values(effectiveEnv(c, objs)))).not.toThrow();
  });

  it('apps and one-shot Jobs run one image', () => {
    const images = [...Object.keys(APPS).map((a) => appContainer(a)), ...Object.keys(ONE_SHOTS).map((j) => appContainer(j, 'Job'))]
      .map((c) => c.image);
    expect(new Set(images).size).toBe(1);
    expect(images[0]).toEqual(expect.any(String));
  });

  it('Kafka: a 3-broker KRaft StatefulSet with RF 3 and min ISR 2, and the apps list all brokers', () => {
    const kafka = podTemplates(objs).find((p) => containersOf(p.spec).some((c) => String(c.image).startsWith('apache/kafka')));
    const sts = obj(kafka?.owner.doc.spec);
    expect([kafka?.owner.kind, sts.replicas]).toEqual(['StatefulSet', 3]);
    const env = effectiveEnv(containersOf(kafka?.spec ?? {})[0], objs);
    expect(env.get('KAFKA_PROCESS_ROLES')?.value).toContain('controller');
    expect(env.get('KAFKA_CONTROLLER_QUORUM_VOTERS')?.value?.split(',')).toHaveLength(3);
    expect(env.get('KAFKA_DEFAULT_REPLICATION_FACTOR')?.value).toBe('3');
    expect(env.get('KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR')?.value).toBe('3');
    expect(env.get('KAFKA_MIN_INSYNC_REPLICAS')?.value).toBe('2');
    const brokers = (keysOf(objs, 'ConfigMap', 'fengqiao-env')?.get('KAFKA_BROKERS') ?? '').split(',').map(hostPort);
    const pods = Array.from({ length: 3 }, (_, i) => `${kafka?.owner.name}-${i}.${scalar(sts.serviceName)}`);
    expect(brokers.map(([h]) => h).sort()).toEqual(pods);
    expect(brokers.every(([, p]) => containersOf(kafka?.spec ?? {}).some((c) => containerPorts(c).some((cp) => cp.port === p)))).toBe(true);
  });

  it('Temporal runs on PostgreSQL, with the UI, and TEMPORAL_ADDRESS reaches its frontend', () => {
    const pods = podTemplates(objs);
    const server = pods.find((p) => containersOf(p.spec).some((c) => String(c.image).startsWith('temporalio/server')));
    const env = effectiveEnv(containersOf(server?.spec ?? {}).find((c) => String(c.image).startsWith('temporalio/server')) ?? {}, objs);
    expect(env.get('DB')?.value).toMatch(/^postgres12/);
    const pg = find(objs, 'Service', env.get('POSTGRES_SEEDS')?.value ?? '');
    const pgPods = pods.filter((p) => selects(obj(obj(pg?.doc.spec).selector), p.labels));
    expect(pgPods.flatMap((p) => containersOf(p.spec)).map((c) => String(c.image))).toContainEqual(expect.stringMatching(/^postgres:17/));
    expect(pods.some((p) => containersOf(p.spec).some((c) => String(c.image).startsWith('temporalio/ui')))).toBe(true);
    const [host, port] = hostPort(keysOf(objs, 'ConfigMap', 'fengqiao-env')?.get('TEMPORAL_ADDRESS') ?? '');
    const svc = find(objs, 'Service', host);
    expect(server && selects(obj(obj(svc?.doc.spec).selector), server.labels)).toBe(true);
    expect(arr(obj(svc?.doc.spec).ports).map((p) => obj(p).port)).toContain(port);
  });

  it('DATABASE_URL reaches the PostgreSQL Service, database fengqiao, with the app role password', () => {
    const url = new URL(keysOf(objs, 'Secret', 'fengqiao-secrets')?.get('DATABASE_URL') ?? 'x:');
    const svc = find(objs, 'Service', url.hostname);
    expect(arr(obj(svc?.doc.spec).ports).map((p) => obj(p).port)).toContain(Number(url.port));
    expect(url.pathname).toBe('/fengqiao');
    expect(decodeURIComponent(url.password)).toBe(keysOf(objs, 'Secret', 'postgres-credentials')?.get('FQ_DB_PASSWORD'));
  });
});

describe('Compose', () => {
  const svc = (name: string) => obj(services[name]);
  const required = ['postgres', 'kafka-1', 'kafka-2', 'kafka-3', 'temporal', 'temporal-ui', 'migrate', 'temporal-bootstrap', ...Object.keys(APPS)];

  it('defines the whole topology', () => expect(missing(new Set(Object.keys(services)), required)).toEqual([]));

  it('depends_on targets exist, conditions can be met, and there is no cycle', () => {
    const problems: string[] = [];
    for (const [name, s] of Object.entries(services))
      for (const [dep, cond] of dependsOn(obj(s))) {
        const target = obj(services[dep]);
        if (!(dep in services)) problems.push(`${name} -> ${dep}: no such service`);
        else if (cond === 'service_healthy' && !target.healthcheck && !target.build) problems.push(`${name} -> ${dep}: no healthcheck`);
        else if (cond === 'service_healthy' && obj(target.healthcheck).disable === true) problems.push(`${name} -> ${dep}: healthcheck disabled`);
        else if (cond === 'service_completed_successfully' && ['always', 'unless-stopped'].includes(String(target.restart)))
          problems.push(`${name} -> ${dep}: restarts forever, never completes`);
      }
    expect(problems).toEqual([]);
    expect(dependencyCycles(services)).toEqual([]);
  });

  it.each(Object.entries(APPS))('%s: valid env contract, HOST 0.0.0.0, PORT published, waits for infra and migrate', (app, port) => {
    const env = composeEnv(svc(app));
    expect(missing(env, CONTRACT)).toEqual([]);
    expect(() => parseEnv(serviceEnvSchema(port), values(env))).not.toThrow();
    expect([env.get('APP'), env.get('PORT'), env.get('HOST')]).toEqual([app, String(port), '0.0.0.0']);
    expect(arr(svc(app).ports).map(String).some((p) => p.endsWith(`:${port}`))).toBe(true);
    const deps = dependsOn(svc(app));
    expect(deps.get('migrate')).toBe('service_completed_successfully');
    for (const infra of ['postgres', 'kafka-1', 'kafka-2', 'kafka-3', 'temporal']) expect([infra, deps.get(infra)]).toEqual([infra, 'service_healthy']);
  });

  it.each(Object.entries(ONE_SHOTS))('%s: one-shot running %s with the env contract', (name, script) => {
    expect(arr(svc(name).command).join(' ')).toContain(`scripts/run-ts.js ${script}`);
    expect(missing(composeEnv(svc(name)), CONTRACT.filter((k) => k !== 'PORT'))).toEqual([]);
    expect(() => parseEnv(baseEnvSchema, values(composeEnv(svc(name))))).not.toThrow();
  });

  it('apps and one-shots share one image built from deploy/Dockerfile', () => {
    const all = [...Object.keys(APPS), ...Object.keys(ONE_SHOTS)].map(svc);
    expect(new Set(all.map((s) => s.image)).size).toBe(1);
    for (const s of all) expect(obj(s.build).dockerfile).toBe('deploy/Dockerfile');
  });

  it('Kafka: 3 KRaft brokers with RF 3 and min ISR 2, all listed in KAFKA_BROKERS', () => {
    const brokers = Object.keys(services).filter((n) => String(svc(n).image).startsWith('apache/kafka'));
    expect(brokers).toHaveLength(3);
    const envs = brokers.map((b) => composeEnv(svc(b)));
    const voters = (envs[0].get('KAFKA_CONTROLLER_QUORUM_VOTERS') ?? '').split(',').sort();
    expect(voters).toEqual(brokers.map((b, i) => `${envs[i].get('KAFKA_NODE_ID')}@${b}:9093`).sort());
    for (const env of envs) {
      expect(env.get('KAFKA_PROCESS_ROLES')).toContain('controller');
      expect(env.get('KAFKA_DEFAULT_REPLICATION_FACTOR')).toBe('3');
      expect(env.get('KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR')).toBe('3');
      expect(env.get('KAFKA_MIN_INSYNC_REPLICAS')).toBe('2');
    }
    const listed = (composeEnv(svc('intake')).get('KAFKA_BROKERS') ?? '').split(',').map((b) => hostPort(b)[0]);
    expect(listed.sort()).toEqual([...brokers].sort());
  });

  it('Temporal runs on the PostgreSQL service, and TEMPORAL_ADDRESS points at it', () => {
    const server = Object.keys(services).find((n) => String(svc(n).image).startsWith('temporalio/server')) ?? '';
    const env = composeEnv(svc(server));
    expect(env.get('DB')).toMatch(/^postgres12/);
    expect(String(svc(env.get('POSTGRES_SEEDS') ?? '').image)).toMatch(/^postgres:17/);
    expect(hostPort(composeEnv(svc('worker')).get('TEMPORAL_ADDRESS') ?? '')).toEqual([server, 7233]);
    expect(String(svc('temporal-ui').image)).toMatch(/^temporalio\/ui/);
  });

  it('DATABASE_URL reaches the postgres service, database fengqiao, with the app role password', () => {
    const url = new URL(composeEnv(svc('intake')).get('DATABASE_URL') ?? 'x:');
    expect(String(svc(url.hostname).image)).toMatch(/^postgres:17/);
    expect([url.port, url.pathname]).toEqual(['5432', '/fengqiao']);
    expect(decodeURIComponent(url.password)).toBe(composeEnv(svc(url.hostname)).get('FQ_DB_PASSWORD'));
  });

  it('named volumes and configs used by services are declared', () => {
    const doc = composeLoaded.docs[0] ?? {};
    const used = Object.values(services).flatMap((s) => arr(obj(s).volumes).map((v) => String(v).split(':')[0]));
    expect(missing(new Set(Object.keys(obj(doc.volumes))), used.filter((v) => !/^[./~]/.test(v)))).toEqual([]);
    const configs = Object.values(services).flatMap((s) => arr(obj(s).configs).map((c) => scalar(c) ?? String(obj(c).source)));
    expect(missing(new Set(Object.keys(obj(doc.configs))), configs)).toEqual([]);
  });
});
