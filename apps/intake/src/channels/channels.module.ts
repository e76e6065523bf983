import { Module } from '@nestjs/common';
import { IntakeCoreModule } from '../intake/intake-core.module';
import { ChannelsController } from './channels.controller';
import { ExternalIntakeConsumer } from './external.consumer';
import { OpinionAlertsService } from './opinion-alerts.service';
import { OpinionService } from './opinion.service';

@Module({ imports: [IntakeCoreModule], controllers: [ChannelsController], providers: [OpinionService, OpinionAlertsService, ExternalIntakeConsumer] })
export class ChannelsModule {}
