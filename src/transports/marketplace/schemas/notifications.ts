import * as v from 'valibot';
import { apiPaginationSchema, envelope, nstr, num, str } from './base';

/** A notification. */
export const apiNotificationSchema = v.looseObject({
  id: str,
  type: str,
  title: str,
  body: nstr,
  data: v.nullish(v.record(v.string(), v.unknown())),
  isRead: v.boolean(),
  readAt: nstr,
  createdAt: str,
});

/** `GET /api/notifications`. */
export const apiNotificationListSchema = v.looseObject({
  success: v.optional(v.boolean()),
  data: v.array(apiNotificationSchema),
  pagination: apiPaginationSchema,
});

/** `PATCH /api/notifications/:id/read`. */
export const apiNotificationReadSchema = envelope(apiNotificationSchema);

/** `PATCH /api/notifications/read-all`. */
export const apiReadAllSchema = envelope(v.looseObject({ updatedCount: num }));
