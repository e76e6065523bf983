import { z } from 'zod';
import { EVENTS, EventType } from './catalog';
import { envelopeSchema } from './envelope';
import { dlqTopic } from './topics';

/** A topic other systems write to in their own shape (not our envelope). */
export interface InboundTopic {
  topic: string;
  summary: string;
  schema: z.ZodType;
}

type Json = Record<string, unknown>;

/** What the Kafka key of each event is: a case's events share its number, so they stay in order. */
const KEYS: Partial<Record<EventType, string>> = {
  'opinion.alerted': 'The alert id (`data.alertId`).',
  'opinion.alert.converted': 'The alert id (`data.alertId`).',
  'opinion.alert.dismissed': 'The alert id (`data.alertId`).',
  'org.unit.defined': 'The unit code (`data.code`).',
  'grid.defined': 'The grid code (`data.code`).',
  'address.defined': 'The address id (`data.id`).',
  'category.defined': 'The category code (`data.code`).',
  'dispatch.catalogue.defined': 'Always `dispatch-catalogue`: versions stay in order.',
};
const CASE_KEY = 'The case number (14 digits, also `caseNumber` in the envelope): one case\'s events stay in order.';
export const keyOf = (type: EventType): string => KEYS[type] ?? CASE_KEY;

/** Draft 7, the base of AsyncAPI's schema object; `input` for what others write to us (defaults may be left out). */
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'output'): Json => {
  const json = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'throw', io }) as Json;
  delete json.$schema; // the document states the schema format once
  return json;
};

const kafkaKey = (description: string) => ({ kafka: { key: { type: 'string', description }, bindingVersion: '0.5.0' } });

function eventMessage(type: EventType): Json {
  const def = EVENTS[type];
  const payload = envelopeSchema.extend({ type: z.literal(type), version: z.literal(def.version), data: def.schema });
  return {
    name: type,
    title: type,
    summary: def.summary,
    contentType: 'application/json',
    payload: jsonSchema(payload),
    bindings: kafkaKey(keyOf(type)),
  };
}

const deadLetterMessage = {
  name: 'dead-letter',
  title: 'A message that could not be handled',
  summary: 'The original message, byte for byte, with why it failed in the headers. Replay it into its topic once the cause is fixed.',
  contentType: 'application/octet-stream',
  headers: {
    type: 'object',
    properties: {
      'fq-error': { type: 'string', description: 'Why it failed: schema issues with their paths, or the error message (at most 4000 characters).' },
      'fq-source-topic': { type: 'string' },
      'fq-source-partition': { type: 'string' },
      'fq-source-offset': { type: 'string' },
      'fq-handler': { type: 'string', description: 'The consumer that refused it; empty when the message could not be read at all.' },
    },
    required: ['fq-error', 'fq-source-topic', 'fq-source-partition', 'fq-source-offset'],
  },
  payload: { type: 'string', description: 'The original message value.' },
};

/**
 * The AsyncAPI 3 document of every topic: the catalogue's events in their envelope (payload
 * schemas converted from the same zod schemas the producers and consumers parse with), the
 * dead-letter topics, and the inbound topics other systems write to.
 */
export function asyncApiDocument(inbound: InboundTopic[], version: string): Json {
  const byTopic = new Map<string, EventType[]>();
  for (const type of Object.keys(EVENTS) as EventType[]) byTopic.set(EVENTS[type].topic, [...(byTopic.get(EVENTS[type].topic) ?? []), type]);
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = { 'dead-letter': deadLetterMessage };
  const ref = (path: string) => ({ $ref: `#/${path}` });
  const addDlq = (topic: string) => {
    channels[dlqTopic(topic)] = { address: dlqTopic(topic), title: `Dead letters of ${topic}`, messages: { 'dead-letter': ref('components/messages/dead-letter') } };
    operations[`${dlqTopic(topic)}.send`] = { action: 'send', channel: ref(`channels/${dlqTopic(topic)}`), summary: `A consumer of ${topic} sets aside a message it cannot handle.`, messages: [ref(`channels/${dlqTopic(topic)}/messages/dead-letter`)] };
  };
  for (const [topic, types] of byTopic) {
    for (const type of types) messages[type] = eventMessage(type);
    channels[topic] = { address: topic, title: topic, messages: Object.fromEntries(types.map((t) => [t, ref(`components/messages/${t}`)])) };
    operations[`${topic}.send`] = { action: 'send', channel: ref(`channels/${topic}`), summary: `Fengqiao publishes on ${topic}.`, messages: types.map((t) => ref(`channels/${topic}/messages/${t}`)) };
    addDlq(topic);
  }
  for (const t of inbound) {
    const name = `${t.topic}.message`;
    messages[name] = { name, title: t.topic, summary: t.summary, contentType: 'application/json', payload: jsonSchema(t.schema, 'input'), bindings: kafkaKey('Any key; the same (source, externalId) twice is one case.') };
    channels[t.topic] = { address: t.topic, title: t.topic, messages: { [name]: ref(`components/messages/${name}`) } };
    operations[`${t.topic}.receive`] = { action: 'receive', channel: ref(`channels/${t.topic}`), summary: t.summary, messages: [ref(`channels/${t.topic}/messages/${name}`)] };
    addDlq(t.topic);
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Fengqiao events',
      version,
      description: [
        'Every event Fengqiao publishes on Kafka, generated from libs/events/src/catalog.ts by `npm run asyncapi` (do not edit by hand).',
        'Each message is a JSON envelope: `id` (unique; handle each id once), `type` and `version` (the event), `occurredAt`, `producer` (the service),',
        '`caseNumber` (when it concerns a case), `correlationId` (the request that started it all) and `causationId` (the event or request that caused this one);',
        'the event itself is in `data`. A case\'s events share its number as the Kafka key, so they arrive in order.',
        'A message a consumer cannot handle goes to `<topic>.dlq` with its error in the headers.',
      ].join('\n'),
    },
    defaultContentType: 'application/json',
    servers: { local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The development broker (`npm run infra:up`); each district runs its own.' } },
    channels,
    operations,
    components: { messages },
  };
}
