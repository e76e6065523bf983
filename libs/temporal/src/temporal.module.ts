import { Global, Module } from '@nestjs/common';
import { TemporalClient } from './temporal-client';
import { TemporalDispatcher } from './temporal.dispatcher';

/** A Temporal client for the service, and the outbox lane that starts workflows. Needs EventsModule. */
@Global()
@Module({ providers: [TemporalClient, TemporalDispatcher], exports: [TemporalClient] })
export class TemporalModule {}
