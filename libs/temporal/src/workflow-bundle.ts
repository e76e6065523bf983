import { join } from 'node:path';
import type { WorkerSpec } from './worker';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Where the workflow code is and how to bundle it: webpack must resolve the same `@fq/domain`
 * alias as tsconfig, since workflows import the pure domain rules.
 */
export function workflowBundle(): Pick<WorkerSpec, 'workflowsPath' | 'bundlerOptions'> {
  return {
    workflowsPath: join(ROOT, 'workflows', 'index.ts'),
    bundlerOptions: {
      webpackConfigHook: (config) => {
        config.resolve ??= {};
        config.resolve.alias = { ...(config.resolve.alias as object), '@fq/domain': join(ROOT, 'libs', 'domain', 'src', 'index.ts') };
        return config;
      },
    },
  };
}
