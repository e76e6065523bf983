import { baseEnvSchema, parseEnv } from '@fq/config';
import { registerSearchAttributes } from '@fq/temporal';
import { Connection } from '@temporalio/client';

/**
 * `npm run temporal:bootstrap`: registers the custom search attributes on a real cluster (the
 * dev server gets them from its start flags). Safe to repeat: existing ones are left alone.
 */
async function main(): Promise<void> {
  const env = parseEnv(baseEnvSchema);
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  try {
    const added = await registerSearchAttributes(connection, env.TEMPORAL_NAMESPACE);
    console.log(`search attributes: ${added.length ? `added ${added.join(', ')}` : 'all present'}`);
  } finally {
    await connection.close();
  }
}

main().catch((e) => {
  console.error(`temporal bootstrap failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
