import type { Strings } from './en';

/**
 * A locale for {@link MessagingProvider}: the BCP 47 tag used for dates,
 * numbers and plural rules, plus the dictionary. Shipped bundles are
 * `nlLocale` and `deLocale`; a host can build its own
 * (`{ code: 'fr', strings: fr }`, missing keys fall back to English).
 *
 * Bundles are separate exports so a host pays only for the languages it
 * imports: the provider itself carries English alone, and of English only the
 * shared strings; each component root adds its own area's.
 */
export interface LocaleBundle {
  /** BCP 47 tag, e.g. `nl` or `de-AT`. */
  code: string;
  /** The dictionary (partial dictionaries fall back to English per key). */
  strings: Partial<Strings>;
}
