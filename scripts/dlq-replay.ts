import { baseEnvSchema, parseEnv } from '@fq/config';
import { replayDeadLetters } from '@fq/events';
import { Kafka, logLevel } from 'kafkajs';

const USAGE = 'usage: npm run dlq:replay -- --topic <topic>.dlq [--limit N]';

/**
 * `npm run dlq:replay -- --topic fq.case.v1.dlq [--limit N]`: sends dead letters back to their
 * topic, oldest first, once each (the group fq-dlq-replay remembers how far it got). Fix the
 * cause first (each dead letter's `fq-error` header says it), or they come back to the DLQ.
 */
async function main(args: string[]): Promise<void> {
  const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const topic = arg('--topic');
  const limitText = arg('--limit');
  const limit = limitText === undefined ? undefined : Number(limitText);
  if (!topic || (limit !== undefined && (!Number.isInteger(limit) || limit < 1))) throw new Error(USAGE);
  const { KAFKA_BROKERS } = parseEnv(baseEnvSchema);
  const kafka = new Kafka({ clientId: 'fq-dlq-replay', brokers: KAFKA_BROKERS, logLevel: logLevel.ERROR });
  const r = await replayDeadLetters(kafka, { topic, limit });
  console.log(`${topic}: ${r.replayed} replayed into ${r.source}, ${r.remaining} left`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`dlq:replay: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
