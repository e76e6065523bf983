import { DomainError, invalid, notFound } from '@fq/domain';
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS_PER_CASE, MAX_ATTACHMENT_BYTES } from './attachment.rules';

export const fileMissing = (field: string) =>
  invalid('FILE_MISSING', `Send the file as multipart/form-data in the field "${field}", one file per request.`);

export const fileEmpty = () => invalid('FILE_EMPTY', 'The file is empty.');

export const fileTooLarge = () =>
  new DomainError('too_large', 'FILE_TOO_LARGE', `The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB.`, { maxBytes: MAX_ATTACHMENT_BYTES });

export const fileTypeNotAllowed = () =>
  new DomainError('unsupported', 'FILE_TYPE_NOT_ALLOWED', 'Only JPEG, PNG, WebP and PDF files are accepted, recognised by their content (not their name or declared type).', {
    allowed: ATTACHMENT_TYPES,
  });

export const uploadInvalid = (why: string, field: string) =>
  invalid('UPLOAD_INVALID', `The upload could not be read (${why}): send multipart/form-data with one file in the field "${field}".`);

export const invalidAttachmentId = (id: string) => invalid('INVALID_ATTACHMENT_ID', `"${id}" is not an attachment id: attachment ids are UUIDs.`);

export const attachmentNotFound = (id: string) => notFound('ATTACHMENT_NOT_FOUND', `No attachment has the id ${id}.`);

/** An id given with a case that names no uploaded file: the case's request is invalid. */
export const unknownAttachment = (id: string) => invalid('ATTACHMENT_NOT_FOUND', `No uploaded attachment has the id ${id}.`, { id });

export const attachmentInUse = (id: string) =>
  new DomainError('conflict', 'ATTACHMENT_IN_USE', `The attachment ${id} belongs to another case already; upload the file again for this one.`, { id });

export const tooManyAttachments = (n: number) =>
  invalid('TOO_MANY_ATTACHMENTS', `A case has at most ${MAX_ATTACHMENTS_PER_CASE} attachments; this would make ${n}.`, { max: MAX_ATTACHMENTS_PER_CASE });
