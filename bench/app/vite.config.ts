import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repo = resolve(import.meta.dirname, '../..');

/** Production build of the bench page (`bench/run.ts` builds it into node_modules/.cache). */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  publicDir: resolve(repo, 'public'),
  logLevel: 'warn',
  build: {
    outDir: resolve(repo, 'node_modules/.cache/inbox-kit-bench/app'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // `npm run bench -- --profile`: unminified, so CPU-profile samples keep source function names.
    minify: process.env.INBOX_KIT_BENCH_PROFILE ? false : 'oxc',
  },
});
