/**
 * Project annotations shared by the Storybook preview (browser, msw worker)
 * and the stories-as-tests in jsdom (stories/stories.test.tsx, Node msw
 * server). Nothing here touches the network layer: each side adds its own
 * loader that starts and resets the reference server.
 */
import type { Decorator, Preview } from '@storybook/react-vite';
import type { MockKnobs } from '../src/mock/knobs';
import type { MockDbOptions } from '../src/mock/server';
import { InboxFrame } from '../stories/support/withInbox';
import type { InboxStoryParameters } from '../stories/support/withInbox';

/** Seed data every story starts from. */
export const STORY_DB: MockDbOptions = { seed: 1 };
/** Knobs every story starts from in the browser: a little latency so loading states are real, no random failures. */
export const STORY_KNOBS: Partial<MockKnobs> = { latencyMs: [30, 150] };

/** What the stories-as-tests read from `parameters.storyTest`. */
export interface StoryTestParameters {
  /** The story renders nothing on purpose (e.g. a badge at 0). @defaultValue false */
  allowEmpty?: boolean;
  /**
   * The play function asserts what only a browser computes (container widths, layout, direction): the
   * jsdom story test renders the story without it, and the Chromium story test runs it. @defaultValue false
   */
  browserOnly?: boolean;
}

declare module 'storybook/internal/csf' {
  interface Parameters {
    /** Identity and frame of the story (stories/support/withInbox.tsx); `false` renders the story without a provider. */
    inbox?: InboxStoryParameters | false;
    /** Reference-server knobs for this story, on top of the defaults (e.g. `{ failureRate: 1 }` or `{ autoReply: false }`). */
    mockKnobs?: Partial<MockKnobs>;
    /** Hints for the stories-as-tests. */
    storyTest?: StoryTestParameters;
  }
}

/** Signs the story in (`parameters.inbox.as`) inside a MessagingProvider with the toolbar's theme and locale. */
export const withInboxFrame: Decorator = (Story, context) => {
  const inbox = context.parameters.inbox;
  if (inbox === false) return <Story />;
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const locale = typeof context.globals.locale === 'string' ? context.globals.locale : 'en';
  const params = inbox ?? {};
  return (
    // Keyed by story and identity so either change starts from a fresh provider, transport and cache.
    <InboxFrame
      key={`${context.id}:${params.as ?? 'buyer'}`}
      parameters={params}
      theme={theme}
      locale={locale}
    >
      <Story />
    </InboxFrame>
  );
};

/** The axe tags the a11y addon and the e2e suite both use (WCAG 2.2 AA + best practice). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Everything of the preview except its network loader. */
export const baseAnnotations = {
  decorators: [withInboxFrame],
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'inbox-kit theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Strings and date locale',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'nl', title: 'Nederlands' },
          { value: 'de', title: 'Deutsch' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, matchers: { color: /(background|color)$/i, date: /Date$/i } },
    a11y: {
      // A violation marks the story's a11y status as failed (the e2e suite enforces zero too).
      test: 'error',
      context: '#storybook-root',
      options: { runOnly: { type: 'tag', values: AXE_TAGS } },
    },
    docs: { toc: true },
    options: {
      storySort: {
        order: [
          'Docs',
          [
            'Getting started',
            'Writing your own transport',
            'Theming with CSS variables',
            'The mock server and its knobs',
          ],
          '*',
        ],
      },
    },
  },
} satisfies Preview;
