import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { MAX_ATTACHMENT_BYTES } from './attachment.rules';
import { fileTooLarge, uploadInvalid } from './attachment.errors';

// multer ships without types (and @types/multer is not a dependency); only this factory is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { memoryStorage } = require('multer') as { memoryStorage(): unknown };

/** The part of multer's file this module reads. */
export interface UploadedPart {
  originalname: string;
  buffer: Buffer;
}

export const UPLOAD_FIELD = 'file';

const Multer = FileInterceptor(UPLOAD_FIELD, {
  // In memory: the bytes go to the database in one insert, never to a temporary file on disk.
  storage: memoryStorage(),
  // One file, a few small fields: anything more is refused while the body is read.
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  // Browsers send a UTF-8 file name without saying so; multer would read it as Latin-1.
  defParamCharset: 'utf8',
});

/**
 * Reads one file from the field `file` of a multipart body, with the limits above, and turns
 * multer's refusals into our stable codes (its size limit would otherwise answer PAYLOAD_TOO_LARGE).
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly multer = new Multer();

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(ctx, next);
    } catch (e) {
      if (e instanceof PayloadTooLargeException) throw fileTooLarge();
      if (e instanceof BadRequestException) {
        throw uploadInvalid(e.message, UPLOAD_FIELD);
      }
      throw e;
    }
  }
}
