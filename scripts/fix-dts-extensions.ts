/**
 * Makes the `.d.ts` files that `tsc -p tsconfig.build.json` emits resolvable under
 * `moduleResolution: node16/nodenext` (and for ESM consumers generally).
 *
 * The sources use extensionless relative imports (`moduleResolution: bundler`), and tsc
 * copies those specifiers into the declarations verbatim. Node-style ESM resolution
 * needs full paths, so `./MessagingProvider` becomes `./MessagingProvider.js` and
 * `./components/Inbox` becomes `./components/Inbox/index.js`. (TS 7's native tsc cannot
 * be loaded by a declaration bundler, hence this small post-pass.)
 *
 * Usage: `tsx scripts/fix-dts-extensions.ts dist/types`
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;

function* declarationFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* declarationFiles(path);
    else if (name.endsWith('.d.ts')) yield path;
  }
}

/** Returns the specifier with an explicit `.js` path, or throws when nothing matches. */
function withExtension(file: string, specifier: string): string {
  if (/\.(js|mjs|cjs|json|css)$/.test(specifier)) return specifier;
  const target = resolve(dirname(file), specifier);
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`;
  throw new Error(`${file}: cannot resolve '${specifier}' to a declaration file`);
}

const root = resolve(process.argv[2] ?? 'dist/types');
let changed = 0;
for (const file of declarationFiles(root)) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(
    SPECIFIER,
    (_m, lead: string, quote: string, spec: string) => `${lead}${quote}${withExtension(file, spec)}${quote}`,
  );
  if (next !== text) {
    writeFileSync(file, next);
    changed += 1;
  }
}
console.log(`fix-dts-extensions: ${changed} declaration files rewritten under ${root}`);
