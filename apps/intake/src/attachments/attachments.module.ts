import { Module } from '@nestjs/common';
import { AttachmentSweeper } from './attachment-sweeper';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { UploadInterceptor } from './upload.interceptor';
import { UploaderGuard } from './uploader.guard';

/** Photos and documents of cases: upload, download, `attach` for case registration, and the sweep of abandoned uploads. */
@Module({ controllers: [AttachmentsController], providers: [AttachmentsService, AttachmentSweeper, UploadInterceptor, UploaderGuard], exports: [AttachmentsService] })
export class AttachmentsModule {}
