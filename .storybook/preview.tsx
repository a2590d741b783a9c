import type { Loader, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { startMockWorker } from '../src/mock/browser';
import type { MockWorker } from '../src/mock/browser';
import { createKnobs } from '../src/mock/knobs';
import { resetMockContext } from '../src/mock/server';
import { STORY_DB, STORY_KNOBS, baseAnnotations } from './annotations';
import '../src/react/styles/index.css';
import './preview.css';

/*
 * Why not msw-storybook-addon's default worker: the reference server is a
 * whole stateful server (db, knobs, auto-replies, realtime), so the worker is
 * our own `startMockWorker()`, started once, with every reference-server
 * handler as the worker's *initial* handlers. The addon's loader still owns
 * the per-story part: it drops the previous story's overrides (initial
 * handlers survive `resetHandlers()`) and applies `parameters.msw.handlers`,
 * so a story can force a 500 or an empty list with a plain msw handler.
 * Then the db and knobs go back to the seed, directly on the context: what
 * `POST /__mock/reset` does, without a round trip, and it restores the knobs
 * too (`parameters.mockKnobs` on top).
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

// One loader, not two: Storybook runs loaders concurrently, and the reset must follow the worker start.
const referenceServerLoader: Loader = async (context) => {
  await msw(context);
  const { ctx } = await startReferenceServer();
  resetMockContext(ctx, STORY_DB);
  Object.assign(ctx.knobs, createKnobs({ ...STORY_KNOBS, ...context.parameters.mockKnobs }));
  return {};
};

const preview: Preview = {
  ...baseAnnotations,
  // Written out here (not only in baseAnnotations): the indexer reads preview tags statically.
  tags: ['autodocs'],
  loaders: [referenceServerLoader],
};

export default preview;
