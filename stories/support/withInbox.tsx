import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { MessagingProvider } from '../../src/react/MessagingProvider';
import { deLocale } from '../../src/react/strings/de';
import { nlLocale } from '../../src/react/strings/nl';
import type { LocaleBundle } from '../../src/react/strings/locale';
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

/** The toolbar's locale global (a plain string, so Storybook can hold it) as MessagingProvider takes it: the shipped bundles for `nl`/`de`. */
export function storyLocale(code: string | undefined): string | LocaleBundle {
  return code === 'nl' ? nlLocale : code === 'de' ? deLocale : (code ?? 'en');
}

/** Renders a story inside a MessagingProvider for the chosen identity, theme and locale. */
export function InboxFrame(props: {
  parameters: InboxStoryParameters;
  theme?: 'light' | 'dark';
  locale?: string;
  children: ReactNode;
}) {
  const as = props.parameters.as ?? 'buyer';
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 5_000 } } }),
  );
  const [transport] = useState(() => storyTransport(as, { realtime: props.parameters.realtime ?? true }));
  const who = STORY_IDENTITIES[as];
  return (
    <MessagingProvider
      transport={transport}
      currentUser={{ id: who.id, name: who.name }}
      queryClient={queryClient}
      theme={props.theme ?? 'light'}
      locale={storyLocale(props.locale)}
    >
      <div
        className="ik-root"
        data-theme={props.theme ?? 'light'}
        style={{
          width: props.parameters.width ?? '100%',
          height: props.parameters.height ?? 560,
          maxWidth: '100%',
        }}
      >
        {props.children}
      </div>
    </MessagingProvider>
  );
}
