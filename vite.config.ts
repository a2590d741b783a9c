import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { clientDirectives, stylesheet } from './scripts/build/plugins';

const root = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const externals = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];

// Library build: one ESM file per public entry; every dependency and peer stays external
// (subpaths too, so react/jsx-runtime and date-fns/locale/* are not bundled).
export default defineConfig({
  plugins: [
    react(),
    stylesheet(resolve(root, 'src/react/styles/index.css')),
    clientDirectives(resolve(root, 'src')),
  ],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    copyPublicDir: false,
    lib: {
      formats: ['es'],
      entry: {
        index: resolve(root, 'src/react/index.ts'),
        core: resolve(root, 'src/core/index.ts'),
        'transports/marketplace': resolve(root, 'src/transports/marketplace/index.ts'),
        'transports/shopmonkey': resolve(root, 'src/transports/shopmonkey/index.ts'),
        server: resolve(root, 'src/server/index.ts'),
        'server/redis': resolve(root, 'src/server/redis.ts'),
        mock: resolve(root, 'src/mock/index.ts'),
        'mock/browser': resolve(root, 'src/mock/browser.ts'),
        'mock/node': resolve(root, 'src/mock/node.ts'),
      },
    },
    rolldownOptions: {
      external: (id: string) =>
        externals.some((dep) => id === dep || id.startsWith(`${dep}/`)) || id.startsWith('node:'),
      output: {
        // One file per source module (dist/react/components/…): with `sideEffects` limited to
        // CSS, a host's bundler then drops every module it does not reach. A flat dist/index.js
        // would keep all components, because top-level `Object.assign(Root, { … })`,
        // `forwardRef(…)` and `createContext(…)` calls cannot be proven pure inside one module
        // (UnreadBadge + provider + transport: 92 kB gzip from a flat file, 39 kB like this).
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
});
