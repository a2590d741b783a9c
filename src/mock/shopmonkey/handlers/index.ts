import type { HttpHandler } from 'msw';
import type { MockContext } from '../../context';
import { blobHandlers } from './blob';
import { inboxHandlers } from './inbox';
import { messageHandlers } from './messages';
import { notificationConfigHandlers } from './notificationConfig';
import { templateHandlers } from './templates';
import { threadMetadataHandlers } from './threadMetadata';

/** msw handlers for the Shopmonkey v3 API (`/v3/*`), split by resource. */
export function shopmonkeyHandlers(ctx: MockContext): HttpHandler[] {
  return [
    ...messageHandlers(ctx),
    ...threadMetadataHandlers(ctx),
    ...inboxHandlers(ctx),
    ...notificationConfigHandlers(ctx),
    ...templateHandlers(ctx),
    ...blobHandlers(ctx),
  ];
}
