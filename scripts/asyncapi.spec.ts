import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import { EVENTS, EventType, dlqTopic } from '@fq/events';
import { ASYNCAPI_PATH, renderAsyncApi } from './asyncapi';

describe('docs/asyncapi.yaml', () => {
  const rendered = renderAsyncApi();

  it('is what `npm run asyncapi` makes of the catalogue today (run it after changing an event)', () => {
    expect(readFileSync(ASYNCAPI_PATH, 'utf8')).toBe(rendered);
  });

  it('is a valid AsyncAPI 3 document with every event on its topic, each topic with its dead-letter topic', async () => {
    const { document, diagnostics } = await new Parser().parse(rendered);
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    const channels = document!.channels();
    for (const type of Object.keys(EVENTS) as EventType[]) {
      const channel = channels.get(EVENTS[type].topic);
      expect(channel?.messages().get(type)?.payload()?.properties()?.data).toBeDefined();
      expect(channels.get(dlqTopic(EVENTS[type].topic))).toBeDefined();
    }
    expect(channels.get('fq.intake.external.v1')?.messages().all()).toHaveLength(1);
    expect(channels.get('fq.intake.external.v1.dlq')).toBeDefined();
  });
});
