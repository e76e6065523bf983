import { timeSkippingServerPath } from '@fq/testing';
import { registerSearchAttributes, workflowBundle } from '@fq/temporal';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { TASK_QUEUES } from '../task-queues';
import type { AssignCaseInput, DepartmentsActivities } from './case.activities';
import { CaseWorkflowInput, caseStateQuery } from './case.messages';
import { caseWorkflow } from './case.workflow';

jest.setTimeout(120_000);

describe('caseWorkflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: timeSkippingServerPath() } } });
    await registerSearchAttributes(env.connection);
  });

  afterAll(async () => {
    await env?.teardown();
  });

  const input = (): CaseWorkflowInput => ({
    caseNumber: `2026112${Math.floor(Math.random() * 1e7)}`.padEnd(14, '0'),
    channel: 'hotline',
    title: '路灯不亮',
    categoryCode: null,
    gridCode: '370404001001001',
    level: 'grid',
    unit: { code: '370404001001001', name: '第1网格' },
    correlationId: randomUUID(),
  });

  it('assigns the case to the unit triage chose, and retries the activity until it succeeds', async () => {
    const calls: AssignCaseInput[] = [];
    const departments: DepartmentsActivities = {
      async assignCase(a) {
        calls.push(a);
        if (calls.length === 1) throw new Error('database briefly away');
        return { workOrderId: '7f3c1a52-0d4b-4c8e-9a51-2b9c1d7e0f11', assignedAt: '2026-11-23T08:00:00.000Z' };
      },
    };
    const activityWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUES.departments, activities: departments });
    const workflowWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUES.cases, ...workflowBundle() });
    const args = input();
    await activityWorker.runUntil(
      workflowWorker.runUntil(async () => {
        const handle = await env.client.workflow.start(caseWorkflow, { workflowId: `case-${args.caseNumber}`, taskQueue: TASK_QUEUES.cases, args: [args] });
        let state = await handle.query(caseStateQuery);
        for (let i = 0; i < 50 && state.status !== 'assigned'; i++) {
          await env.sleep('1 second');
          state = await handle.query(caseStateQuery);
        }
        expect(state).toEqual({
          caseNumber: args.caseNumber,
          status: 'assigned',
          level: 'grid',
          unit: args.unit,
          levels: [{ level: 'grid', unitCode: args.unit.code, unitName: args.unit.name, workOrderId: '7f3c1a52-0d4b-4c8e-9a51-2b9c1d7e0f11', enteredAt: '2026-11-23T08:00:00.000Z' }],
        });
        await handle.terminate('test over');
      }),
    );
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ caseNumber: args.caseNumber, level: 'grid', unitCode: args.unit.code, unitName: args.unit.name, title: args.title, correlationId: args.correlationId });
  });
});
