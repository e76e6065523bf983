import { Module } from '@nestjs/common';
import { ResidentsModule } from '../residents/residents.module';
import { AttentionController } from './attention.controller';
import { AttentionService } from './attention.service';

/** The dispatcher's attention list and the cluster view. */
@Module({
  imports: [ResidentsModule],
  controllers: [AttentionController],
  providers: [AttentionService],
})
export class AttentionModule {}
