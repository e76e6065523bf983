import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@fq/auth';
import { ROLES } from '@fq/domain';
import { DocParam, RateLimit, uuidSchema, ZodResponse } from '@fq/http';
import { z } from 'zod';
import type { Response } from 'express';
import { fileMissing } from './attachment.errors';
import { contentDisposition } from './attachment.rules';
import { AttachmentsService, StoredAttachment } from './attachments.service';
import { UPLOAD_FIELD, UploadInterceptor, UploadedPart } from './upload.interceptor';
import { Uploader, UploaderGuard } from './uploader.guard';

const STAFF = ROLES.filter((r) => r !== 'resident');

const storedSchema = z.object({ id: z.string().uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string() });

@ApiTags('attachments')
@Controller('api/v1/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Public()
  @HttpCode(201)
  @UseGuards(UploaderGuard)
  @RateLimit('upload') // below UseGuards(UploaderGuard), so it runs first: a flood is refused before tokens are checked
  @UseInterceptors(UploadInterceptor)
  @ApiOperation({
    summary: 'Upload one photo or document (JPEG, PNG, WebP or PDF, at most 10 MiB), typed by its content; register the case with its id.',
  })
  @ApiConsumes('multipart/form-data')
  @ZodResponse(201, storedSchema, 'Stored; register the case with its id.')
  @ApiBody({ schema: { type: 'object', required: [UPLOAD_FIELD], properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary' } } } })
  upload(@UploadedFile() file: UploadedPart | undefined, @Uploader() uploader: string): Promise<StoredAttachment> {
    if (!file) throw fileMissing(UPLOAD_FIELD);
    return this.attachments.store({ originalName: file.originalname, bytes: file.buffer }, uploader);
  }

  @Get(':id')
  @DocParam('id', uuidSchema)
  @Roles(...STAFF)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The bytes of an attachment, with the type read from them when it was uploaded.' })
  async download(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { fileName, contentType, bytes } = await this.attachments.open(id);
    // The stored type is the sniffed one; nosniff keeps browsers from second-guessing it.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-cache');
    return new StreamableFile(bytes, { type: contentType, disposition: contentDisposition(fileName), length: bytes.length });
  }
}
