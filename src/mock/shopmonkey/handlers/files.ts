import { http } from 'msw';
import type { HttpHandler } from 'msw';
import type { SmFile } from '../../../transports/shopmonkey/wire';
import type { MockContext } from '../../context';
import { MockHttpError } from '../../errors';
import { ok } from './respond';
import { withAuth } from './withAuth';

/** Largest upload in bytes (10 MB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** MIME types `POST /v3/file` accepts. */
export const ACCEPTED_FILE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/**
 * `POST /v3/file` (a mock assumption: the docs say `files` are ids of
 * uploaded files but show no upload route). Multipart with one `file` part;
 * at most 10 MB (else 413); images, PDF, text and office documents (else
 * 415). Answers the Message `files[]` item shape.
 */
export function fileHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.post(
      '*/v3/file',
      withAuth(ctx, async ({ request, db }) => {
        let form: FormData;
        try {
          form = await request.formData();
        } catch {
          throw new MockHttpError('validation_failed', 'Validation failed', [
            {
              field: 'file',
              message: 'Send the file as multipart/form-data in a "file" part.',
              code: 'required',
            },
          ]);
        }
        const file = form.get('file');
        if (!file || typeof file === 'string') {
          throw new MockHttpError('validation_failed', 'Validation failed', [
            { field: 'file', message: 'A "file" part is required.', code: 'required' },
          ]);
        }
        if (file.size > MAX_FILE_BYTES)
          throw new MockHttpError('payload_too_large', `${file.name} is larger than 10 MB.`);
        const type = file.type.split(';')[0]!.trim().toLowerCase();
        if (!ACCEPTED_FILE_TYPES.includes(type))
          throw new MockHttpError(
            'unsupported_media_type',
            `${file.name}: files of type ${type || 'unknown'} are not accepted.`,
          );
        const id = db.nextId('sm_file');
        // A blob: URL renders in the browser; Node/jsdom without createObjectURL get a stable fake URL.
        const url =
          typeof URL.createObjectURL === 'function'
            ? URL.createObjectURL(file)
            : `https://files.shopmonkey.mock/${id}/${encodeURIComponent(file.name)}`;
        const stored: SmFile = {
          id,
          url,
          thumbnailUrl: type.startsWith('image/') ? url : null,
          fileSize: file.size,
          fileType: type,
          fileName: file.name || id,
        };
        db.files.set(id, stored);
        return ok(stored);
      }),
    ),
  ];
}
