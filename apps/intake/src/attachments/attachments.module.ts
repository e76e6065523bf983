import { Module } from '@nestjs/common';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { UploadInterceptor } from './upload.interceptor';
import { UploaderGuard } from './uploader.guard';

/** Photos and documents of cases: upload, download, and `attach` for case registration. */
@Module({ controllers: [AttachmentsController], providers: [AttachmentsService, UploadInterceptor, UploaderGuard], exports: [AttachmentsService] })
export class AttachmentsModule {}
