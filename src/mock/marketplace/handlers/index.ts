import type { HttpHandler } from 'msw';
import type { MockContext } from '../../context';
import { apiMessageHandlers } from './apiMessages';
import { assetHandlers } from './assets';
import { authHandlers } from './auth';
import { conversationHandlers } from './conversations';
import { messageHandlers } from './messages';
import { notificationHandlers } from './notifications';
import { reportHandlers } from './report';
import { templateHandlers } from './templates';
import { unreadHandlers } from './unread';

/** msw handlers for the marketplace API: `/v1/messages/*`, `/api/messages/*`, `/api/notifications/*`, `/api/auth/*`. */
export function marketplaceHandlers(ctx: MockContext): HttpHandler[] {
  return [
    ...templateHandlers(ctx),
    ...unreadHandlers(ctx),
    ...conversationHandlers(ctx),
    ...messageHandlers(ctx),
    ...reportHandlers(ctx),
    ...apiMessageHandlers(ctx),
    ...notificationHandlers(ctx),
    ...authHandlers(ctx),
    ...assetHandlers(ctx),
  ];
}
