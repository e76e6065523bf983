import { Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@fq/auth';
import { Role } from '@fq/domain';
import { ZodBody, ZodQuery } from '@fq/http';
import { AddressesService } from './addresses.service';
import { CreateAddress, SearchAddresses, UpdateAddress, createAddressSchema, searchAddressesSchema, updateAddressSchema } from './addresses.schemas';

/** Who places requests by address: the administrators and the desks that register and dispatch requests. */
const READERS: Role[] = ['admin', 'operator', 'town_centre', 'district_centre'];

/** The address book (标准地址库): the places a request may name in words, each with its point. */
@ApiTags('org')
@ApiBearerAuth()
@Controller('api/v1/addresses')
export class AddressesController {
  constructor(private readonly addresses: AddressesService) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Search by any part of a name or an alias (spaces, punctuation and full width aside), ordered by name, paged; each entry with the grid it lies in.' })
  search(@ZodQuery(searchAddressesSchema) q: SearchAddresses) {
    return this.addresses.search(q);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One entry with its grid (404 ADDRESS_NOT_FOUND).' })
  get(@Param('id') id: string) {
    return this.addresses.get(id);
  }

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Add an entry; the answer names the grid its requests will go to (400 ADDRESS_OUTSIDE_GRIDS; 409 ADDRESS_EXISTS); audited, announced as address.defined.' })
  create(@ZodBody(createAddressSchema) body: CreateAddress, @CurrentUser() user: Principal) {
    return this.addresses.create(body, user);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change the name, aliases, point or active flag; active false retires it (404 ADDRESS_NOT_FOUND; 400 ADDRESS_OUTSIDE_GRIDS); audited, announced.' })
  update(@Param('id') id: string, @ZodBody(updateAddressSchema) body: UpdateAddress, @CurrentUser() user: Principal) {
    return this.addresses.update(id, body, user);
  }
}
