import { http } from 'msw';
import type { HttpHandler } from 'msw';
import type { FieldError } from '../../../core/TransportError';
import type { SmFile } from '../../../transports/shopmonkey/wire';
import type { MockContext } from '../../context';
import { MockHttpError, readJson } from '../../errors';
import { ok } from './respond';
import { param, withAuth } from './withAuth';
import { SHOPMONKEY_MIME_TYPES } from '../../../transports/shopmonkey/capabilities';

/** Largest file in bytes (10 MB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Largest part in bytes (5 MB). */
export const MAX_PART_BYTES = 5 * 1024 * 1024;

/** MIME types an upload may announce: the ones the adapter offers, so the two cannot drift apart. */
const ACCEPTED_FILE_TYPES: readonly string[] = SHOPMONKEY_MIME_TYPES;

/**
 * The documented upload: `PUT /v3/blob` with `{count, fileName, fileSize, fileType}` starts an upload of
 * `count` parts and answers `{id}`. How parts travel is not in the captured reference; this server takes
 * each as the raw body of `PUT /v3/blob/:id/:part` (`part` from 0, at most 5 MB), answers
 * `{id, part, received}` and, once every part is there and the sizes add up, the finished file in the
 * Message `files[]` shape. Its `id` is what a message's `files` array carries. At most 10 MB per file
 * (else 413); images, PDF, text and office documents (else 415).
 */
export function blobHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.put(
      '*/v3/blob',
      withAuth(ctx, async ({ request, db }) => {
        const body = await readJson(request);
        const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<
          string,
          unknown
        >;
        const errors: FieldError[] = [];
        const need = (field: string, ok: boolean, message: string) => {
          if (!ok) errors.push({ field, message, code: 'invalid' });
        };
        need(
          'count',
          Number.isInteger(b.count) && (b.count as number) >= 1 && (b.count as number) <= 100,
          'count must be an integer from 1 to 100.',
        );
        need('fileName', typeof b.fileName === 'string' && b.fileName.trim() !== '', 'fileName is required.');
        need(
          'fileSize',
          Number.isInteger(b.fileSize) && (b.fileSize as number) >= 0,
          'fileSize must be a whole number of bytes.',
        );
        need('fileType', typeof b.fileType === 'string' && b.fileType !== '', 'fileType is required.');
        if (errors.length) throw new MockHttpError('validation_failed', 'Validation failed', errors);
        const fileName = b.fileName as string;
        const fileType = (b.fileType as string).split(';')[0]!.trim().toLowerCase();
        if ((b.fileSize as number) > MAX_FILE_BYTES)
          throw new MockHttpError('payload_too_large', `${fileName} is larger than 10 MB.`);
        if (!ACCEPTED_FILE_TYPES.includes(fileType))
          throw new MockHttpError(
            'unsupported_media_type',
            `${fileName}: files of type ${fileType} are not accepted.`,
          );
        const id = db.nextId('sm_file');
        db.blobs.set(id, {
          id,
          count: b.count as number,
          fileName,
          fileSize: b.fileSize as number,
          fileType,
          parts: new Map(),
        });
        return ok({ id });
      }),
    ),
    http.put(
      '*/v3/blob/:id/:part',
      withAuth(ctx, async ({ request, params, db }) => {
        const upload = db.blobs.get(param(params, 'id'));
        if (!upload) throw new MockHttpError('not_found', 'Upload not found. Start it with PUT /v3/blob.');
        const part = Number(param(params, 'part'));
        if (!Number.isInteger(part) || part < 0 || part >= upload.count)
          throw new MockHttpError('validation_failed', 'Validation failed', [
            { field: 'part', message: `part must be 0 to ${upload.count - 1}.`, code: 'invalid' },
          ]);
        const length = Number(request.headers.get('content-length') ?? 0);
        if (length > MAX_PART_BYTES) throw new MockHttpError('payload_too_large', 'A part is at most 5 MB.');
        // Bytes, not a Blob: in a jsdom test the global Blob is jsdom's and would not take Node's.
        const bytes = new Uint8Array(await request.arrayBuffer());
        if (bytes.byteLength > MAX_PART_BYTES)
          throw new MockHttpError('payload_too_large', 'A part is at most 5 MB.');
        upload.parts.set(part, bytes);
        if (upload.parts.size < upload.count) return ok({ id: upload.id, part, received: upload.parts.size });
        const whole = new Blob(
          Array.from({ length: upload.count }, (_, i) => upload.parts.get(i)!),
          { type: upload.fileType },
        );
        if (whole.size !== upload.fileSize) {
          db.blobs.delete(upload.id);
          throw new MockHttpError('validation_failed', 'Validation failed', [
            {
              field: 'fileSize',
              message: `The parts add up to ${whole.size} bytes, not the announced ${upload.fileSize}.`,
              code: 'invalid',
            },
          ]);
        }
        db.blobs.delete(upload.id);
        // A blob: URL renders in the browser; Node/jsdom without createObjectURL get a stable fake URL.
        const url =
          typeof URL.createObjectURL === 'function'
            ? URL.createObjectURL(whole)
            : `https://files.shopmonkey.mock/${upload.id}/${encodeURIComponent(upload.fileName)}`;
        const file: SmFile = {
          id: upload.id,
          url,
          thumbnailUrl: upload.fileType.startsWith('image/') ? url : null,
          fileSize: whole.size,
          fileType: upload.fileType,
          fileName: upload.fileName,
        };
        db.files.set(file.id, file);
        return ok(file);
      }),
    ),
  ];
}
