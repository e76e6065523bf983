import type { LevelLimits, SlaPolicy, UnitChain } from '@fq/domain';
import { notFound } from '@fq/domain';
import { registerSearchAttributes, rethrowForActivity, workflowBundle } from '@fq/temporal';
import { timeSkippingServerPath } from '@fq/testing';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdminActivities, CaseProgress, DepartmentsActivities, IntakeActivities } from '../case/case.activities';
import type { CaseState, CaseWorkflowInput } from '../case/case.messages';
import { caseStateQuery } from '../case/case.messages';
import { TASK_QUEUES } from '../task-queues';

/**
 * Workflow tests on the time-skipping server: the real workflow code, with activities that
 * record what the workflow asked for (the services themselves are tested against real servers).
 */
export class LadderHarness {
  env!: TestWorkflowEnvironment;
  readonly progress = new Map<string, CaseProgress[]>();
  readonly workOrders = new Map<string, string[]>();
  readonly policies = new Map<string, SlaPolicy>();
  private workers: Worker[] = [];
  private running: Promise<void>[] = [];

  async start(): Promise<void> {
    this.env = await startTimeSkipping();
    await registerSearchAttributes(this.env.connection);
    const departments: DepartmentsActivities = {
      assignCase: async (a) => {
        this.push(this.workOrders, a.caseNumber, `assign ${a.level}#${a.round} ${a.unitCode}`);
        return { workOrderId: `${a.caseNumber}-${a.level}-${a.round}`, assignedAt: new Date().toISOString() };
      },
      updateWorkOrder: async ({ workOrderId, outcome }) => {
        this.push(this.workOrders, workOrderId.split('-')[0], `${outcome} ${workOrderId.split('-').slice(1).join('#')}`);
      },
    };
    const intake: IntakeActivities = { recordProgress: async (p) => this.push(this.progress, p.caseNumber, p) };
    const admin: AdminActivities = {
      resolveSlaPolicy: async (f) => {
        const policy = this.policies.get(f.caseNumber);
        // As admin answers when no rule set is in force or no rule matches.
        if (!policy) rethrowForActivity(notFound('SLA_POLICY_MISSING', `No SLA rule set is in force at ${f.at}.`));
        return policy;
      },
    };
    const connection = this.env.nativeConnection;
    this.workers = await Promise.all([
      Worker.create({ connection, taskQueue: TASK_QUEUES.cases, ...workflowBundle() }),
      Worker.create({ connection, taskQueue: TASK_QUEUES.departments, activities: departments }),
      Worker.create({ connection, taskQueue: TASK_QUEUES.intake, activities: intake }),
      Worker.create({ connection, taskQueue: TASK_QUEUES.admin, activities: admin }),
    ]);
    this.running = this.workers.map((w) => w.run());
  }

  async stop(): Promise<void> {
    this.workers.forEach((w) => w.shutdown());
    await Promise.all(this.running);
    await this.env?.teardown();
  }

  private push<T>(map: Map<string, T[]>, key: string, value: T): void {
    map.set(key, [...(map.get(key) ?? []), value]);
  }

  /**
   * With FQ_RECORD_HISTORIES=1, saves the finished run's history under workflows/histories/ so the
   * replay spec checks future code changes against it (nondeterminism shows there, not in production).
   */
  async record(handle: WorkflowHandle, name: string): Promise<void> {
    if (process.env.FQ_RECORD_HISTORIES !== '1') return;
    const history = await handle.fetchHistory();
    const dir = join(__dirname, '..', 'histories');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.json`), historyToJSON(history));
  }

  kinds(caseNumber: string): string[] {
    return (this.progress.get(caseNumber) ?? []).map((p) => (p.kind === 'sla-breached' || p.kind === 'sla-warning' ? `${p.kind}@${p.level}` : p.kind));
  }

  /** Starts a case with its own number and policy (none: admin answers SLA_POLICY_MISSING until one is set); returns its handle. */
  async startCase(policy: SlaPolicy | undefined, overrides: Partial<CaseWorkflowInput> = {}) {
    const caseNumber = `${Date.now()}${Math.floor(Math.random() * 1e6)}`.slice(0, 19);
    if (policy) this.policies.set(caseNumber, policy);
    const input: CaseWorkflowInput = {
      caseNumber,
      channel: 'hotline',
      title: '路灯不亮',
      categoryCode: null,
      gridCode: CHAIN.grid?.code ?? null,
      level: 'grid',
      unit: CHAIN.grid as NonNullable<UnitChain['grid']>,
      chain: CHAIN,
      correlationId: `corr-${caseNumber}`,
      ...overrides,
    };
    const handle = await this.env.client.workflow.start('caseWorkflow', { workflowId: `case-${caseNumber}`, taskQueue: TASK_QUEUES.cases, args: [input] });
    return { caseNumber, handle, state: () => handle.query(caseStateQuery) };
  }

  /** Polls the query (without moving the clock) until `ok` holds. */
  async until(get: () => Promise<CaseState>, ok: (s: CaseState) => boolean, what: string): Promise<CaseState> {
    let last: CaseState | undefined;
    for (let i = 0; i < 200; i++) {
      last = await get();
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last)}`);
  }
}

/** The server must answer within 5 s of starting; on a loaded machine it sometimes does not: try again. */
async function startTimeSkipping(tries = 5): Promise<TestWorkflowEnvironment> {
  for (let i = 1; ; i++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: timeSkippingServerPath() } } });
    } catch (e) {
      if (i >= tries || !/did not start within/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 2000 * i));
    }
  }
}

export const CHAIN: UnitChain = {
  grid: { code: '370404001001001', name: '第1网格' },
  village: { code: '370404001001', name: '承水社区' },
  town: { code: '370404001', name: '坛山街道' },
  district: { code: '370404', name: '峄城区' },
};

export const limits = (over: Partial<LevelLimits> = {}): LevelLimits => ({
  signWithin: null,
  resolveWithin: { amount: 1, unit: 'days' },
  basis: 'calendar',
  warnAt: [],
  escalateOnBreach: true,
  breachPoints: 2,
  maxExtension: { amount: 2, unit: 'days' },
  ...over,
});

/** A policy with the same limits at every level (override some), rating within 3 days. */
export function policy(level: Partial<LevelLimits> = {}, over: Partial<SlaPolicy> = {}): SlaPolicy {
  const l = limits(level);
  return {
    ruleSetId: 'rs-test',
    version: 1,
    ruleId: 'r1',
    name: 'test rule',
    levels: { grid: l, village: l, town: l, district: l, conference: l, leader: l },
    ratingWithin: { amount: 3, unit: 'days' },
    reopenLimit: 1,
    calendar: { holidays: [], workdays: [] },
    ...over,
  };
}
