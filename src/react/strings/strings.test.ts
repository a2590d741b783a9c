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

  it.each(keys)('%s is a non-empty string', (key) => {
    const value = (dict as Record<string, unknown>)[key];
    expect(typeof value).toBe('string');
    expect((value as string).trim()).not.toBe('');
  });

  it.each(keys)('%s keeps the English placeholders', (key) => {
    expect(tokens(dict[key] ?? '')).toEqual(tokens(en[key]));
  });
});
