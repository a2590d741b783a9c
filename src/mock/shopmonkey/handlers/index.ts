import type { HttpHandler } from 'msw';
import type { MockContext } from '../../context';
import { fileHandlers } from './files';
import { inboxHandlers } from './inbox';
import { messageHandlers } from './messages';
import { notificationConfigHandlers } from './notificationConfig';
import { threadMetadataHandlers } from './threadMetadata';

/** msw handlers for the Shopmonkey v3 API (`/v3/*`), split by resource. */
export function shopmonkeyHandlers(ctx: MockContext): HttpHandler[] {
  return [
    ...messageHandlers(ctx),
    ...threadMetadataHandlers(ctx),
    ...inboxHandlers(ctx),
    ...notificationConfigHandlers(ctx),
    ...fileHandlers(ctx),
  ];
}
