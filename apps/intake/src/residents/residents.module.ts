import { Module } from '@nestjs/common';
import { PiiVault } from './pii-vault';
import { ResidentsController } from './residents.controller';
import { ResidentsService } from './residents.service';

/** One file per resident (一人一档); phone and ID numbers sealed with PII_KEY. */
@Module({
  controllers: [ResidentsController],
  providers: [{ provide: PiiVault, useFactory: () => PiiVault.fromEnv() }, ResidentsService],
  exports: [ResidentsService, PiiVault],
})
export class ResidentsModule {}
