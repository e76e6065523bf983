import { Module } from '@nestjs/common';
import { AddressesController } from './addresses.controller';
import { AddressesService } from './addresses.service';

/** The address book (标准地址库) that intake places worded addresses by. */
@Module({ controllers: [AddressesController], providers: [AddressesService] })
export class AddressesModule {}
