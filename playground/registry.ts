/// <reference types="vite/client" />
/**
 * The inbox-kit components the playground shows, found by folder so that a
 * component appears here as soon as its `index.ts` lands; a missing one is
 * `undefined` and the playground shows what exists instead.
 */
import type { ComponentType } from 'react';

// Props are checked in each component's own tests; the playground only passes documented basics.
type AnyComponent = ComponentType<any>;

const modules = import.meta.glob<Record<string, unknown>>('../src/react/components/*/index.ts', {
  eager: true,
});

function pick(folder: string, name = folder): AnyComponent | undefined {
  const mod = modules[`../src/react/components/${folder}/index.ts`];
  const value = mod?.[name];
  return typeof value === 'function' || (typeof value === 'object' && value !== null)
    ? (value as AnyComponent)
    : undefined;
}

export const kit = {
  InboxLayout: pick('InboxLayout'),
  Inbox: pick('Inbox'),
  ConversationThread: pick('ConversationThread'),
  Composer: pick('Composer'),
  UnreadBadge: pick('UnreadBadge'),
  NotificationList: pick('NotificationList'),
  NotificationSettings: pick('NotificationSettings'),
};

/** Names of the components that exist in this build. */
export const available = Object.entries(kit)
  .filter(([, c]) => c !== undefined)
  .map(([name]) => name);
