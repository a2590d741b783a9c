import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { FieldError } from '../../../core/TransportError';
import type { MockContext } from '../../context';
import { MockHttpError, readJsonObject } from '../../errors';
import type { MkReport } from '../db';
import { assertValid } from '../operations';
import { loadConversation } from './access';
import { param, withAuth } from './withAuth';

const REASONS: ReadonlyArray<MkReport['reason']> = ['spam', 'fraud', 'harassment', 'inappropriate', 'other'];

/** `POST /v1/messages/:messageId/report`: once per message and user (409 after). */
export function reportHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.post(
      '*/v1/messages/:messageId/report',
      withAuth(ctx, async ({ request, params, user, db }) => {
        const id = param(params, 'messageId');
        const message = db.messageById.get(id);
        if (!message) throw new MockHttpError('not_found', `Message ${id} not found.`);
        loadConversation(db, message.conversationId, user);
        const body = await readJsonObject(request);
        const errors: FieldError[] = [];
        if (!REASONS.includes(body.reason as MkReport['reason']))
          errors.push({
            field: 'reason',
            message: `Reason must be one of ${REASONS.join(', ')}.`,
            code: 'invalid_enum',
          });
        const details = typeof body.details === 'string' ? body.details.trim() : '';
        if (body.reason === 'other' && !details)
          errors.push({ field: 'details', message: 'Please describe the problem.', code: 'required' });
        if (details.length > 1000)
          errors.push({
            field: 'details',
            message: 'Details must be at most 1000 characters.',
            code: 'too_big',
          });
        if (message.senderId === user.id)
          errors.push({
            field: 'message_id',
            message: 'You cannot report your own message.',
            code: 'own_message',
          });
        assertValid(errors);
        if (db.reports.some((r) => r.messageId === id && r.reporterId === user.id))
          throw new MockHttpError('conflict', 'You already reported this message.');
        const report: MkReport = {
          id: db.nextId('rpt'),
          messageId: id,
          reporterId: user.id,
          reason: body.reason as MkReport['reason'],
          details: details || null,
          createdAt: ctx.knobs.now().toISOString(),
        };
        db.reports.push(report);
        return HttpResponse.json(
          {
            success: true,
            data: {
              report: {
                id: report.id,
                message_id: id,
                reason: report.reason,
                details: report.details,
                status: 'pending',
                created_at: report.createdAt,
              },
            },
          },
          { status: 201 },
        );
      }),
    ),
  ];
}
