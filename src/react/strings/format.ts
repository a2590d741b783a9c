import type { StringKey, Strings } from './en';

type PluralBase<K> = K extends `${infer B}_one` ? B : never;
/** Keys with `_one`/`_other` forms, without the suffix. */
export type PluralKey = PluralBase<StringKey>;

/** Replaces `{name}` placeholders. Unknown placeholders stay as they are. */
export function interpolate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A translate function bound to a dictionary and locale. */
export interface Translate {
  (key: StringKey, vars?: Record<string, string | number>): string;
  /** Plural form by `count` (Intl.PluralRules), with `{count}` filled in. */
  plural(key: PluralKey, count: number, vars?: Record<string, string | number>): string;
}

/** Creates a {@link Translate} for a dictionary. */
export function createTranslate(strings: Strings, locale: string): Translate {
  const rules = new Intl.PluralRules(locale);
  const t = ((key, vars) => interpolate(strings[key], vars)) as Translate;
  t.plural = (key, count, vars) => {
    const form = rules.select(count) === 'one' ? 'one' : 'other';
    return interpolate(strings[`${key}_${form}` as StringKey], { count, ...vars });
  };
  return t;
}
