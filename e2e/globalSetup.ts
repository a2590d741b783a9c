import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './support/staticServer';
import type { StaticServer } from './support/staticServer';
import { ARTIFACTS, PLAYGROUND_DIR, ROOT, STORYBOOK_DIR } from './support/paths';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the served Storybook build, or '' when it did not build. */
    storybookUrl: string;
    /** The build's log tail when `build-storybook` failed. */
    storybookBuildError: string;
    playgroundUrl: string;
    playgroundBuildError: string;
  }
}

/** Runs a command, keeps its output in artifacts/<name>.log, and resolves with an error message (or '') and the time it took. */
function run(name: string, command: string, args: string[]): Promise<{ error: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on(
      'close',
      (code) =>
        void (async () => {
          const ms = Date.now() - started;
          await writeFile(join(ARTIFACTS, `${name}.log`), log);
          const tail = log
            .split('\n')
            .filter((l) => l.trim())
            .slice(-40)
            .join('\n');
          console.log(
            `[e2e] ${name}: ${code === 0 ? 'built' : `FAILED (exit ${code})`} in ${(ms / 1000).toFixed(1)} s`,
          );
          resolve({
            error: code === 0 ? '' : `${name} failed (exit ${code}); artifacts/${name}.log ends:\n${tail}`,
            ms,
          });
        })(),
    );
  });
}

let servers: StaticServer[] = [];

export default async function setup(project: TestProject) {
  await mkdir(ARTIFACTS, { recursive: true });
  let storybookBuildError = '';
  let playgroundBuildError = '';
  if (process.env.E2E_BUILD !== '0') {
    // One after the other: two cores, and both builds are CPU-bound.
    storybookBuildError = (
      await run('build-storybook', 'npx', ['storybook', 'build', '--quiet', '-o', STORYBOOK_DIR])
    ).error;
    playgroundBuildError = (
      await run('build-playground', 'npx', ['vite', 'build', '--config', 'playground/vite.config.ts'])
    ).error;
  }
  const storybook = storybookBuildError ? undefined : await serveStatic(STORYBOOK_DIR);
  const playground = playgroundBuildError ? undefined : await serveStatic(PLAYGROUND_DIR);
  servers = [storybook, playground].filter((s): s is StaticServer => s !== undefined);
  project.provide('storybookUrl', storybook?.url ?? '');
  project.provide('storybookBuildError', storybookBuildError);
  project.provide('playgroundUrl', playground?.url ?? '');
  project.provide('playgroundBuildError', playgroundBuildError);
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
