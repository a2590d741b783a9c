import * as v from 'valibot';
import { envelope, num } from './base';

/** Unread counts: all the badge's verb needs. */

const unreadEntries = { unread_count: num, conversations_with_unread: num };

/** `GET /v1/messages/unread` and `PUT …/read`. */
export const v1UnreadSchema = envelope(v.looseObject(unreadEntries));

/** `{data: {count}}` (unread counts). */
export const apiCountSchema = envelope(v.looseObject({ count: num }));
