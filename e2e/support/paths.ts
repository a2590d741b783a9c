import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where screenshots, axe results and build logs go (CI keeps this folder). */
export const ARTIFACTS = join(ROOT, 'artifacts');
/** `npm run build-storybook`'s output. */
export const STORYBOOK_DIR = join(ROOT, 'storybook-static');
/** `vite build --config playground/vite.config.ts`'s output. */
export const PLAYGROUND_DIR = join(ROOT, 'playground', 'dist');
