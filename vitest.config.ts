import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./test/setup.ts'],
    include: [
      'src/**/*.test.{ts,tsx}',
      'test/**/*.test.{ts,tsx}',
      'stories/**/*.test.{ts,tsx}',
      'examples/**/*.test.{ts,tsx}',
    ],
    testTimeout: 15000,
    pool: 'forks',
  },
});
