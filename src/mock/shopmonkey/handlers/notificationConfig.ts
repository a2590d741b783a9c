import { http } from 'msw';
import type { HttpHandler } from 'msw';
import type { FieldError } from '../../../core/TransportError';
import type { SmNotificationConfigEntry, SmNotificationType } from '../../../transports/shopmonkey/wire';
import type { MockContext } from '../../context';
import { MockHttpError, readJson } from '../../errors';
import { ok, okList } from './respond';
import { ownUser, withAuth } from './withAuth';

const TYPES: readonly SmNotificationType[] = ['message', 'appointment', 'order', 'payment'];

/**
 * `GET/PUT /v3/user/:id/notification_config`: an array of
 * `{sendEmail, sendInApp, sendSms, type?}`; an entry without `type` is the
 * default. `PUT` replaces the whole array and answers `data: null`.
 */
export function notificationConfigHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.get(
      '*/v3/user/:id/notification_config',
      withAuth(ctx, (req) => {
        const user = ownUser(req);
        const config = req.db.notificationConfig.get(user.id) ?? [];
        return okList(
          config.map((e) => ({ ...e })),
          { hasMore: false, total: config.length },
        );
      }),
    ),
    http.put(
      '*/v3/user/:id/notification_config',
      withAuth(ctx, async (req) => {
        const user = ownUser(req);
        const body = await readJson(req.request);
        req.db.notificationConfig.set(user.id, validateConfig(body));
        return ok(null);
      }),
    ),
  ];
}

function validateConfig(body: unknown): SmNotificationConfigEntry[] {
  if (!Array.isArray(body)) {
    throw new MockHttpError('validation_failed', 'Validation failed', [
      { field: 'body', message: 'The body must be an array of notification settings.', code: 'invalid_type' },
    ]);
  }
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const out: SmNotificationConfigEntry[] = [];
  body.forEach((raw, i) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      errors.push({ field: `[${i}]`, message: 'Each entry must be an object.', code: 'invalid_type' });
      return;
    }
    const e = raw as Record<string, unknown>;
    for (const key of ['sendEmail', 'sendInApp', 'sendSms'] as const) {
      if (typeof e[key] !== 'boolean')
        errors.push({ field: `[${i}].${key}`, message: `${key} must be a boolean.`, code: 'invalid_type' });
    }
    const type = e.type;
    if (type !== undefined && type !== null && !TYPES.includes(type as SmNotificationType)) {
      errors.push({
        field: `[${i}].type`,
        message: `type must be one of ${TYPES.join(', ')}.`,
        code: 'invalid_value',
      });
    }
    const key = typeof type === 'string' ? type : '(default)';
    if (seen.has(key))
      errors.push({
        field: `[${i}].type`,
        message: `There is already an entry for ${key}.`,
        code: 'duplicate',
      });
    seen.add(key);
    out.push({
      sendEmail: e.sendEmail === true,
      sendInApp: e.sendInApp === true,
      sendSms: e.sendSms === true,
      ...(typeof type === 'string' ? { type: type as SmNotificationType } : {}),
    });
  });
  if (errors.length) throw new MockHttpError('validation_failed', 'Validation failed', errors);
  return out;
}
