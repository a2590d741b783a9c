/// <reference types="vite/client" />
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startMockWorker } from '../src/mock/browser';
import { App } from './App';
import { loadSettings } from './settings';
import { relayUrl } from './transports';
import '../src/react/styles/index.css';
import './playground.css';

// The reference server runs in this page; render only once the worker intercepts requests.
const settings = loadSettings();
const mock = await startMockWorker({
  seed: 1,
  knobs: settings.knobs,
  serviceWorkerUrl: `${import.meta.env.BASE_URL}mockServiceWorker.js`,
});
(window as unknown as { __inboxKitMock?: typeof mock }).__inboxKitMock = mock;
// Realtime via relay: the page's reference server hands its events to the relay
// (src/mock/relay.ts, RELAY_PUBLISH_PATH), which streams them back to the transports.
const relay = relayUrl();
if (relay) {
  const push = mock.ctx.realtime.publish.bind(mock.ctx.realtime);
  mock.ctx.realtime.publish = (userKey, payload) => {
    push(userKey, payload);
    if (!mock.ctx.knobs.realtime) return;
    void fetch(`${relay}/__relay/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userKey, payload }),
    }).catch(() => undefined);
  };
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initial={settings} />
  </StrictMode>,
);
