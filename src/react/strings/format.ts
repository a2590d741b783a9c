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
  /**
   * The same translate with more English defaults (a component area's
   * strings); the locale bundle and the host's overrides still win. Returns
   * itself when `english` is already included. Component roots use it through
   * `StringsScope`.
   */
  withDefaults(english: Partial<Strings>): Translate;
}

/**
 * Creates a {@link Translate}: `english` layers (later ones win), then
 * `localized` (locale bundle + overrides) on top. A key no layer has reads as
 * the key itself: render that part inside its component root, or pass the
 * string in the provider's `strings`.
 */
export function createTranslate(
  english: ReadonlyArray<Partial<Strings>>,
  localized: Partial<Strings>,
  locale: string,
): Translate {
  const strings: Partial<Strings> = Object.assign({}, ...english, localized) as Partial<Strings>;
  const rules = new Intl.PluralRules(locale);
  const t = ((key, vars) => interpolate(strings[key] ?? key, vars)) as Translate;
  t.plural = (key, count, vars) => {
    const form = rules.select(count) === 'one' ? 'one' : 'other';
    return t(`${key}_${form}` as StringKey, { count, ...vars });
  };
  t.withDefaults = (more) =>
    english.includes(more) ? t : createTranslate([...english, more], localized, locale);
  return t;
}
