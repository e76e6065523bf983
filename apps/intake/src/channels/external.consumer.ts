import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer, TOPICS } from '@fq/events';
import { IntakeService } from '../intake/intake.service';
import { fromExternal } from './channel.mapping';
import { externalRequestSchema } from './channel.schemas';

/**
 * Other systems post requests to fq.intake.external.v1 (plain JSON, see externalRequestSchema).
 * Each is validated and accepted like any channel; the same (source, externalId) twice is one
 * case. A message that is not JSON, fails validation or is refused by triage (e.g. an unknown
 * category) goes to fq.intake.external.v1.dlq with its error.
 */
@Injectable()
export class ExternalIntakeConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly intake: IntakeService,
  ) {}

  onModuleInit(): void {
    this.consumer.onRaw(TOPICS.intakeExternal, 'intake.external-request', async (raw) => {
      const request = externalRequestSchema.parse(JSON.parse(raw));
      await this.intake.accept(fromExternal(request), { login: `system:${request.source}` });
    });
  }
}
