import { Logger } from '@nestjs/common';
import { ZodError } from 'zod';
import { KafkaClient } from './kafka';
import { dlqTopic } from './topics';

export interface Undeliverable {
  topic: string;
  partition: number;
  offset: string;
  /** The message's key, kept so a replay (npm run dlq:replay) keeps the key's order. */
  key?: Buffer | string | null;
  raw: string;
  error: unknown;
  handler?: string;
}

/** Why a message failed, one line: zod issues with their paths, or the error's message. */
export function reasonOf(error: unknown): string {
  return error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ') : String((error as Error)?.message ?? error);
}

/** Sends a message that cannot be handled to `<topic>.dlq`, its error in the headers: never silently dropped. */
export async function deadLetter(kafka: KafkaClient, logger: Logger, u: Undeliverable): Promise<void> {
  const reason = reasonOf(u.error);
  const handler = u.handler ?? '';
  logger.error(`dead-lettering ${u.topic}[${u.partition}]@${u.offset}${handler ? ` (${handler})` : ''}: ${reason}`);
  const producer = await kafka.getProducer();
  await producer.send({
    topic: dlqTopic(u.topic),
    messages: [
      {
        key: u.key ?? null,
        value: u.raw,
        headers: { 'fq-error': reason.slice(0, 4000), 'fq-source-topic': u.topic, 'fq-source-partition': String(u.partition), 'fq-source-offset': u.offset, 'fq-handler': handler },
      },
    ],
  });
}
