/**
 * Helpers for the static checks of deploy/ (no Docker engine or cluster needed): YAML loading,
 * a small model of Kubernetes objects, and Compose's environment and depends_on forms. The
 * generic Kubernetes rules are in ./validate-k8s.ts.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseAllDocuments } from 'yaml';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** Scalars as strings (YAML may give numbers or booleans), anything else undefined. */
export const scalar = (v: unknown): string | undefined =>
  ['string', 'number', 'boolean'].includes(typeof v) ? String(v) : undefined;

// ---- loading ------------------------------------------------------------------------------------

export interface Loaded {
  file: string;
  docs: Obj[];
  errors: string[];
}

/** Every document of a YAML stream; merge keys (`<<`) resolved as Compose does. */
export function loadYaml(file: string): Loaded {
  const docs: Obj[] = [];
  const errors: string[] = [];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { merge: true })) {
    for (const e of [...doc.errors, ...doc.warnings]) errors.push(`${basename(file)}: ${e.message}`);
    let js: unknown;
    try {
      js = doc.toJS();
    } catch (e) {
      errors.push(`${basename(file)}: ${(e as Error).message}`); // e.g. an alias without its anchor
      continue;
    }
    if (js === null || js === undefined) continue;
    if (isObj(js)) docs.push(js);
    else errors.push(`${basename(file)}: a document is not a mapping`);
  }
  return { file, docs, errors };
}

// ---- Kubernetes model ---------------------------------------------------------------------------

export interface K8s {
  file: string;
  kind: string;
  name: string;
  namespace?: string;
  doc: Obj;
}

export const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume',
  'StorageClass', 'IngressClass', 'PriorityClass', 'CustomResourceDefinition']);

export function toK8s(files: Loaded[]): K8s[] {
  return files.flatMap((f) =>
    f.docs.map((doc) => {
      const meta = obj(doc.metadata);
      return { file: basename(f.file), kind: scalar(doc.kind) ?? '', name: scalar(meta.name) ?? '',
        namespace: scalar(meta.namespace), doc };
    }),
  );
}

export const find = (objs: K8s[], kind: string, name: string): K8s | undefined =>
  objs.find((o) => o.kind === kind && o.name === name);

export interface PodTemplate {
  owner: K8s;
  labels: Obj;
  spec: Obj;
}

/** The pod templates of every workload kind. */
export function podTemplates(objs: K8s[]): PodTemplate[] {
  const out: PodTemplate[] = [];
  for (const o of objs) {
    const spec = obj(o.doc.spec);
    let tpl: Obj | undefined;
    if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(o.kind)) tpl = obj(spec.template);
    else if (o.kind === 'CronJob') tpl = obj(obj(obj(spec.jobTemplate).spec).template);
    if (tpl) out.push({ owner: o, labels: obj(obj(tpl.metadata).labels), spec: obj(tpl.spec) });
  }
  return out;
}

export const containersOf = (pod: Obj): Obj[] => [...arr(pod.containers), ...arr(pod.initContainers)].map(obj);

/** A selector matches when it is non-empty and every pair is among the labels. */
export const selects = (selector: Obj, labels: Obj): boolean =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

export interface PortRef {
  name?: string;
  port: number;
}
export const containerPorts = (c: Obj): PortRef[] =>
  arr(c.ports).map(obj).map((p) => ({ name: scalar(p.name), port: Number(p.containerPort) }));

/** A port reference (number or name) resolves against declared ports. */
export const hasPort = (ports: PortRef[], ref: unknown): boolean =>
  typeof ref === 'number' ? ports.some((p) => p.port === ref) : ports.some((p) => p.name === scalar(ref));

/** Keys a ConfigMap or Secret defines, undefined when the object does not exist. */
export function keysOf(objs: K8s[], kind: 'ConfigMap' | 'Secret', name: unknown): Map<string, string> | undefined {
  const o = find(objs, kind, scalar(name) ?? '');
  if (!o) return undefined;
  const keys = new Map<string, string>();
  for (const [k, v] of Object.entries(obj(o.doc.data)))
    keys.set(k, kind === 'Secret' ? Buffer.from(scalar(v) ?? '', 'base64').toString('utf8') : (scalar(v) ?? ''));
  for (const [k, v] of Object.entries(obj(o.doc.stringData))) keys.set(k, scalar(v) ?? '');
  return keys;
}

export interface EnvSource {
  from: 'value' | 'ConfigMap' | 'Secret' | 'field';
  value?: string;
}

/** The variables a container receives from env and envFrom, with where each comes from. */
export function effectiveEnv(c: Obj, objs: K8s[]): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>();
  for (const src of arr(c.envFrom).map(obj)) {
    const kind = src.configMapRef ? 'ConfigMap' : 'Secret';
    const keys = keysOf(objs, kind, obj(src.configMapRef ?? src.secretRef).name) ?? new Map<string, string>();
    for (const [k, v] of keys) env.set(`${scalar(src.prefix) ?? ''}${k}`, { from: kind, value: v });
  }
  for (const e of arr(c.env).map(obj)) {
    const name = scalar(e.name) ?? '';
    const from = obj(e.valueFrom);
    if (from.configMapKeyRef || from.secretKeyRef) {
      const kind = from.configMapKeyRef ? 'ConfigMap' : 'Secret';
      const ref = obj(from.configMapKeyRef ?? from.secretKeyRef);
      env.set(name, { from: kind, value: keysOf(objs, kind, ref.name)?.get(scalar(ref.key) ?? '') });
    } else if (e.valueFrom) env.set(name, { from: 'field' });
    else env.set(name, { from: 'value', value: scalar(e.value) ?? '' });
  }
  return env;
}

// ---- Compose helpers ----------------------------------------------------------------------------

/** Compose interpolation with an empty environment: ${VAR:-default} gives the default, $$ gives $. */
export const interpolate = (s: string): string =>
  s.replace(/\$\$|\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g, (m, _name, dflt: string | undefined) =>
    m === '$$' ? '$' : (dflt ?? ''));

/** A service's environment (mapping or list form), interpolated. */
export function composeEnv(service: Obj): Map<string, string> {
  const env = new Map<string, string>();
  const raw = service.environment;
  if (Array.isArray(raw))
    for (const item of raw.map((x) => scalar(x) ?? '')) {
      const i = item.indexOf('=');
      env.set(i < 0 ? item : item.slice(0, i), interpolate(i < 0 ? '' : item.slice(i + 1)));
    }
  else for (const [k, v] of Object.entries(obj(raw))) env.set(k, interpolate(scalar(v) ?? ''));
  return env;
}

/** depends_on as name -> condition (the short list form means service_started). */
export function dependsOn(service: Obj): Map<string, string> {
  const raw = service.depends_on;
  if (Array.isArray(raw)) return new Map(raw.map((n) => [scalar(n) ?? '', 'service_started']));
  return new Map(Object.entries(obj(raw)).map(([k, v]) => [k, scalar(obj(v).condition) ?? 'service_started']));
}

/** Names of services on a depends_on cycle (Compose would refuse to start them). */
export function dependencyCycles(services: Obj): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const onCycle = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      path.slice(path.indexOf(name)).forEach((n) => onCycle.add(n));
      return;
    }
    state.set(name, 'visiting');
    for (const dep of dependsOn(obj(services[name])).keys()) if (dep in services) visit(dep, [...path, name]);
    state.set(name, 'done');
  };
  Object.keys(services).forEach((n) => visit(n, []));
  return [...onCycle];
}
