/** The library build's own plugins (vite.config.ts): client directives and the one stylesheet. */
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { USE_CLIENT, classifyClientModules } from './clientBoundary';
import type { BuiltModule } from './clientBoundary';
import { buildStylesheet } from './stylesheet';

/**
 * Starts every client module (see clientBoundary.ts) with `"use client"`. Rolldown drops
 * module-level directives from sources, and the decision needs the whole module graph, so it
 * is made on the finished chunks (one per module: `preserveModules`). The source map moves one
 * line down with the code.
 */
export function clientDirectives(srcRoot: string): Plugin {
  return {
    name: 'inbox-kit-client-directives',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const modules: BuiltModule[] = chunks.map((c) => {
        const id = c.facadeModuleId ?? c.moduleIds[0];
        const source = id && !id.startsWith('\0') ? relative(srcRoot, id).split('\\').join('/') : undefined;
        return { fileName: c.fileName, source, code: c.code };
      });
      const client = classifyClientModules(modules);
      for (const c of chunks) {
        if (!client.has(c.fileName)) continue;
        c.code = `${USE_CLIENT}\n${c.code}`;
        if (c.map) c.map.mappings = `;${c.map.mappings}`;
        const mapAsset = bundle[`${c.fileName}.map`];
        if (mapAsset?.type === 'asset' && typeof mapAsset.source === 'string') {
          const map = JSON.parse(mapAsset.source) as { mappings: string };
          map.mappings = `;${map.mappings}`;
          mapAsset.source = JSON.stringify(map);
        }
      }
    },
  };
}

/** Emits dist/styles.css: src/react/styles/index.css with its imports inlined into the layer. */
export function stylesheet(entry: string): Plugin {
  return {
    name: 'inbox-kit-stylesheet',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: buildStylesheet(entry) });
    },
  };
}
