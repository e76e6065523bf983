import { Module } from '@nestjs/common';
import { CaseActionsController, ConferenceController } from './case-actions.controller';
import { CaseActionsService } from './case-actions.service';

@Module({ controllers: [CaseActionsController, ConferenceController], providers: [CaseActionsService] })
export class CaseActionsModule {}
