import { Module } from '@nestjs/common';
import { CategoriesController } from '../org/categories.controller';
import { CategoriesService } from '../org/categories.service';
import { DispatchController } from './dispatch.controller';
import { DispatchService } from './dispatch.service';

/**
 * The category tree and the dispatch catalogue, edited together: each is validated against the
 * other (a department matter may not be sent below the district), under one lock.
 */
@Module({ controllers: [CategoriesController, DispatchController], providers: [CategoriesService, DispatchService] })
export class DispatchModule {}
