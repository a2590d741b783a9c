import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { MessagingProvider } from '../../src/react/MessagingProvider';
import { storyTransport, STORY_IDENTITIES } from './transports';
import type { StoryIdentity } from './transports';

/** What a story sets in `parameters.inbox`. */
export interface InboxStoryParameters {
  /** Who is signed in. @defaultValue 'buyer' */
  as?: StoryIdentity;
  /** Subscribe to realtime events. @defaultValue true */
  realtime?: boolean;
  /** Width of the frame around the story, e.g. 360 for a narrow layout. */
  width?: number;
  /** Height of the frame. @defaultValue 560 */
  height?: number;
}

/** Renders a story inside a MessagingProvider for the chosen identity, theme and locale. */
export function InboxFrame(props: { parameters: InboxStoryParameters; theme?: 'light' | 'dark'; locale?: string; children: ReactNode }) {
  const as = props.parameters.as ?? 'buyer';
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 5_000 } } }));
  const [transport] = useState(() => storyTransport(as, { realtime: props.parameters.realtime ?? true }));
  const who = STORY_IDENTITIES[as];
  return (
    <MessagingProvider
      transport={transport}
      currentUser={{ id: who.id, name: who.name }}
      queryClient={queryClient}
      theme={props.theme ?? 'light'}
      locale={props.locale ?? 'en'}
    >
      <div
        className="ik-root"
        data-theme={props.theme ?? 'light'}
        style={{ width: props.parameters.width ?? '100%', height: props.parameters.height ?? 560, maxWidth: '100%' }}
      >
        {props.children}
      </div>
    </MessagingProvider>
  );
}
