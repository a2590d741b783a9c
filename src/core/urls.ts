/**
 * Where a URL from the server (or from message text) is used: it decides
 * which kinds are allowed.
 *
 * - `image`: `<img src>` (attachments, thumbnails, avatars, the image viewer).
 * - `document`: a file link, opened with `download` or in a new tab.
 * - `link`: a link the kit renders (a notification's target, an order or listing link).
 * - `text`: a link found in message text; `mailto:` and `tel:` are allowed here only.
 */
export type UrlUse = 'image' | 'document' | 'link' | 'text';

/**
 * Whether `s` holds a character the URL parser drops or reinterprets (C0 controls, DEL, backslash):
 * a URL containing one may mean something else to the browser than it seems to here.
 */
function hasUnsafeChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x1f || c === 0x7f || c === 0x5c) return true;
  }
  return false;
}
const ABSOLUTE_WEB = /^https?:\/\//i;
const INLINE_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif|svg\+xml)[;,]/i;
// Inline documents that a browser would render as an active page are never offered.
const ACTIVE_DOCUMENT =
  /^data:(?:text\/html|image\/svg|application\/(?:xhtml|xml)|text\/xml|text\/javascript)/i;
// Any origin will do: only whether a relative URL stays on it matters.
const PROBE_ORIGIN = 'https://inbox-kit.invalid';

/**
 * The one decision on every URL the kit renders or opens. Returns the URL to
 * use, normalized by the WHATWG URL parser, or `undefined`: the caller then
 * renders the item as plain text (or without the image).
 *
 * Accepted:
 * - absolute `http:`/`https:` URLs, written with their scheme and `//`, without credentials;
 * - root-relative paths that start with exactly one `/` (not `//`, not `/\`), which stay on the page's
 *   origin;
 * - `mailto:` and `tel:`, for links in message text only;
 * - inline `data:` images (raster or SVG, which an `<img>` never runs or lets load anything) for
 *   images, and inline non-active `data:` files for documents (downloaded, never shown in place): both
 *   make no request at all, and the reference server's seed data uses them;
 * - `blob:` URLs of this page's own origin for images (the composer's previews).
 *
 * Refused: everything else, and any URL with a control character, a backslash or leading or
 * trailing whitespace, since the parser would silently drop or reinterpret them.
 *
 * @example
 * safeUrl('/files/a.pdf', 'document'); // '/files/a.pdf'
 * safeUrl('//evil.example/x', 'image'); // undefined
 * safeUrl('mailto:a@b.example', 'text'); // 'mailto:a@b.example'
 */
export function safeUrl(url: string | null | undefined, use: UrlUse): string | undefined {
  if (typeof url !== 'string' || url === '' || url.trim() !== url || hasUnsafeChar(url)) return undefined;
  if (url.startsWith('/')) {
    // '//host' and '/\host' are protocol-relative: another origin.
    if (url[1] === '/' || url[1] === '\\') return undefined;
    const parsed = parse(url, PROBE_ORIGIN);
    if (!parsed || parsed.origin !== PROBE_ORIGIN) return undefined;
    const path = parsed.href.slice(PROBE_ORIGIN.length);
    // Dot segments can collapse into '//' ('/..//evil.example' → '//evil.example'): another origin again.
    return path.startsWith('//') ? undefined : path;
  }
  if (ABSOLUTE_WEB.test(url)) {
    const parsed = parse(url);
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
    if (!parsed.hostname || parsed.username || parsed.password) return undefined;
    return parsed.href;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (use === 'text' && (scheme === 'mailto' || scheme === 'tel')) {
    const parsed = parse(url);
    return parsed && parsed.protocol === `${scheme}:` ? parsed.href : undefined;
  }
  if (scheme === 'data') {
    if (use === 'image' && INLINE_IMAGE.test(url)) return url;
    if (use === 'document' && !ACTIVE_DOCUMENT.test(url) && /^data:[a-z]+\/[a-z0-9.+-]+[;,]/i.test(url))
      return url;
    return undefined;
  }
  if (scheme === 'blob' && use === 'image') {
    const parsed = parse(url);
    const here = typeof location !== 'undefined' ? location.origin : undefined;
    return parsed && here && here !== 'null' && parsed.origin === here ? parsed.href : undefined;
  }
  return undefined;
}

function parse(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}
