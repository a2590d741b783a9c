import { describe, expect, it } from 'vitest';
import { en, type StringKey } from './en';
import { nl } from './nl';
import { de } from './de';

/** `{placeholder}` names and `{{template}}` tokens, kept apart so neither can stand in for the other. */
function tokens(text: string): { placeholders: string[]; templates: string[] } {
  const placeholders = new Set<string>();
  const templates = new Set<string>();
  for (const match of text.matchAll(/\{\{(\w+)\}\}|\{(\w+)\}/g)) {
    if (match[1] !== undefined) templates.add(match[1]);
    else if (match[2] !== undefined) placeholders.add(match[2]);
  }
  return { placeholders: [...placeholders].sort(), templates: [...templates].sort() };
}

const keys = Object.keys(en) as StringKey[];
const dictionaries = { nl, de } as const;

describe.each(Object.entries(dictionaries))('%s strings', (_locale, dict) => {
  it('has every English key and no others', () => {
    expect(Object.keys(dict).sort()).toEqual([...keys].sort());
  });

  // One test per check (not per key) so the suite's count reflects behaviours, not dictionary size;
  // the failure message still names every offending key.
  it('has a non-empty string for every key', () => {
    const empty = keys.filter((key) => {
      const value = (dict as Record<string, unknown>)[key];
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  it('keeps the English placeholders in every string', () => {
    const mismatched = keys.filter(
      (key) => JSON.stringify(tokens(dict[key] ?? '')) !== JSON.stringify(tokens(en[key])),
    );
    expect(mismatched.map((key) => `${key}: ${dict[key]}`)).toEqual([]);
  });
});

describe('English by area', () => {
  it('gives the provider only the shared strings; a scope adds its area; the bundle and overrides still win', async () => {
    const { createTranslate } = await import('./format');
    const { shared } = await import('./en/shared');
    const { inbox } = await import('./en/inbox');
    const base = createTranslate([shared], { emptyInbox: 'Leeg', retry: 'Nog eens' }, 'nl');
    expect(base('loading')).toBe('Loading…');
    expect(base('retry')).toBe('Nog eens');
    // Not in the provider's English: the key shows, so a part outside its root is easy to spot.
    expect(base('searchLabel')).toBe('searchLabel');
    const scoped = base.withDefaults(inbox);
    expect(scoped('searchLabel')).toBe('Search conversations');
    expect(scoped('emptyInbox')).toBe('Leeg');
    expect(scoped.plural('conversationCount', 1)).toBe('1 conversation');
    expect(scoped.withDefaults(inbox)).toBe(scoped);
    expect(base('searchLabel')).toBe('searchLabel');
  });
});
