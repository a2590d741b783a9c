import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Vite config for Storybook only (see main.ts). */
export default defineConfig({
  plugins: [react()],
});
