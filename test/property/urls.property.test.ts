/**
 * safeUrl against the WHATWG URL parser (Node's `URL`, the same algorithm
 * browsers use): whatever it accepts, the browser resolves to the page's own
 * origin or to an explicit http(s) URL; never to another origin by a
 * relative path, never to a script.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeUrl } from '../../src/core/urls';
import type { UrlUse } from '../../src/core/urls';

// C0 controls, DEL and backslash: what the parser would drop or reinterpret.
const UNSAFE = {
  test: (s: string) => [...s].some((ch) => ch.charCodeAt(0) <= 0x1f || ch === '\u007f' || ch === '\\'),
};
const PAGE = 'https://shop.example/inbox/thread?id=1';
const uses: UrlUse[] = ['image', 'document', 'link', 'text'];

/** Pieces hostile URLs are made of: slashes, backslashes, controls, schemes, hosts, encodings. */
const piece = fc.constantFrom(
  '/',
  '//',
  '\\',
  '/\\',
  '\\\\',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u00a0',
  'javascript:',
  'JaVaScRiPt:',
  'vbscript:',
  'data:',
  'data:text/html,',
  'data:image/svg+xml,',
  'blob:',
  'http:',
  'https:',
  'HTTP:',
  'http:/',
  'https:\\\\',
  'file:',
  'ftp:',
  'mailto:',
  'tel:',
  'ws:',
  'evil.example',
  '@evil.example',
  'user:pw@',
  '%2f',
  '%5c',
  '%2F%2F',
  '.',
  '..',
  '/..',
  '?',
  '#',
  ':',
  'x',
  'alert(1)',
  '<script>',
  '"',
  "'",
  '%00',
  '\u2028',
  '\u202e',
);
const hostile = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
const anyString = fc.oneof(
  hostile,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

describe('safeUrl (property, WHATWG URL parser)', () => {
  it('whatever it accepts resolves on the page to its own origin, or to an http(s) URL written as one', () => {
    fc.assert(
      fc.property(anyString, fc.constantFrom(...uses), (raw, use) => {
        const out = safeUrl(raw, use);
        if (out === undefined) return;
        expect(UNSAFE.test(out)).toBe(false);
        const resolved = new URL(out, PAGE);
        if (out.startsWith('/')) {
          expect(out[1]).not.toBe('/');
          expect(resolved.origin).toBe('https://shop.example');
        } else if (resolved.protocol === 'http:' || resolved.protocol === 'https:') {
          expect(raw).toMatch(/^https?:\/\//i);
          expect(resolved.username + resolved.password).toBe('');
        } else if (resolved.protocol === 'mailto:' || resolved.protocol === 'tel:') {
          expect(use).toBe('text');
        } else if (resolved.protocol === 'data:') {
          expect(use === 'image' || use === 'document').toBe(true);
          expect(out).not.toMatch(/^data:(text\/html|application\/xhtml|text\/javascript)/i);
          if (use === 'image') expect(out).toMatch(/^data:image\//i);
        } else {
          // blob: only for images, and only of the page's own origin (none in Node, so never).
          throw new Error(`accepted ${JSON.stringify(raw)} as ${resolved.protocol}`);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('a path starting with one slash is accepted exactly when the parser keeps it on the page origin', () => {
    const path = fc.string({ maxLength: 30 }).map((s) => `/${s}`);
    fc.assert(
      fc.property(
        fc.oneof(
          path,
          hostile.map((s) => `/${s}`),
        ),
        (raw) => {
          const out = safeUrl(raw, 'image');
          const staysHome = (() => {
            try {
              return new URL(raw, PAGE).origin === 'https://shop.example';
            } catch {
              return false;
            }
          })();
          if (out !== undefined) expect(staysHome).toBe(true);
          // Refused only for a reason: leaves the origin, or holds what the parser would drop or rewrite.
          if (out === undefined)
            expect(
              !staysHome ||
                new URL(raw, PAGE).pathname.startsWith('//') ||
                /^\/[\\/]/.test(raw) ||
                UNSAFE.test(raw) ||
                raw.trim() !== raw,
            ).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('accepts every ordinary web URL, normalized as the parser writes it', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.constantFrom(...uses),
        (url, use) => {
          const out = safeUrl(url, use);
          const parsed = new URL(url);
          if (parsed.username || parsed.password) expect(out).toBeUndefined();
          else expect(out).toBe(parsed.href);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the probes of the issue and other classics', () => {
    for (const use of uses) {
      for (const bad of [
        '//evil.example/x',
        '/\\evil.example/x',
        '\\\\evil.example/x',
        '/\t/evil.example/x',
        '/..//evil.example/x',
        '/./%2e%2e//evil.example/x',
        ' /x',
        'javascript:alert(1)',
        'java\nscript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'https://user:pw@evil.example/',
        'http:evil.example',
        'https:/evil.example',
        'file:///etc/passwd',
        'evil.example/x',
      ])
        expect(safeUrl(bad, use)).toBeUndefined();
      expect(safeUrl('/files/a b.pdf', use)).toBe('/files/a%20b.pdf');
      expect(safeUrl('https://cdn.example/x.png', use)).toBe('https://cdn.example/x.png');
    }
    expect(safeUrl('mailto:a@b.example', 'text')).toBe('mailto:a@b.example');
    expect(safeUrl('tel:+31201234567', 'text')).toBe('tel:+31201234567');
    expect(safeUrl('mailto:a@b.example', 'link')).toBeUndefined();
    expect(safeUrl('tel:+31201234567', 'image')).toBeUndefined();
    expect(safeUrl('data:image/png;base64,AAAA', 'image')).toBe('data:image/png;base64,AAAA');
    expect(safeUrl('data:image/png;base64,AAAA', 'link')).toBeUndefined();
    expect(safeUrl('data:application/pdf;base64,AAAA', 'document')).toBe('data:application/pdf;base64,AAAA');
    expect(safeUrl('data:image/svg+xml,<svg/>', 'document')).toBeUndefined();
  });
});
