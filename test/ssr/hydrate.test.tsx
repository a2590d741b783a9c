/**
 * Hydrates the markup that plain Node rendered (no DOM there; see renderServer.cli.tsx)
 * with `hydrateRoot` in jsdom, with the same props and the dehydrated cache, and
 * expects no hydration mismatch: no `onRecoverableError`, nothing on console.error.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { hydrate } from '@tanstack/react-query';
import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupMockServer } from '../harness';
import { SSR_CASES, ssrQueryClient, ssrTransport, ssrTree } from './serverRender';
import type { ServerRender, SsrCaseName } from './serverRender';

setupMockServer({ latencyMs: [0, 0] });

const root = resolve(import.meta.dirname, '../..');
let renders: Map<string, ServerRender>;

beforeAll(() => {
  const json = execFileSync(resolve(root, 'node_modules/.bin/tsx'), ['test/ssr/renderServer.cli.tsx'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  renders = new Map((JSON.parse(json) as ServerRender[]).map((r) => [r.name, r]));
}, 60_000);

let mounted: Root | undefined;
afterEach(() => {
  act(() => mounted?.unmount());
  mounted = undefined;
  document.body.innerHTML = '';
  localStorage.clear();
});

async function hydrateCase(name: SsrCaseName, filled: boolean) {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const server = renders.get(name)!;
  const container = document.createElement('div');
  container.innerHTML = filled ? server.html : server.emptyHtml;
  document.body.append(container);
  const queryClient = ssrQueryClient();
  if (filled) hydrate(queryClient, server.state);
  const recoverable: unknown[] = [];
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await act(async () => {
      mounted = hydrateRoot(container, ssrTree(name, ssrTransport(), queryClient), {
        onRecoverableError: (error) => void recoverable.push(error),
      });
      await new Promise((r) => setTimeout(r, 50));
    });
    return {
      recoverable: recoverable.map(String),
      consoleErrors: consoleError.mock.calls.map((c) => c.map(String).join(' ')),
    };
  } finally {
    consoleError.mockRestore();
  }
}

describe('hydration of server-rendered markup', () => {
  it.each(Object.keys(SSR_CASES))('%s hydrates with no mismatch (filled cache)', async (name) => {
    const { recoverable, consoleErrors } = await hydrateCase(name, true);
    expect(recoverable).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it.each(Object.keys(SSR_CASES))(
    '%s hydrates with no mismatch (empty cache, loading state)',
    async (name) => {
      const { recoverable, consoleErrors } = await hydrateCase(name, false);
      expect(recoverable).toEqual([]);
      expect(consoleErrors).toEqual([]);
    },
  );
});
