import { workflowBundle } from '@fq/temporal';
import { Worker } from '@temporalio/worker';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

jest.setTimeout(120_000);

const DIR = join(__dirname, '..', 'histories');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

/**
 * Replays histories recorded from earlier runs (FQ_RECORD_HISTORIES=1) against today's workflow
 * code: a change that would break running cases fails here. Such a change goes behind patched().
 */
describe('recorded histories replay with the current workflow code', () => {
  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s', async (file) => {
    const history = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    const workflowId = file.replace(/\.json$/, '');
    await Worker.runReplayHistory({ ...workflowBundle() }, history, workflowId);
  });
});
