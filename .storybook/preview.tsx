import type { Decorator, Loader, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { startMockWorker } from '../src/mock/browser';
import type { MockWorker } from '../src/mock/browser';
import { createKnobs } from '../src/mock/knobs';
import type { MockKnobs } from '../src/mock/knobs';
import { resetMockContext } from '../src/mock/server';
import { InboxFrame } from '../stories/support/withInbox';
import type { InboxStoryParameters } from '../stories/support/withInbox';
import '../src/react/styles/index.css';
import './preview.css';

/** Seed data every story starts from. */
const STORY_DB = { seed: 1 } as const;
/** Knobs every story starts from: a little latency so loading states are real, no random failures. */
const STORY_KNOBS: Partial<MockKnobs> = { latencyMs: [30, 150] };

declare module 'storybook/internal/csf' {
  interface Parameters {
    /** Identity and frame of the story (see stories/support/withInbox.tsx); `false` renders the story bare. */
    inbox?: InboxStoryParameters | false;
    /** Reference-server knobs for this story, on top of {@link STORY_KNOBS} (e.g. `{ failureRate: 1 }`). */
    mockKnobs?: Partial<MockKnobs>;
  }
}

/*
 * The reference server is a whole stateful server (db, knobs, auto-replies,
 * realtime), so the worker is started once with all of its handlers as the
 * worker's *initial* handlers. msw-storybook-addon's loader then owns the
 * per-story part: it drops the previous story's overrides (initial handlers
 * survive `resetHandlers()`) and applies `parameters.msw.handlers`, so a
 * story can still force a 500 or an empty list with a plain msw handler.
 * After that the db and knobs are put back to the seed, directly on the
 * context (the same thing `POST /__mock/reset` does, without a round trip,
 * and it restores the knobs too).
 */
let referenceServer: Promise<MockWorker> | undefined;
function startReferenceServer(): Promise<MockWorker> {
  referenceServer ??= startMockWorker({
    ...STORY_DB,
    knobs: STORY_KNOBS,
    // Relative to iframe.html, so a Storybook deployed under a sub-path still finds the worker.
    serviceWorkerUrl: './mockServiceWorker.js',
  });
  return referenceServer;
}
const msw = mswLoader(async () => (await startReferenceServer()).worker);

const mockLoader: Loader = async (context) => {
  await msw(context);
  const { ctx } = await startReferenceServer();
  resetMockContext(ctx, STORY_DB);
  Object.assign(ctx.knobs, createKnobs({ ...STORY_KNOBS, ...context.parameters.mockKnobs }));
  return {};
};

/** Signs the story in (parameters.inbox.as) inside a MessagingProvider with the toolbar's theme and locale. */
const withInboxFrame: Decorator = (Story, context) => {
  const inbox = context.parameters.inbox;
  if (inbox === false) return <Story />;
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const locale = typeof context.globals.locale === 'string' ? context.globals.locale : 'en';
  const params = inbox ?? {};
  return (
    // Keyed by identity and story so switching either starts from a clean provider.
    <InboxFrame key={`${context.id}:${params.as ?? 'buyer'}`} parameters={params} theme={theme} locale={locale}>
      <Story />
    </InboxFrame>
  );
};

const preview: Preview = {
  loaders: [mockLoader],
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
      // Fail the story's a11y status on violations (what the e2e suite enforces too).
      test: 'error',
      context: '#storybook-root',
      options: {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      },
    },
    docs: { toc: true },
    options: {
      storySort: { order: ['Docs', ['Getting started', 'Writing your own transport', 'Theming with CSS variables', 'The mock server and its knobs'], '*'] },
    },
  },
};

export default preview;
