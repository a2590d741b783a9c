/// <reference types="vite/client" />
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startMockWorker } from '../src/mock/browser';
import { App } from './App';
import { loadSettings } from './settings';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initial={settings} />
  </StrictMode>,
);
