import { safeUrl } from '../../../core/urls';

/** A run of message text: plain text, or a link safe to make clickable. */
export type TextPart = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

// Only these schemes ever become links; `javascript:`, `data:` and friends stay text.
const CANDIDATE =
  /\b(?:https?:\/\/[^\s<>"']+|mailto:[^\s<>"']+@[^\s<>"']+|tel:\+?[0-9][0-9().\- ]{2,}[0-9])/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;
/** The URL if `safeUrl` allows it in message text (http(s), mailto, tel), else `undefined`. */
export function safeHref(candidate: string): string | undefined {
  return safeUrl(candidate, 'text');
}

/**
 * Splits message text into text and link parts. Never produces HTML: the
 * caller renders text nodes and `<a>` elements, so markup in a message is
 * shown as the characters it is.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    let raw = match[0];
    const start = match.index ?? 0;
    // Sentence punctuation after a URL belongs to the sentence; keep balanced ")" though.
    const trail = TRAILING.exec(raw);
    if (trail) {
      let cut = trail[0];
      if (cut.startsWith(')') && raw.slice(0, -cut.length).includes('(')) cut = cut.slice(1);
      if (cut) raw = raw.slice(0, raw.length - cut.length);
    }
    const href = safeHref(raw.startsWith('tel:') ? raw.replace(/[\s().]/g, '') : raw);
    if (!href) continue;
    if (start > last) parts.push({ type: 'text', text: text.slice(last, start) });
    parts.push({ type: 'link', text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ type: 'text', text: text.slice(last) });
  return parts;
}
