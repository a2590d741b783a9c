import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: {
    name: '@storybook/react-vite',
    // Storybook gets its own small Vite config, so a library-mode root config never leaks into it.
    options: { builder: { viteConfigPath: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) } },
  },
  stories: ['../stories/docs/**/*.mdx', '../stories/**/*.stories.tsx'],
  // public/ holds mockServiceWorker.js: the reference server runs in the preview as an msw worker.
  staticDirs: ['../public'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // react-docgen (Babel) rather than react-docgen-typescript: TypeScript 7 has no JS compiler API to load.
  typescript: { reactDocgen: 'react-docgen' },
};

export default config;
