import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Message } from '../../../core/types';

/**
 * Find in a conversation: matching that ignores case and diacritics in the user's locale, and the small
 * store that tells message bodies what to highlight. Kept out of the thread's context so that typing a
 * query re-renders only the bodies on screen, not the feed.
 */

/** Text folded for matching, with the index in the original text of each folded character. */
interface Folded {
  text: string;
  /** `origin[i]` is the index in the original of folded character `i`; one extra entry for the end. */
  origin: number[];
}

function fold(text: string, locale: string): Folded {
  let out = '';
  const origin: number[] = [];
  // Per code point, so every folded character maps back to where it came from (ß → ss keeps both at ß).
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    // Lower case first: in Turkish, İ lowers to i but I (after stripping the dot) would lower to ı.
    const f = ch.toLocaleLowerCase(locale).normalize('NFD').replace(/\p{M}/gu, '');
    for (let k = 0; k < f.length; k++) origin.push(i);
    out += f;
    i += ch.length;
  }
  origin.push(text.length);
  return { text: out, origin };
}

/** Folds a query the way message texts are folded. */
export function foldQuery(query: string, locale: string): string {
  return fold(query.trim(), locale).text;
}

// Folded once per message object and locale: a 10,000-message thread is folded on the first search only.
const foldedCache = new WeakMap<Message, { locale: string; folded: Folded }>();

function foldedOf(message: Message, locale: string): Folded {
  const hit = foldedCache.get(message);
  if (hit && hit.locale === locale) return hit.folded;
  const folded = fold(message.text, locale);
  foldedCache.set(message, { locale, folded });
  return folded;
}

/** The messages whose text contains the (folded) query, newest first. */
export function findMatches(messages: readonly Message[], foldedQuery: string, locale: string): Message[] {
  if (!foldedQuery) return [];
  const out: Message[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (!m.deleted && m.text && foldedOf(m, locale).text.includes(foldedQuery)) out.push(m);
  }
  return out;
}

/** `[start, end)` ranges of the query in the original text, for highlighting. */
export function matchRanges(text: string, foldedQuery: string, locale: string): Array<[number, number]> {
  if (!foldedQuery) return [];
  const f = fold(text, locale);
  const ranges: Array<[number, number]> = [];
  for (
    let at = f.text.indexOf(foldedQuery);
    at >= 0;
    at = f.text.indexOf(foldedQuery, at + foldedQuery.length)
  ) {
    const start = f.origin[at]!;
    // The end is where the original character after the last matched folded one starts.
    let end = f.origin[at + foldedQuery.length] ?? text.length;
    if (end <= start) end = start + 1;
    ranges.push([start, end]);
  }
  return ranges;
}

/** What bodies highlight: the folded query, and the message that is the current match. */
export interface SearchHighlight {
  query: string;
  activeId: string | null;
  locale: string;
}

/** A tiny external store per thread. */
export interface SearchStore {
  get: () => SearchHighlight;
  set: (next: Partial<SearchHighlight>) => void;
  subscribe: (listener: () => void) => () => void;
}

/** Creates a thread's search store (`ConversationThread.Root` holds one). */
export function createSearchStore(locale: string): SearchStore {
  let state: SearchHighlight = { query: '', activeId: null, locale };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      state = { ...state, ...next };
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The thread's search store, or `null` outside a thread (a host's own MessageBody use). */
export const SearchStoreContext = createContext<SearchStore | null>(null);

const noSubscription = () => () => undefined;
const empty = () => '';

/**
 * For one message body: the folded query, and whether this message is the current match. Re-renders only
 * when that answer changes for this message.
 */
export function useSearchHighlight(message: Message): { query: string; active: boolean; locale: string } {
  const store = useContext(SearchStoreContext);
  const key = useSyncExternalStore(
    store ? store.subscribe : noSubscription,
    store
      ? () => {
          const s = store.get();
          if (!s.query) return '';
          return `${s.activeId === message.id ? '1' : '0'}${s.locale}\u0000${s.query}`;
        }
      : empty,
    empty,
  );
  if (!key) return { query: '', active: false, locale: '' };
  const sep = key.indexOf('\u0000');
  return { active: key[0] === '1', locale: key.slice(1, sep), query: key.slice(sep + 1) };
}
