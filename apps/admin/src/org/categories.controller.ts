import { Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@fq/auth';
import { ZodBody, ZodResponse } from '@fq/http';
import { EVENTS } from '@fq/events';
import { z } from 'zod';
import { CategoriesService } from './categories.service';
import { CreateCategory, UpdateCategory, createCategorySchema, updateCategorySchema } from './categories.schemas';

/** The category tree (10 classes / 22 sub-items in the seed): read by everyone, edited by administrators. */
/** A category as stored: the same fields `category.defined` announces. */
const categorySchema = EVENTS['category.defined'].schema;

@ApiTags('org')
@ApiBearerAuth()
@Controller('api/v1/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ZodResponse(200, z.object({ items: z.array(categorySchema) }))
  @ApiOperation({ summary: 'The category tree as a flat list, with lead departments, department matters and the active flag.' })
  async list() {
    return { items: await this.categories.list() };
  }

  @Get(':code')
  @ZodResponse(200, categorySchema)
  @ApiOperation({ summary: 'One category (404 CATEGORY_NOT_FOUND).' })
  get(@Param('code') code: string) {
    return this.categories.get(code);
  }

  @Post()
  @HttpCode(201)
  @ZodResponse(201, categorySchema, 'Created.')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a class or a sub-item (400 CATEGORY_PARENT_NOT_FOUND, CATEGORY_LEAD_NOT_DEPARTMENT; 409 CATEGORY_EXISTS); audited, announced as category.defined.' })
  create(@ZodBody(createCategorySchema) body: CreateCategory, @CurrentUser() user: Principal) {
    return this.categories.create(body, user);
  }

  @Patch(':code')
  @ZodResponse(200, categorySchema)
  @Roles('admin')
  @ApiOperation({ summary: 'Change the name, lead department, department-matter or active flag (404 CATEGORY_NOT_FOUND; 409 CATEGORY_CONFLICTS_WITH_CATALOGUE); audited, announced.' })
  update(@Param('code') code: string, @ZodBody(updateCategorySchema) body: UpdateCategory, @CurrentUser() user: Principal) {
    return this.categories.update(code, body, user);
  }
}
