/**
 * Generic consistency rules for Kubernetes manifests. Each returns a list of problems (empty when
 * fine), so a failing test names every offender at once.
 */
import {
  arr, CLUSTER_SCOPED, containerPorts, containersOf, find, hasPort, K8s, keysOf, Obj, obj, podTemplates, scalar, selects,
} from './validate';

export function checkIdentity(objs: K8s[], namespace: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const o of objs) {
    const id = `${o.file}: ${o.kind || '?'}/${o.name || '?'}`;
    if (!scalar(o.doc.apiVersion)) problems.push(`${id} has no apiVersion`);
    if (!o.kind) problems.push(`${id} has no kind`);
    if (!o.name) problems.push(`${id} has no metadata.name`);
    if (!CLUSTER_SCOPED.has(o.kind) && o.namespace !== namespace) problems.push(`${id} is not in namespace ${namespace}`);
    if (seen.has(`${o.kind}/${o.name}`)) problems.push(`${id} is defined twice`);
    seen.add(`${o.kind}/${o.name}`);
  }
  return problems;
}

export function checkWorkloadSelectors(objs: K8s[]): string[] {
  return objs
    .filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(o.kind))
    .filter((o) => {
      const spec = obj(o.doc.spec);
      return !selects(obj(obj(spec.selector).matchLabels), obj(obj(obj(spec.template).metadata).labels));
    })
    .map((o) => `${o.kind}/${o.name}: selector.matchLabels does not match the template labels`);
}

/** Services, PodDisruptionBudgets and StatefulSet governing Services point at real pods and ports. */
export function checkServices(objs: K8s[]): string[] {
  const problems: string[] = [];
  const pods = podTemplates(objs);
  for (const svc of objs.filter((o) => o.kind === 'Service')) {
    const spec = obj(svc.doc.spec);
    const targets = pods.filter((p) => selects(obj(spec.selector), p.labels));
    if (targets.length === 0) problems.push(`Service/${svc.name} selects no workload's pods`);
    for (const port of arr(spec.ports).map(obj)) {
      const target = port.targetPort ?? port.port;
      for (const t of targets)
        if (!hasPort(containersOf(t.spec).flatMap(containerPorts), target))
          problems.push(`Service/${svc.name}: targetPort ${String(target)} is not a containerPort of ${t.owner.kind}/${t.owner.name}`);
    }
  }
  for (const pdb of objs.filter((o) => o.kind === 'PodDisruptionBudget')) {
    const sel = obj(obj(obj(pdb.doc.spec).selector).matchLabels);
    if (!pods.some((p) => selects(sel, p.labels))) problems.push(`PodDisruptionBudget/${pdb.name} selects no pods`);
  }
  for (const sts of objs.filter((o) => o.kind === 'StatefulSet')) {
    const svc = find(objs, 'Service', scalar(obj(sts.doc.spec).serviceName) ?? '');
    if (!svc || obj(svc.doc.spec).clusterIP !== 'None')
      problems.push(`StatefulSet/${sts.name}: serviceName is not a headless Service`);
  }
  return problems;
}

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'];

export function checkProbePorts(objs: K8s[]): string[] {
  const problems: string[] = [];
  for (const p of podTemplates(objs))
    for (const c of containersOf(p.spec))
      for (const probeName of PROBES) {
        const probe = obj(c[probeName]);
        const port = obj(probe.httpGet ?? probe.tcpSocket ?? probe.grpc).port;
        if (port !== undefined && !hasPort(containerPorts(c), port))
          problems.push(`${p.owner.kind}/${p.owner.name} ${String(c.name)}: ${probeName} port ${String(port)} is not a containerPort`);
      }
  return problems;
}

/** envFrom, valueFrom, volumes and mounts name ConfigMaps, Secrets, keys and volumes that exist. */
export function checkReferences(objs: K8s[]): string[] {
  const problems: string[] = [];
  const need = (where: string, kind: 'ConfigMap' | 'Secret', ref: Obj, key?: unknown) => {
    if (ref.optional === true) return;
    const keys = keysOf(objs, kind, ref.name);
    if (!keys) problems.push(`${where}: ${kind} ${String(ref.name)} is not defined`);
    else if (key !== undefined && !keys.has(scalar(key) ?? ''))
      problems.push(`${where}: ${kind} ${String(ref.name)} has no key ${String(key)}`);
  };
  for (const p of podTemplates(objs)) {
    const owner = `${p.owner.kind}/${p.owner.name}`;
    const volumes = new Set(arr(p.spec.volumes).map((v) => scalar(obj(v).name)));
    for (const t of arr(obj(p.owner.doc.spec).volumeClaimTemplates)) volumes.add(scalar(obj(obj(t).metadata).name));
    for (const v of arr(p.spec.volumes).map(obj)) {
      if (v.configMap) for (const i of [undefined, ...arr(obj(v.configMap).items).map((x) => obj(x).key)]) need(owner, 'ConfigMap', obj(v.configMap), i);
      if (v.secret) need(owner, 'Secret', { ...obj(v.secret), name: obj(v.secret).secretName });
    }
    for (const c of containersOf(p.spec)) {
      const where = `${owner} ${String(c.name)}`;
      for (const src of arr(c.envFrom).map(obj)) {
        if (src.configMapRef) need(where, 'ConfigMap', obj(src.configMapRef));
        if (src.secretRef) need(where, 'Secret', obj(src.secretRef));
      }
      for (const e of arr(c.env).map(obj)) {
        const from = obj(e.valueFrom);
        if (from.configMapKeyRef) need(where, 'ConfigMap', obj(from.configMapKeyRef), obj(from.configMapKeyRef).key);
        if (from.secretKeyRef) need(where, 'Secret', obj(from.secretKeyRef), obj(from.secretKeyRef).key);
      }
      for (const m of arr(c.volumeMounts).map(obj))
        if (!volumes.has(scalar(m.name))) problems.push(`${where}: volumeMount ${String(m.name)} has no volume`);
    }
  }
  return problems;
}

export function checkIngress(objs: K8s[]): string[] {
  const problems: string[] = [];
  for (const ing of objs.filter((o) => o.kind === 'Ingress'))
    for (const rule of arr(obj(ing.doc.spec).rules).map(obj))
      for (const path of arr(obj(rule.http).paths).map(obj)) {
        const backend = obj(obj(path.backend).service);
        const svc = find(objs, 'Service', scalar(backend.name) ?? '');
        const port = obj(backend.port);
        const ports = arr(obj(svc?.doc.spec).ports).map(obj).map((p) => ({ name: scalar(p.name), port: Number(p.port) }));
        if (!svc) problems.push(`Ingress/${ing.name}: Service ${String(backend.name)} is not defined`);
        else if (!hasPort(ports, port.number ?? port.name))
          problems.push(`Ingress/${ing.name}: Service ${svc.name} has no port ${String(port.number ?? port.name)}`);
      }
  return problems;
}

export function checkResources(objs: K8s[]): string[] {
  const problems: string[] = [];
  for (const p of podTemplates(objs))
    for (const c of containersOf(p.spec)) {
      const r = obj(c.resources);
      for (const part of ['requests', 'limits'])
        for (const res of ['cpu', 'memory'])
          if (scalar(obj(r[part])[res]) === undefined)
            problems.push(`${p.owner.kind}/${p.owner.name} ${String(c.name)}: no ${part}.${res}`);
    }
  return problems;
}
